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


def test_last_seat_booked_once_under_real_concurrency():
    from events import services

    event = make_event(capacity=3)
    for _ in range(2):
        services.registration_create(user=UserFactory(), event=event)
    people = [UserFactory() for _ in range(6)]
    barrier = threading.Barrier(len(people))
    statuses, errors = [], []

    def book(person):
        try:
            barrier.wait(timeout=10)
            statuses.append(services.registration_create(user=person, event=event).status)
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=book, args=(person,)) for person in people]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert errors == []
    assert sorted(statuses) == ["booked"] + ["waitlisted"] * 5
    booked = Registration.objects.filter(event=event, status=RegistrationStatus.BOOKED).count()
    assert booked == 3
    positions = sorted(
        Registration.objects.filter(event=event, status=RegistrationStatus.WAITLISTED).values_list(
            "waitlist_position", flat=True
        )
    )
    assert positions == [1, 2, 3, 4, 5]
