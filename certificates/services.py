"""Writes: issuing, revoking and regenerating certificates.

Callers (courses, mentoring) pass a subject key, a title and hours; this app knows no course
and no pairing. Issuing is idempotent per (recipient, subject_key), enforced by the database.
"""

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kok_learn.names import clean_person_name

from .codes import generate_code
from .models import Certificate, CertificateTemplate

# A fresh 60-bit code collides with an existing one practically never; a handful of retries
# turns "practically" into "never" without looping forever on a broken database.
_CODE_ATTEMPTS = 5


def _schedule_render(certificate_id: int) -> None:
    from .tasks import render_certificate_pdf

    transaction.on_commit(lambda: render_certificate_pdf.enqueue(certificate_id))


def _find_existing(*, recipient, subject_key: str) -> Certificate | None:
    return Certificate.objects.filter(recipient=recipient, subject_key=subject_key).first()


def certificate_issue(
    *,
    recipient,
    subject_key: str,
    title: str,
    hours: Decimal | int | float | str,
    template: CertificateTemplate | None = None,
    issuer: str = "",
    issued_on: datetime.date | None = None,
    expires_on: datetime.date | None = None,
) -> Certificate:
    """Issue a certificate once per person and subject; on a repeat return the existing one.

    The PDF is rendered by a background task after the surrounding transaction commits.
    """
    existing = _find_existing(recipient=recipient, subject_key=subject_key)
    if existing is not None:
        return existing

    if template is None:
        template = CertificateTemplate.objects.filter(is_default=True).first()
    certificate = Certificate(
        recipient=recipient,
        subject_key=subject_key,
        holder_name=clean_person_name(recipient.display_name or "")[:150],
        title=title[:255],
        hours=Decimal(str(hours or 0)),
        issuer=issuer[:200],
        template=template,
        issued_on=issued_on or timezone.localdate(),
        expires_on=expires_on,
    )
    for _attempt in range(_CODE_ATTEMPTS):
        certificate.code = generate_code()
        # Field validation here; uniqueness is the database's job (a check in Python would race).
        certificate.full_clean(validate_unique=False, validate_constraints=False)
        try:
            with transaction.atomic():
                certificate.save(force_insert=True)
        except IntegrityError:
            existing = _find_existing(recipient=recipient, subject_key=subject_key)
            if existing is not None:
                # Another request issued it a moment ago: that one is the certificate.
                return existing
            certificate.pk = None  # the code collided; draw another
            continue
        _schedule_render(certificate.pk)
        return certificate
    raise IntegrityError("Could not draw a unique certificate code.")


@transaction.atomic
def certificate_revoke(*, certificate: Certificate, reason: str) -> Certificate:
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"revoked_reason": _("Give the reason for revoking the certificate.")})
    if certificate.revoked_at:
        raise ValidationError(_("This certificate has already been revoked."))
    certificate.revoked_at = timezone.now()
    certificate.revoked_reason = reason
    certificate.full_clean(validate_unique=False, validate_constraints=False)
    certificate.save(update_fields=["revoked_at", "revoked_reason", "updated_at"])
    return certificate


@transaction.atomic
def certificate_regenerate(*, certificate: Certificate) -> Certificate:
    """Render the PDF again (after a template change or a failed render), in the background."""
    _schedule_render(certificate.pk)
    return certificate


@transaction.atomic
def certificate_anonymise_for_user(*, user) -> int:
    """Keep the register, drop the person: blank the name snapshot and unlink the account.

    The PDFs carry the name too, so they are deleted; verification then shows no name.
    """
    from .rendering import delete_pdf

    certificates = list(Certificate.objects.filter(recipient=user))
    for certificate in certificates:
        delete_pdf(certificate)
    return Certificate.objects.filter(pk__in=[c.pk for c in certificates]).update(
        recipient=None, holder_name="", pdf_name="", pdf_rendered_at=None, updated_at=timezone.now()
    )
