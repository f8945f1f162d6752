"""Walk-ins: a trainer can always record a person who is in the room, and a walk-in holds no seat, so it
never takes a seat from anyone registered or waiting, and bookings and promotions never exceed the capacity."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from events import selectors, services
from events.models import Attendance, EventSession, Registration, RegistrationMode, RegistrationStatus

from .factories import UserFactory, hours_from_now, make_event

pytestmark = pytest.mark.django_db

WEEK = 24 * 7


def _weekly(*, capacity, mode, trainer, first_hours=-1):
    """Four weekly sessions; the first one is going on now (started an hour ago)."""
    return make_event(
        capacity=capacity,
        registration_mode=mode,
        trainers=[trainer],
        sessions=[(first_hours + week * WEEK, 2) for week in range(4)],
    )


def _sessions(event):
    return list(event.sessions.order_by("start"))


def _move_to_now(session):
    """Time passes: this session is the one going on now (those before it are over)."""
    EventSession.objects.filter(pk=session.pk).update(start=hours_from_now(-1), end=hours_from_now(1))
    session.refresh_from_db()
    return session


def test_an_event_without_registration_takes_every_walk_in_every_week():
    trainer = UserFactory()
    event = _weekly(capacity=3, mode=RegistrationMode.NONE, trainer=trainer)
    week1, week2, *_rest = _sessions(event)
    for name in ("Ana Kos", "Ivo Kos", "Eva Kos"):
        services.walk_in_add(by=trainer, session=week1, name=name)
    EventSession.objects.filter(pk=week1.pk).update(start=hours_from_now(-WEEK - 1), end=hours_from_now(-WEEK + 1))
    week2 = _move_to_now(week2)
    fourth = services.walk_in_add(by=trainer, session=week2, name="Mara Kos")  # was refused: "Every seat is taken"
    assert Attendance.objects.get(registration=fourth, session=week2).status == "present"
    assert selectors.seats_taken(event=event) == 0
    # The walk-ins of week 1 are on week 2's sheet too, to be marked if they come again.
    assert {row.name for row in selectors.attendance_sheet(session=week2)} == {
        "Ana Kos",
        "Ivo Kos",
        "Eva Kos",
        "Mara Kos",
    }


def test_a_walk_in_is_recorded_when_every_seat_is_taken_and_takes_no_seat():
    trainer = UserFactory()
    event = _weekly(capacity=2, mode=RegistrationMode.OPEN, trainer=trainer)
    for _ in range(2):
        services.registration_create(user=UserFactory(), event=event)
    session = _sessions(event)[0]
    walk_in = services.walk_in_add(by=trainer, session=session, name="Kata Horvat")
    assert walk_in.walk_in and walk_in.user_id is None
    assert Attendance.objects.get(registration=walk_in).status == "present"
    assert selectors.seats_taken(event=event) == 2
    assert selectors.free_seats(event=event) == 0


def test_a_walk_in_does_not_take_a_seat_from_people_registering_or_waiting():
    trainer = UserFactory()
    event = _weekly(capacity=2, mode=RegistrationMode.OPEN, trainer=trainer)
    first = services.registration_create(user=UserFactory(), event=event)
    session = _sessions(event)[0]
    for name in ("Kata Horvat", "Ivo Horvat", "Eva Horvat"):
        services.walk_in_add(by=trainer, session=session, name=name)
    # The seat left is still there for the next person who registers; after that the waiting list.
    second = services.registration_create(user=UserFactory(), event=event)
    third = services.registration_create(user=UserFactory(), event=event)
    assert (second.status, third.status) == (RegistrationStatus.BOOKED, RegistrationStatus.WAITLISTED)
    # A cancellation promotes the first waiting, never beyond the capacity.
    services.registration_cancel(registration=first)
    third.refresh_from_db()
    assert third.status == RegistrationStatus.BOOKED
    assert selectors.seats_taken(event=event) == 2
    assert Registration.objects.filter(event=event, walk_in=True).count() == 3


def test_a_walk_in_still_needs_a_trainer_a_name_and_a_session_not_cancelled():
    trainer = UserFactory()
    event = _weekly(capacity=2, mode=RegistrationMode.NONE, trainer=trainer)
    session = _sessions(event)[0]
    with pytest.raises(ValidationError):
        services.walk_in_add(by=UserFactory(), session=session, name="Kata Horvat")
    with pytest.raises(ValidationError):
        services.walk_in_add(by=trainer, session=session, name="  ")
    services.session_cancel(session=session, reason="Dvorana je zauzeta.")
    with pytest.raises(ValidationError):
        services.walk_in_add(by=trainer, session=session, name="Kata Horvat")
    assert not Registration.objects.filter(event=event).exists()


def test_volunteers_of_an_event_without_registration_are_never_put_on_a_waiting_list():
    event = make_event(capacity=1, registration_mode=RegistrationMode.NONE)
    statuses = [
        services.volunteer_registration_ensure(user=UserFactory(), event=event).registration.status for _ in range(3)
    ]
    assert statuses == [RegistrationStatus.BOOKED] * 3


def test_walk_ins_made_before_the_fix_are_marked_by_the_migration():
    from importlib import import_module

    from django.apps import apps

    migration = import_module("events.migrations.0004_registration_walk_in")
    event = make_event(capacity=1)
    old = Registration.objects.create(event=event, walk_in_name="Kata Horvat", status=RegistrationStatus.BOOKED)
    erased = Registration.objects.create(event=event, anonymised=True, status=RegistrationStatus.BOOKED)
    migration.mark_walk_ins(apps, None)
    old.refresh_from_db()
    erased.refresh_from_db()
    assert old.walk_in and not erased.walk_in
    assert selectors.seats_taken(event=event) == 1  # the erased person's seat still counts


class TestTrainerPage:
    """The trainer's attendance page (/program/evidencija/<session>/), end to end."""

    def test_week_two_walk_in_of_a_full_event_without_registration(self, client):
        trainer = UserFactory()
        event = _weekly(capacity=3, mode=RegistrationMode.NONE, trainer=trainer)
        week1, week2, *_rest = _sessions(event)
        client.force_login(trainer)
        for name in ("Ana Kos", "Ivo Kos", "Eva Kos"):
            client.post(reverse("events:walk_in", args=[week1.pk]), {"name": name})
        EventSession.objects.filter(pk=week1.pk).update(start=hours_from_now(-WEEK - 1), end=hours_from_now(-WEEK + 1))
        week2 = _move_to_now(week2)
        response = client.post(reverse("events:walk_in", args=[week2.pk]), {"name": "Mara Kos"}, follow=True)
        page = response.content.decode()
        assert "Mara Kos je dodan/a i označen/a kao prisutan/a." in page
        assert "zauzeta" not in page
        assert "Zabilježeno: 1 od 4" in page
        mara = Registration.objects.get(event=event, walk_in_name="Mara Kos")
        assert Attendance.objects.get(registration=mara, session=week2).status == "present"
        # Someone from week 1 came again: the trainer marks them on week 2's sheet.
        ana = Registration.objects.get(event=event, walk_in_name="Ana Kos")
        response = client.post(
            reverse("events:attendance", args=[week2.pk]), {"registration": ana.pk, "status": "present"}, follow=True
        )
        assert "Zabilježeno: 2 od 4" in response.content.decode()
        assert Attendance.objects.filter(session=week2, status="present").count() == 2

    def test_walk_in_on_a_full_event_and_the_public_page_still_shows_the_registered_seats(self, client):
        trainer = UserFactory()
        event = _weekly(capacity=2, mode=RegistrationMode.OPEN, trainer=trainer)
        services.registration_create(user=UserFactory(), event=event)
        session = _sessions(event)[0]
        client.force_login(trainer)
        for name in ("Kata Horvat", "Ivo Horvat"):
            response = client.post(reverse("events:walk_in", args=[session.pk]), {"name": name}, follow=True)
            assert f"{name} je dodan/a i označen/a kao prisutan/a." in response.content.decode()
        # A person registering now still gets the seat left.
        person = UserFactory()
        client.force_login(person)
        client.post(reverse("events:register", args=[event.pk]))
        assert Registration.objects.get(event=event, user=person).status == RegistrationStatus.BOOKED
        assert selectors.seats_taken(event=event) == 2
