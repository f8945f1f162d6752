"""Reads for mentoring: dashboards, capacity change, radar data and matching suggestions.

The dashboard selectors run a fixed number of queries however many pairings and meetings there
are: one aggregate query per kind of data, joined up in Python.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import NamedTuple

from django.core.paginator import Page, Paginator
from django.db.models import Avg, Case, Count, Exists, Max, Min, OuterRef, Prefetch, Q, Sum, When
from django.http import Http404
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from accounts.models import User, display_name_of
from kok_learn.caching.content_cache import remember_many
from kok_learn.prepared_query import PreparedQuery

from .models import (
    Assessment,
    AssessmentScore,
    CapacityArea,
    CapacityInstrument,
    Goal,
    Meeting,
    Organisation,
    OrganisationMembership,
    Pairing,
    Programme,
    Task,
    goal_progress,
    hours_from_minutes,
)
from .permissions import own_pairings_filter, visible_pairings_filter

# --- access ---------------------------------------------------------------------------------


def _visible_pairings(user):
    """Pairings the user may see, each once (the access rule joins mentors and memberships)."""
    condition = visible_pairings_filter(user)
    if condition is None:
        return Pairing.objects.all()
    return Pairing.objects.filter(pk__in=Pairing.objects.filter(condition).values("pk"))


def pairing_list_for_user(*, user):
    """Pairings the user may see (coordinator: all), with what a listing needs."""
    return (
        _visible_pairings(user)
        .select_related("programme", "mentor_organisation", "mentee_organisation")
        .prefetch_related("mentors")
        .order_by("programme__start_date", "mentee_organisation__name", "pk")
    )


def pairing_list_for_user_all():
    """Every pairing, for reports rendered in the background (access was checked by the view)."""
    return (
        Pairing.objects.select_related("programme", "mentor_organisation", "mentee_organisation")
        .prefetch_related("mentors")
        .order_by("mentee_organisation__name", "pk")
    )


def pairing_get_for_user(*, user, pk) -> Pairing:
    """The pairing, if the user may see it; otherwise 404 (never 403, so ids reveal nothing)."""
    try:
        return pairing_list_for_user(user=user).get(pk=pk)
    except (Pairing.DoesNotExist, ValueError):
        raise Http404("No such pairing") from None


# --- dashboard rows -------------------------------------------------------------------------


@dataclass
class AreaChange:
    area_id: int
    name: str
    slug: str
    baseline: float | None
    latest: float | None

    @property
    def change(self) -> float | None:
        if self.baseline is None or self.latest is None:
            return None
        return self.latest - self.baseline


@dataclass
class PairingRow:
    pairing: Pairing
    meetings: int = 0
    minutes: int = 0
    unconfirmed: int = 0
    last_contact: datetime.datetime | None = None
    next_meeting: datetime.datetime | None = None
    goals_total: int = 0
    goals_done: int = 0
    overdue_goals: int = 0
    overdue_tasks: int = 0
    baseline: float | None = None
    latest: float | None = None
    areas: list[AreaChange] = field(default_factory=list)
    mentor_names: list[str] = field(default_factory=list)
    html: str = ""  # the whole table row, when the dashboard rendered it already (mentoring/views.py)

    @property
    def hours(self) -> Decimal:
        return hours_from_minutes(self.minutes)

    @property
    def overdue(self) -> int:
        return self.overdue_goals + self.overdue_tasks

    @property
    def change(self) -> float | None:
        if self.baseline is None or self.latest is None:
            return None
        return self.latest - self.baseline

    @property
    def goals_percent(self) -> int:
        return round(100 * self.goals_done / self.goals_total) if self.goals_total else 0

    def cells(self) -> dict:
        """The row's figures as plain values, all that templates/mentoring/includes/pairing_cells.html
        shows (so they can key its HTML in the content cache): nothing about people."""
        return {
            "state": self.pairing.state,
            "state_label": str(self.pairing.get_state_display()),
            "meetings": self.meetings,
            "hours": self.hours,
            "last_contact": timezone.localtime(self.last_contact) if self.last_contact else None,
            "goals_done": self.goals_done,
            "goals_total": self.goals_total,
            "baseline": self.baseline,
            "latest": self.latest,
            "change": self.change,
            "overdue": self.overdue,
        }


def _round_key(row) -> tuple:
    return (Assessment.ROUND_ORDER.get(row["round"], 9), row["date"], row["assessment_id"])


def area_averages(*, pairing_ids: list[int], request=None) -> dict[int, list[dict]]:
    """Per pairing, its assessments in round order, each with the average score per area.

    The same for everyone who may see the pairing (the caller chose the pairings), so kept in the
    content cache by pairing: saving or deleting an assessment, a capacity area or a statement
    starts a new content generation (mentoring/apps.py), and an assessment's scores are written
    once, with it, in one transaction (services.assessment_import). What is not kept yet is
    computed in one query.
    """
    if not pairing_ids:
        return {}
    found = remember_many("pairing-area-averages", list(pairing_ids), _area_averages, request=request)
    return {pairing_id: found[pairing_id] for pairing_id in pairing_ids if found.get(pairing_id)}


def capacity_averages(*, pairing_ids: list[int], request=None) -> dict[int, tuple[float | None, float | None]]:
    """Per pairing with an assessment: the mean of the area averages at the first assessment and at
    the last one (None while there is only one), what the dashboard's table shows. Kept in the content
    cache like ``area_averages`` (the same generation makes both stale), as two numbers per pairing."""
    if not pairing_ids:
        return {}
    found = remember_many("pairing-capacity", list(pairing_ids), _capacity_averages, request=request)
    return {pairing_id: found[pairing_id] for pairing_id in pairing_ids if found.get(pairing_id)}


def _capacity_averages(pairing_ids: list[int]) -> dict[int, tuple | None]:
    result = dict.fromkeys(pairing_ids)
    for pairing_id, assessments in _area_averages(pairing_ids).items():
        if assessments:
            first, last = assessments[0], assessments[-1]
            baseline = _mean(a["average"] for a in first["areas"].values())
            latest = _mean(a["average"] for a in last["areas"].values()) if len(assessments) > 1 else None
            result[pairing_id] = (baseline, latest)
    return result


def _area_averages(pairing_ids: list[int]) -> dict[int, list[dict]]:
    rows = (
        AssessmentScore.objects.filter(assessment__pairing_id__in=pairing_ids)
        .values(
            "assessment_id",
            "assessment__pairing_id",
            "assessment__round",
            "assessment__date",
            "statement__area_id",
            "statement__area__name",
            "statement__area__slug",
            "statement__area__sort_order",
        )
        .annotate(average=Avg("score"))
    )
    by_assessment: dict[int, dict] = {}
    for row in rows:
        item = by_assessment.setdefault(
            row["assessment_id"],
            {
                "assessment_id": row["assessment_id"],
                "pairing_id": row["assessment__pairing_id"],
                "round": row["assessment__round"],
                "date": row["assessment__date"],
                "areas": {},
            },
        )
        item["areas"][row["statement__area_id"]] = {
            "name": row["statement__area__name"],
            "slug": row["statement__area__slug"],
            "order": row["statement__area__sort_order"],
            "average": float(row["average"]),
        }
    result: dict[int, list[dict]] = {pairing_id: [] for pairing_id in pairing_ids}
    for item in sorted(by_assessment.values(), key=_round_key):
        result[item["pairing_id"]].append(item)
    return result


def _mean(values) -> float | None:
    values = [v for v in values if v is not None]
    return sum(values) / len(values) if values else None


def pairing_rows(*, pairings, request=None) -> list[PairingRow]:
    """Dashboard figures for each pairing, in a constant number of queries."""
    pairings = list(pairings)
    ids = [p.pk for p in pairings]
    rows = {p.pk: PairingRow(pairing=p) for p in pairings}
    if not ids:
        return []
    now = timezone.now()
    held = Q(planned=False)
    for item in (
        Meeting.objects.filter(pairing_id__in=ids)
        .values("pairing_id")
        .annotate(
            count=Count("pk", filter=held),
            minutes=Sum("duration_minutes", filter=Meeting.COUNTED),
            last=Max("starts_at", filter=held),
            unconfirmed=Count("pk", filter=held & Q(confirmed_at__isnull=True)),
            next=Min("starts_at", filter=Q(planned=True, starts_at__gte=now)),
        )
    ):
        row = rows[item["pairing_id"]]
        row.meetings, row.minutes = item["count"], item["minutes"] or 0
        row.last_contact, row.next_meeting, row.unconfirmed = item["last"], item["next"], item["unconfirmed"]
    today = timezone.localdate()
    _add_goals(rows, _goal_figures(ids, today), today)
    _add_mentor_names(rows, _mentor_names(ids))
    _add_areas(rows, area_averages(pairing_ids=ids, request=request))
    return [rows[pk] for pk in ids]


def _goal_figures(ids, today):
    """Per goal of the pairings: (pairing, manual progress, due date, tasks, done, overdue), one query."""
    return (
        Goal.objects.filter(pairing_id__in=ids)
        .order_by()
        .annotate(
            tasks_total=Count("tasks"),
            tasks_done=Count("tasks", filter=Q(tasks__done=True)),
            tasks_overdue=Count("tasks", filter=Q(tasks__done=False, tasks__due_date__lt=today)),
        )
        .values_list("pairing_id", "manual_progress", "due_date", "tasks_total", "tasks_done", "tasks_overdue")
    )


def _mentor_names(ids):
    """(pairing, the mentor's name fields) in the users' order: plain values, a user object per mentor
    costs more than the rest of a row."""
    return (
        Pairing.mentors.through.objects.filter(pairing_id__in=ids)
        .order_by(*(f"user__{name}" for name in User._meta.ordering), "user_id")
        .values_list("pairing_id", *(f"user__{name}" for name in User.DISPLAY_NAME_FIELDS))
    )


class _ForPageIds:
    """A query over the pairings of one page, its SQL built once per process and number of ids
    (kok_learn/prepared_query.py: one placeholder per id); a page has at most ``MAX_IDS``."""

    MAX_IDS = 100

    def __init__(self, build, *placeholders):
        self.build, self.placeholders, self.queries = build, placeholders, {}

    def run(self, ids: list[int], *values) -> list:
        count = len(ids)
        if not count:
            return []
        if count > self.MAX_IDS:
            return list(self.build(ids, *values))
        query = self.queries.get(count)
        if query is None:
            query = self.queries[count] = PreparedQuery(
                lambda *args: self.build(list(args[:count]), *args[count:]),
                placeholders=((int,) * count + self.placeholders),
            )
        return query.run(*ids, *values)


# The same queries for one page of the dashboard, their SQL built once per process.
PAGE_GOAL_FIGURES = _ForPageIds(_goal_figures, datetime.date)
PAGE_MENTOR_NAMES = _ForPageIds(_mentor_names)


def _add_goals(rows: dict[int, PairingRow], goals, today) -> None:
    for pairing_id, manual_progress, due_date, tasks_total, tasks_done, tasks_overdue in goals:
        row = rows[pairing_id]
        progress = goal_progress(manual_progress=manual_progress, tasks_total=tasks_total, tasks_done=tasks_done)
        row.goals_total += 1
        row.goals_done += progress >= 100
        row.overdue_tasks += tasks_overdue
        row.overdue_goals += bool(progress < 100 and due_date and due_date < today)


def _add_mentor_names(rows: dict[int, PairingRow], names) -> None:
    for pairing_id, *name_fields in names:
        rows[pairing_id].mentor_names.append(display_name_of(*name_fields))


def _add_areas(rows: dict[int, PairingRow], averages: dict[int, list[dict]]) -> None:
    """Each row's capacity baseline and latest average, and the change per area."""
    for pairing_id, assessments in averages.items():
        row = rows[pairing_id]
        first, last = assessments[0], assessments[-1]
        row.baseline = _mean(a["average"] for a in first["areas"].values())
        if len(assessments) > 1:
            row.latest = _mean(a["average"] for a in last["areas"].values())
        area_ids = sorted(
            set(first["areas"]) | set(last["areas"]),
            key=lambda a: (first["areas"].get(a) or last["areas"][a])["order"],
        )
        for area_id in area_ids:
            info = first["areas"].get(area_id) or last["areas"][area_id]
            row.areas.append(
                AreaChange(
                    area_id=area_id,
                    name=info["name"],
                    slug=info["slug"],
                    baseline=first["areas"].get(area_id, {}).get("average"),
                    latest=last["areas"].get(area_id, {}).get("average") if len(assessments) > 1 else None,
                )
            )


@dataclass
class ProgrammeSummary:
    programme: Programme
    rows: list[PairingRow]

    @property
    def pairings(self) -> int:
        return len(self.rows)

    @property
    def meetings(self) -> int:
        return sum(r.meetings for r in self.rows)

    @property
    def hours(self) -> Decimal:
        return hours_from_minutes(sum(r.minutes for r in self.rows))

    @property
    def goals_total(self) -> int:
        return sum(r.goals_total for r in self.rows)

    @property
    def goals_done(self) -> int:
        return sum(r.goals_done for r in self.rows)

    @property
    def by_state(self) -> list[tuple[str, int]]:
        counts = defaultdict(int)
        for r in self.rows:
            counts[r.pairing.state] += 1
        return [(label, counts[value]) for value, label in Pairing.State.choices if counts[value]]

    @property
    def areas(self) -> list[AreaChange]:
        """Capacity change per area across the programme: the mean of the pairings that have both a
        baseline and a later assessment (so baseline and latest compare the same organisations);
        an area nobody has reassessed yet shows the mean baseline only."""
        collected: dict[int, dict] = {}
        for r in self.rows:
            for a in r.areas:
                item = collected.setdefault(a.area_id, {"name": a.name, "slug": a.slug, "b": [], "l": [], "only": []})
                if a.latest is not None and a.baseline is not None:
                    item["b"].append(a.baseline)
                    item["l"].append(a.latest)
                else:
                    item["only"].append(a.baseline)
        return [
            AreaChange(
                area_id=k,
                name=v["name"],
                slug=v["slug"],
                baseline=_mean(v["b"]) if v["l"] else _mean(v["only"]),
                latest=_mean(v["l"]),
            )
            for k, v in collected.items()
        ]


def programme_overview(*, user) -> list[ProgrammeSummary]:
    """Programme-wide figures for the coordinator, in a constant number of queries."""
    pairings = pairing_list_for_user(user=user).prefetch_related(None)  # pairing_rows reads the mentors' names
    rows = pairing_rows(pairings=pairings)
    by_programme: dict[int, list[PairingRow]] = defaultdict(list)
    for row in rows:
        by_programme[row.pairing.programme_id].append(row)
    programmes = Programme.objects.select_related("coordinator").order_by("-start_date", "name")
    return [ProgrammeSummary(programme=p, rows=by_programme.get(p.pk, [])) for p in programmes]


# --- own pairings (mentor and CSO member dashboard) -----------------------------------------


@dataclass
class PairingSummary:
    """Figures over all the pairings a person sees, whatever page or state filter is shown."""

    by_state: list[tuple[str, str, int]]  # (state, label, pairings) for the states that occur
    meetings: int
    minutes: int

    @property
    def pairings(self) -> int:
        return sum(count for _state, _label, count in self.by_state)

    @property
    def hours(self) -> Decimal:
        return hours_from_minutes(self.minutes)

    def count(self, state: str = "") -> int:
        """Pairings in ``state`` (all of them for an empty state)."""
        if not state:
            return self.pairings
        return next((count for value, _label, count in self.by_state if value == state), 0)


class OrganisationName(NamedTuple):
    name: str


@dataclass
class PairingHead:
    """What a dashboard row shows of the pairing itself, as plain values; it reads like the pairing
    in templates (``pk``, ``state``, ``get_state_display``, ``mentor_organisation.name``...)."""

    pk: int
    state: str
    mentor_organisation: OrganisationName
    mentee_organisation: OrganisationName
    is_mentor: bool

    def get_state_display(self) -> str:
        return str(_STATE_LABELS.get(self.state, self.state))


_STATE_LABELS = dict(Pairing.State.choices)


def _own_pairings(user_id: int, member_id: int, mentor_id: int):
    """Every pairing the person takes part in, open ones of those they mentor first, each with its held
    meetings (how many, confirmed minutes, the last), as plain rows: the dashboard's summary, state
    filter, page and meeting figures all come from this one query. The three ids are the same person's
    (one placeholder per place in the SQL, kok_learn/prepared_query.py)."""
    held = Q(meetings__planned=False)
    return (
        Pairing.objects.filter(pk__in=Pairing.objects.filter(own_pairings_filter(user_id, member_id)).values("pk"))
        .annotate(
            is_mentor=Exists(Pairing.mentors.through.objects.filter(pairing_id=OuterRef("pk"), user_id=mentor_id)),
            is_closed=Case(When(state__in=Pairing.CLOSED_STATES, then=True), default=False),
            held_meetings=Count("meetings", filter=held),
            held_minutes=Sum("meetings__duration_minutes", filter=held & Q(meetings__confirmed_at__isnull=False)),
            last_contact=Max("meetings__starts_at", filter=held),
        )
        .order_by("-is_mentor", "is_closed", "programme__start_date", "mentee_organisation__name", "pk")
        .values_list(
            "pk",
            "state",
            "mentor_organisation__name",
            "mentee_organisation__name",
            "is_mentor",
            "held_meetings",
            "held_minutes",
            "last_contact",
        )
    )


OWN_PAIRINGS = PreparedQuery(_own_pairings, placeholders=(int, int, int))


def dashboard_page(*, user, state: str, page_number, per_page: int) -> tuple[PairingSummary, Page]:
    """The mentor's or CSO member's dashboard: the summary over every pairing the person takes part
    in, and one page of rows (``PairingRow``), those the person mentors first, then those of their
    organisation, open before closed; ``state`` filters the page. A missing, malformed or
    out-of-range page number gives the first or last page (``Paginator.get_page``).

    Three queries however many pairings: the pairings with their meetings, and for the page's
    pairings their goals and mentors' names. The capacity figures are not read here (see below)."""
    pairings = OWN_PAIRINGS.run(user.pk, user.pk, user.pk)
    counts: dict[str, int] = defaultdict(int)
    for _pk, pairing_state, *_rest in pairings:
        counts[pairing_state] += 1
    summary = PairingSummary(
        by_state=[(value, label, counts[value]) for value, label in Pairing.State.choices if value in counts],
        meetings=sum(row[5] for row in pairings),
        minutes=sum(row[6] or 0 for row in pairings),
    )
    shown = [row for row in pairings if row[1] == state] if state else pairings
    page = Paginator(shown, per_page).get_page(page_number)
    rows = {}
    for pk, pairing_state, mentor_organisation, mentee_organisation, is_mentor, meetings, minutes, last in page:
        head = PairingHead(
            pk, pairing_state, OrganisationName(mentor_organisation), OrganisationName(mentee_organisation), is_mentor
        )
        rows[pk] = PairingRow(pairing=head, meetings=meetings, minutes=minutes or 0, last_contact=last)
    ids = list(rows)
    today = timezone.localdate()
    _add_goals(rows, PAGE_GOAL_FIGURES.run(ids, today), today)
    _add_mentor_names(rows, PAGE_MENTOR_NAMES.run(ids))
    # The capacity figures (baseline, latest) are left out: the view reads them only for the rows it
    # renders anew (capacity_averages; mentoring/views.py).
    page.object_list = list(rows.values())
    return summary, page


def membership_list(*, user) -> list[tuple[str, str]]:
    """The person's organisations and their role in each, as (name, role) for the dashboard."""
    labels = dict(OrganisationMembership.Role.choices)
    return [(name, str(labels.get(role, role))) for name, role in MEMBERSHIPS.run(user.pk)]


MEMBERSHIPS = PreparedQuery(
    lambda user_id: (
        OrganisationMembership.objects.filter(user_id=user_id)
        .order_by("organisation__name", "pk")
        .values_list("organisation__name", "role")
    ),
    placeholders=(int,),
)


# --- pairing page ---------------------------------------------------------------------------


def goal_list(*, pairing: Pairing) -> list[Goal]:
    """Goals with their tasks and progress (two queries)."""
    goals = list(
        Goal.objects.filter(pairing=pairing)
        .select_related("capacity_area")
        .prefetch_related(Prefetch("tasks", queryset=Task.objects.order_by("due_date", "pk")))
    )
    today = timezone.localdate()
    for goal in goals:
        tasks = list(goal.tasks.all())
        goal.progress = goal_progress(
            manual_progress=goal.manual_progress,
            tasks_total=len(tasks),
            tasks_done=sum(t.done for t in tasks),
        )
        goal.is_overdue = bool(goal.progress < 100 and goal.due_date and goal.due_date < today)
    return goals


def meeting_list(*, pairing: Pairing):
    return (
        Meeting.objects.filter(pairing=pairing)
        .select_related("confirmed_by", "recorded_by")
        .prefetch_related("attendees")
        .order_by("-starts_at")
    )


def radar_data(*, pairing: Pairing) -> dict:
    """Areas (in instrument order) and one series per assessment round, for the chart and the table."""
    assessments = area_averages(pairing_ids=[pairing.pk]).get(pairing.pk, [])
    instrument = pairing.programme.get_instrument()
    areas = list(instrument.areas.order_by("sort_order").values("pk", "name", "slug")) if instrument else []
    series = []
    for item in assessments:
        series.append(
            {
                "round": item["round"],
                "label": Assessment.Round(item["round"]).label,
                "date": item["date"],
                "values": [item["areas"].get(a["pk"], {}).get("average") for a in areas],
            }
        )
    rows = [
        {"name": area["name"], "slug": area["slug"], "values": [item["values"][index] for item in series]}
        for index, area in enumerate(areas)
    ]
    return {"areas": areas, "series": series, "rows": rows}


def assessment_list(*, pairing: Pairing):
    return (
        Assessment.objects.filter(pairing=pairing)
        .select_related("assessed_by")
        .prefetch_related("scores__statement")
        .order_by("date")
    )


# --- matching and weak areas ----------------------------------------------------------------


@dataclass
class WeakArea:
    area: CapacityArea
    average: float
    courses: list = field(default_factory=list)

    @property
    def gap(self) -> float:
        return 5 - self.average


def weak_areas(*, organisation: Organisation, limit: int = 3) -> list[WeakArea]:
    """The organisation's weakest areas from its latest assessment (lowest average first)."""
    latest = (
        Assessment.objects.filter(organisation=organisation, scores__isnull=False)
        .order_by("-date", "-pk")
        .distinct()
        .first()
    )
    if latest is None:
        return []
    averages = (
        AssessmentScore.objects.filter(assessment=latest)
        .values("statement__area_id")
        .annotate(average=Avg("score"))
        .order_by("average", "statement__area__sort_order")
    )
    averages = [a for a in averages if a["average"] < 5][:limit]
    areas = CapacityArea.objects.in_bulk([a["statement__area_id"] for a in averages])
    return [WeakArea(area=areas[a["statement__area_id"]], average=float(a["average"])) for a in averages]


def _course_list(area_slug: str) -> list:
    from courses.selectors import course_list_for_capacity_area

    return list(course_list_for_capacity_area(area_slug=area_slug, limit=3))


def weak_areas_with_courses(*, organisation: Organisation, limit: int = 3) -> list[WeakArea]:
    """Weak areas, each with up to three catalogue courses that build that capacity."""
    areas = weak_areas(organisation=organisation, limit=limit)
    for item in areas:
        item.courses = _course_list(item.area.slug)
    return areas


@dataclass
class MentorSuggestion:
    membership: OrganisationMembership
    score: int
    covered: list[WeakArea]
    missing: list[WeakArea]
    active: int
    capacity: int
    reason: str

    @property
    def free(self) -> int:
        return self.capacity - self.active


def _fmt(value: float) -> str:
    return number_format(value, 1)


def mentor_suggestions(*, organisation: Organisation, limit: int = 5) -> list[MentorSuggestion]:
    """Mentors ranked by how well their organisation's declared expertise covers the weakest areas.

    The score is the share (in %) of the total gap to level 5 in the weakest areas that the
    mentor's expertise covers. Mentors with no free place (active pairings ≥ capacity) are skipped.
    """
    weak = weak_areas(organisation=organisation, limit=3)
    if not weak:
        return []
    total_gap = sum(w.gap for w in weak) or 1
    memberships = list(
        OrganisationMembership.objects.filter(
            role=OrganisationMembership.Role.MENTOR,
            organisation__experience=Organisation.Experience.EXPERIENCED,
            user__is_active=True,
        )
        .exclude(organisation=organisation)
        .exclude(organisation__kind=Organisation.Kind.LOCAL_GOVERNMENT)
        .select_related("user", "organisation")
        .prefetch_related("organisation__expertise")
    )
    load = dict(
        Pairing.objects.filter(state__in=Pairing.OPEN_STATES, mentors__in=[m.user_id for m in memberships])
        .values_list("mentors")
        .annotate(n=Count("pk", distinct=True))
    )
    suggestions = []
    for membership in memberships:
        active = load.get(membership.user_id, 0)
        if active >= membership.mentor_capacity:
            continue
        expertise = {area.slug for area in membership.organisation.expertise.all()}
        covered = [w for w in weak if w.area.slug in expertise]
        missing = [w for w in weak if w.area.slug not in expertise]
        score = round(100 * sum(w.gap for w in covered) / total_gap)
        if covered:
            reason = ngettext(
                "Covers %(covered)d of the %(total)d weakest areas: %(areas)s.",
                "Covers %(covered)d of the %(total)d weakest areas: %(areas)s.",
                len(covered),
            ) % {
                "covered": len(covered),
                "total": len(weak),
                "areas": ", ".join(
                    _("%(area)s (average %(average)s)") % {"area": w.area.name, "average": _fmt(w.average)}
                    for w in covered
                ),
            }
        else:
            reason = _("Does not cover any of the weakest areas.")
        if missing and covered:
            reason += " " + _("Not covered: %(areas)s.") % {"areas": ", ".join(w.area.name for w in missing)}
        reason += " " + _("Free places: %(free)d of %(capacity)d.") % {
            "free": membership.mentor_capacity - active,
            "capacity": membership.mentor_capacity,
        }
        suggestions.append(
            MentorSuggestion(
                membership=membership,
                score=score,
                covered=covered,
                missing=missing,
                active=active,
                capacity=membership.mentor_capacity,
                reason=reason,
            )
        )
    suggestions.sort(key=lambda s: (-s.score, -s.free, s.membership.user.last_name, s.membership.pk))
    return suggestions[:limit]


def emerging_organisations():
    return Organisation.objects.filter(experience=Organisation.Experience.EMERGING).exclude(
        kind=Organisation.Kind.LOCAL_GOVERNMENT
    )


def instrument_for_pairing(*, pairing: Pairing) -> CapacityInstrument | None:
    instrument = pairing.programme.get_instrument()
    if instrument is None:
        return None
    return CapacityInstrument.objects.prefetch_related("areas__statements").get(pk=instrument.pk)


# --- figures for the funder's reports (read by the reports app) -----------------------------------


def membership_spans(*, user_ids=None) -> list[dict]:
    """Members of mentored organisations, one row per pairing of their organisation (one query).

    A pairing that was only proposed is not yet a counted activity; a closed one (completed or ended
    early) gives the end date: the day its state last changed.
    """
    memberships = OrganisationMembership.objects.all()
    if user_ids is not None:
        memberships = memberships.filter(user_id__in=user_ids)
    rows = (
        Pairing.objects.exclude(state=Pairing.State.PROPOSED)
        .filter(mentee_organisation__memberships__in=memberships)
        .values(
            "pk",
            "state",
            "start_date",
            "end_date",
            "state_changed_at",
            "mentee_organisation__name",
            "mentee_organisation__memberships__user_id",
        )
    )
    result = []
    for row in rows:
        closed = row["state"] in Pairing.CLOSED_STATES
        result.append(
            {
                "user_id": row["mentee_organisation__memberships__user_id"],
                "pairing_id": row["pk"],
                "label": row["mentee_organisation__name"],
                "started_on": row["start_date"],
                "ended_on": (row["end_date"] or timezone.localdate(row["state_changed_at"])) if closed else None,
            }
        )
    return result


def pairings_active_between(*, start, end):
    """Pairings running at some point in [start, end] (started by ``end``, not closed before ``start``)."""
    return (
        pairing_list_for_user_all()
        .exclude(state=Pairing.State.PROPOSED)
        .filter(start_date__lte=end)
        .filter(Q(end_date__isnull=True) | Q(end_date__gte=start))
    )


def mentoring_figures_between(*, start, end) -> dict:
    """Pairings, mentored organisations, meetings held and hours in [start, end] (two queries)."""
    pairings = pairings_active_between(start=start, end=end)
    counts = pairings.aggregate(
        pairings=Count("pk", distinct=True),
        organisations=Count("mentee_organisation_id", distinct=True),
        last=Max("state_changed_at"),
    )
    meetings = Meeting.objects.filter(planned=False, starts_at__date__gte=start, starts_at__date__lte=end).aggregate(
        count=Count("pk"), minutes=Sum("duration_minutes"), last=Max("starts_at")
    )
    return {
        "pairings": counts["pairings"],
        "organisations": counts["organisations"],
        "meetings": meetings["count"],
        "hours": hours_from_minutes(meetings["minutes"] or 0),
        "last_pairing_change": counts["last"],
        "last_meeting": meetings["last"],
    }


def capacity_change_between(*, start, end) -> ProgrammeSummary:
    """Baseline → latest capacity per area over the pairings active in [start, end]."""
    rows = pairing_rows(pairings=pairings_active_between(start=start, end=end))
    return ProgrammeSummary(programme=None, rows=rows)
