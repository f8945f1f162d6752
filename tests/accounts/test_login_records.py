"""django-axes' login records (e-mail, address, browser) are in the data export, go with erasure,
and expire after KOK_LOGIN_RECORD_RETENTION_DAYS (docs/privacy.md)."""

import datetime
import json

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from .factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

BROWSER = {"HTTP_USER_AGENT": "Firefox/140 probni", "REMOTE_ADDR": "192.0.2.44"}


def _records(email: str) -> int:
    return sum(
        model.objects.filter(username__iexact=email).count() for model in (AccessAttempt, AccessFailureLog, AccessLog)
    )


def _log_in_once_wrong_then_right(user) -> Client:
    """A login (AccessLog), then a mistyped password elsewhere (AccessAttempt, the lock-out counter)."""
    client = Client()
    client.post("/racun/prijava/", {"login": user.email, "password": PASSWORD}, **BROWSER)
    Client().post("/racun/prijava/", {"login": user.email, "password": "kriva-lozinka-1"}, **BROWSER)
    return client


def test_login_records_are_in_the_personal_data_download():
    user = UserFactory(email="zapis@primjer.test")
    client = _log_in_once_wrong_then_right(user)
    assert _records(user.email) >= 2
    data = json.loads(client.get("/racun/moji-podaci/preuzmi/").content)
    records = data["login_records"]
    assert any(r["ip_address"] == "192.0.2.44" and r["user_agent"] == "Firefox/140 probni" for r in records["logins"])
    assert records["lockout_counters"] or records["failed_attempts"]


def test_erasure_removes_the_login_records():
    user = UserFactory(email="brisanje.zapisa@primjer.test")
    other = UserFactory(email="drugi@primjer.test")
    client = _log_in_once_wrong_then_right(user)
    _log_in_once_wrong_then_right(other)
    response = client.post("/racun/moji-podaci/brisanje/", {"password": PASSWORD})
    assert response.status_code == 302
    assert _records("brisanje.zapisa@primjer.test") == 0
    assert _records("drugi@primjer.test") >= 2


def test_old_login_records_expire(settings):
    settings.KOK_LOGIN_RECORD_RETENTION_DAYS = 90
    user = UserFactory(email="stari.zapisi@primjer.test")
    _log_in_once_wrong_then_right(user)
    old = timezone.now() - datetime.timedelta(days=91)
    AccessLog.objects.filter(username=user.email).update(attempt_time=old)
    AccessFailureLog.objects.filter(username=user.email).update(attempt_time=old)
    _log_in_once_wrong_then_right(user)  # a recent login stays
    call_command("purge_login_records", verbosity=0)
    assert (
        AccessLog.objects.filter(
            username=user.email, attempt_time__lt=timezone.now() - datetime.timedelta(days=90)
        ).count()
        == 0
    )
    assert (
        AccessFailureLog.objects.filter(
            username=user.email, attempt_time__lt=timezone.now() - datetime.timedelta(days=90)
        ).count()
        == 0
    )
    assert AccessLog.objects.filter(username=user.email).exists()


def test_the_maintenance_timer_purges_login_records():
    from django.conf import settings

    unit = (settings.BASE_DIR / "deploy/systemd/kok-maintenance.service").read_text()
    assert "manage.py purge_login_records" in unit
