"""Two people booking the last seat at the same moment: one seat, one place on the waiting list (PostgreSQL)."""

import threading

import pytest
from django.db import connection, connections

from events.models import Registration, RegistrationStatus

from .factories import UserFactory, make_event

pytestmark = [
    pytest.mark.postgres,
    # serialized_rollback: an earlier transactional test may have flushed what the migrations created.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="DATABASE_URL is not PostgreSQL"),
]


def _race(jobs):
    """Run every job at the same moment in its own thread and connection; return (results, errors)."""
    barrier = threading.Barrier(len(jobs))
    results, errors = [], []

    def run(job):
        try:
            barrier.wait(timeout=10)
            results.append(job())
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(job,)) for job in jobs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results, errors


def _waitlist_positions(event) -> list[int]:
    return sorted(
        Registration.objects.filter(event=event, status=RegistrationStatus.WAITLISTED).values_list(
            "waitlist_position", flat=True
        )
    )


def _six_book_the_last_seat(event):
    """Two people book first; then six book the one seat left at the same moment: (statuses, errors)."""
    from events import services

    for _ in range(2):
        services.registration_create(user=UserFactory(), event=event)
    people = UserFactory.create_batch(6)
    return _race([lambda p=p: services.registration_create(user=p, event=event).status for p in people])


def test_last_seat_booked_once_under_real_concurrency():
    event = make_event(capacity=3)
    statuses, errors = _six_book_the_last_seat(event)
    assert errors == []
    assert sorted(statuses) == ["booked"] + ["waitlisted"] * 5
    booked = Registration.objects.filter(event=event, status=RegistrationStatus.BOOKED).count()
    assert booked == 3
    assert _waitlist_positions(event) == [1, 2, 3, 4, 5]


def _event_with_small_second_session(capacity: int, small: int):
    from events.models import EventSession

    event = make_event(capacity=capacity, sessions=((48, 2), (72, 2)))
    EventSession.objects.filter(pk=event.sessions.order_by("start").last().pk).update(capacity=small)
    return event


def test_a_small_session_is_never_overbooked_under_real_concurrency():
    from events import selectors

    event = _event_with_small_second_session(capacity=10, small=3)
    results, errors = _six_book_the_last_seat(event)
    assert errors == []
    assert sorted(results) == ["booked"] + ["waitlisted"] * 5
    assert selectors.seats_taken(event=event) == 3


def test_promotion_and_new_bookings_at_once_never_exceed_the_small_session():
    from events import selectors, services

    event = _event_with_small_second_session(capacity=10, small=2)
    booked = [services.registration_create(user=UserFactory(), event=event) for _ in range(2)]
    for _ in range(3):
        services.registration_create(user=UserFactory(), event=event)
    jobs = [lambda r=r: services.registration_cancel(registration=r).status for r in booked]
    jobs += [lambda p=p: services.registration_create(user=p, event=event).status for p in UserFactory.create_batch(4)]
    _results, errors = _race(jobs)
    assert errors == []
    assert selectors.seats_taken(event=event) == 2
    assert _waitlist_positions(event) == list(range(1, 6))


def test_waiting_list_moves_once_when_the_daily_job_publishing_and_bookings_run_at_once():
    """Seats grew (an editor raised the capacity): the daily job, a publish's promotion and new bookings race.
    Those waiting get the new seats, in order, once; newcomers wait behind them; the capacity holds."""
    from events import selectors, services
    from events.models import EventPage

    event = make_event(capacity=2)
    for _ in range(5):
        services.registration_create(user=UserFactory(), event=event)
    first_two = list(
        Registration.objects.filter(event=event, waitlist_position__in=(1, 2)).values_list("pk", flat=True)
    )
    EventPage.objects.filter(pk=event.pk).update(capacity=4)
    jobs = [lambda: len(services.waiting_list_promote(event=event)) for _ in range(2)]
    jobs += [lambda: services.waiting_lists_promote() for _ in range(2)]
    jobs += [lambda p=p: services.registration_create(user=p, event=event).status for p in UserFactory.create_batch(2)]
    results, errors = _race(jobs)
    assert errors == []
    assert selectors.seats_taken(event=event) == 4
    assert set(Registration.objects.filter(pk__in=first_two).values_list("status", flat=True)) == {"booked"}
    assert _waitlist_positions(event) == [1, 2, 3]
    assert sorted(r for r in results if isinstance(r, str)) == ["waitlisted"] * 2  # the newcomers
