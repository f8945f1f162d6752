"""Events and volunteering plug in as one entry each: participation spans and measures."""

import datetime

import pytest
from django.utils import timezone

from events.models import Registration
from reports.measures import measure_get
from reports.models import ParticipantRecord, Participation
from reports.services import participation_sync
from tests.events.factories import make_event

from .factories import UserFactory


@pytest.mark.django_db
def test_an_event_registration_becomes_a_participation_that_ends_with_the_series():
    person = UserFactory()
    record = ParticipantRecord.objects.create(user=person, sex="female", date_of_birth=datetime.date(1970, 1, 1))
    past = make_event(title="Večer narodnih pjesama", sessions=((-72, 2), (-48, 2)))
    future = make_event(title="Radionica pletenja", sessions=((48, 2),))
    Registration.objects.create(event=past, user=person, status="attended")
    Registration.objects.create(event=future, user=person, status="booked")
    participation_sync(user_ids=[person.pk])
    rows = {p.activity_key: p for p in Participation.objects.filter(record=record)}
    ended = rows[f"event:{past.pk}"]
    assert ended.kind == "events" and ended.end_reason == "series_ended"
    assert ended.ended_on == timezone.localdate(timezone.now() - datetime.timedelta(hours=46))
    assert rows[f"event:{future.pk}"].ended_on is None


@pytest.mark.django_db
def test_event_and_volunteering_measures_read_their_apps():
    from events import selectors as event_selectors
    from volunteering import selectors as volunteering_selectors

    make_event(title="Održana radionica", sessions=((-30, 3),))
    start, end = timezone.localdate() - datetime.timedelta(days=30), timezone.localdate()
    assert measure_get("events.held").compute(start, end).value == len(
        event_selectors.events_held(start=start, end=end)
    )
    assert measure_get("events.hours").compute(start, end).value == event_selectors.hours_delivered(
        start=start, end=end
    )
    figures = volunteering_selectors.approved_hours_in_period(start=start, end=end)
    assert measure_get("volunteering.hours").compute(start, end).value == figures["hours"]
    assert measure_get("volunteering.volunteers").compute(start, end).value == figures["volunteers"]
