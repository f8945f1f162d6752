"""The issuer's identity (``did:web``) and its Ed25519 signing keys.

The private key of each key is a PKCS#8 PEM file ``<KOK_ISSUER_KEY_DIR>/<key id>.pem`` (mode 0600).
The database records only the public key and the key's state (``IssuerKey``):

* active — signs new credentials (at most one);
* retired — no longer signs, still published in ``/.well-known/did.json`` so that what it
  signed keeps verifying;
* revoked — removed from the DID document; what it signed no longer verifies and is re-signed
  from the records with the active key.
"""

from __future__ import annotations

import datetime
import os
import secrets
from pathlib import Path
from urllib.parse import quote, urlsplit

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import IssuerKey
from .multibase import MultibaseError, decode_public_key_multibase, public_key_multibase

DID_CONTEXTS = ["https://www.w3.org/ns/did/v1", "https://w3id.org/security/multikey/v1"]


class KeyUnavailable(RuntimeError):
    """No active key, or its file is missing: credentials cannot be signed right now."""


def public_base_url() -> str:
    return (getattr(settings, "KOK_PUBLIC_BASE_URL", "") or settings.WAGTAILADMIN_BASE_URL).rstrip("/")


def issuer_did() -> str:
    """``did:web:<host>`` of the public site (a port is percent-encoded, as did:web requires)."""
    host = urlsplit(public_base_url()).netloc or "localhost"
    return "did:web:" + quote(host, safe="")


def verification_method_id(key: IssuerKey) -> str:
    return f"{issuer_did()}#{key.key_id}"


def key_dir() -> Path:
    return Path(settings.KOK_ISSUER_KEY_DIR)


def key_path(key_id: str) -> Path:
    return key_dir() / f"{key_id}.pem"


def _raw_public(private_key: Ed25519PrivateKey) -> bytes:
    return private_key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def _write_private_key(path: Path, private_key: Ed25519PrivateKey) -> None:
    pem = private_key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(pem)
        handle.flush()
        os.fsync(handle.fileno())


def load_private_key(key: IssuerKey) -> Ed25519PrivateKey:
    path = key_path(key.key_id)
    try:
        private_key = serialization.load_pem_private_key(path.read_bytes(), password=None)
    except (OSError, ValueError) as error:
        raise KeyUnavailable(f"The private key file of {key.key_id} cannot be read from {key_dir()}.") from error
    if not isinstance(private_key, Ed25519PrivateKey) or public_key_multibase(_raw_public(private_key)) != (
        key.public_key_multibase
    ):
        raise KeyUnavailable(f"The key file of {key.key_id} does not match its recorded public key.")
    return private_key


def active_key() -> IssuerKey | None:
    return IssuerKey.objects.filter(status=IssuerKey.Status.ACTIVE).first()


def signing_key() -> tuple[IssuerKey, Ed25519PrivateKey]:
    key = active_key()
    if key is None:
        raise KeyUnavailable("There is no active issuer key (manage.py issuer_key create).")
    return key, load_private_key(key)


@transaction.atomic
def issuer_key_create(*, rotate: bool = False) -> IssuerKey:
    """Make a new key pair: the file first, then the record. With ``rotate`` the active key
    becomes retired; without it, an existing active key is an error."""
    current = IssuerKey.objects.select_for_update().filter(status=IssuerKey.Status.ACTIVE).first()
    if current is not None and not rotate:
        raise ValidationError(_("An active issuer key already exists; rotate it instead."))
    if current is not None:
        current.status = IssuerKey.Status.RETIRED
        current.retired_at = timezone.now()
        current.save(update_fields=["status", "retired_at"])
    private_key = Ed25519PrivateKey.generate()
    key_id = f"key-{timezone.now():%Y%m%d}-{secrets.token_hex(3)}"
    key = IssuerKey(key_id=key_id, public_key_multibase=public_key_multibase(_raw_public(private_key)))
    key.full_clean()
    _write_private_key(key_path(key_id), private_key)
    key.save()
    return key


@transaction.atomic
def issuer_key_revoke(*, key: IssuerKey) -> IssuerKey:
    """Withdraw a key: it leaves the DID document and its signatures stop verifying.

    The key file stays where it is (the operator deletes or archives it); callers re-sign the
    key's credentials (``certificates.services.credential_resign_for_key``).
    """
    if key.status == IssuerKey.Status.REVOKED:
        raise ValidationError(_("This key has already been revoked."))
    key.status = IssuerKey.Status.REVOKED
    key.revoked_at = timezone.now()
    key.save(update_fields=["status", "revoked_at"])
    return key


def published_keys() -> list[IssuerKey]:
    return list(IssuerKey.objects.exclude(status=IssuerKey.Status.REVOKED).order_by("created_at", "pk"))


def did_document() -> dict:
    """The DID document served at ``/.well-known/did.json``: every key not revoked, as Multikey."""
    did = issuer_did()
    keys = published_keys()
    return {
        "@context": DID_CONTEXTS,
        "id": did,
        "verificationMethod": [
            {
                "id": verification_method_id(key),
                "type": "Multikey",
                "controller": did,
                "publicKeyMultibase": key.public_key_multibase,
            }
            for key in keys
        ],
        "assertionMethod": [verification_method_id(key) for key in keys],
    }


def resolve_public_key(method: str) -> Ed25519PublicKey | None:
    """The public key for a verification method of ours that is still published, else None."""
    did, _sep, fragment = method.partition("#")
    if did != issuer_did() or not fragment:
        return None
    key = IssuerKey.objects.filter(key_id=fragment).exclude(status=IssuerKey.Status.REVOKED).first()
    if key is None:
        return None
    try:
        return Ed25519PublicKey.from_public_bytes(decode_public_key_multibase(key.public_key_multibase))
    except (MultibaseError, ValueError):
        return None


def key_for_method(method: str) -> IssuerKey | None:
    did, _sep, fragment = method.partition("#")
    if did != issuer_did():
        return None
    return IssuerKey.objects.filter(key_id=fragment).first()


def iso_utc(moment: datetime.datetime) -> str:
    return moment.astimezone(datetime.UTC).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")
