"""Moji podaci: export from every provider, erasure through every provider, coverage of user FKs."""

import json

import pytest
from allauth.account.models import EmailAddress
from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import models

from accounts import privacy
from accounts.models import GuardianConsent, User

from .factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def models_with_a_user_foreign_key() -> set[type]:
    """Every model that defines a foreign key, one-to-one or many-to-many field pointing to the user."""
    user_model = get_user_model()
    found = set()
    for model in apps.get_models():
        for field in model._meta.get_fields():
            if (
                isinstance(field, models.ForeignKey | models.ManyToManyField)
                and field.related_model is user_model
                and field.model is model
                and not field.auto_created
            ):
                found.add(model)
    return found


def test_every_model_with_a_user_foreign_key_is_covered_or_exempt():
    covered = privacy.covered_models() | privacy.exempt_models()
    missing = {
        model._meta.label
        for model in models_with_a_user_foreign_key()
        # Page subclasses inherit owner/locked_by from wagtailcore.Page (covered by the wagtail provider).
        if model not in covered
    }
    assert missing == set(), f"Register a privacy provider (or a documented exemption) for: {sorted(missing)}"


def test_exemptions_are_documented():
    from pathlib import Path

    doc = (Path(__file__).resolve().parents[2] / "docs/privacy.md").read_text(encoding="utf-8")
    for label in privacy.EXEMPT:
        assert f"`{label}`" in doc


def test_my_data_page_lists_both_actions(client, learner):
    client.force_login(learner)
    response = client.get("/racun/moji-podaci/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Preuzmi moje podatke" in html
    assert "Izbriši račun" in html
    assert 'for="id_password"' in html


def test_download_is_one_json_file_with_every_provider(client, learner, django_assert_max_num_queries):
    client.force_login(learner)
    with django_assert_max_num_queries(60):
        response = client.get("/racun/moji-podaci/preuzmi/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert response["Content-Disposition"].startswith('attachment; filename="moji-podaci-')
    data = json.loads(response.content)
    assert data["account"] == "polaznik@kok.test"
    for provider in privacy.providers():
        assert provider.label in data
    assert data["accounts"]["first_name"] == "Marija"
    assert data["allauth"]["email_addresses"] == [{"email": "polaznik@kok.test", "verified": True, "primary": True}]


def test_download_needs_login(client):
    response = client.get("/racun/moji-podaci/preuzmi/")
    assert response.status_code == 302


def test_wrong_password_deletes_nothing(client):
    user = UserFactory()
    client.force_login(user)
    response = client.post("/racun/moji-podaci/brisanje/", {"password": "nije-ta"})
    assert response.status_code == 400
    assert "Lozinka nije točna." in response.content.decode()
    user.refresh_from_db()
    assert user.is_active and user.first_name == "Luka"
    assert EmailAddress.objects.filter(user=user).exists()


def test_delete_anonymises_logs_out_and_blocks_login(client):
    user = UserFactory(email="brisi.me@primjer.test")
    other = UserFactory(email="ostajem@primjer.test")
    other_client = type(client)()
    other_client.force_login(other)
    second_device = type(client)()
    second_device.force_login(user)
    client.force_login(user)

    response = client.post("/racun/moji-podaci/brisanje/", {"password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == "/"
    assert "_auth_user_id" not in client.session

    user.refresh_from_db()
    assert user.email == f"obrisano-{user.pk}@anonimno.invalid"
    assert (user.first_name, user.last_name, user.certificate_name, user.municipality) == ("", "", "", "")
    assert user.date_of_birth is None
    assert not user.is_active and not user.has_usable_password()
    assert not EmailAddress.objects.filter(user=user).exists()
    assert not user.groups.exists()
    # Logged out on every device; the other person's session is untouched.
    assert second_device.get("/racun/profil/").status_code == 302
    assert other_client.get("/racun/profil/").status_code == 200
    # The old credentials no longer work.
    login = client.post("/racun/prijava/", {"login": "brisi.me@primjer.test", "password": PASSWORD})
    assert login.status_code == 200
    assert "_auth_user_id" not in client.session


def test_erasure_runs_every_provider_with_the_account_last(monkeypatch):
    from accounts import services

    user = UserFactory()
    calls = []
    for provider in privacy.providers():
        monkeypatch.setitem(
            privacy._providers,
            provider.label,
            privacy.PrivacyProvider(
                label=provider.label,
                export=provider.export,
                erase=lambda u, label=provider.label: calls.append(label),
                models=provider.models,
            ),
        )
    services.account_erase(user=user)
    assert sorted(calls) == sorted(p.label for p in privacy.providers())
    assert calls[-1] == "accounts"


def test_guardian_consent_is_part_of_the_export_and_removed_on_erasure():
    from accounts import services

    user = UserFactory(is_active=False)
    GuardianConsent.objects.create(
        user=user, guardian_email="baka@primjer.test", child_date_of_birth=user.date_of_birth
    )
    exported = services.personal_data_export(user=user)
    assert exported["accounts"]["guardian_consent"]["guardian_email"] == "baka@primjer.test"
    services.account_erase(user=user)
    assert not GuardianConsent.objects.filter(user=user).exists()
    assert User.objects.filter(pk=user.pk).exists()


def test_after_erasure_the_certificate_stays_verifiable_without_the_name(client, learner, settings, tmp_path):
    from certificates.models import Certificate

    # Erasure deletes the certificate's PDF; files are not rolled back with the database, so this
    # test works on its own copy of the private storage and leaves the shared demo PDFs alone.
    settings.STORAGES = {
        **settings.STORAGES,
        "private": {"BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": tmp_path}},
    }

    certificate = Certificate.objects.filter(recipient=learner).order_by("pk").first()
    assert certificate is not None, "the demo learner has a certificate"
    url = f"/provjera/{certificate.display_code}/"
    assert "Marija Horvat" in client.get(url).content.decode()

    client.force_login(learner)
    client.post("/racun/moji-podaci/brisanje/", {"password": "kok-demo-2026"})

    response = client.get(url)
    assert response.status_code == 200
    assert "Marija" not in response.content.decode()
    assert "Horvat" not in response.content.decode()
    assert Certificate.objects.filter(pk=certificate.pk).exists()


def test_export_of_a_learner_with_history_has_every_apps_data(client):
    from accounts.models import User

    mentor = User.objects.get(email="mentor@kok.test")
    client.force_login(mentor)
    data = json.loads(client.get("/racun/moji-podaci/preuzmi/").content)
    assert {"accounts", "allauth", "wagtail", "courses", "certificates", "mentoring"} <= set(data)
    assert data["mentoring"], "the demo mentor's memberships and meetings are exported"
