"""Reads."""

from .codes import normalise_code
from .models import Certificate


def certificate_list_for_user(*, user) -> list[Certificate]:
    fields = ("credential_json", "achievement_description", "criteria_narrative")
    return list(Certificate.objects.filter(recipient=user).defer(*fields).order_by("-issued_on", "-pk"))


def certificate_get_by_code(*, code: str) -> Certificate | None:
    """The certificate for a code as typed (any case, dashes, spaces, O/I/L confusions), or None."""
    normalised = normalise_code(code)
    if normalised is None:
        return None
    return Certificate.objects.filter(code=normalised).first()
