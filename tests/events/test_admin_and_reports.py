"""Coordinators' tools: the XLSX export of registrations and attendance, the report selectors, reminders,
and the page tree rules of the programme."""

import datetime
import io

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils import WagtailTestUtils

from accounts import roles
from events import selectors, services
from events.models import EventIndexPage, EventPage, Registration, RegistrationStatus

from .factories import UserFactory, make_event

pytestmark = pytest.mark.django_db


def _coordinator():
    user = UserFactory(is_staff=True)
    user.groups.add(Group.objects.get(name=roles.COORDINATOR))
    return user


def _held_event(*, title="Radionica pletenja", people=3, hours=2):
    trainer = UserFactory()
    event = make_event(title=title, trainers=[trainer], sessions=((-30, hours),), capacity=10)
    session = event.sessions.get()
    registrations = [
        Registration.objects.create(event=event, user=UserFactory(), status=RegistrationStatus.BOOKED)
        for _ in range(people)
    ]
    return event, session, trainer, registrations


@pytest.mark.parametrize("url_name", ["event_registrations:index", "event_attendance:index"])
def test_coordinator_exports_xlsx(client, url_name):
    event, session, trainer, registrations = _held_event()
    services.attendance_mark(by=trainer, session=session, registration=registrations[0], status="present")
    client.force_login(_coordinator())
    response = client.get(reverse(url_name), {"export": "xlsx"})
    assert response.status_code == 200
    content = b"".join(response.streaming_content) if response.streaming else response.content
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(content)).active
    values = [cell for row in sheet.iter_rows(values_only=True) for cell in row]
    assert "Radionica pletenja" in values


def test_learners_cannot_open_the_admin_lists(client):
    client.force_login(UserFactory())
    assert client.get(reverse("event_registrations:index")).status_code in (302, 403)


def test_report_selectors_count_what_was_held():
    event, session, trainer, registrations = _held_event(people=4, hours=2)
    for registration, status in zip(registrations, ["present", "late", "absent", "excused"], strict=True):
        services.attendance_mark(by=trainer, session=session, registration=registration, status=status)
    make_event(title="Još nije održano", sessions=((48, 3),))
    today = timezone.localdate()
    start, end = today - datetime.timedelta(days=7), today
    assert event in selectors.events_held(start=start, end=end)
    assert selectors.sessions_held(start=start, end=end).filter(page=event).count() == 1
    assert selectors.hours_delivered(start=start, end=end) >= 2
    ids = selectors.participant_user_ids(start=start, end=end)
    assert {registrations[0].user_id, registrations[1].user_id} <= ids and registrations[2].user_id not in ids
    row = next(r for r in selectors.attendance_report(start=start, end=end, by="kind") if r.key == event.kind)
    assert row.registrations >= 4 and row.hours >= 2
    by_month = selectors.attendance_report(start=start, end=end, by="month")
    assert by_month and all(len(r.key) == 7 for r in by_month)
    # Only this event in the period: 2 attended of 3 counted marks (excused leaves the denominator).
    only = [r for r in selectors.attendance_report(start=start, end=end, by="kind") if r.marked]
    assert any(r.attended == 2 and r.marked == 3 and r.attendance_rate == 66 for r in only)


def test_reminders_for_tomorrow_go_by_e_mail(django_capture_on_commit_callbacks):
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    hours = (
        timezone.make_aware(datetime.datetime.combine(tomorrow, datetime.time(17, 0))) - timezone.now()
    ).total_seconds() / 3600
    event = make_event(title="Večer društvenih igara", sessions=((hours, 2),))
    person = UserFactory()
    services.registration_create(user=person, event=event)
    mail.outbox.clear()
    call_command("send_event_reminders", stdout=io.StringIO())
    reminders = [m for m in mail.outbox if m.to == [person.email]]
    assert reminders and "Podsjetnik" in reminders[0].subject and "Večer društvenih igara" in reminders[0].subject


class TestPageTree(WagtailTestUtils):
    def test_events_live_under_the_programme_only(self):
        from home.models import HomePage

        assert EventIndexPage.max_count == 1
        assert EventPage.parent_page_types == ["events.EventIndexPage"]
        assert "events.EventIndexPage" in [
            f"{m._meta.app_label}.{m.__name__}" for m in HomePage.allowed_subpage_models()
        ]

    def test_programme_is_routable(self, client):
        assert client.get("/program/").status_code == 200
