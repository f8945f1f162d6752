"""Export and erasure of a person's registrations and attendance; erasure keeps anonymous counts."""

import pytest

from accounts import privacy
from events import selectors, services
from events.models import Attendance, Registration, RegistrationStatus

from .factories import UserFactory, make_event

pytestmark = pytest.mark.django_db


def _provider():
    return next(p for p in privacy.providers() if p.label == "events")


def test_export_and_erase_keep_anonymous_counts():
    trainer, person = UserFactory(), UserFactory()
    event = make_event(title="Radionica tkanja", trainers=[trainer], sessions=((-1, 2),))
    registration = Registration.objects.create(event=event, user=person, status=RegistrationStatus.BOOKED)
    services.attendance_mark(by=trainer, session=event.sessions.get(), registration=registration, status="present")

    exported = _provider().export(person)
    assert exported["registrations"][0]["event"] == "Radionica tkanja"
    assert exported["attendance"][0]["status"] == "Prisutan"
    assert _provider().export(trainer)["events_trained"] == ["Radionica tkanja"]

    _provider().erase(person)
    _provider().erase(trainer)
    registration.refresh_from_db()
    assert registration.user is None and registration.anonymised
    assert registration.display_name == "Anonimizirana osoba"
    assert Attendance.objects.get(registration=registration).marked_by is None
    assert selectors.seats_taken(event=event) == 1  # the count stays for the reports
    assert _provider().export(person) == {
        "registrations": [],
        "attendance": [],
        "attendance_marked_as_trainer": 0,
        "events_trained": [],
    }
