"""The OpenBadgeCredential of one certificate, built from the certificate's record alone."""

from __future__ import annotations

import datetime
import hashlib
from decimal import Decimal
from urllib.parse import quote

from django.urls import reverse
from django.utils import translation

from kok_learn.operator import operator_settings

from .jsonld import OB_V3, VC_V2
from .keys import issuer_did, public_base_url
from .status import PURPOSE, list_position

ACHIEVEMENT_TYPE = "Certificate"
LANGUAGE = "hr"


def issuer_profile() -> dict:
    """The issuing organisation as an OB 3.0 Profile: the operator's name and e-mail from the site
    settings (kok_learn.operator, the same as on the PDF), the URL of the public site."""
    found = operator_settings()
    profile = {
        "id": issuer_did(),
        "type": ["Profile"],
        "name": (found.organisation if found else "") or public_base_url(),
        "url": public_base_url() + "/",
    }
    if found and found.email:
        profile["email"] = found.email
    return profile


def identity_hash(email: str, salt: str) -> str:
    """OB 3.0 IdentityObject hash: ``sha256$`` + hex SHA-256 of the e-mail (lower-cased) + salt."""
    return "sha256$" + hashlib.sha256((email.strip().lower() + salt).encode("utf-8")).hexdigest()


def status_list_url(number: int) -> str:
    return public_base_url() + reverse("certificates:status_list", kwargs={"number": number})


def status_list_number(url: str) -> int | None:
    """The list number of one of our status list URLs, or None for anything else."""
    from django.urls import Resolver404, resolve

    base = public_base_url()
    if not isinstance(url, str) or not url.startswith(base + "/"):
        return None
    try:
        match = resolve(url[len(base) :])
    except Resolver404:
        return None
    if match.view_name != "certificates:status_list":
        return None
    return match.kwargs["number"]


def credential_status(status_index: int) -> dict:
    number, bit = list_position(status_index)
    url = status_list_url(number)
    return {
        "id": f"{url}#{bit}",
        "type": "BitstringStatusListEntry",
        "statusPurpose": PURPOSE,
        "statusListIndex": str(bit),
        "statusListCredential": url,
    }


def _day_start(day: datetime.date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


def _day_end(day: datetime.date) -> str:
    return f"{day.isoformat()}T23:59:59Z"


def _hours_sentence(hours: Decimal) -> str:
    from ..rendering import format_hours

    with translation.override(LANGUAGE):
        return format_hours(hours)


def achievement_id(certificate) -> str:
    return certificate.achievement_url or "urn:kok:achievement:" + quote(certificate.subject_key, safe=":")


def unsigned_credential(certificate) -> dict:
    """The credential without its proof. Needs ``subject_identity_hash`` and ``status_index``."""
    description = certificate.achievement_description.strip() or certificate.title
    if certificate.hours:
        description = f"{description}\n\nTrajanje: {_hours_sentence(certificate.hours)}."
    achievement = {
        "id": achievement_id(certificate),
        "type": ["Achievement"],
        "achievementType": ACHIEVEMENT_TYPE,
        "name": certificate.title,
        "description": description,
        "criteria": {"narrative": certificate.criteria_narrative.strip() or description},
        "inLanguage": LANGUAGE,
    }
    subject = {
        "type": ["AchievementSubject"],
        "identifier": [
            {
                "type": "IdentityObject",
                "identityHash": certificate.subject_identity_hash,
                "identityType": "emailAddress",
                "hashed": True,
                "salt": certificate.subject_salt,
            }
        ],
        "achievement": achievement,
    }
    if certificate.holder_name:
        subject["name"] = certificate.holder_name
    credential = {
        "@context": [VC_V2, OB_V3],
        "id": f"urn:uuid:{certificate.credential_uuid}",
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "issuer": issuer_profile(),
        "validFrom": _day_start(certificate.issued_on),
        "name": certificate.title,
        "credentialSubject": subject,
    }
    if certificate.expires_on:
        credential["validUntil"] = _day_end(certificate.expires_on)
    if certificate.status_index is not None:
        credential["credentialStatus"] = credential_status(certificate.status_index)
    return credential
