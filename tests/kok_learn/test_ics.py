"""Issue 13, finding 8: user text in a ``.ics`` can never add a property or an event.

A strict reader (RFC 5545: CRLF line ends, folding with CRLF + one space, ``NAME[;PARAM]:VALUE``
content lines, TEXT escapes) parses every calendar; each test builds the text with control
characters and line breaks in it and checks the parsed result is exactly the expected events
and properties, with no line longer than 75 octets.
"""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from kok_learn.ics import IcsEvent, escape_text, fold, ics_calendar

CONTROL_CHARACTERS = [chr(code) for code in [*range(0x00, 0x20), 0x7F]]
LINE_BREAKS = ["\r\n", "\r", "\n", "\u2028", "\u2029", "\x85", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e"]
_NAME = re.compile(r"^[A-Z][A-Z0-9-]*$")
_ESCAPE = re.compile(r"\\(.)")


def strict_parse(body: bytes) -> list[dict]:
    """Components as dicts of property name → list of unescaped values; raises on anything loose."""
    text = body.decode("utf-8")
    assert text.endswith("\r\n")
    raw_lines = text[:-2].split("\r\n")
    for line in raw_lines:
        assert "\r" not in line and "\n" not in line, repr(line)
        assert len(line.encode("utf-8")) <= 75, repr(line)
        assert not re.search(r"[\x00-\x08\x0a-\x1f\x7f]", line), repr(line)
    logical: list[str] = []
    for line in raw_lines:
        if line.startswith((" ", "\t")):
            assert logical, "a continuation line cannot come first"
            logical[-1] += line[1:]
        else:
            logical.append(line)
    stack: list[dict] = []
    components: list[dict] = []
    for line in logical:
        name_part, sep, value = line.partition(":")
        assert sep, repr(line)
        name = name_part.split(";")[0]
        assert _NAME.match(name), repr(line)
        if name == "BEGIN":
            stack.append({"_kind": value})
            continue
        if name == "END":
            component = stack.pop()
            assert component["_kind"] == value
            components.append(component)
            continue
        assert stack, f"property outside a component: {line!r}"
        stack[-1].setdefault(name, []).append(value)
    assert not stack
    return components


def unescape(value: str) -> str:
    # A lone "," or ";" in a TEXT value would start a list or a parameter: it must come escaped.
    assert not re.search(r"(?<!\\)(?:\\\\)*[,;]", value.replace("\\\\", "")), value
    return _ESCAPE.sub(lambda m: "\n" if m.group(1) in "nN" else m.group(1), value)


def _event(**fields) -> IcsEvent:
    start = datetime.datetime(2026, 5, 4, 15, 0, tzinfo=datetime.UTC)
    values = {"uid": "sastanak-1@kok.test", "start": start, "end": start + datetime.timedelta(hours=1)}
    values["summary"] = "Sastanak"
    values.update(fields)
    return IcsEvent(**values)


def _expected(text: str) -> str:
    """What a reader must see: line breaks (also Unicode's) as "\\n", other control characters gone."""
    text = re.sub(r"\r\n|[\r\n\u2028\u2029\x85]", "\n", text)
    return re.sub(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]", "", text)


@pytest.mark.parametrize("char", CONTROL_CHARACTERS + LINE_BREAKS)
def test_every_control_character_and_line_break_stays_inside_its_value(char):
    injected = f"Dvorana{char}END:VEVENT{char}BEGIN:VEVENT{char}SUMMARY:Lažni; sastanak, 2\\"
    calendar = ics_calendar(
        name=f"Par{char}X-INJECTED:1",
        events=[_event(summary=f"Tema{char}ATTENDEE:zlo@primjer.test", location=injected, description=injected)],
        now=datetime.datetime(2026, 5, 1, tzinfo=datetime.UTC),
    )
    components = strict_parse(calendar.encode("utf-8"))
    events = [c for c in components if c["_kind"] == "VEVENT"]
    assert len(events) == 1
    (event,) = events
    assert set(event) == {"_kind", "UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "LOCATION", "DESCRIPTION"}
    assert all(len(values) == 1 for key, values in event.items() if key != "_kind")
    assert unescape(event["LOCATION"][0]) == _expected(injected)
    assert unescape(event["SUMMARY"][0]) == _expected(f"Tema{char}ATTENDEE:zlo@primjer.test")
    (vcalendar,) = [c for c in components if c["_kind"] == "VCALENDAR"]
    assert "X-INJECTED" not in vcalendar
    assert unescape(vcalendar["X-WR-CALNAME"][0]) == _expected(f"Par{char}X-INJECTED:1")


def test_long_lines_are_folded_at_75_octets_without_splitting_a_character():
    text = "Čćžšđ " * 60 + "\r" * 3 + "€" * 40
    line = f"DESCRIPTION:{escape_text(text)}"
    folded = fold(line)
    assert all(len(part.encode("utf-8")) <= 75 for part in folded.split("\r\n"))
    assert folded.replace("\r\n ", "") == line


@pytest.mark.django_db
def test_the_pairing_calendar_reads_as_exactly_its_meetings(client):
    from tests.mentoring.factories import MeetingFactory, mentor_with_pairing

    mentor, _member, pairing = mentor_with_pairing()
    soon = timezone.now() + datetime.timedelta(days=3)
    # NUL cannot be stored (PostgreSQL refuses it; Django's form fields refuse it before that), so
    # the stored meetings carry every other character; ics.py's own tests above cover NUL too.
    stored = [char for char in CONTROL_CHARACTERS + LINE_BREAKS if char != "\x00"]
    for index, char in enumerate(stored):
        MeetingFactory(
            pairing=pairing,
            planned=True,
            starts_at=soon + datetime.timedelta(hours=index),
            location=f"Soba{char}LOCATION:druga",
            topics=f"Tema {index}{char}END:VEVENT{char}BEGIN:VEVENT{char}UID:lazni",
        )
    client.force_login(mentor)
    response = client.get(reverse("mentoring:calendar", args=[pairing.pk]))
    events = [c for c in strict_parse(response.content) if c["_kind"] == "VEVENT"]
    assert len(events) == len(stored)
    for index, (event, char) in enumerate(zip(events, stored, strict=True)):
        assert len(event["UID"]) == 1 and event["UID"][0].startswith("mentoring-meeting-")
        assert len(event["LOCATION"]) == 1
        assert unescape(event["LOCATION"][0]) == _expected(f"Soba{char}LOCATION:druga")
        assert unescape(event["DESCRIPTION"][0]).endswith(
            _expected(f"Tema {index}{char}END:VEVENT{char}BEGIN:VEVENT{char}UID:lazni")
        )
