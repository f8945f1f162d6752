"""Sign-up under 16: the same answer whatever the address, the minor's own address verified before the
guardian hears of it, and a pending sign-up that nobody verified never keeps the address's owner out."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.test import Client
from django.utils import timezone

from accounts.models import GuardianConsent, User

from .factories import UserFactory

pytestmark = pytest.mark.django_db

OWNER = "vlasnica@primjer.test"


def _birth(years: int) -> str:
    today = timezone.localdate()
    return today.replace(year=today.year - years).isoformat()


def _signup(client, *, email, years, first_name="Josip", guardian="otac.napadaca@primjer.test"):
    return client.post(
        "/racun/registracija/",
        {
            "first_name": first_name,
            "last_name": "Matić",
            "email": email,
            "date_of_birth": _birth(years),
            "guardian_email": guardian if years < 16 else "",
            "password1": "Kravarski-jorgovan-7",
            "password2": "Kravarski-jorgovan-7",
        },
    )


def _mailed_to(address: str) -> list:
    return [message for message in mail.outbox if address in message.to]


def test_every_signup_answers_the_same(django_capture_on_commit_callbacks):
    UserFactory(email="zauzeta@primjer.test")
    answers = []
    with django_capture_on_commit_callbacks(execute=True):
        for email, years in [("slobodna@primjer.test", 13), ("zauzeta@primjer.test", 13), ("odrasla@primjer.test", 40)]:
            response = _signup(Client(), email=email, years=years)
            answers.append((response.status_code, response["Location"]))
    assert answers == [(302, "/racun/potvrda-adrese/")] * 3
    # The registered address got no new account; nobody's guardian has been mailed yet.
    assert User.objects.filter(email="zauzeta@primjer.test").count() == 1
    assert _mailed_to("otac.napadaca@primjer.test") == []


def test_the_guardian_is_mailed_only_after_the_minor_verifies_their_address(django_capture_on_commit_callbacks):
    client = Client()
    with django_capture_on_commit_callbacks(execute=True):
        _signup(client, email="mali.josip@primjer.test", years=13, guardian="majka@primjer.test")
    assert _mailed_to("majka@primjer.test") == []
    verification = _mailed_to("mali.josip@primjer.test")[-1]
    path = re.sub(
        r"^https?://[^/]+", "", re.search(r"https?://\S+/racun/potvrda-adrese/\S+/", verification.body).group(0)
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(path)
    assert response.status_code == 302
    assert len(_mailed_to("majka@primjer.test")) == 1
    user = User.objects.get(email="mali.josip@primjer.test")
    assert not user.is_active  # waits for the guardian
    assert EmailAddress.objects.get(user=user).verified
    assert "_auth_user_id" not in client.session


def test_a_squatted_address_does_not_block_the_owners_signup(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        _signup(Client(), email=OWNER, years=12, first_name="Napadač")
        response = _signup(Client(), email=OWNER, years=35, first_name="Vesna")
    assert response.status_code == 302
    owner = User.objects.get(email=OWNER)
    assert owner.first_name == "Vesna"
    assert owner.is_active
    assert not GuardianConsent.objects.filter(user=owner).exists()
    assert _mailed_to("otac.napadaca@primjer.test") == []


def test_a_squatted_address_does_not_block_the_owners_password_reset(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        _signup(Client(), email=OWNER, years=12, first_name="Napadač")
    before = len(mail.outbox)
    with django_capture_on_commit_callbacks(execute=True):
        response = Client().post("/racun/lozinka/zaboravljena/", {"email": OWNER})
    assert response.status_code == 302
    # The pending sign-up nobody verified is gone; the owner is told they can sign up.
    assert not User.objects.filter(email=OWNER).exists()
    assert len(mail.outbox) == before + 1
    owner_signup = _signup(Client(), email=OWNER, years=35, first_name="Vesna")
    assert owner_signup.status_code == 302
    assert User.objects.get(email=OWNER).first_name == "Vesna"


def test_a_minor_who_verified_their_address_keeps_it(django_capture_on_commit_callbacks):
    client = Client()
    with django_capture_on_commit_callbacks(execute=True):
        _signup(client, email="prava.maloljetnica@primjer.test", years=13, guardian="majka@primjer.test")
    user = User.objects.get(email="prava.maloljetnica@primjer.test")
    EmailAddress.objects.filter(user=user).update(verified=True)
    _signup(Client(), email="prava.maloljetnica@primjer.test", years=40, first_name="Netko")
    assert User.objects.get(email="prava.maloljetnica@primjer.test").pk == user.pk
