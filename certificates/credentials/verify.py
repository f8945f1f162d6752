"""Verify a credential the way a wallet would, but resolving our own DID document and status
list from the register (no network): signature, issuer, dates, and revocation status."""

from __future__ import annotations

import datetime
import json
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.translation import gettext as _

from .build import status_list_number
from .keys import KeyUnavailable, issuer_did, key_for_method, resolve_public_key
from .proof import ProofError, verify
from .status import LIST_SIZE, StatusListError, bit_is_set, decode_bitstring


@dataclass
class Check:
    name: str
    ok: bool
    message: str


@dataclass
class VerificationReport:
    checks: list[Check] = field(default_factory=list)
    credential: dict | None = None

    @property
    def ok(self) -> bool:
        return bool(self.checks) and all(check.ok for check in self.checks)

    @property
    def signature_ok(self) -> bool:
        return any(check.name == "signature" and check.ok for check in self.checks)

    @property
    def revoked(self) -> bool:
        return any(check.name == "status" and not check.ok for check in self.checks)

    def add(self, name: str, ok: bool, message: str) -> bool:
        self.checks.append(Check(name, ok, message))
        return ok


def _parse_time(value) -> datetime.datetime | None:
    if not isinstance(value, str):
        return None
    try:
        return datetime.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None


def _check_signature(report: VerificationReport, credential: dict) -> bool:
    method = (credential.get("proof") or {}).get("verificationMethod") if isinstance(credential, dict) else None
    try:
        verify(credential, resolve_key=resolve_public_key)
    except ProofError as error:
        key = key_for_method(method) if isinstance(method, str) else None
        if key is not None and key.status == key.Status.REVOKED:
            return report.add("signature", False, _("The key that signed the credential has been revoked."))
        if str(error) == "unknown or revoked key":
            return report.add("signature", False, _("The credential was not signed with a key of this issuer."))
        return report.add("signature", False, _("The signature does not match: the credential has been changed."))
    return report.add("signature", True, _("The issuer's digital signature is valid."))


def _check_dates(report: VerificationReport, credential: dict, now: datetime.datetime) -> None:
    valid_from = _parse_time(credential.get("validFrom"))
    if valid_from is None or valid_from > now:
        report.add("dates", False, _("The credential is not valid yet."))
        return
    valid_until = credential.get("validUntil")
    if valid_until is not None:
        until = _parse_time(valid_until)
        if until is None or until < now:
            report.add("dates", False, _("The credential has expired."))
            return
    report.add("dates", True, _("The credential is within its validity period."))


def _check_status(report: VerificationReport, credential: dict) -> None:
    from .status_list import status_list_credential

    entry = credential.get("credentialStatus")
    if not isinstance(entry, dict) or entry.get("type") != "BitstringStatusListEntry":
        report.add("status", False, _("The credential has no revocation status to check."))
        return
    try:
        bit = int(entry.get("statusListIndex"))
        number = status_list_number(entry.get("statusListCredential"))
        if number is None or not 0 <= bit < LIST_SIZE:
            raise ValueError
    except (TypeError, ValueError):
        report.add("status", False, _("The revocation status list is not one of this issuer's."))
        return
    try:
        status_list = status_list_credential(number)
        verify(status_list, resolve_key=resolve_public_key)
        revoked = bit_is_set(decode_bitstring(status_list["credentialSubject"]["encodedList"]), bit)
    except (KeyUnavailable, ProofError, StatusListError, KeyError, TypeError):
        report.add("status", False, _("The revocation status could not be checked."))
        return
    if revoked:
        report.add("status", False, _("The issuer has revoked this credential."))
    else:
        report.add("status", True, _("The credential has not been revoked."))


def verify_credential(credential, *, now: datetime.datetime | None = None) -> VerificationReport:
    """Every check, each with a message in plain language; ``report.ok`` when all pass."""
    report = VerificationReport(credential=credential if isinstance(credential, dict) else None)
    if not isinstance(credential, dict) or "OpenBadgeCredential" not in (credential.get("type") or []):
        report.add("format", False, _("This is not an Open Badges credential."))
        return report
    issuer = credential.get("issuer")
    issuer_id = issuer.get("id") if isinstance(issuer, dict) else issuer
    if issuer_id != issuer_did():
        report.add(
            "issuer", False, _("The credential was issued by someone else (%(issuer)s).") % {"issuer": issuer_id}
        )
        return report
    report.add("issuer", True, _("Issued by %(issuer)s.") % {"issuer": issuer_id})
    _check_signature(report, credential)
    _check_dates(report, credential, now or timezone.now())
    _check_status(report, credential)
    return report


def load_credential_json(data: bytes):
    try:
        return json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return None
