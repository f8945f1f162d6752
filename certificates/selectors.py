"""Reads."""

from kok_learn.prepared_query import PreparedQuery

from .codes import normalise_code
from .models import Certificate

# What the learner's list shows (templates/certificates/includes/learner_certificates.html): title,
# date, code and the links made from it, the status (revoked, expired) and whether a credential exists.
LIST_FIELDS = ("id", "recipient_id", "code", "title", "issued_on", "expires_on", "revoked_at", "credential_signed_at")


def certificate_list_for_user(*, user) -> list[Certificate]:
    """The person's certificates, newest first, with only what the list shows (``LIST_FIELDS``)."""
    return LIST_FOR_USER.run(user.pk)


# Asked on every "Moje učenje": the SQL is built once per process (kok_learn/prepared_query.py).
LIST_FOR_USER = PreparedQuery(
    lambda user_id: Certificate.objects.filter(recipient_id=user_id).only(*LIST_FIELDS).order_by("-issued_on", "-pk"),
    placeholders=(int,),
)


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
