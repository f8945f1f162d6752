"""Editing an event that is already over its capacity: the capacity check runs only when a capacity is
lowered (event or session override), so fixing a typo still saves; lowering below the seats taken is refused."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from events.models import EventPage, EventSession, Registration, RegistrationStatus

from .factories import UserFactory, hours_from_now, make_event

pytestmark = pytest.mark.django_db

MESSAGE = "Već zauzetih mjesta: 4. Kapacitet ne može biti manji."


def _over_full(*, capacity=3, booked=4, sessions=((48, 2), (72, 2))):
    """An event with more people booked than its capacity (the capacity was lowered before the check existed,
    or seats were taken by hand in the admin)."""
    event = make_event(capacity=capacity, sessions=sessions)
    for _ in range(booked):
        Registration.objects.create(event=event, user=UserFactory(), status=RegistrationStatus.BOOKED)
    return event


def _local(moment):
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M")


def _form(event, **changes):
    sessions = list(event.sessions.order_by("start"))
    session_changes = changes.pop("sessions", {})
    fields = {
        "title": event.title,
        "slug": event.slug,
        "summary": event.summary,
        "description": rich_text(""),
        "kind": event.kind,
        "place": str(event.place_id or ""),
        "price": event.price,
        "capacity": str(event.capacity),
        "registration_mode": event.registration_mode,
        "registration_deadline": "",
        "min_age": "",
        "max_age": "",
        "sessions": inline_formset(
            [
                {
                    "id": str(session.pk),
                    "start": _local(session.start),
                    "end": _local(session.end),
                    "place": "",
                    "capacity": str(session.capacity or ""),
                    "cancel_reason": "",
                    **session_changes.get(index, {}),
                }
                for index, session in enumerate(sessions)
            ],
            initial=len(sessions),
        ),
    }
    fields.update(changes)
    return nested_form_data(fields)


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


def _edit(client, event, **changes):
    data = _form(event, **changes)
    data["action-publish"] = "publish"
    return client.post(reverse("wagtailadmin_pages:edit", args=[event.pk]), data, follow=True)


class TestAdmin:
    def test_a_typo_is_fixed_on_an_event_already_over_its_capacity(self, admin_client):
        event = _over_full()
        response = _edit(admin_client, event, summary="Sažetak bez tipfelera.")
        assert MESSAGE not in response.content.decode()
        event.refresh_from_db()
        assert event.summary == "Sažetak bez tipfelera."

    def test_raising_the_capacity_of_an_over_full_event_saves(self, admin_client):
        event = _over_full(capacity=3, booked=6)
        response = _edit(admin_client, event, capacity="4")  # still below the 6 booked, but better
        assert "Već zauzetih mjesta" not in response.content.decode()
        event.refresh_from_db()
        assert event.capacity == 4

    def test_lowering_the_capacity_below_the_seats_taken_is_refused_with_the_croatian_message(self, admin_client):
        event = _over_full(capacity=10)
        response = _edit(admin_client, event, capacity="3")
        assert MESSAGE in response.content.decode()
        event.refresh_from_db()
        assert event.capacity == 10

    def test_a_new_session_override_below_the_seats_taken_is_refused(self, admin_client):
        event = _over_full(capacity=10)
        response = _edit(admin_client, event, sessions={1: {"capacity": "2"}})
        assert MESSAGE in response.content.decode()
        assert not EventSession.objects.filter(page=event, capacity=2).exists()


def test_the_event_check_runs_only_when_the_capacity_is_lowered():
    event = _over_full()
    page = EventPage.objects.get(pk=event.pk)
    page.summary = "Sažetak bez tipfelera."
    page.full_clean()  # unchanged capacity: no check
    page.capacity = 4
    page.full_clean()  # raised, though still below the seats taken
    EventPage.objects.filter(pk=event.pk).update(capacity=4)
    page.capacity = 2
    with pytest.raises(ValidationError, match="Već zauzetih mjesta: 4"):
        page.full_clean()


def test_the_session_check_runs_only_when_its_limit_is_lowered():
    event = _over_full(capacity=10)
    session = event.sessions.order_by("start").first()
    EventSession.objects.filter(pk=session.pk).update(capacity=3)  # over full already
    session.refresh_from_db()
    session.full_clean()  # unchanged
    session.capacity = 4
    session.full_clean()  # raised
    session.capacity = 2
    with pytest.raises(ValidationError, match="Već zauzetih mjesta: 4"):
        session.full_clean()
    # A small session that was cancelled comes back: its limit is new, so it is checked.
    EventSession.objects.filter(pk=session.pk).update(capacity=3, cancelled=True, cancel_reason="Bolest.")
    session.refresh_from_db()
    session.cancelled, session.cancel_reason = False, ""
    with pytest.raises(ValidationError, match="Već zauzetih mjesta: 4"):
        session.full_clean()
    # A past session limits nothing.
    session.start, session.end = hours_from_now(-5), hours_from_now(-3)
    session.full_clean()


def test_an_event_without_registration_is_not_checked_it_counts_no_seats():
    from events.models import RegistrationMode

    event = _over_full(capacity=10)
    page = EventPage.objects.get(pk=event.pk)
    page.registration_mode, page.capacity = RegistrationMode.NONE, 2
    page.full_clean()
    session = page.sessions.order_by("start").first()
    session.page, session.capacity = page, 1
    session.full_clean()
