"""The issuer's keys: managed by `issuer_key`, published in did.json, and the private half never
leaving its file (database dump, privacy export, logs, responses)."""

import base64
import datetime
import io
import json
import logging
import stat

import pytest
from cryptography.hazmat.primitives import serialization
from django.core.management import call_command
from django.core.management.base import CommandError

from accounts import privacy
from certificates.credentials.keys import key_path, load_private_key
from certificates.models import IssuerKey

from .factories import UserFactory

pytestmark = pytest.mark.django_db


def private_key_forms(key: IssuerKey) -> list[str]:
    """Every way the private key could leak: the PEM body, raw bytes in hex and base64."""
    private = load_private_key(key)
    pem = key_path(key.key_id).read_text()
    raw = private.private_bytes(
        serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
    )
    der = private.private_bytes(
        serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    body = "".join(line for line in pem.splitlines() if not line.startswith("-----"))
    return [
        body,
        raw.hex(),
        base64.b64encode(raw).decode(),
        base64.urlsafe_b64encode(raw).decode().rstrip("="),
        der.hex(),
    ]


def assert_no_private_key(text: str, key: IssuerKey):
    for form in private_key_forms(key):
        assert form not in text


def test_the_key_file_is_pkcs8_readable_only_by_its_owner(issuer_key):
    path = key_path(issuer_key.key_id)
    assert path.read_text().startswith("-----BEGIN PRIVATE KEY-----")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert issuer_key.public_key_multibase.startswith("z6Mk")


def test_private_key_never_in_a_database_dump_privacy_export_log_or_response(issue, issuer_key, client, caplog):
    user = UserFactory(email="ana.anic@kok.test")
    with caplog.at_level(logging.DEBUG):
        certificate = issue(recipient=user, subject_key="course:9301", issued_on=datetime.date(2026, 11, 3))
        call_command("issuer_key", "list", stdout=io.StringIO())
    out = io.StringIO()
    call_command("dumpdata", "certificates", stdout=out)
    assert issuer_key.public_key_multibase in out.getvalue()  # the public half is recorded
    assert_no_private_key(out.getvalue(), issuer_key)

    export = json.dumps({p.label: p.export(user) for p in privacy.providers()}, default=str)
    assert certificate.credential_json and json.loads(certificate.credential_json)["id"] in export
    assert certificate.display_code in export
    assert_no_private_key(export, issuer_key)
    assert_no_private_key(caplog.text, issuer_key)

    client.force_login(user)
    for url in (
        "/.well-known/did.json",
        "/provjera/status/0/",
        certificate.get_verification_path(),
        certificate.get_credential_download_path(),
        "/moje-ucenje/",
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert_no_private_key(response.content.decode(), issuer_key)


def test_issuer_key_create_refuses_a_second_active_key_and_rotate_retires(issuer_key):
    with pytest.raises(CommandError, match="rotate"):
        call_command("issuer_key", "create", stdout=io.StringIO())
    out = io.StringIO()
    call_command("issuer_key", "rotate", stdout=out)
    issuer_key.refresh_from_db()
    assert issuer_key.status == IssuerKey.Status.RETIRED
    assert IssuerKey.objects.filter(status=IssuerKey.Status.ACTIVE).count() == 1
    listing = io.StringIO()
    call_command("issuer_key", "list", stdout=listing)
    assert issuer_key.key_id in listing.getvalue() and "retired" in listing.getvalue()


def test_issuer_key_revoke_withdraws_the_key_and_re_signs_its_credentials(issue, issuer_key, client):
    certificate = issue(recipient=UserFactory(), subject_key="course:9302")
    old = json.loads(certificate.credential_json)
    out = io.StringIO()
    call_command("issuer_key", "revoke", issuer_key.key_id, stdout=out)
    assert "re-signed 1 credential" in out.getvalue()
    issuer_key.refresh_from_db()
    assert issuer_key.status == IssuerKey.Status.REVOKED
    certificate.refresh_from_db()
    new = json.loads(certificate.credential_json)
    assert new["id"] == old["id"]
    assert new["proof"]["verificationMethod"] != old["proof"]["verificationMethod"]
    assert issuer_key.key_id not in client.get("/.well-known/did.json").content.decode()
    with pytest.raises(CommandError):
        call_command("issuer_key", "revoke", "no-such-key", stdout=io.StringIO())


def test_did_document_lists_published_keys_as_multikey(issuer_key, client):
    response = client.get("/.well-known/did.json")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/did+json")
    document = response.json()
    assert document["id"] == "did:web:testserver"
    method = f"did:web:testserver#{issuer_key.key_id}"
    assert method in document["assertionMethod"]
    (entry,) = [m for m in document["verificationMethod"] if m["id"] == method]
    assert entry == {
        "id": method,
        "type": "Multikey",
        "controller": "did:web:testserver",
        "publicKeyMultibase": issuer_key.public_key_multibase,
    }


def test_without_a_key_file_the_certificate_is_still_issued_without_a_credential(issue, issuer_key, caplog):
    key_path(issuer_key.key_id).unlink()
    with caplog.at_level(logging.WARNING):
        certificate = issue(recipient=UserFactory(), subject_key="course:9303")
    assert certificate.pdf_name and not certificate.credential_json
    assert "credential not signed" in caplog.text
