"""Minors: the guardian's signed, expiring link; re-sending; the 30-day purge; the coordinators' view."""

import datetime
import re

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from accounts import services
from accounts.models import GuardianConsent, User

from .factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def minor(django_capture_on_commit_callbacks):
    today = timezone.localdate()
    user = UserFactory(email="mali.ivan@primjer.test", date_of_birth=today.replace(year=today.year - 12))
    with django_capture_on_commit_callbacks(execute=True):
        services.guardian_consent_request(user=user, guardian_email="otac@primjer.test")
    user.refresh_from_db()
    return user


def link_path(message) -> str:
    url = re.search(r"https?://\S+/racun/suglasnost/\S+/", message.body).group(0)
    return re.sub(r"^https?://[^/]+", "", url)


def test_guardian_gets_a_croatian_email_with_a_link(minor):
    assert not minor.is_active
    message = mail.outbox[-1]
    assert message.to == ["otac@primjer.test"]
    assert "potvrdite račun" in message.subject
    assert "Luka Perić" in message.body
    assert "/racun/suglasnost/" in message.body


def test_the_link_shows_the_consent_and_post_confirms_it(client, minor):
    path = link_path(mail.outbox[-1])
    page = client.get(path)
    assert page.status_code == 200
    assert "Slažem se" in page.content.decode()
    # Opening the link (e.g. by a mail scanner) changes nothing.
    assert not User.objects.get(pk=minor.pk).is_active

    response = client.post(path, HTTP_USER_AGENT="Firefox/140 test", REMOTE_ADDR="192.0.2.10")
    assert response.status_code == 200
    assert "Hvala na suglasnosti" in response.content.decode()
    consent = GuardianConsent.objects.get(user=minor)
    assert consent.confirmed_at is not None
    assert consent.method == GuardianConsent.Method.EMAIL_LINK
    assert consent.confirmed_ip == "192.0.2.10"
    assert consent.confirmed_user_agent == "Firefox/140 test"
    assert User.objects.get(pk=minor.pk).is_active


def test_a_tampered_link_is_refused(client, minor):
    path = link_path(mail.outbox[-1])
    tampered = path[:-3] + ("A" if path[-3] != "A" else "B") + path[-2:]
    response = client.post(tampered)
    assert response.status_code == 400
    assert "Poveznica nije valjana" in response.content.decode()
    assert not User.objects.get(pk=minor.pk).is_active
    assert client.get("/racun/suglasnost/nije-potpisano/").status_code == 400


def test_an_expired_link_can_be_sent_again_and_the_old_one_stops_working(
    client, minor, settings, django_capture_on_commit_callbacks
):
    path = link_path(mail.outbox[-1])
    settings.KOK_GUARDIAN_LINK_MAX_AGE = -1  # every link is past its age
    expired = client.post(path)
    assert expired.status_code == 410
    assert "Poveznica je istekla" in expired.content.decode()
    assert not User.objects.get(pk=minor.pk).is_active
    with django_capture_on_commit_callbacks(execute=True):
        resent = client.post(path, {"action": "resend"})
    assert resent.status_code == 200
    new_path = link_path(mail.outbox[-1])
    assert new_path != path
    settings.KOK_GUARDIAN_LINK_MAX_AGE = 7 * 24 * 3600
    # The old link is now invalid, the new one works.
    assert client.post(path).status_code == 400
    assert client.post(new_path).status_code == 200
    assert User.objects.get(pk=minor.pk).is_active


def test_resend_form_answers_the_same_for_any_address(client, minor, django_capture_on_commit_callbacks):
    sent_before = len(mail.outbox)
    with django_capture_on_commit_callbacks(execute=True):
        known = client.post("/racun/suglasnost/ponovno/", {"email": minor.email})
        unknown = client.post("/racun/suglasnost/ponovno/", {"email": "nitko@primjer.test"})
    assert known.status_code == unknown.status_code == 200
    assert "Poveznica je poslana" in known.content.decode()
    assert "Poveznica je poslana" in unknown.content.decode()
    assert len(mail.outbox) == sent_before + 1
    assert mail.outbox[-1].to == ["otac@primjer.test"]


def test_unconfirmed_minors_are_purged_after_30_days(minor, learner):
    assert services.unconfirmed_minors_purge() == 0
    GuardianConsent.objects.filter(user=minor).update(requested_at=timezone.now() - datetime.timedelta(days=31))
    call_command("purge_unconfirmed_minors", verbosity=0)
    assert not User.objects.filter(pk=minor.pk).exists()
    assert not GuardianConsent.objects.filter(user_id=minor.pk).exists()
    assert User.objects.filter(pk=learner.pk).exists()


def test_confirmed_minors_are_kept(client, minor):
    client.post(link_path(mail.outbox[-1]))
    GuardianConsent.objects.filter(user=minor).update(requested_at=timezone.now() - datetime.timedelta(days=60))
    assert services.unconfirmed_minors_purge() == 0
    assert User.objects.filter(pk=minor.pk, is_active=True).exists()


def test_coordinators_see_consents_in_the_admin_and_learners_do_not(client, minor, coordinator, learner):
    client.force_login(coordinator)
    listing = client.get("/admin/guardian_consents/")
    assert listing.status_code == 200
    assert "otac@primjer.test" in listing.content.decode()
    export = client.get("/admin/guardian_consents/?export=csv")
    assert export.status_code == 200
    assert b"otac@primjer.test" in b"".join(export.streaming_content)
    client.force_login(learner)
    assert client.get("/admin/guardian_consents/").status_code == 302
