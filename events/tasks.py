"""Background work for the programme: e-mails with .ics invitations, reminders, sign-in sheet PDFs.

ImmediateBackend in development and tests, ``db_worker`` in production.
"""

import datetime

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django_tasks import task


def _base_url() -> str:
    return (getattr(settings, "KOK_PUBLIC_BASE_URL", "") or settings.WAGTAILADMIN_BASE_URL).rstrip("/")


def _send(*, registration, kind: str, session=None) -> bool:
    from .calendar import registration_invitation
    from .selectors import event_page_context

    user = registration.user
    if user is None or not user.email:
        return False
    with translation.override(settings.LANGUAGE_CODE):
        base_url = _base_url()
        event = registration.event
        context = {
            "registration": registration,
            "event": event,
            "session": session,
            "kind": kind,
            "event_url": f"{base_url}{event.url}" if event.url else base_url,
            "sessions": event_page_context(event=event, user=user)["upcoming_sessions"],
        }
        subject = render_to_string("events/email/subject.txt", context).strip()
        body = render_to_string("events/email/body.txt", context)
        message = EmailMessage(
            f"{settings.ACCOUNT_EMAIL_SUBJECT_PREFIX}{subject}", body, settings.DEFAULT_FROM_EMAIL, [user.email]
        )
        if kind in ("confirmation", "approved", "promotion", "reminder") and registration.holds_seat:
            message.attach(
                "poziv.ics",
                registration_invitation(registration=registration, base_url=base_url),
                "text/calendar; method=REQUEST; charset=utf-8",
            )
        message.send(fail_silently=False)
    return True


@task()
def send_registration_email(registration_id: int, kind: str) -> bool:
    """``kind``: confirmation (booked, waiting or pending), approved (by a coordinator: booked or waiting),
    declined (by a coordinator, with the reason), promotion (from the waiting list), reminder."""
    from .models import Registration

    registration = Registration.objects.select_related("user", "event").filter(pk=registration_id).first()
    if registration is None or (registration.status == "cancelled") != (kind == "declined"):
        return False
    return _send(registration=registration, kind=kind)


@task()
def send_session_cancelled(registration_id: int, session_id: int) -> bool:
    from .models import EventSession, Registration

    registration = Registration.objects.select_related("user", "event").filter(pk=registration_id).first()
    session = EventSession.objects.filter(pk=session_id).first()
    if registration is None or session is None:
        return False
    return _send(registration=registration, kind="session_cancelled", session=session)


@task()
def send_reminders(day: str = "") -> int:
    """Remind everyone with a seat of their sessions on ``day`` (ISO date; default tomorrow). Returns e-mails sent."""
    from .models import SEAT_STATUSES, EventSession, Registration

    target = datetime.date.fromisoformat(day) if day else timezone.localdate() + datetime.timedelta(days=1)
    start = timezone.make_aware(datetime.datetime.combine(target, datetime.time.min))
    sessions = EventSession.objects.filter(
        start__gte=start, start__lt=start + datetime.timedelta(days=1), cancelled=False
    )
    sent = 0
    registrations = (
        Registration.objects.filter(event__sessions__in=sessions, status__in=SEAT_STATUSES, user__isnull=False)
        .select_related("user", "event")
        .distinct()
    )
    for registration in registrations:
        session = next(s for s in sessions if s.page_id == registration.event_id)
        sent += _send(registration=registration, kind="reminder", session=session)
    return sent


@task()
def promote_waiting_lists() -> int:
    """The daily job: seats freed because a small session is over go to those waiting (with the e-mail).
    Returns the number of people promoted. Safe to repeat (``services.waiting_lists_promote``)."""
    from .services import waiting_lists_promote

    return waiting_lists_promote()


@task()
def render_signin_sheet(session_id: int) -> str:
    """Render and store a session's sign-in sheet (potpisna lista). Safe to retry."""
    from .models import EventSession
    from .signin_sheet import signin_sheet_store

    session = EventSession.objects.select_related("page").filter(pk=session_id).first()
    if session is None:
        return ""
    return signin_sheet_store(session=session)
