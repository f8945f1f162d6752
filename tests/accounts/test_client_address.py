"""Behind the proxy every visitor has their own address (docs/deployment.md, KOK_TRUSTED_PROXY_COUNT).

Each request here comes from the proxy (REMOTE_ADDR 127.0.0.1) with the visitor's address appended
to X-Forwarded-For, as nginx does; an attacker may put anything in front of it.
"""

import re

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from accounts import services
from accounts.models import GuardianConsent
from kok_learn.http import client_ip

from .factories import UserFactory

pytestmark = pytest.mark.django_db

ALICE = "203.0.113.5"
BOB = "198.51.100.7"


@pytest.fixture(autouse=True)
def _behind_one_proxy(settings):
    settings.KOK_TRUSTED_PROXY_COUNT = 1


def via_proxy(visitor: str, claimed: str = "") -> dict:
    forwarded = f"{claimed}, {visitor}" if claimed else visitor
    return {"REMOTE_ADDR": "127.0.0.1", "HTTP_X_FORWARDED_FOR": forwarded}


def test_client_ip_takes_the_address_our_proxy_appended(rf, settings):
    assert client_ip(rf.get("/", **via_proxy(ALICE, claimed="10.9.9.9"))) == ALICE
    assert client_ip(rf.get("/", REMOTE_ADDR="127.0.0.1")) == "127.0.0.1"
    assert client_ip(rf.get("/", **via_proxy("nije-adresa"))) == "127.0.0.1"
    settings.KOK_TRUSTED_PROXY_COUNT = 0  # no proxy: the header is the client's own claim
    assert client_ip(rf.get("/", **via_proxy(ALICE))) == "127.0.0.1"


def _signup(client, n, address):
    return client.post(
        "/racun/registracija/",
        {
            "first_name": "Josip",
            "last_name": "Matić",
            "email": f"josip{n}@primjer.test",
            "date_of_birth": "1975-03-02",
            "guardian_email": "",
            "password1": "Kravarski-jorgovan-7",
            "password2": "Kravarski-jorgovan-7",
        },
        **via_proxy(address),
    )


def test_signup_limit_counts_each_visitor_not_the_proxy():
    client = Client()
    statuses = [_signup(client, n, ALICE).status_code for n in range(6)]
    assert statuses[-1] == 429
    assert _signup(Client(), 99, BOB).status_code == 302


def test_login_lock_out_follows_the_visitor_not_what_they_claim():
    user = UserFactory()
    client = Client()
    for n in range(6):
        # Alice makes up a new "client address" in front of every try; it does not help her.
        client.post(
            "/racun/prijava/", {"login": user.email, "password": "kriva-lozinka"}, **via_proxy(ALICE, f"10.0.0.{n}")
        )
    locked = client.post(
        "/racun/prijava/", {"login": user.email, "password": "Sigurna-lozinka-2026"}, **via_proxy(ALICE, "10.0.0.99")
    )
    assert locked.status_code == 429
    # The owner, from elsewhere, still gets in.
    owner = Client().post(
        "/racun/prijava/", {"login": user.email, "password": "Sigurna-lozinka-2026"}, **via_proxy(BOB)
    )
    assert owner.status_code == 302


@pytest.fixture
def minor(django_capture_on_commit_callbacks):
    today = timezone.localdate()
    user = UserFactory(email="mala.ana@primjer.test", date_of_birth=today.replace(year=today.year - 12))
    with django_capture_on_commit_callbacks(execute=True):
        services.guardian_consent_request(user=user, guardian_email="majka@primjer.test")
    return user


def _link(message) -> str:
    return re.sub(r"^https?://[^/]+", "", re.search(r"https?://\S+/racun/suglasnost/\S+/", message.body).group(0))


def test_consent_records_the_guardians_address_not_the_proxys(client, minor):
    client.post(_link(mail.outbox[-1]), **via_proxy(ALICE, claimed="10.1.1.1"))
    assert GuardianConsent.objects.get(user=minor).confirmed_ip == ALICE


def test_resend_limit_counts_each_visitor(minor):
    alice = Client()
    statuses = [
        alice.post("/racun/suglasnost/ponovno/", {"email": "netko@primjer.test"}, **via_proxy(ALICE)).status_code
        for _ in range(6)
    ]
    assert statuses[-1] == 429
    assert Client().post("/racun/suglasnost/ponovno/", {"email": minor.email}, **via_proxy(BOB)).status_code == 200


def test_resending_an_expired_link_is_rate_limited_too(minor, settings, django_capture_on_commit_callbacks):
    path = _link(mail.outbox[-1])
    settings.KOK_GUARDIAN_LINK_MAX_AGE = -1
    client = Client()
    # Alice has used up her re-sends (the form and expired links share one counter) ...
    for _ in range(5):
        client.post("/racun/suglasnost/ponovno/", {"email": "netko@primjer.test"}, **via_proxy(ALICE))
    sent_before = len(mail.outbox)
    with django_capture_on_commit_callbacks(execute=True):
        limited = client.post(path, {"action": "resend"}, **via_proxy(ALICE))
    # ... so an expired link of hers sends nothing more.
    assert limited.status_code == 429
    assert "Previše zahtjeva" in limited.content.decode()
    assert len(mail.outbox) == sent_before
    with django_capture_on_commit_callbacks(execute=True):
        allowed = Client().post(path, {"action": "resend"}, **via_proxy(BOB))
    assert allowed.status_code == 200
    assert len(mail.outbox) == sent_before + 1


def test_certificate_verification_limit_counts_each_visitor(settings):
    settings.KOK_VERIFY_RATE_LIMIT = (3, 600)
    alice = Client()
    statuses = [alice.get("/provjera/ABCD-EFGH/", **via_proxy(ALICE, f"10.0.0.{n}")).status_code for n in range(5)]
    assert statuses[-1] == 429
    assert Client().get("/provjera/ABCD-EFGH/", **via_proxy(BOB)).status_code != 429
