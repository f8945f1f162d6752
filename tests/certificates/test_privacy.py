import json

import pytest
from django.core.files.storage import storages

from accounts import privacy
from certificates.models import Certificate

from .factories import UserFactory

pytestmark = pytest.mark.django_db


def provider():
    return next(p for p in privacy.providers() if p.label == "certificates")


def test_the_provider_covers_the_certificate_model():
    assert Certificate in provider().models
    assert Certificate in privacy.covered_models()


def test_export_lists_the_persons_certificates(issue):
    user = UserFactory(first_name="Ana", last_name="Jurić")
    certificate = issue(recipient=user, title="Osnove rada na računalu")
    issue(recipient=UserFactory(), subject_key="course:other", title="Tuđe")
    exported = provider().export(user)
    json.dumps(exported)  # serialisable
    assert [item["code"] for item in exported] == [certificate.display_code]
    assert exported[0]["holder_name"] == "Ana Jurić"
    assert exported[0]["status"] == "valid"
    assert exported[0]["verification_url"].endswith(f"/provjera/{certificate.display_code}/")


def test_erase_keeps_the_register_but_not_the_person(client, issue):
    user = UserFactory(first_name="Ana", last_name="Jurić")
    certificate = issue(recipient=user)
    pdf_name = certificate.pdf_name
    assert storages["private"].exists(pdf_name)

    for registered in privacy.providers():
        registered.erase(user)
    privacy.erase_user(user)

    certificate.refresh_from_db()
    assert certificate.recipient is None
    assert certificate.holder_name == ""
    assert certificate.title == "Osnove rada na računalu"  # still in the register
    assert not storages["private"].exists(pdf_name)  # the PDF carried the name
    html = client.get(f"/provjera/{certificate.display_code}/").content.decode()
    assert "Ova je potvrda valjana." in html
    assert "Ana Jurić" not in html
    assert "Nositelj je izbrisao svoj korisnički račun" in html
    assert provider().export(user) == []


def test_details_printed_on_the_certificate_are_exported_and_erased_with_the_person(issue):
    user = UserFactory(first_name="Ana", last_name="Jurić")
    details = {"heading": "Kompetencije", "items": [{"label": "digitalna", "text": "Vodila je tečaj."}]}
    certificate = issue(recipient=user, details=details)
    assert certificate.details == details
    assert provider().export(user)[0]["details"] == details
    provider().erase(user)
    certificate.refresh_from_db()
    assert certificate.details == {}
