"""An iCalendar file of a pairing's planned meetings (written by kok_learn.ics)."""

from django.utils import timezone
from django.utils.translation import gettext as _

from kok_learn.ics import IcsEvent, ics_calendar
from kok_learn.validators import EARLIEST_DATE, YEARS_AHEAD, latest_date

from .models import Meeting


def pairing_calendar(*, pairing, host: str) -> str:
    # Only dates inside the bounds every form enforces: a record outside them (from before the
    # bounds existed) cannot break the feed for the whole pairing.
    today = timezone.localdate()
    meetings = Meeting.objects.filter(
        pairing=pairing,
        planned=True,
        starts_at__date__gte=EARLIEST_DATE,
        starts_at__date__lte=latest_date(YEARS_AHEAD, today=today),
    ).order_by("starts_at")
    title = _("Mentoring meeting: %(mentor)s and %(mentee)s") % {
        "mentor": pairing.mentor_organisation.name,
        "mentee": pairing.mentee_organisation.name,
    }
    domain = host.split(":")[0]
    events = [
        IcsEvent(
            uid=f"mentoring-meeting-{meeting.pk}@{domain}",
            start=meeting.starts_at,
            end=meeting.ends_at,
            summary=title if not meeting.topics else f"{title} – {meeting.topics.splitlines()[0]}",
            location=meeting.location,
            description=" ".join(filter(None, [meeting.get_format_display(), meeting.topics])),
        )
        for meeting in meetings
    ]
    return ics_calendar(name=str(pairing), events=events, now=timezone.now())
