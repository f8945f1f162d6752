"""Session capacity: a registration holds a seat at every session of its event, so no session ever has more
people booked than its own capacity (its override, never above the event's, or the event's). The bookable
seats are the lowest capacity of the upcoming sessions not cancelled; past and cancelled sessions do not count.
"""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from events import selectors, services
from events.models import EventSession, Registration, RegistrationStatus

from .factories import UserFactory, hours_from_now, make_event

pytestmark = pytest.mark.django_db


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


def _event(*, capacity=10, overrides=(None, 3), sessions=((48, 2), (72, 2)), **fields):
    event = make_event(capacity=capacity, sessions=sessions, **fields)
    for session, override in zip(event.sessions.order_by("start"), overrides, strict=True):
        if override is not None:
            EventSession.objects.filter(pk=session.pk).update(capacity=override)
    return event


def _statuses(event):
    return sorted(Registration.objects.filter(event=event).values_list("status", flat=True))


def _booked(event) -> int:
    return selectors.seats_taken(event=event)


def test_the_smallest_upcoming_session_decides_the_seats():
    event = _event(capacity=10, overrides=(None, 3))
    assert selectors.event_capacity(event=event) == 3
    for _ in range(4):
        services.registration_create(user=UserFactory(), event=event)
    assert _statuses(event) == ["booked"] * 3 + ["waitlisted"]


def test_a_past_session_does_not_limit_the_seats():
    event = _event(capacity=5, overrides=(1, None), sessions=((-48, 2), (48, 2)))
    assert selectors.event_capacity(event=event) == 5
    for _ in range(5):
        services.registration_create(user=UserFactory(), event=event)
    assert _booked(event) == 5


def test_a_cancelled_session_does_not_limit_the_seats():
    event = _event(capacity=5, overrides=(None, 1))
    EventSession.objects.filter(page=event, capacity=1).update(cancelled=True, cancel_reason="Dvorana zauzeta.")
    assert selectors.event_capacity(event=event) == 5


def test_an_override_above_the_events_capacity_gives_no_extra_seats():
    event = _event(capacity=2, overrides=(50, 50))
    assert selectors.event_capacity(event=event) == 2
    for _ in range(3):
        services.registration_create(user=UserFactory(), event=event)
    assert _statuses(event) == ["booked", "booked", "waitlisted"]


def test_promotion_fills_only_the_seats_of_the_smallest_session(committed):
    event = _event(capacity=5, overrides=(None, 2))
    people = [UserFactory() for _ in range(4)]
    registrations = [services.registration_create(user=person, event=event) for person in people]
    assert [r.status for r in registrations] == ["booked", "booked", "waitlisted", "waitlisted"]
    mail.outbox.clear()
    with committed():
        services.registration_cancel(registration=registrations[0])
    # One seat freed at the two-seat session: one person promoted, never two.
    assert _booked(event) == 2
    assert Registration.objects.get(pk=registrations[2].pk).status == RegistrationStatus.BOOKED
    still = Registration.objects.get(pk=registrations[3].pk)
    assert still.status == RegistrationStatus.WAITLISTED and still.waitlist_position == 1
    assert [m.to for m in mail.outbox] == [[people[2].email]]


def test_cancelling_the_small_session_promotes_the_waiting_list(committed):
    event = _event(capacity=3, overrides=(None, 1))
    people = [UserFactory() for _ in range(4)]
    for person in people:
        services.registration_create(user=person, event=event)
    assert _statuses(event) == ["booked"] + ["waitlisted"] * 3
    small = event.sessions.get(capacity=1)
    with committed():
        services.session_cancel(session=small, reason="Voditeljica je bolesna.")
    assert _booked(event) == 3
    waiting = Registration.objects.get(event=event, status=RegistrationStatus.WAITLISTED)
    assert waiting.user == people[3] and waiting.waitlist_position == 1


def test_when_the_small_session_is_over_those_waiting_get_the_seats_before_a_newcomer():
    event = _event(capacity=3, overrides=(1, None))
    first, waiting = UserFactory(), UserFactory()
    services.registration_create(user=first, event=event)
    services.registration_create(user=waiting, event=event)
    assert _statuses(event) == ["booked", "waitlisted"]
    # The one-seat session is held; the rest of the event has three seats.
    EventSession.objects.filter(page=event, capacity=1).update(start=hours_from_now(-5), end=hours_from_now(-3))
    newcomer = services.registration_create(user=UserFactory(), event=event)
    assert Registration.objects.get(event=event, user=waiting).status == RegistrationStatus.BOOKED
    assert newcomer.status == RegistrationStatus.BOOKED
    assert _booked(event) == 3


def test_a_walk_in_is_recorded_when_every_seat_is_taken_and_holds_no_seat():
    trainer = UserFactory()
    event = _event(capacity=5, overrides=(None, 1), trainers=[trainer])
    services.registration_create(user=UserFactory(), event=event)
    session = event.sessions.order_by("start").first()
    services.walk_in_add(by=trainer, session=session, name="Kata Horvat")
    assert Registration.objects.filter(walk_in_name="Kata Horvat", walk_in=True).exists()
    assert _booked(event) == 1
    # The one-seat session is still full for those who register: the next person waits.
    assert services.registration_create(user=UserFactory(), event=event).status == RegistrationStatus.WAITLISTED


def test_a_session_capacity_below_the_seats_taken_is_refused_with_a_message():
    event = _event(capacity=5, overrides=(None, None))
    for _ in range(3):
        services.registration_create(user=UserFactory(), event=event)
    session = event.sessions.order_by("start").first()
    session.capacity = 2
    with pytest.raises(ValidationError) as error:
        session.full_clean()
    assert "Već zauzetih mjesta: 3" in str(error.value)
    session.capacity = 3
    session.full_clean()  # as many as booked: fine
    # A past session may say anything: it limits nothing.
    session.capacity, session.start, session.end = 1, hours_from_now(-5), hours_from_now(-3)
    session.full_clean()

    event.capacity = 2
    with pytest.raises(ValidationError, match="Već zauzetih mjesta: 3"):
        event.full_clean()


# --- what people see ---------------------------------------------------------------------------------


def _text(response) -> str:
    assert response.status_code == 200
    return response.content.decode()


def test_event_page_shows_each_sessions_free_seats_where_they_differ(client):
    event = _event(capacity=8, overrides=(None, 3), title="Tečaj keramike")
    services.registration_create(user=UserFactory(), event=event)
    page = _text(client.get(event.url))
    assert "još 2 slobodna mjesta" in page  # the event: the three-seat session decides
    assert "još 7 slobodnih mjesta u ovom terminu" in page
    assert "još 2 slobodna mjesta u ovom terminu" in page
    assert "termin s najmanje mjesta" in page
    services.registration_create(user=UserFactory(), event=event)
    services.registration_create(user=UserFactory(), event=event)
    page = _text(client.get(event.url))
    assert "Ovaj termin je popunjen" in page and "popunjeno — lista čekanja" in page


def test_event_page_without_differing_sessions_shows_one_number(client):
    event = _event(capacity=4, overrides=(4, None), title="Radionica pletenja")
    page = _text(client.get(event.url))
    assert "još 4 slobodna mjesta" in page
    assert "u ovom terminu" not in page


def test_programme_and_registration_over_http_follow_the_smallest_upcoming_session(client):
    event = _event(capacity=6, overrides=(1, None, 2), sessions=((-48, 2), (48, 2), (72, 2)), title="Tečaj tkanja")
    client.force_login(UserFactory())
    client.post(f"/program/prijava/{event.pk}/")
    assert "još 1 slobodno mjesto" in _text(client.get("/program/"))
    client.force_login(UserFactory())
    client.post(f"/program/prijava/{event.pk}/")
    client.force_login(UserFactory())
    response = client.post(f"/program/prijava/{event.pk}/", follow=True)
    assert "lista čekanja" in _text(response).lower()
    assert _statuses(event) == ["booked", "booked", "waitlisted"]
    assert "popunjeno — lista čekanja" in _text(client.get("/program/"))


def test_session_cancelled_by_the_trainer_over_http_frees_seats_for_the_waiting_list(client):
    trainer = UserFactory()
    event = _event(capacity=3, overrides=(None, 1), trainers=[trainer])
    waiting = UserFactory()
    services.registration_create(user=UserFactory(), event=event)
    services.registration_create(user=waiting, event=event)
    small = event.sessions.get(capacity=1)
    client.force_login(trainer)
    response = client.post(f"/program/evidencija/{small.pk}/otkazi/", {"reason": "Nema struje."}, follow=True)
    assert response.status_code == 200
    assert EventSession.objects.get(pk=small.pk).cancelled
    assert Registration.objects.get(event=event, user=waiting).status == RegistrationStatus.BOOKED


def test_a_session_an_hour_away_still_limits_and_one_just_over_does_not():
    event = _event(capacity=4, overrides=(1,), sessions=((1, 2),))
    assert selectors.event_capacity(event=event) == 1
    now = datetime.datetime.now(tz=datetime.UTC) + datetime.timedelta(hours=4)
    assert selectors.event_capacity(event=event, now=now) == 4
