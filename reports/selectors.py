"""Reads: the indicator report, forms that are due, targets with progress, the project report's figures.

The indicator report is two queries however many participants there are: the participant records
(joined with their special categories) that started an activity in the period, and the exit records
of the activities left in the period. Counting is one pass in Python over the set's predicates.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Exists, Max, OuterRef, Q
from django.utils import timezone

from kok_learn.prepared_query import PreparedQuery

from .indicators import (
    FEMALE,
    HOUSEHOLD_QUESTIONS,
    MALE,
    NON_BINARY,
    SEX_LABELS,
    Facts,
    Indicator,
    IndicatorSet,
    age_on,
    get_set,
)
from .indicators import long_term_unemployed as is_long_term_unemployed
from .models import Answer, ExitRecord, ParticipantRecord, Participation, ProjectTarget

EXIT_FORM_WINDOW = datetime.timedelta(weeks=4)
SMALL_CELL = 5

RECORD_FIELDS = [
    "pk",
    "sex",
    "date_of_birth",
    "employment_status",
    "unemployed_months",
    "isced",
    "rural",
    "entered_on",
    *HOUSEHOLD_QUESTIONS,
]
SPECIAL_FIELDS = ["disability", "migrant", "foreign_background", "minority", "homeless", "other_disadvantaged"]


def indicator_set_key(*, site=None) -> str:
    from .models import ReportingSettings

    if site is None:
        from wagtail.models import Site

        site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return "esf2014"
    return ReportingSettings.for_site(site).indicator_set


def current_set(*, site=None) -> IndicatorSet:
    return get_set(indicator_set_key(site=site))


def _answer(value: str | None) -> bool | None:
    if value == Answer.YES:
        return True
    if value == Answer.NO:
        return False
    return None


def facts_from(row: dict, *, prefix: str = "", results: dict | None = None) -> Facts:
    get = lambda name: row.get(f"{prefix}{name}")  # noqa: E731
    age = age_on(birth=get("date_of_birth"), on=get("entered_on")) if get("entered_on") else None
    employment = get("employment_status") or None
    results = results or {}
    return Facts(
        sex=get("sex") or None,
        age=age,
        employment=employment,
        long_term_unemployed=is_long_term_unemployed(employment=employment, months=get("unemployed_months"), age=age),
        isced=get("isced"),
        rural=get("rural"),
        **{name: _answer(row.get(f"{prefix}special_categories__{name}")) for name in SPECIAL_FIELDS},
        **{name: _answer(get(name)) for name in HOUSEHOLD_QUESTIONS},
        job_searching=results.get("job_searching", False),
        in_education=results.get("in_education", False),
        qualification=results.get("qualification", False),
        employed_on_leaving=results.get("employed", False),
    )


def _activity_filter(activity: str, prefix: str = "") -> Q:
    from .activities import ACTIVITY_KINDS

    if not activity:
        return Q()
    if activity in ACTIVITY_KINDS:
        return Q(**{f"{prefix}kind": activity})
    return Q(**{f"{prefix}activity_key": activity})


@dataclass
class Row:
    indicator: Indicator
    cells: dict[str, int] = field(default_factory=dict)  # sex -> count, plus "total"

    def cell_list(self, sexes) -> list[int]:
        return [self.cells.get(sex, 0) for sex in sexes] + [self.cells.get("total", 0)]


@dataclass
class IndicatorReport:
    indicator_set: IndicatorSet
    start: datetime.date
    end: datetime.date
    activity: str
    outputs: list[Row]
    results: list[Row]
    incomplete: int
    participants: int

    @property
    def groups(self) -> list[dict]:
        from django.utils.translation import gettext as _

        return [
            {"title": _("Common output indicators"), "rows": self.outputs},
            {"title": _("Immediate result indicators"), "rows": self.results},
        ]

    @property
    def columns(self) -> list[str]:
        return [str(SEX_LABELS[sex]) for sex in self.indicator_set.sexes]


def _count(indicators, facts_list: list[Facts], indicator_set: IndicatorSet) -> list[Row]:
    sexes = indicator_set.sexes
    rows = [Row(indicator=indicator) for indicator in indicators]
    for facts in facts_list:
        if not indicator_set.complete(facts):
            continue
        for row in rows:
            if row.indicator.counts(facts):
                row.cells["total"] = row.cells.get("total", 0) + 1
                if facts.sex in sexes:
                    row.cells[facts.sex] = row.cells.get(facts.sex, 0) + 1
    return rows


def indicator_report(
    *, start: datetime.date, end: datetime.date, activity: str = "", indicator_set: IndicatorSet | None = None
) -> IndicatorReport:
    """Every common output and immediate result indicator × sex for a period and an activity."""
    indicator_set = indicator_set or current_set()
    started = Participation.objects.filter(
        Q(record=OuterRef("pk"), started_on__gte=start, started_on__lte=end) & _activity_filter(activity)
    )
    values = RECORD_FIELDS + [f"special_categories__{name}" for name in SPECIAL_FIELDS]
    entries = [facts_from(row) for row in ParticipantRecord.objects.filter(Exists(started)).values(*values)]
    outputs = _count(indicator_set.outputs, entries, indicator_set)
    incomplete = sum(1 for facts in entries if not indicator_set.complete(facts))
    outputs[0].cells["total"] = outputs[0].cells.get("total", 0) + incomplete

    exits = ExitRecord.objects.filter(
        Q(participation__ended_on__gte=start, participation__ended_on__lte=end)
        & _activity_filter(activity, "participation__")
    )
    exit_values = [f"participation__record__{name}" for name in RECORD_FIELDS] + [
        f"participation__record__special_categories__{name}" for name in SPECIAL_FIELDS
    ]
    by_record: dict[int, dict] = {}
    flags: dict[int, dict] = defaultdict(dict)
    for row in exits.values(*exit_values, "job_searching", "in_education", "qualification", "employed"):
        pk = row["participation__record__pk"]
        by_record[pk] = row
        for name in ("job_searching", "in_education", "qualification", "employed"):
            flags[pk][name] = flags[pk].get(name, False) or row[name]
    leavers = [facts_from(row, prefix="participation__record__", results=flags[pk]) for pk, row in by_record.items()]
    results = _count(indicator_set.results, leavers, indicator_set)
    return IndicatorReport(
        indicator_set=indicator_set,
        start=start,
        end=end,
        activity=activity,
        outputs=outputs,
        results=results,
        incomplete=incomplete,
        participants=len(entries),
    )


def participants_between(*, start, end) -> tuple[int, datetime.date | None]:
    from django.db.models import Count

    started = Participation.objects.filter(record=OuterRef("pk"), started_on__gte=start, started_on__lte=end)
    figures = ParticipantRecord.objects.filter(Exists(started)).aggregate(n=Count("pk"), last=Max("updated_at"))
    return figures["n"], timezone.localdate(figures["last"]) if figures["last"] else None


def small_cell(value: int) -> str:
    """For publication: counts between 1 and 4 hide who they are, so they are shown as "< 5"."""
    return "< 5" if 0 < value < SMALL_CELL else str(value)


# --- forms that are due -----------------------------------------------------------------------------


def record_for(*, user) -> ParticipantRecord | None:
    if not user.is_authenticated:
        return None
    return ParticipantRecord.objects.filter(user=user).select_related("special_categories").first()


def record_answers_missing(*, user) -> bool | None:
    """Whether the person's entry form still has a core question unanswered (None: there is no form),
    for the dashboard panel; one narrow query instead of the whole record with its special categories."""
    rows = RECORD_ANSWERS_MISSING.run(user.pk)
    return rows[0] if rows else None


# Asked on every "Moje učenje": the SQL is built once per process (kok_learn/prepared_query.py).
RECORD_ANSWERS_MISSING = PreparedQuery(
    lambda user_id: (
        ParticipantRecord.objects.filter(user_id=user_id).order_by().values_list("answers_missing", flat=True)[:1]
    ),
    placeholders=(int,),
)


def takes_part(*, user, known: frozenset[str] = frozenset()) -> bool:
    """Whether any app counts the person as taking part in an activity (one query per kind). ``known``:
    kinds the caller has already seen the person take part in during this request
    (accounts.participation.noted_participation), so nothing needs asking."""
    from .activities import ACTIVITY_KINDS

    if known & set(ACTIVITY_KINDS):
        return True
    return any(kind.spans(user_ids=[user.pk]) for kind in ACTIVITY_KINDS.values())


def exits_due(*, user=None, today: datetime.date | None = None):
    """Participations left in the last four weeks without an exit form (a person's or everyone's)."""
    today = today or timezone.localdate()
    due = Participation.objects.filter(
        ended_on__isnull=False, ended_on__gte=today - EXIT_FORM_WINDOW, ended_on__lte=today, exit_record__isnull=True
    ).select_related("record__user")
    if user is not None:
        due = due.filter(record__user=user)
    return due.order_by("ended_on", "pk")


# --- targets ------------------------------------------------------------------------------------------


@dataclass
class TargetProgress:
    target: ProjectTarget
    measure_label: str
    value: object
    last_change: datetime.date | None

    @property
    def percent(self) -> int:
        if not self.target.target:
            return 100
        return min(100, round(100 * float(self.value) / float(self.target.target)))


def project_period(*, site=None) -> tuple[datetime.date, datetime.date]:
    from .models import ReportingSettings

    if site is None:
        from wagtail.models import Site

        site = Site.objects.filter(is_default_site=True).first()
    start = end = None
    if site is not None:
        settings = ReportingSettings.for_site(site)
        start, end = settings.project_start, settings.project_end
    today = timezone.localdate()
    return start or datetime.date(2020, 1, 1), end or today


def target_progress(*, start=None, end=None) -> list[TargetProgress]:
    from .measures import measures

    if start is None or end is None:
        start, end = project_period()
    registry = {measure.key: measure for measure in measures()}
    result = []
    cache: dict[str, object] = {}
    for target in ProjectTarget.objects.all():
        measure = registry.get(target.measure)
        if measure is None:
            continue
        if target.measure not in cache:
            cache[target.measure] = measure.compute(start, end)
        computed = cache[target.measure]
        result.append(TargetProgress(target, measure.label, computed.value, computed.last_change))
    return result


__all__ = ["FEMALE", "MALE", "NON_BINARY", "indicator_report", "exits_due", "target_progress"]
