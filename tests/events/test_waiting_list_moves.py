"""Seats freed without anyone booking or cancelling go to the waiting list: when an editor publishes a higher
capacity (the event's or a session's) and, in the daily job, when a small session is over. Same locked
promotion as a cancellation, with its e-mail and .ics; repeating it changes nothing."""

import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from events import services
from events.models import EventPage, EventSession, Registration, RegistrationStatus

from .factories import UserFactory, hours_from_now, make_event
from .test_capacity_editing import _form

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


def _full_with_waiting(*, capacity=2, waiting=3, sessions=((48, 2), (72, 2))):
    event = make_event(capacity=capacity, sessions=sessions)
    for _ in range(capacity + waiting):
        services.registration_create(user=UserFactory(), event=event)
    return event


def _waiting(event):
    return list(
        Registration.objects.filter(event=event, status=RegistrationStatus.WAITLISTED)
        .order_by("waitlist_position")
        .values_list("waitlist_position", flat=True)
    )


def _booked(event):
    return Registration.objects.filter(event=event, status=RegistrationStatus.BOOKED).count()


def _promotion_mails(event):
    """E-mails with an invitation to people booked from the waiting list."""
    return [m for m in mail.outbox if m.attachments and m.attachments[0][0] == "poziv.ics"]


def _publish(client, event, **changes):
    data = _form(event, **changes)
    data["action-publish"] = "publish"
    return client.post(reverse("wagtailadmin_pages:edit", args=[event.pk]), data, follow=True)


class TestPublishing:
    def test_raising_the_event_capacity_promotes_the_waiting_list_with_the_e_mail(
        self, admin_client, django_capture_on_commit_callbacks
    ):
        event = _full_with_waiting(capacity=2, waiting=3)
        first_waiting = Registration.objects.get(event=event, waitlist_position=1)
        mail.outbox.clear()
        with django_capture_on_commit_callbacks(execute=True):
            _publish(admin_client, event, capacity="4")
        assert EventPage.objects.get(pk=event.pk).capacity == 4
        assert _booked(event) == 4
        assert _waiting(event) == [1]
        first_waiting.refresh_from_db()
        assert first_waiting.status == RegistrationStatus.BOOKED
        promoted = _promotion_mails(event)
        assert len(promoted) == 2 and first_waiting.user.email in {m.to[0] for m in promoted}
        assert "SUMMARY:" in promoted[0].attachments[0][1]

    def test_raising_a_session_override_promotes_the_waiting_list(
        self, admin_client, django_capture_on_commit_callbacks
    ):
        event = make_event(capacity=5, sessions=((48, 2), (72, 2)))
        small = event.sessions.order_by("start").last()
        EventSession.objects.filter(pk=small.pk).update(capacity=1)
        for _ in range(3):
            services.registration_create(user=UserFactory(), event=event)
        assert (_booked(event), _waiting(event)) == (1, [1, 2])
        with django_capture_on_commit_callbacks(execute=True):
            _publish(admin_client, event, sessions={1: {"capacity": "2"}})
        assert (_booked(event), _waiting(event)) == (2, [1])

    def test_publishing_without_a_capacity_change_promotes_nobody(self, admin_client):
        event = _full_with_waiting(capacity=2, waiting=2)
        _publish(admin_client, event, summary="Novi sažetak.")
        assert (_booked(event), _waiting(event)) == (2, [1, 2])


class TestDailyJob:
    def test_a_small_session_over_moves_the_waiting_list_in_the_daily_job(self, django_capture_on_commit_callbacks):
        event = make_event(capacity=4, sessions=((48, 2), (72, 2)))
        small = event.sessions.order_by("start").first()
        EventSession.objects.filter(pk=small.pk).update(capacity=1)
        for _ in range(3):
            services.registration_create(user=UserFactory(), event=event)
        assert (_booked(event), _waiting(event)) == (1, [1, 2])
        EventSession.objects.filter(pk=small.pk).update(start=hours_from_now(-5), end=hours_from_now(-3))
        mail.outbox.clear()
        with django_capture_on_commit_callbacks(execute=True):
            call_command("send_event_reminders", stdout=io.StringIO())
        assert (_booked(event), _waiting(event)) == (3, [])
        assert len(_promotion_mails(event)) == 2
        # Running it again (a retried timer) changes nothing and sends nothing.
        mail.outbox.clear()
        with django_capture_on_commit_callbacks(execute=True):
            call_command("send_event_reminders", stdout=io.StringIO())
        assert _promotion_mails(event) == []

    def test_the_daily_job_skips_events_not_live_or_over(self):
        hidden = _full_with_waiting(capacity=1, waiting=1)
        over = _full_with_waiting(capacity=1, waiting=1)
        for event in (hidden, over):
            EventPage.objects.filter(pk=event.pk).update(capacity=3)
        EventPage.objects.filter(pk=hidden.pk).update(live=False)
        EventSession.objects.filter(page=over).update(start=hours_from_now(-5), end=hours_from_now(-3))
        assert services.waiting_lists_promote() == 0
        assert _waiting(hidden) == [1] and _waiting(over) == [1]
        assert services.waiting_list_promote(event=over) == []


def test_waiting_list_promote_never_exceeds_the_capacity_and_is_idempotent():
    event = _full_with_waiting(capacity=2, waiting=3)
    assert services.waiting_list_promote(event=event) == []
    EventPage.objects.filter(pk=event.pk).update(capacity=3)
    assert len(services.waiting_list_promote(event=event)) == 1
    assert services.waiting_list_promote(event=event) == []
    assert (_booked(event), _waiting(event)) == (3, [1, 2])
