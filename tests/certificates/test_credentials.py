"""Open Badges 3.0 credentials of issued certificates: what they say, that they verify, and
that any change, a revoked key or a revoked certificate makes them fail."""

import copy
import datetime
import gzip
import hashlib
import io
import json
import socket

import pikepdf
import pytest
from django.core.files.storage import storages
from django.core.management import call_command
from django.core.management.base import CommandError

from certificates.credentials.keys import issuer_key_create, issuer_key_revoke
from certificates.credentials.pdf import credential_from_pdf
from certificates.credentials.status import LIST_SIZE, bit_is_set, decode_bitstring
from certificates.credentials.verify import verify_credential
from certificates.models import Certificate, IssuerKey
from certificates.services import certificate_revoke, credential_resign_for_key

from .factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def certificate(issue, issuer_key):
    user = UserFactory(first_name="Đurđa", last_name="Šimić", email="Durda.Simic@kok.test", certificate_name="")
    return issue(
        recipient=user,
        subject_key="course:9101",
        title="Osnove rada na računalu",
        hours=12,
        issued_on=datetime.date(2026, 11, 2),
        expires_on=datetime.date(2028, 11, 2),
        achievement_url="http://testserver/tecajevi/osnove-rada-na-racunalu/",
        achievement_description="Rad s datotekama, e-poštom i internetom.",
        criteria_narrative="Polaznik zna spremiti datoteku.\nPolaznik zna poslati e-poruku.",
    )


def credential_of(certificate) -> dict:
    certificate.refresh_from_db()
    return json.loads(certificate.credential_json)


@pytest.fixture
def operator(db):
    """The operator's name and e-mail in the site settings (setup_site fills them in)."""
    from wagtail.models import Site

    from home.models import ContactSettings

    contact = ContactSettings.for_site(Site.objects.get(is_default_site=True))
    contact.organisation, contact.email = "Udruga Lipa", "ured@lipa.test"
    contact.save()
    return contact


def test_the_credential_names_the_operator_of_the_site_settings_as_issuer(operator, issue, issuer_key):
    credential = credential_of(issue(recipient=UserFactory()))
    assert credential["issuer"]["name"] == "Udruga Lipa"
    assert credential["issuer"]["email"] == "ured@lipa.test"


def test_the_credential_says_what_the_certificate_says(certificate, issuer_key):
    credential = credential_of(certificate)
    assert credential["@context"] == [
        "https://www.w3.org/ns/credentials/v2",
        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
    ]
    assert credential["id"] == f"urn:uuid:{certificate.credential_uuid}"
    assert credential["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert credential["issuer"]["id"] == "did:web:testserver"
    assert credential["issuer"]["type"] == ["Profile"]
    assert credential["validFrom"] == "2026-11-02T00:00:00Z"
    assert credential["validUntil"] == "2028-11-02T23:59:59Z"
    subject = credential["credentialSubject"]
    assert subject["type"] == ["AchievementSubject"]
    assert subject["name"] == "Đurđa Šimić"
    assert "durda.simic" not in json.dumps(credential).lower()  # the e-mail only as a salted hash
    (identity,) = subject["identifier"]
    expected = hashlib.sha256(("durda.simic@kok.test" + identity["salt"]).encode()).hexdigest()
    assert identity == {
        "type": "IdentityObject",
        "identityHash": f"sha256${expected}",
        "identityType": "emailAddress",
        "hashed": True,
        "salt": identity["salt"],
    }
    achievement = subject["achievement"]
    assert achievement["id"] == "http://testserver/tecajevi/osnove-rada-na-racunalu/"
    assert achievement["type"] == ["Achievement"]
    assert achievement["achievementType"] == "Certificate"
    assert achievement["name"] == "Osnove rada na računalu"
    assert achievement["description"].startswith("Rad s datotekama")
    assert "12 sati" in achievement["description"]
    assert achievement["criteria"]["narrative"].startswith("Polaznik zna spremiti datoteku.")
    assert achievement["inLanguage"] == "hr"
    status = credential["credentialStatus"]
    assert status["type"] == "BitstringStatusListEntry"
    assert status["statusPurpose"] == "revocation"
    assert status["statusListCredential"] == "http://testserver/provjera/status/0/"
    assert int(status["statusListIndex"]) == certificate.status_index
    proof = credential["proof"]
    assert proof["cryptosuite"] == "eddsa-rdfc-2022"
    assert proof["verificationMethod"] == f"did:web:testserver#{issuer_key.key_id}"


def test_the_id_is_stable_when_the_credential_is_signed_again(certificate):
    from certificates.services import credential_sign

    first = credential_of(certificate)
    second = credential_sign(certificate=certificate)
    assert second["id"] == first["id"]
    assert second["credentialSubject"]["identifier"] == first["credentialSubject"]["identifier"]


def test_an_issued_credential_verifies_without_the_network(certificate, monkeypatch):
    credential = credential_of(certificate)

    def refuse(*args, **kwargs):
        raise AssertionError("network")

    monkeypatch.setattr(socket, "socket", refuse)
    report = verify_credential(credential)
    assert report.ok, [(c.name, c.message) for c in report.checks]
    assert [check.name for check in report.checks] == ["issuer", "signature", "dates", "status"]


def _set(document, path, value):
    target = document
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = value


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (("name",), "Osnove rada na računalu!"),
        (("credentialSubject", "name"), "Đurđa Šimićka"),
        (("credentialSubject", "identifier", 0, "identityHash"), "sha256$" + "0" * 64),
        (("credentialSubject", "identifier", 0, "salt"), "00"),
        (("credentialSubject", "achievement", "criteria", "narrative"), "Ništa."),
        (("validFrom",), "2026-11-01T00:00:00Z"),
        (("validUntil",), "2099-11-02T23:59:59Z"),
        (("credentialStatus", "statusListIndex"), "7"),
        (("proof", "created"), "2026-11-02T00:00:01Z"),
    ],
)
def test_changing_the_signed_document_or_the_proof_fails(certificate, path, value):
    credential = credential_of(certificate)
    changed = copy.deepcopy(credential)
    _set(changed, path, value)
    report = verify_credential(changed)
    assert not report.ok
    assert not report.signature_ok


def test_changing_any_single_character_of_the_proof_value_fails(certificate):
    credential = credential_of(certificate)
    value = credential["proof"]["proofValue"]
    for position in (1, len(value) // 2, len(value) - 1):
        changed = copy.deepcopy(credential)
        replacement = "2" if value[position] != "2" else "3"
        changed["proof"]["proofValue"] = value[:position] + replacement + value[position + 1 :]
        assert not verify_credential(changed).ok


def test_a_credential_signed_with_a_retired_key_still_verifies(certificate, client, issuer_key):
    credential = credential_of(certificate)
    new_key = issuer_key_create(rotate=True)
    issuer_key.refresh_from_db()
    assert issuer_key.status == IssuerKey.Status.RETIRED
    assert verify_credential(credential).ok
    did = client.get("/.well-known/did.json").json()
    methods = {method["id"]: method for method in did["verificationMethod"]}
    assert f"did:web:testserver#{issuer_key.key_id}" in methods
    assert f"did:web:testserver#{new_key.key_id}" in did["assertionMethod"]
    assert methods[f"did:web:testserver#{issuer_key.key_id}"]["type"] == "Multikey"
    assert methods[f"did:web:testserver#{issuer_key.key_id}"]["publicKeyMultibase"].startswith("z6Mk")


def test_a_credential_signed_with_a_revoked_key_does_not_verify_until_re_signed(certificate, client, issuer_key):
    credential = credential_of(certificate)
    issuer_key_create(rotate=True)
    issuer_key_revoke(key=issuer_key)
    report = verify_credential(credential)
    assert not report.ok
    assert "opozvan" in " ".join(check.message for check in report.checks)
    did = client.get("/.well-known/did.json").json()
    assert f"did:web:testserver#{issuer_key.key_id}" not in json.dumps(did)

    assert credential_resign_for_key(key=issuer_key) == 1
    assert verify_credential(credential_of(certificate)).ok


def test_a_revoked_certificate_shows_revoked_through_the_status_list(
    certificate, client, django_capture_on_commit_callbacks
):
    credential = credential_of(certificate)
    index = int(credential["credentialStatus"]["statusListIndex"])
    before = client.get("/provjera/status/0/").json()
    assert not bit_is_set(decode_bitstring(before["credentialSubject"]["encodedList"]), index)

    with django_capture_on_commit_callbacks(execute=True):
        certificate_revoke(certificate=certificate, reason="Pogrešno izdana.")

    response = client.get("/provjera/status/0/")
    assert response.status_code == 200
    status_list = response.json()
    assert status_list["type"] == ["VerifiableCredential", "BitstringStatusListCredential"]
    subject = status_list["credentialSubject"]
    assert subject["statusPurpose"] == "revocation"
    assert subject["encodedList"].startswith("u")
    bits = decode_bitstring(subject["encodedList"])
    assert len(bits) * 8 == LIST_SIZE == 131_072
    assert bit_is_set(bits, index)
    assert sum(bin(byte).count("1") for byte in bits) == Certificate.objects.revoked().count()
    report = verify_credential(credential)
    assert report.signature_ok and report.revoked and not report.ok


def test_the_status_list_encoding_is_gzip_in_base64url_multibase():
    import base64

    from certificates.credentials.status import encode_bitstring

    encoded = encode_bitstring({0, 9, LIST_SIZE - 1})
    raw = gzip.decompress(base64.urlsafe_b64decode(encoded[1:] + "=" * (-len(encoded[1:]) % 4)))
    assert raw[0] == 0b1000_0000 and raw[1] == 0b0100_0000 and raw[-1] == 0b0000_0001
    assert "=" not in encoded and "+" not in encoded and "/" not in encoded


def test_the_pdf_is_pdfa3_and_carries_the_credential_as_associated_data(certificate):
    with storages["private"].open(certificate.pdf_name, "rb") as handle:
        data = handle.read()
    with pikepdf.open(io.BytesIO(data)) as pdf:
        with pdf.open_metadata() as xmp:
            assert xmp["pdfaid:part"] == "3"
        (filespec,) = list(pdf.Root.AF)
        assert filespec.AFRelationship == pikepdf.Name.Data
        assert str(filespec.F) == "credential.json"
        assert filespec.EF.F.Subtype == pikepdf.Name("/application/json")
        names = pdf.Root.Names.EmbeddedFiles.Names
        assert str(names[0]) == "credential.json"
    embedded = json.loads(credential_from_pdf(data))
    assert embedded == credential_of(certificate)
    assert verify_credential(embedded).ok


def test_verify_credential_command_accepts_our_pdf_and_json(certificate, tmp_path, capsys):
    pdf_path = tmp_path / "potvrda.pdf"
    with storages["private"].open(certificate.pdf_name, "rb") as handle:
        pdf_path.write_bytes(handle.read())
    call_command("verify_credential", str(pdf_path))
    out = capsys.readouterr().out
    assert "credential.json" in out and "signature" in out and "status" in out

    json_path = tmp_path / "vjerodajnica.json"
    json_path.write_text(certificate.credential_json, encoding="utf-8")
    call_command("verify_credential", str(json_path))


def test_verify_credential_command_fails_on_a_changed_credential(certificate, tmp_path, capsys):
    credential = credential_of(certificate)
    credential["credentialSubject"]["achievement"]["name"] = "Napredni tečaj"
    path = tmp_path / "promijenjena.json"
    path.write_text(json.dumps(credential), encoding="utf-8")
    with pytest.raises(CommandError):
        call_command("verify_credential", str(path))
    assert "FAIL" in capsys.readouterr().out
    not_json = tmp_path / "x.json"
    not_json.write_text("{", encoding="utf-8")
    with pytest.raises(CommandError):
        call_command("verify_credential", str(not_json))


def _leaves(value, path=()):
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _leaves(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _leaves(item, (*path, index))
    else:
        yield path, value


def test_changing_any_value_anywhere_in_the_credential_fails(certificate):
    credential = credential_of(certificate)
    checked = 0
    for path, value in _leaves(credential):
        changed = copy.deepcopy(credential)
        if isinstance(value, bool):
            new = not value
        elif isinstance(value, str) and value:
            new = value[:-1] + ("x" if value[-1] != "x" else "y")
        else:
            continue
        _set(changed, path, new)
        assert not verify_credential(changed).ok, path
        checked += 1
    assert checked > 25


def test_the_admin_inspect_view_shows_the_credential(admin_client, certificate):
    response = admin_client.get(f"/admin/snippets/certificates/certificate/inspect/{certificate.pk}/")
    assert response.status_code == 200
    assert str(certificate.credential_uuid) in response.content.decode()


def test_an_expired_certificates_credential_fails_the_date_check(issue, issuer_key):
    certificate = issue(
        recipient=UserFactory(),
        subject_key="course:9501",
        issued_on=datetime.date(2024, 1, 10),
        expires_on=datetime.date(2025, 1, 10),
    )
    report = verify_credential(credential_of(certificate))
    assert report.signature_ok and not report.ok
    assert [check.name for check in report.checks if not check.ok] == ["dates"]


def test_published_documents_are_public_json_for_other_sites(client, issuer_key):
    for url in ("/.well-known/did.json", "/provjera/status/0/"):
        response = client.get(url)
        assert response.status_code == 200
        assert response["Access-Control-Allow-Origin"] == "*"
        assert "public" in response["Cache-Control"]
    assert client.get("/provjera/status/5/").status_code == 404


def test_without_a_signing_key_the_status_list_is_temporarily_unavailable(client, issuer_key):
    issuer_key_revoke(key=issuer_key)
    response = client.get("/provjera/status/0/")
    assert response.status_code == 503


def test_the_pdf_is_sound_and_lists_the_credential_as_its_attachment(certificate):
    import pikepdf

    with storages["private"].open(certificate.pdf_name, "rb") as handle, pikepdf.open(handle) as pdf:
        assert pdf.check_pdf_syntax() == []  # qpdf's syntax and stream check, through pikepdf
        assert list(pdf.attachments) == ["credential.json"]
