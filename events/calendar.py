"""The programme as iCalendar (written by kok_learn.ics): the public feed and one registration's invitation."""

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from kok_learn.ics import IcsEvent, ics_calendar

from .models import EventSession, Registration


def _domain() -> str:
    base = getattr(settings, "WAGTAILADMIN_BASE_URL", "") or "http://kok.test"
    return base.split("://", 1)[-1].split("/")[0].split(":")[0]


def _ics_event(session: EventSession, *, base_url: str = "") -> IcsEvent:
    place = session.effective_place
    return IcsEvent(
        uid=f"event-session-{session.pk}@{_domain()}",
        start=session.start,
        end=session.end,
        summary=session.page.title,
        location=f"{place.name}, {place.address}" if place else "",
        description=session.page.summary,
        url=f"{base_url}{session.page.url}" if base_url and session.page.url else "",
        cancelled=session.cancelled,
    )


def programme_feed(*, base_url: str = "") -> str:
    """Every session of the live programme from 30 days ago on (cancelled ones marked as such)."""
    since = timezone.now() - timezone.timedelta(days=30)
    sessions = (
        EventSession.objects.filter(page__live=True, end__gte=since)
        .select_related("page", "place", "page__place")
        .order_by("start")
    )
    return ics_calendar(
        name=_("Programme of the community centre"),
        events=[_ics_event(s, base_url=base_url) for s in sessions],
        now=timezone.now(),
    )


def registration_invitation(*, registration: Registration, base_url: str = "") -> str:
    """An invitation (METHOD:REQUEST) with every session of the event the person has a seat at."""
    sessions = registration.event.sessions.select_related("page", "place", "page__place").order_by("start")
    return ics_calendar(
        name=registration.event.title,
        events=[_ics_event(s, base_url=base_url) for s in sessions],
        now=timezone.now(),
        method="REQUEST",
    )
