"""Reads."""

from .codes import normalise_code
from .models import Certificate

# What the learner's list shows (templates/certificates/includes/learner_certificates.html): title,
# date, code and the links made from it, the status (revoked, expired) and whether a credential exists.
LIST_FIELDS = ("id", "recipient_id", "code", "title", "issued_on", "expires_on", "revoked_at", "credential_signed_at")


def certificate_list_for_user(*, user) -> list[Certificate]:
    return list(Certificate.objects.filter(recipient=user).only(*LIST_FIELDS).order_by("-issued_on", "-pk"))


def certificate_get_by_code(*, code: str) -> Certificate | None:
    """The certificate for a code as typed (any case, dashes, spaces, O/I/L confusions), or None."""
    normalised = normalise_code(code)
    if normalised is None:
        return None
    return Certificate.objects.filter(code=normalised).first()


def certificates_issued_between(*, start, end) -> dict:
    """Certificates issued in [start, end] and not revoked: how many, and the latest issue date."""
    from django.db.models import Count, Max

    return Certificate.objects.filter(issued_on__gte=start, issued_on__lte=end, revoked_at__isnull=True).aggregate(
        count=Count("pk"), last=Max("issued_on")
    )
