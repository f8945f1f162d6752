"""Counted activities: where participation spans come from, one entry per app.

Each ``ActivityKind`` reads its app's selector and returns spans ``(user_id, activity_key, label,
started_on, ended_on, end_reason)``. Events and volunteering plug in as one more entry each
(see docs/reporting.md).
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import EndReason

# A course without completion and without any activity for this long counts as abandoned.
ABANDONED_AFTER = datetime.timedelta(days=90)


@dataclass(frozen=True)
class Span:
    user_id: int
    activity_key: str
    label: str
    started_on: datetime.date
    ended_on: datetime.date | None
    end_reason: str


@dataclass(frozen=True)
class ActivityKind:
    key: str
    label: str
    spans: Callable[..., list[Span]]
    items: Callable[[], list[tuple[str, str]]]


def _local(value):
    return timezone.localdate(value) if value else None


def _course_spans(*, user_ids=None) -> list[Span]:
    from courses import selectors

    today = timezone.localdate()
    spans = []
    for row in selectors.participation_spans(user_ids=user_ids):
        started = _local(row["enrolled_at"])
        ended, reason = _local(row["completed_at"]), EndReason.COMPLETED if row["completed_at"] else ""
        if ended is None:
            last = _local(row["last_activity_at"]) or started
            if today - last > ABANDONED_AFTER:
                ended, reason = last + ABANDONED_AFTER, EndReason.ABANDONED
        spans.append(Span(row["user_id"], f"course:{row['course_id']}", row["course__title"], started, ended, reason))
    return spans


def _course_items() -> list[tuple[str, str]]:
    from courses import selectors

    return [(f"course:{pk}", title) for pk, title in selectors.course_choices()]


def _mentoring_spans(*, user_ids=None) -> list[Span]:
    from mentoring import selectors

    return [
        Span(
            row["user_id"],
            f"pairing:{row['pairing_id']}",
            row["label"],
            row["started_on"],
            row["ended_on"],
            EndReason.PAIRING_CLOSED if row["ended_on"] else "",
        )
        for row in selectors.membership_spans(user_ids=user_ids)
    ]


def _event_spans(*, user_ids=None) -> list[Span]:
    from events import selectors

    return [
        Span(
            row["user_id"],
            f"event:{row['event_id']}",
            row["label"],
            row["started_on"],
            row["ended_on"],
            EndReason.SERIES_ENDED if row["ended_on"] else "",
        )
        for row in selectors.participation_spans(user_ids=user_ids)
    ]


def _volunteering_spans(*, user_ids=None) -> list[Span]:
    from volunteering import selectors

    return [
        Span(
            row["user_id"],
            f"volunteering:{row['application_id']}",
            row["label"],
            row["started_on"],
            row["ended_on"],
            EndReason.VOLUNTEERING_ENDED if row["ended_on"] else "",
        )
        for row in selectors.participation_spans(user_ids=user_ids)
    ]


def _no_items() -> list[tuple[str, str]]:
    return []


ACTIVITY_KINDS: dict[str, ActivityKind] = {
    "courses": ActivityKind("courses", _("Courses"), _course_spans, _course_items),
    "mentoring": ActivityKind("mentoring", _("Mentoring"), _mentoring_spans, _no_items),
    "events": ActivityKind("events", _("Events of the centre"), _event_spans, _no_items),
    "volunteering": ActivityKind("volunteering", _("Volunteering"), _volunteering_spans, _no_items),
}


def kind_of(activity_key: str) -> str:
    prefix = activity_key.split(":", 1)[0]
    return {"course": "courses", "pairing": "mentoring", "event": "events"}.get(prefix, prefix)


def activity_choices() -> list[tuple[str, str]]:
    """For the report's filter: the whole project, each kind, and each item of a kind."""
    choices = [("", _("The whole project"))]
    for kind in ACTIVITY_KINDS.values():
        choices.append((kind.key, kind.label))
        choices += [(key, f"— {label}") for key, label in kind.items()]
    return choices
