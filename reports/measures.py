"""Measures a project target can be defined by: each reads its app's selectors, nothing is hand-kept.

A measure's key is stable (stored in ``ProjectTarget.measure``). Parametrised measures (completed
courses by category) get one key per parameter: ``courses.completers:racunalne-vjestine``.
Events and volunteering add their measures as entries in ``_static_measures`` (see docs/reporting.md).
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, Max
from django.utils import timezone
from django.utils.translation import gettext as _


@dataclass(frozen=True)
class MeasureValue:
    value: Decimal
    last_change: datetime.date | None


@dataclass(frozen=True)
class Measure:
    key: str
    label: str
    compute: Callable[[datetime.date, datetime.date], MeasureValue]
    unit: str = ""


def _date(value) -> datetime.date | None:
    if value is None:
        return None
    if isinstance(value, datetime.datetime):
        return timezone.localdate(value)
    return value


def _completers(category: str | None):
    def compute(start, end) -> MeasureValue:
        from courses import selectors

        figures = selectors.completions_between(start=start, end=end, category_slug=category)
        return MeasureValue(Decimal(figures["people"]), _date(figures["last"]))

    return compute


def _completions(start, end) -> MeasureValue:
    from courses import selectors

    figures = selectors.completions_between(start=start, end=end)
    return MeasureValue(Decimal(figures["completions"]), _date(figures["last"]))


def _enrolled_people(start, end) -> MeasureValue:
    from courses import selectors

    figures = selectors.enrolments_between(start=start, end=end)
    return MeasureValue(Decimal(figures["people"]), _date(figures["last"]))


def _mentored_organisations(start, end) -> MeasureValue:
    from mentoring import selectors

    figures = selectors.mentoring_figures_between(start=start, end=end)
    return MeasureValue(Decimal(figures["organisations"]), _date(figures["last_pairing_change"]))


def _pairings(start, end) -> MeasureValue:
    from mentoring import selectors

    figures = selectors.mentoring_figures_between(start=start, end=end)
    return MeasureValue(Decimal(figures["pairings"]), _date(figures["last_pairing_change"]))


def _meeting_hours(start, end) -> MeasureValue:
    from mentoring import selectors

    figures = selectors.mentoring_figures_between(start=start, end=end)
    return MeasureValue(Decimal(figures["hours"]), _date(figures["last_meeting"]))


def _capacity_change(start, end) -> MeasureValue:
    """Mean change (latest − baseline, on the 1–5 scale) over pairings reassessed in the period."""
    from mentoring import selectors

    summary = selectors.capacity_change_between(start=start, end=end)
    changes = [row.change for row in summary.rows if row.change is not None]
    value = Decimal(str(round(sum(changes) / len(changes), 2))) if changes else Decimal(0)
    return MeasureValue(value, None)


def _certificates(start, end) -> MeasureValue:
    from certificates import selectors

    figures = selectors.certificates_issued_between(start=start, end=end)
    return MeasureValue(Decimal(figures["count"]), _date(figures["last"]))


def _events_held(start, end) -> MeasureValue:
    from events import selectors

    events = selectors.events_held(start=start, end=end)
    last = selectors.sessions_held(start=start, end=end).aggregate(last=Max("start"))["last"]
    return MeasureValue(Decimal(len(events)), _date(last))


def _sessions_held(start, end) -> MeasureValue:
    from events import selectors

    figures = selectors.sessions_held(start=start, end=end).aggregate(count=Count("pk"), last=Max("start"))
    return MeasureValue(Decimal(figures["count"]), _date(figures["last"]))


def _event_hours(start, end) -> MeasureValue:
    from events import selectors

    return MeasureValue(selectors.hours_delivered(start=start, end=end), None)


def _event_attendees(start, end) -> MeasureValue:
    from events import selectors

    return MeasureValue(Decimal(len(selectors.participant_user_ids(start=start, end=end))), None)


def _volunteer_hours(start, end) -> MeasureValue:
    from volunteering import selectors

    return MeasureValue(Decimal(selectors.approved_hours_in_period(start=start, end=end)["hours"]), None)


def _volunteers(start, end) -> MeasureValue:
    from volunteering import selectors

    return MeasureValue(Decimal(selectors.approved_hours_in_period(start=start, end=end)["volunteers"]), None)


def _participants(start, end) -> MeasureValue:
    from .selectors import participants_between

    count, last = participants_between(start=start, end=end)
    return MeasureValue(Decimal(count), last)


def _static_measures() -> list[Measure]:
    return [
        Measure("reports.participants", _("ESF participants (entry form filled in)"), _participants),
        Measure("courses.enrolled", _("People enrolled in a course"), _enrolled_people),
        Measure("courses.completions", _("Completed courses (enrolments)"), _completions),
        Measure("courses.completers", _("People who completed a course"), _completers(None)),
        Measure("mentoring.organisations", _("Organisations in mentoring"), _mentored_organisations),
        Measure("mentoring.pairings", _("Active mentoring pairings"), _pairings),
        Measure("mentoring.hours", _("Hours of mentoring meetings"), _meeting_hours, unit="h"),
        Measure("mentoring.capacity_change", _("Average capacity change (baseline → latest, 1–5)"), _capacity_change),
        Measure("certificates.issued", _("Certificates issued"), _certificates),
        Measure("events.held", _("Events held"), _events_held),
        Measure("events.sessions", _("Event sessions held"), _sessions_held),
        Measure("events.hours", _("Hours of event sessions held"), _event_hours, unit="h"),
        Measure("events.attendees", _("People who attended an event"), _event_attendees),
        Measure("volunteering.hours", _("Approved volunteer hours"), _volunteer_hours, unit="h"),
        Measure("volunteering.volunteers", _("Volunteers with approved hours"), _volunteers),
    ]


def measures() -> list[Measure]:
    from courses import selectors

    result = _static_measures()
    for slug, name in selectors.category_choices():
        result.append(
            Measure(
                f"courses.completers:{slug}",
                _("People who completed a course in “%(category)s”") % {"category": name},
                _completers(slug),
            )
        )
    return result


def measure_get(key: str) -> Measure | None:
    return next((measure for measure in measures() if measure.key == key), None)


def measure_choices() -> list[tuple[str, str]]:
    return [(measure.key, measure.label) for measure in measures()]
