"""An iCalendar file of a pairing's planned meetings (written by kok_learn.ics)."""

from django.utils import timezone
from django.utils.translation import gettext as _

from kok_learn.ics import IcsEvent, ics_calendar

from .models import Meeting


def pairing_calendar(*, pairing, host: str) -> str:
    meetings = Meeting.objects.filter(pairing=pairing, planned=True).order_by("starts_at")
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
