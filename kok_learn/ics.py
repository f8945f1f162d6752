"""iCalendar (RFC 5545) files written by hand: they are small, and every text value is escaped here.

One writer for every ``.ics`` the site serves or mails (mentoring meetings, the centre's programme,
event invitations), so user text can never add a property or an event: backslash, ``;`` and ``,``
are escaped, every line break (CRLF, LF or a lone CR) becomes ``\\n``, and other control characters
are dropped (RFC 5545, 3.3.11); lines are folded at 75 octets (3.1).
"""

import datetime
import re
from collections.abc import Iterable
from dataclasses import dataclass

# Line breaks, Unicode's too (NEL, LINE and PARAGRAPH SEPARATOR: readers that split with
# ``str.splitlines`` would start a new content line there).
_LINE_BREAK = re.compile(r"\r\n|[\r\n\x85\u2028\u2029]")
# Control characters other than the line breaks handled above (HTAB is allowed in TEXT), C1 included.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f]")


@dataclass(frozen=True)
class IcsEvent:
    uid: str
    start: datetime.datetime
    end: datetime.datetime
    summary: str
    location: str = ""
    description: str = ""
    url: str = ""
    cancelled: bool = False


def escape_text(text: str) -> str:
    """An RFC 5545 TEXT value: ``\\``, ``;`` and ``,`` escaped, line breaks as ``\\n``, controls dropped."""
    text = _CONTROL.sub("", str(text))
    text = text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return _LINE_BREAK.sub("\\\\n", text)


def fold(line: str) -> str:
    """Lines longer than 75 octets are folded with CRLF + space, never inside a UTF-8 character."""
    if len(line.encode("utf-8")) <= 75:
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


def utc_stamp(value: datetime.datetime) -> str:
    return value.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")


def ics_calendar(*, name: str, events: Iterable[IcsEvent], now: datetime.datetime, method: str = "PUBLISH") -> str:
    """The whole ``text/calendar`` body: ``method`` is PUBLISH for feeds, REQUEST for invitations."""
    stamp = utc_stamp(now)
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Pokrenimo KOK//KOK Learn//HR",
        "CALSCALE:GREGORIAN",
        f"METHOD:{method}",
        f"X-WR-CALNAME:{escape_text(name)}",
    ]
    for event in events:
        lines += [
            "BEGIN:VEVENT",
            f"UID:{escape_text(event.uid)}",
            f"DTSTAMP:{stamp}",
            f"DTSTART:{utc_stamp(event.start)}",
            f"DTEND:{utc_stamp(event.end)}",
            f"SUMMARY:{escape_text(event.summary)}",
        ]
        if event.location:
            lines.append(f"LOCATION:{escape_text(event.location)}")
        if event.description:
            lines.append(f"DESCRIPTION:{escape_text(event.description)}")
        if event.url:
            lines.append(f"URL:{escape_text(event.url)}")
        if event.cancelled:
            lines.append("STATUS:CANCELLED")
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return "\r\n".join(fold(line) for line in lines) + "\r\n"
