"""Personal data held by the certificates app: the person's certificates and their signed
Open Badges credentials (which identify the holder by a salted hash of the e-mail address).

Erasure keeps each certificate in the public register (a third party may still need to verify
it) but removes the person: the holder-name snapshot is blanked, the account is unlinked and
the PDFs, which carry the name, are deleted. Verification then shows no name.
"""

import json

from .models import Certificate
from .services import certificate_anonymise_for_user


def export_user(user) -> list[dict]:
    return [
        {
            "code": certificate.display_code,
            "holder_name": certificate.holder_name,
            "title": certificate.title,
            "subject": certificate.subject_key,
            "hours": str(certificate.hours),
            "issued_on": certificate.issued_on.isoformat(),
            "issuer": certificate.issuer,
            "details": certificate.details,
            "expires_on": certificate.expires_on.isoformat() if certificate.expires_on else None,
            "status": str(certificate.status),
            "revoked_at": certificate.revoked_at.isoformat() if certificate.revoked_at else None,
            "revoked_reason": certificate.revoked_reason,
            "verification_url": certificate.get_verification_url(),
            "credential": json.loads(certificate.credential_json) if certificate.credential_json else None,
        }
        for certificate in Certificate.objects.filter(recipient=user).order_by("issued_on", "pk")
    ]


def erase_user(user) -> None:
    certificate_anonymise_for_user(user=user)
