"""A birth date that would make an active account a minor's is refused in the profile, with the
reason, unless a parent or guardian has already confirmed the account (as at sign-up)."""

import datetime

import pytest
from django.utils import timezone

from accounts import services

from .factories import UserFactory

pytestmark = pytest.mark.django_db


def _years_ago(years: int) -> str:
    today = timezone.localdate()
    return today.replace(year=today.year - years).isoformat()


def _post(client, birth: str):
    return client.post(
        "/racun/profil/",
        {"first_name": "Luka", "last_name": "Perić", "date_of_birth": birth, "municipality": "Pokupsko"},
    )


def test_an_adult_cannot_become_a_minor_without_consent(client):
    user = UserFactory()
    client.force_login(user)
    response = _post(client, _years_ago(13))
    assert response.status_code == 200
    assert "mlađi od 16" in response.content.decode()
    user.refresh_from_db()
    assert user.date_of_birth == datetime.date(1980, 5, 17)
    assert user.municipality == "Kravarsko"
    assert user.is_active


def test_a_confirmed_minor_may_correct_their_birth_date(client, django_capture_on_commit_callbacks):
    user = UserFactory(date_of_birth=datetime.date.fromisoformat(_years_ago(13)))
    with django_capture_on_commit_callbacks(execute=True):
        consent = services.guardian_consent_request(user=user, guardian_email="majka@primjer.test")
    services.guardian_consent_confirm(consent=consent, ip="192.0.2.1", user_agent="test")
    client.force_login(user)
    response = _post(client, _years_ago(14))
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.date_of_birth.isoformat() == _years_ago(14)


def test_a_birth_date_of_16_or_more_is_fine(client):
    user = UserFactory()
    client.force_login(user)
    assert _post(client, _years_ago(16)).status_code == 302
