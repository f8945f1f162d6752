"""An iCalendar (RFC 5545) file of a pairing's planned meetings, written by hand (it is small)."""

import datetime

from django.utils import timezone
from django.utils.translation import gettext as _

from .models import Meeting


def _escape(text: str) -> str:
    return (
        text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n").replace("\n", "\\n")
    )


def _fold(line: str) -> str:
    """Lines longer than 75 octets are folded with CRLF + space (RFC 5545, 3.1)."""
    data = line.encode("utf-8")
    if len(data) <= 75:
        return line
    parts, current = [], b""
    for char in line:
        encoded = char.encode("utf-8")
        if len(current) + len(encoded) > (75 if not parts else 74):
            parts.append(current.decode("utf-8"))
            current = b""
        current += encoded
    parts.append(current.decode("utf-8"))
    return "\r\n ".join(parts)


def _utc(value: datetime.datetime) -> str:
    return value.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")


def pairing_calendar(*, pairing, host: str) -> str:
    meetings = Meeting.objects.filter(pairing=pairing, planned=True).order_by("starts_at")
    stamp = _utc(timezone.now())
    title = _("Mentoring meeting: %(mentor)s and %(mentee)s") % {
        "mentor": pairing.mentor_organisation.name,
        "mentee": pairing.mentee_organisation.name,
    }
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Pokrenimo KOK//KOK Learn//HR",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{_escape(str(pairing))}",
    ]
    for meeting in meetings:
        summary = title if not meeting.topics else f"{title} – {meeting.topics.splitlines()[0]}"
        lines += [
            "BEGIN:VEVENT",
            f"UID:mentoring-meeting-{meeting.pk}@{host.split(':')[0]}",
            f"DTSTAMP:{stamp}",
            f"DTSTART:{_utc(meeting.starts_at)}",
            f"DTEND:{_utc(meeting.ends_at)}",
            f"SUMMARY:{_escape(summary)}",
        ]
        if meeting.location:
            lines.append(f"LOCATION:{_escape(meeting.location)}")
        description = " ".join(filter(None, [meeting.get_format_display(), meeting.topics]))
        if description:
            lines.append(f"DESCRIPTION:{_escape(description)}")
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return "\r\n".join(_fold(line) for line in lines) + "\r\n"
