"""Writes: registration (capacity, waiting list, promotion), cancellation, attendance, QR check-in.

Every function is keyword-only, runs in a transaction and raises ``django.core.exceptions.
ValidationError`` with a message for the person when the input is not acceptable, having written
nothing. Seats are counted under a row lock on the event (``select_for_update``), so two people
booking the last seat at once get one seat and one place on the waiting list, and a promotion can
never exceed the capacity.

Seats: a registration holds a seat at every session of its event, so the bookable seats are the lowest
capacity of the event's upcoming sessions not cancelled (``selectors.event_capacity``); no session
ever has more people booked than its own capacity. Seats freed by a cancelled session or by a small
session being over go to the waiting list first (``_promote`` runs before anyone new is seated).
"""

import datetime
from dataclasses import dataclass

from django.core import signing
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail import hooks

from accounts import roles
from kok_learn.names import clean_person_name

from . import selectors
from .models import (
    Attendance,
    AttendanceChange,
    AttendanceMethod,
    AttendanceStatus,
    CheckIn,
    EventIndexPage,
    EventPage,
    EventSession,
    Registration,
    RegistrationMode,
    RegistrationRole,
    RegistrationStatus,
)

QR_STEP_SECONDS = 60
# Wagtail hook called after a person's attendance is recorded: ``fn(*, user, event_id)``.
ATTENDANCE_MARKED = "kok_attendance_marked"
QR_SALT = "events.checkin"
# Free seats of an event with no registration ("everyone is welcome"): seats are not counted.
NO_SEAT_LIMIT = 10**6


def _lock_event(event: EventPage) -> EventPage:
    """Lock the event's row: every seat count and promotion of this event queues behind it.

    Returns the locked row with its current capacity (what the caller holds may be stale)."""
    return EventPage.objects.select_for_update().only("pk", "capacity", "registration_mode").get(pk=event.pk)


def _free_seats(locked: EventPage) -> int:
    """Seats still free under the lock: the smallest upcoming session decides (selectors.event_capacity).

    An event with no registration (everyone welcome) counts no seats: the few registrations it has (its
    volunteers) are never put on a waiting list."""
    if locked.registration_mode == RegistrationMode.NONE:
        return NO_SEAT_LIMIT
    return selectors.event_capacity(event=locked) - selectors.seats_taken(event=locked)


def _age_on(date_of_birth: datetime.date, day: datetime.date) -> int:
    return day.year - date_of_birth.year - ((day.month, day.day) < (date_of_birth.month, date_of_birth.day))


def _check_can_register(
    *, user, event: EventPage, date_of_birth: datetime.date | None, role: str = RegistrationRole.PARTICIPANT
) -> None:
    """Why a person may not register. A volunteer (registered by the organiser who accepted them) is not
    a member of the event's audience: the audience's age limit, the registration deadline and "no
    registration needed" are for participants; volunteering applies its own age rules (the Act)."""
    if not user.is_authenticated:
        raise ValidationError(_("Log in to register for an event."))
    if not EventPage.objects.live().public().filter(pk=event.pk).exists():
        raise ValidationError(_("This event is not open for registration."))
    volunteer = role == RegistrationRole.VOLUNTEER
    if event.registration_mode == RegistrationMode.NONE and not volunteer:
        raise ValidationError(_("This event needs no registration: just come."))
    now = timezone.now()
    sessions = list(event.sessions.all())
    upcoming = [session for session in sessions if not session.cancelled and session.end > now]
    if not upcoming:
        if sessions and all(session.cancelled for session in sessions):
            raise ValidationError(_("This event is cancelled."))
        raise ValidationError(_("This event has already taken place."))
    if volunteer:
        return
    if event.registration_deadline and now > event.registration_deadline:
        raise ValidationError(_("The registration deadline for this event has passed."))
    if event.min_age is not None or event.max_age is not None:
        birth = user.date_of_birth or date_of_birth
        if birth is None:
            raise ValidationError(_("This event has an age limit: enter your date of birth to register."))
        if birth > timezone.localdate() or birth.year < 1900:
            raise ValidationError(_("Enter a real date of birth."))
        age = _age_on(birth, timezone.localtime(upcoming[0].start).date())
        if event.min_age is not None and age < event.min_age:
            raise ValidationError(_("This event is for people aged %(age)s or more.") % {"age": event.min_age})
        if event.max_age is not None and age > event.max_age:
            raise ValidationError(_("This event is for people aged up to %(age)s.") % {"age": event.max_age})


def _next_waitlist_position(event: EventPage) -> int:
    last = Registration.objects.filter(event=event, status=RegistrationStatus.WAITLISTED).aggregate(
        last=Max("waitlist_position")
    )["last"]
    return (last or 0) + 1


@transaction.atomic
def registration_create(
    *,
    user,
    event: EventPage,
    date_of_birth: datetime.date | None = None,
    role: str = RegistrationRole.PARTICIPANT,
) -> Registration:
    """Book a seat, or a place on the waiting list when the event is full.

    Registering twice is refused (a cancelled registration may register again: it joins at the end).
    ``date_of_birth`` is asked only for events with an age limit, and kept on the profile.
    """
    _check_can_register(user=user, event=event, date_of_birth=date_of_birth, role=role)
    locked = _lock_event(event)
    # Seats freed since the last change (a session cancelled or over) go to those waiting first.
    _promote(locked)
    existing = Registration.objects.filter(user=user, event=event).first()
    if existing is not None and existing.status != RegistrationStatus.CANCELLED:
        raise ValidationError(_("You are already registered for this event."))
    if user.date_of_birth is None and date_of_birth is not None and (event.min_age or event.max_age):
        user.date_of_birth = date_of_birth
        user.save(update_fields=["date_of_birth"])
    registration = existing or Registration(user=user, event=event)
    registration.role = role
    registration.cancelled_at, registration.cancel_reason = None, ""
    registration.created_at = timezone.now()
    if event.registration_mode == RegistrationMode.APPROVAL:
        registration.status, registration.waitlist_position = RegistrationStatus.PENDING, None
    elif _free_seats(locked) > 0:
        registration.status, registration.waitlist_position = RegistrationStatus.BOOKED, None
    else:
        registration.status = RegistrationStatus.WAITLISTED
        registration.waitlist_position = _next_waitlist_position(event)
    registration.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():
            registration.save()
    except IntegrityError:
        raise ValidationError(_("You are already registered for this event.")) from None
    _notify(registration, "confirmation")
    return registration


@dataclass(frozen=True)
class VolunteerRegistration:
    """What ``volunteer_registration_ensure`` did: the registration, and the role it had before ("" = none:
    the acceptance made it), read under the event lock. The caller keeps ``role_before`` to undo it later
    (``volunteer_registration_release``)."""

    registration: Registration
    role_before: str


def event_lock(*, event: EventPage) -> None:
    """Take the event's lock for the rest of the transaction (callers that must decide something about the
    event's registrations before calling a service here, such as volunteering's release)."""
    _lock_event(event)


@transaction.atomic
def volunteer_registration_ensure(*, user, event: EventPage) -> VolunteerRegistration:
    """Register an accepted volunteer for the event (called by volunteering when the organiser accepts).

    Same seats and waiting list as everyone (``registration_create`` with the role *volunteer*); the
    audience's age limit and the registration deadline do not apply to volunteers. A person already
    registered keeps the seat (or place) and becomes a volunteer; a repeat returns the registration.
    The role the registration had before is read under the event's lock and returned with it.
    """
    _lock_event(event)
    existing = Registration.objects.filter(user=user, event=event).exclude(status=RegistrationStatus.CANCELLED).first()
    if existing is not None:
        role_before = existing.role
        if existing.role != RegistrationRole.VOLUNTEER:
            existing.role = RegistrationRole.VOLUNTEER
            existing.save(update_fields=["role"])
        return VolunteerRegistration(registration=existing, role_before=role_before)
    registration = registration_create(user=user, event=event, role=RegistrationRole.VOLUNTEER)
    return VolunteerRegistration(registration=registration, role_before="")


@transaction.atomic
def volunteer_registration_release(
    *, user, event: EventPage, role_before: str, reason: str = ""
) -> Registration | None:
    """Undo ``volunteer_registration_ensure`` when volunteering ends (application declined or withdrawn).

    A registration the acceptance created (``role_before`` "") is cancelled through ``registration_cancel``:
    the first person waiting gets the seat and the e-mail, as for anyone. A registration the person had
    before keeps its seat or place and goes back to its earlier role."""
    _lock_event(event)
    registration = (
        Registration.objects.filter(user=user, event=event, role=RegistrationRole.VOLUNTEER)
        .exclude(status=RegistrationStatus.CANCELLED)
        .first()
    )
    if registration is None:
        return None
    if role_before:
        if role_before != registration.role:
            registration.role = role_before
            registration.save(update_fields=["role"])
        return registration
    return registration_cancel(registration=registration, reason=reason[:300])


@transaction.atomic
def registration_approve(*, registration: Registration) -> Registration:
    """A coordinator confirms a registration of an event "on approval": a seat if free, else the waiting list."""
    locked = _lock_event(registration.event)
    registration.refresh_from_db()
    if registration.status != RegistrationStatus.PENDING:
        return registration
    _promote(locked)
    if _free_seats(locked) > 0:
        registration.status = RegistrationStatus.BOOKED
    else:
        registration.status = RegistrationStatus.WAITLISTED
        registration.waitlist_position = _next_waitlist_position(registration.event)
    registration.full_clean(validate_constraints=False)
    registration.save(update_fields=["status", "waitlist_position"])
    _notify(registration, "approved")
    return registration


@transaction.atomic
def registration_decline(*, registration: Registration, reason: str) -> Registration:
    """A coordinator declines a registration waiting for approval; the person is told why by e-mail."""
    _lock_event(registration.event)
    registration.refresh_from_db()
    if registration.status == RegistrationStatus.CANCELLED:
        return registration
    if registration.status != RegistrationStatus.PENDING:
        raise ValidationError(_("Only a registration waiting for approval can be declined."))
    reason = " ".join((reason or "").split())
    if not reason:
        raise ValidationError(_("Say why the registration is declined: the person will be told."))
    if len(reason) > 300:
        raise ValidationError(_("The reason can be at most 300 characters long."))
    registration.status = RegistrationStatus.CANCELLED
    registration.waitlist_position = None
    registration.cancelled_at = timezone.now()
    registration.cancel_reason = reason
    registration.full_clean(validate_constraints=False)
    registration.save(update_fields=["status", "waitlist_position", "cancelled_at", "cancel_reason"])
    _notify(registration, "declined")
    return registration


def _promote(event: EventPage) -> list[Registration]:
    """Fill free seats from the waiting list in order (the caller holds the lock: ``_lock_event``)."""
    promoted = []
    free = _free_seats(event)
    waiting = list(
        Registration.objects.filter(event=event, status=RegistrationStatus.WAITLISTED).order_by(
            "waitlist_position", "created_at"
        )
    )
    for registration in waiting[: max(free, 0)]:
        registration.status, registration.waitlist_position = RegistrationStatus.BOOKED, None
        registration.save(update_fields=["status", "waitlist_position"])
        promoted.append(registration)
    # Those still waiting move up: positions stay 1, 2, 3 …
    for position, registration in enumerate(waiting[len(promoted) :], start=1):
        if registration.waitlist_position != position:
            registration.waitlist_position = position
            registration.save(update_fields=["waitlist_position"])
    for registration in promoted:
        _notify(registration, "promotion")
    return promoted


@transaction.atomic
def waiting_list_promote(*, event: EventPage) -> list[Registration]:
    """Give seats freed without anyone acting (the capacity raised by an editor, a small session over) to
    those waiting, in order, with the promotion e-mail and ``.ics`` — the same locked ``_promote`` as a
    cancellation. Idempotent: with no free seat (or nobody waiting) it changes nothing. Called after an event
    is published (events/signals.py) and by the daily job (``waiting_lists_promote``). An event with no
    session still to come promotes nobody (nobody would come)."""
    locked = _lock_event(event)
    if not EventSession.objects.filter(page_id=locked.pk, cancelled=False, end__gt=timezone.now()).exists():
        return []
    return _promote(locked)


def waiting_lists_promote() -> int:
    """The daily job: every live event with someone waiting and a session still to come gets its waiting
    list moved (seats grow when the smallest session ends). Each event in its own transaction. Returns the
    number of people promoted."""
    now = timezone.now()
    events = (
        EventPage.objects.live()
        .filter(registrations__status=RegistrationStatus.WAITLISTED)
        .filter(pk__in=EventSession.objects.filter(cancelled=False, end__gt=now).values("page_id"))
        .distinct()
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    return sum(len(waiting_list_promote(event=EventPage(pk=pk))) for pk in list(events))


@transaction.atomic
def registration_cancel(*, registration: Registration, reason: str = "") -> Registration:
    """Cancel a booking or leave the waiting list; the first person waiting gets the seat (and an e-mail)."""
    event = _lock_event(registration.event)
    registration.refresh_from_db()
    if registration.status == RegistrationStatus.CANCELLED:
        return registration
    if len(reason) > 300:
        raise ValidationError(_("The reason can be at most 300 characters long."))
    registration.status = RegistrationStatus.CANCELLED
    registration.waitlist_position = None
    registration.cancelled_at = timezone.now()
    registration.cancel_reason = reason
    registration.full_clean(validate_constraints=False)
    registration.save(update_fields=["status", "waitlist_position", "cancelled_at", "cancel_reason"])
    _promote(event)
    return registration


@transaction.atomic
def session_cancel(*, session: EventSession, reason: str) -> EventSession:
    """Cancel one session and tell everyone registered (booked or waiting) by e-mail."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(_("Say why the session is cancelled: people will be told."))
    locked = _lock_event(session.page)
    session.refresh_from_db(fields=["cancelled", "cancel_reason"])
    if session.cancelled:
        return session
    session.cancelled, session.cancel_reason = True, reason[:300]
    session.full_clean()
    session.save(update_fields=["cancelled", "cancel_reason"])
    # A cancelled session no longer limits the seats: those waiting may get the ones it held back.
    _promote(locked)
    session_id = session.pk
    recipients = list(
        Registration.objects.filter(event_id=session.page_id, user__isnull=False)
        .exclude(status=RegistrationStatus.CANCELLED)
        .values_list("pk", flat=True)
    )
    from .tasks import send_session_cancelled

    transaction.on_commit(lambda: [send_session_cancelled.enqueue(pk, session_id) for pk in recipients])
    return session


# --- Attendance ------------------------------------------------------------------------------------


def can_mark_attendance(*, user, session: EventSession) -> bool:
    """The event's trainers and coordinators mark attendance."""
    if not user.is_authenticated:
        return False
    if roles.is_coordinator(user):
        return True
    return session.page.trainers.filter(pk=user.pk).exists()


def _update_registration_status(registration: Registration) -> None:
    """Booked → attended partly / attended, from the attendance of the sessions held so far."""
    if registration.status not in (
        RegistrationStatus.BOOKED,
        RegistrationStatus.ATTENDED_PARTLY,
        RegistrationStatus.ATTENDED,
    ):
        return
    sessions = [s for s in registration.event.sessions.all() if not s.cancelled]
    attended = set(
        Attendance.objects.filter(registration=registration, status__in=("present", "late")).values_list(
            "session_id", flat=True
        )
    )
    if not attended:
        status = RegistrationStatus.BOOKED
    elif all(session.pk in attended for session in sessions):
        status = RegistrationStatus.ATTENDED
    else:
        status = RegistrationStatus.ATTENDED_PARTLY
    if status != registration.status:
        registration.status = status
        registration.save(update_fields=["status"])


def _record(*, registration: Registration, session: EventSession, status: str, method: str, by) -> Attendance:
    if status not in AttendanceStatus.values:
        raise ValidationError(_("Choose present, late, excused or absent."))
    attendance = Attendance.objects.select_for_update().filter(registration=registration, session=session).first()
    before = attendance.status if attendance else ""
    if attendance is not None and before == status:
        return attendance
    if attendance is None:
        attendance = Attendance(registration=registration, session=session)
    attendance.status, attendance.method = status, method
    attendance.marked_by = by if by is not None and by.is_authenticated else None
    attendance.marked_at = timezone.now()
    attendance.full_clean(validate_constraints=False)
    attendance.save()
    AttendanceChange.objects.create(
        attendance=attendance, changed_by=attendance.marked_by, before=before, after=status, method=method
    )
    _update_registration_status(registration)
    if registration.user_id is not None:
        # Apps above events (courses: blended-course completion) react without events importing them.
        for hook in hooks.get_hooks(ATTENDANCE_MARKED):
            hook(user=registration.user, event_id=registration.event_id)
    return attendance


@transaction.atomic
def attendance_mark(*, by, session: EventSession, registration: Registration, status: str) -> Attendance:
    """A trainer of the event or a coordinator marks (or corrects) one person's attendance; changes are kept."""
    if not can_mark_attendance(user=by, session=session):
        raise ValidationError(_("Only the event's trainers and coordinators can mark attendance."))
    if registration.event_id != session.page_id:
        raise ValidationError(_("This person is not registered for this event."))
    if session.cancelled:
        raise ValidationError(_("This session is cancelled."))
    if registration.status in (RegistrationStatus.CANCELLED, RegistrationStatus.WAITLISTED, RegistrationStatus.PENDING):
        raise ValidationError(_("Only people with a seat can be marked."))
    return _record(registration=registration, session=session, status=status, method=AttendanceMethod.TRAINER, by=by)


@transaction.atomic
def walk_in_add(*, by, session: EventSession, name: str) -> Registration:
    """Someone came without registering: the trainer adds them by name, marked present.

    Always possible while the session is not cancelled, whatever the seats: the person is there. The walk-in
    holds no seat (not for this session, not for the ones to come), so the seats, the waiting list and the
    capacity rule are those of the registered people alone."""
    if not can_mark_attendance(user=by, session=session):
        raise ValidationError(_("Only the event's trainers and coordinators can mark attendance."))
    name = clean_person_name(name)
    if not name:
        raise ValidationError(_("Enter the person's name."))
    if len(name) > 150:
        raise ValidationError(_("The name can be at most 150 characters long."))
    if session.cancelled:
        raise ValidationError(_("This session is cancelled."))
    # A walk-in records someone who is in the room: never refused for lack of seats, and holding no seat
    # (``walk_in``: not counted by ``SEAT_HOLDERS``), so nobody registered or waiting loses a seat to them.
    registration = Registration(
        event_id=session.page_id, walk_in_name=name, walk_in=True, status=RegistrationStatus.BOOKED
    )
    registration.full_clean(validate_constraints=False)
    registration.save()
    _record(
        registration=registration,
        session=session,
        status=AttendanceStatus.PRESENT,
        method=AttendanceMethod.TRAINER,
        by=by,
    )
    return registration


# --- QR self check-in -------------------------------------------------------------------------------


def _step(moment: datetime.datetime) -> int:
    return int(moment.timestamp()) // QR_STEP_SECONDS


def checkin_token(*, session: EventSession, now: datetime.datetime | None = None) -> str:
    """The token shown as a QR code: signed, naming the session and the current 60-second step."""
    now = now or timezone.now()
    return signing.dumps({"s": session.pk, "t": _step(now)}, salt=QR_SALT, compress=True)


@transaction.atomic
def checkin_with_token(*, user, token: str, now: datetime.datetime | None = None) -> Attendance:
    """A registered, signed-in person checks in by scanning the trainer's QR code.

    The token must be genuine, from the current or the previous 60-second step (a phone may take a
    moment to open the link), inside the session's check-in window; each person checks in once.
    """
    now = now or timezone.now()
    if not user.is_authenticated:
        raise ValidationError(_("Log in to check in."))
    try:
        data = signing.loads(token, salt=QR_SALT)
        session_id, step = int(data["s"]), int(data["t"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        raise ValidationError(
            _("This check-in code is not valid. Scan the code on the trainer's screen again.")
        ) from None
    if not 0 <= _step(now) - step <= 1:
        raise ValidationError(_("This check-in code has expired. Scan the code on the trainer's screen again."))
    session = EventSession.objects.select_related("page").filter(pk=session_id).first()
    if session is None or session.cancelled:
        raise ValidationError(_("This session is cancelled."))
    opens, closes = session.checkin_window()
    if not opens <= now <= closes:
        raise ValidationError(_("Check-in is open from 30 minutes before the session until its end."))
    registration = (
        Registration.objects.filter(event_id=session.page_id, user=user)
        .exclude(status__in=(RegistrationStatus.CANCELLED, RegistrationStatus.WAITLISTED, RegistrationStatus.PENDING))
        .first()
    )
    if registration is None:
        raise ValidationError(_("You are not registered for this event, so you cannot check in."))
    try:
        with transaction.atomic():
            CheckIn.objects.create(session=session, registration=registration, token_step=step)
    except IntegrityError:
        raise ValidationError(_("You have already checked in to this session.")) from None
    return _record(
        registration=registration, session=session, status=AttendanceStatus.PRESENT, method=AttendanceMethod.QR, by=user
    )


# --- E-mails -----------------------------------------------------------------------------------------


def _notify(registration: Registration, kind: str) -> None:
    if registration.user_id is None:
        return
    from .tasks import send_registration_email

    registration_id = registration.pk
    transaction.on_commit(lambda: send_registration_email.enqueue(registration_id, kind))


# Site set-up -----------------------------------------------------------------------------------

PROGRAMME_INTRO = (
    "Što se događa u društvenom centru: tečajevi, radionice, slobodne aktivnosti za djecu, "
    "mlade i starije te kulturne večeri. Prijavite se jednim gumbom."
)


def programme_setup(*, home, log=None) -> EventIndexPage:
    """The programme (/program/) under the home page, editable by editors; idempotent.

    Called by `manage.py setup_site` through the ``kok_setup_site`` hook (events/wagtail_hooks.py).
    """
    index = EventIndexPage.objects.first()
    if index is None:
        with transaction.atomic():
            index = EventIndexPage(title="Program", slug="program", intro=PROGRAMME_INTRO, show_in_menus=True)
            home.add_child(instance=index)
            index.save_revision().publish()
        if log:
            log("Created the programme at /program/")
    programme_permissions_setup(index=index)
    return index


def programme_permissions_setup(*, index: EventIndexPage) -> None:
    """Editors add and edit events under the programme, moderators publish (as in the catalogue)."""
    from django.contrib.auth.models import Group, Permission
    from wagtail.models import GroupPagePermission

    from accounts import roles

    permissions = {
        codename: Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)
        for codename in ("add_page", "change_page", "publish_page")
    }
    for role, codenames in ((roles.EDITOR, ["add_page", "change_page"]), (roles.MODERATOR, list(permissions))):
        group = Group.objects.filter(name=role).first()
        if group is None:
            continue
        for codename in codenames:
            GroupPagePermission.objects.get_or_create(group=group, page=index, permission=permissions[codename])
