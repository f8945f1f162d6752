"""Writes: issuing, revoking and regenerating certificates.

Callers (courses, mentoring) pass a subject key, a title and hours; this app knows no course
and no pairing. Issuing is idempotent per (recipient, subject_key), enforced by the database.
"""

import datetime
import json
import logging
import secrets
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kok_learn.names import clean_person_name

from .codes import generate_code
from .credentials.build import identity_hash, unsigned_credential
from .credentials.keys import KeyUnavailable, iso_utc, signing_key, verification_method_id
from .credentials.proof import sign
from .credentials.status_list import forget_all_status_lists, forget_status_list
from .models import Certificate, CertificateTemplate, IssuerKey

logger = logging.getLogger(__name__)

# A fresh 60-bit code collides with an existing one practically never; a handful of retries
# turns "practically" into "never" without looping forever on a broken database.
_CODE_ATTEMPTS = 5


def _schedule_render(certificate_id: int) -> None:
    from .tasks import render_certificate_pdf

    transaction.on_commit(lambda: render_certificate_pdf.enqueue(certificate_id))


def _absolute(url: str) -> str:
    """A site path ("/tecajevi/...") as an address on the public site; anything else unchanged."""
    from .credentials.keys import public_base_url

    return public_base_url() + url if url.startswith("/") else url


def _find_existing(*, recipient, subject_key: str) -> Certificate | None:
    return Certificate.objects.filter(recipient=recipient, subject_key=subject_key).first()


def _clean_details(details: dict | None) -> dict:
    if not details:
        return {}
    items = [
        {"label": str(item.get("label", "")).strip()[:200], "text": str(item.get("text", "")).strip()[:2000]}
        for item in details.get("items", [])
        if str(item.get("text", "")).strip()
    ]
    if not items:
        return {}
    return {"heading": str(details.get("heading", "")).strip()[:200], "items": items}


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
    achievement_url: str = "",
    achievement_description: str = "",
    criteria_narrative: str = "",
    details: dict | None = None,
) -> Certificate:
    """Issue a certificate once per person and subject; on a repeat return the existing one.

    ``achievement_url`` (a stable address of the course or programme; a path is made absolute on
    the public site), ``achievement_description``
    and ``criteria_narrative`` (what the holder did to earn it: the course's outcomes, the
    programme's description) go into the Open Badges credential. ``details``
    (``{"heading": ..., "items": [{"label": ..., "text": ...}]}``) is printed on a second page of the
    PDF; items without text are left out. The PDF, with the signed
    credential inside, is rendered by a background task after the surrounding transaction commits.
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
        achievement_url=_absolute(achievement_url or "")[:500],
        achievement_description=(achievement_description or "").strip()[:5000],
        criteria_narrative=(criteria_narrative or "").strip()[:10000],
        details=_clean_details(details),
    )
    certificate.subject_salt = secrets.token_hex(16)
    certificate.subject_identity_hash = identity_hash(recipient.email or "", certificate.subject_salt)
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
        # Its place in the revocation status list: the primary key is unique and never reused.
        Certificate.objects.filter(pk=certificate.pk).update(status_index=certificate.pk)
        certificate.status_index = certificate.pk
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
    # The published status list flips this certificate's bit from now on.
    transaction.on_commit(lambda: forget_status_list(certificate.status_index))
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
        recipient=None,
        holder_name="",
        details={},
        pdf_name="",
        pdf_rendered_at=None,
        subject_salt="",
        subject_identity_hash="",
        credential_json="",
        credential_key=None,
        credential_signed_at=None,
        updated_at=timezone.now(),
    )


# --- Open Badges 3.0 credentials -----------------------------------------------------------


def credential_sign(*, certificate: Certificate) -> dict | None:
    """Build the certificate's credential from its record, sign it with the active key and keep it.

    Returns the signed credential, or None when it cannot be signed (no active key or its file
    is missing: logged, and the PDF is rendered without a credential), or when the holder has
    been erased (no identity to put in it).
    """
    if not certificate.subject_identity_hash or certificate.status_index is None:
        return None
    try:
        key, private_key = signing_key()
    except KeyUnavailable as error:
        logger.warning("Certificate %s: credential not signed: %s", certificate.pk, error)
        return None
    now = timezone.now()
    credential = sign(
        unsigned_credential(certificate),
        private_key=private_key,
        verification_method=verification_method_id(key),
        created=iso_utc(now),
    )
    certificate.credential_json = json.dumps(credential, ensure_ascii=False, indent=2)
    certificate.credential_key = key
    certificate.credential_signed_at = now
    Certificate.objects.filter(pk=certificate.pk).update(
        credential_json=certificate.credential_json, credential_key=key, credential_signed_at=now
    )
    return credential


def credential_resign_for_key(*, key: IssuerKey) -> int:
    """Sign again, with the active key, every credential the given key signed (from the records),
    and render their PDFs again so the embedded copy matches. Returns how many."""
    ids = list(Certificate.objects.filter(credential_key=key).values_list("pk", flat=True))
    for certificate_id in ids:
        with transaction.atomic():
            certificate = Certificate.objects.select_for_update().get(pk=certificate_id)
            if credential_sign(certificate=certificate) is None:
                raise KeyUnavailable("There is no usable active key to sign with.")
            _schedule_render(certificate.pk)
    forget_all_status_lists()
    return len(ids)
