"""Registration, waiting list, promotion, refusals, attendance with history and QR check-in (services)."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from accounts import roles
from events import selectors, services
from events.models import (
    Attendance,
    AttendanceChange,
    Registration,
    RegistrationMode,
    RegistrationStatus,
)

from .factories import UserFactory, hours_from_now, make_event

pytestmark = pytest.mark.django_db(transaction=False)


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """E-mails are queued on commit: ``with committed():`` runs them as if the transaction committed."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def _coordinator():
    from django.contrib.auth.models import Group

    user = UserFactory()
    user.groups.add(Group.objects.get(name=roles.COORDINATOR))
    return user


def test_booking_then_waiting_list_with_positions():
    event = make_event(capacity=2)
    people = [UserFactory() for _ in range(4)]
    registrations = [services.registration_create(user=person, event=event) for person in people]
    assert [r.status for r in registrations] == ["booked", "booked", "waitlisted", "waitlisted"]
    assert [r.waitlist_position for r in registrations] == [None, None, 1, 2]
    assert selectors.free_seats(event=event) == 0


def test_cancelling_promotes_the_first_waiting_with_an_ics_invitation(committed):
    event = make_event(capacity=1, title="Radionica lampiona")
    first, second, third = UserFactory(), UserFactory(), UserFactory()
    booked = services.registration_create(user=first, event=event)
    services.registration_create(user=second, event=event)
    services.registration_create(user=third, event=event)
    mail.outbox.clear()

    with committed():
        services.registration_cancel(registration=booked, reason="Bolestan sam.")

    promoted = Registration.objects.get(user=second, event=event)
    still_waiting = Registration.objects.get(user=third, event=event)
    assert promoted.status == RegistrationStatus.BOOKED and promoted.waitlist_position is None
    assert still_waiting.waitlist_position == 1
    assert [m.to for m in mail.outbox] == [[second.email]]
    message = mail.outbox[0]
    assert "Radionica lampiona" in message.subject
    name, content, mimetype = message.attachments[0]
    assert name == "poziv.ics" and mimetype.startswith("text/calendar")
    assert "METHOD:REQUEST" in content and "SUMMARY:Radionica lampiona" in content


def test_promotion_never_exceeds_a_lowered_capacity():
    event = make_event(capacity=2)
    a, b, c = UserFactory(), UserFactory(), UserFactory()
    first = services.registration_create(user=a, event=event)
    services.registration_create(user=b, event=event)
    services.registration_create(user=c, event=event)
    session = event.sessions.first()
    session.capacity = 1
    session.save()
    services.registration_cancel(registration=first)
    # One seat left, one person booked: nobody is promoted.
    assert selectors.seats_taken(event=event) == 1
    assert Registration.objects.get(user=c, event=event).status == RegistrationStatus.WAITLISTED


def test_confirmation_email_goes_out(committed):
    event = make_event(title="Večer s KUD-om")
    user = UserFactory()
    mail.outbox.clear()
    with committed():
        services.registration_create(user=user, event=event)
    assert len(mail.outbox) == 1
    assert "Večer s KUD-om" in mail.outbox[0].subject
    assert mail.outbox[0].attachments


@pytest.mark.parametrize(
    ("fields", "sessions", "message"),
    [
        ({}, ((-5, 2),), "već održan"),
        ({"registration_deadline": hours_from_now(-1)}, ((48, 2),), "Rok za prijavu"),
        ({"registration_mode": RegistrationMode.NONE}, ((48, 2),), "ne treba prijava"),
    ],
)
def test_refusals_save_nothing(fields, sessions, message):
    event = make_event(sessions=sessions, **fields)
    user = UserFactory()
    with pytest.raises(ValidationError) as error:
        services.registration_create(user=user, event=event)
    assert message in " ".join(error.value.messages)
    assert not Registration.objects.filter(event=event).exists()


def test_cancelled_event_is_refused():
    event = make_event()
    event.sessions.update(cancelled=True, cancel_reason="Trener je bolestan.")
    with pytest.raises(ValidationError, match="otkazan"):
        services.registration_create(user=UserFactory(), event=event)


def test_registering_twice_is_refused_but_after_cancelling_is_allowed():
    event = make_event()
    user = UserFactory()
    registration = services.registration_create(user=user, event=event)
    with pytest.raises(ValidationError, match="Već ste prijavljeni"):
        services.registration_create(user=user, event=event)
    services.registration_cancel(registration=registration)
    again = services.registration_create(user=user, event=event)
    assert again.pk == registration.pk and again.status == RegistrationStatus.BOOKED


def test_age_limit_asks_for_the_date_of_birth_only_then():
    event = make_event(min_age=6, max_age=12)
    adult = UserFactory(date_of_birth=None)
    with pytest.raises(ValidationError, match="datum rođenja"):
        services.registration_create(user=adult, event=event)
    with pytest.raises(ValidationError, match="do 12"):
        services.registration_create(user=adult, event=event, date_of_birth=datetime.date(1980, 1, 1))
    assert not Registration.objects.filter(event=event).exists()
    adult.refresh_from_db()
    assert adult.date_of_birth is None  # nothing saved on a refusal
    child = UserFactory(date_of_birth=None)
    born = timezone.localdate().replace(year=timezone.localdate().year - 8, day=1)
    registration = services.registration_create(user=child, event=event, date_of_birth=born)
    child.refresh_from_db()
    assert registration.status == RegistrationStatus.BOOKED and child.date_of_birth == born
    # No age limit: no date of birth asked.
    open_event = make_event()
    assert services.registration_create(user=UserFactory(date_of_birth=None), event=open_event).pk


def test_session_cancel_tells_everyone_registered(committed):
    event = make_event(capacity=1, sessions=((48, 2), (72, 2)))
    booked, waiting = UserFactory(), UserFactory()
    services.registration_create(user=booked, event=event)
    services.registration_create(user=waiting, event=event)
    mail.outbox.clear()
    session = event.sessions.order_by("start").first()
    with pytest.raises(ValidationError):
        services.session_cancel(session=session, reason="  ")
    with committed():
        services.session_cancel(session=session, reason="Nestalo je struje u centru.")
    assert sorted(m.to[0] for m in mail.outbox) == sorted([booked.email, waiting.email])
    assert all("Nestalo je struje" in m.body for m in mail.outbox)


def test_attendance_by_trainer_or_coordinator_keeps_every_change():
    trainer, stranger = UserFactory(), UserFactory()
    event = make_event(trainers=[trainer], sessions=((-1, 2),))
    person = UserFactory()
    # Registered before the session started:
    registration = Registration.objects.create(event=event, user=person, status=RegistrationStatus.BOOKED)
    session = event.sessions.get()
    with pytest.raises(ValidationError, match="treneri"):
        services.attendance_mark(by=stranger, session=session, registration=registration, status="present")
    services.attendance_mark(by=trainer, session=session, registration=registration, status="absent")
    coordinator = _coordinator()
    services.attendance_mark(by=coordinator, session=session, registration=registration, status="late")
    attendance = Attendance.objects.get(registration=registration, session=session)
    assert attendance.status == "late" and attendance.marked_by == coordinator
    changes = list(AttendanceChange.objects.filter(attendance=attendance).values_list("before", "after", "changed_by"))
    assert changes == [("", "absent", trainer.pk), ("absent", "late", coordinator.pk)]
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.ATTENDED
    with pytest.raises(ValidationError):
        services.attendance_mark(by=trainer, session=session, registration=registration, status="asleep")


def test_walk_in_is_added_and_marked_present():
    trainer = UserFactory()
    event = make_event(trainers=[trainer], sessions=((-1, 2),))
    session = event.sessions.get()
    registration = services.walk_in_add(by=trainer, session=session, name="  Kata   Horvat ")
    assert registration.display_name == "Kata Horvat"
    assert Attendance.objects.get(registration=registration).status == "present"
    with pytest.raises(ValidationError, match="Upišite ime"):
        services.walk_in_add(by=trainer, session=session, name="   ")


class TestQrCheckIn:
    def _setup(self, *, starts_in_hours=-0.25):
        event = make_event(sessions=((starts_in_hours, 2),))
        person = UserFactory()
        registration = Registration.objects.create(event=event, user=person, status=RegistrationStatus.BOOKED)
        return event.sessions.get(), person, registration

    def test_checks_in_once(self):
        session, person, registration = self._setup()
        token = services.checkin_token(session=session)
        attendance = services.checkin_with_token(user=person, token=token)
        assert attendance.status == "present" and attendance.method == "qr"
        with pytest.raises(ValidationError, match="Već ste"):
            services.checkin_with_token(user=person, token=token)
        assert AttendanceChange.objects.filter(attendance=attendance).count() == 1

    def test_stale_token_is_refused(self):
        session, person, _registration = self._setup()
        old = services.checkin_token(session=session, now=timezone.now() - datetime.timedelta(seconds=150))
        with pytest.raises(ValidationError, match="istekao"):
            services.checkin_with_token(user=person, token=old)

    def test_previous_minute_is_still_accepted(self):
        session, person, _registration = self._setup()
        now = timezone.now()
        token = services.checkin_token(session=session, now=now - datetime.timedelta(seconds=60))
        assert services.checkin_with_token(user=person, token=token, now=now).status == "present"

    def test_forged_token_is_refused(self):
        session, person, _registration = self._setup()
        with pytest.raises(ValidationError, match="nije valjan"):
            services.checkin_with_token(user=person, token=services.checkin_token(session=session) + "x")

    def test_only_registered_people(self):
        session, _person, _registration = self._setup()
        with pytest.raises(ValidationError, match="Niste prijavljeni"):
            services.checkin_with_token(user=UserFactory(), token=services.checkin_token(session=session))

    def test_outside_the_window(self):
        session, person, _registration = self._setup(starts_in_hours=5)
        with pytest.raises(ValidationError, match="30 minuta"):
            services.checkin_with_token(user=person, token=services.checkin_token(session=session))
        assert not Attendance.objects.filter(session=session).exists()
