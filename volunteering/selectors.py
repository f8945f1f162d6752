"""Reads for volunteering, including the ones the reports app uses (volunteers and hours per period)."""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Prefetch, Q, Sum
from django.utils import timezone

from kok_learn.prepared_query import PreparedQuery
from organisations.models import Organisation, OrganisationMembership

from .models import ActivityType, Application, Confirmation, County, HourEntry, OpportunityPage, Sex

COORDINATOR_ROLES = [OrganisationMembership.Role.COORDINATOR, OrganisationMembership.Role.PRESIDENT]
AGE_BANDS = [("do 15", 0, 14), ("15–17", 15, 17), ("18–29", 18, 29), ("30–64", 30, 64), ("65 i više", 65, 200)]


CARD_FIELDS = (
    "title",
    "slug",
    "place",
    "time_commitment",
    "minimum_age",
    "activity_type",
    "organiser__name",
)


def opportunity_list(*, index):
    """The open opportunities' cards, in one query: only what a card shows (title, URL, organiser,
    place, activity, time, minimum age), not the pages' long texts."""
    return (
        OpportunityPage.objects.child_of(index)
        .live()
        .public()
        .select_related("organiser")
        .only(*CARD_FIELDS)
        .order_by("title")
    )


def opportunity_cards(*, index) -> list[OpportunityPage]:
    """``opportunity_list`` with each activity's label looked up once per list, not once per card."""
    labels = {value: str(label) for value, label in ActivityType.choices}
    cards = list(opportunity_list(index=index))
    for card in cards:
        card.activity_label = labels.get(card.activity_type, "")
    return cards


def coordinator_organisation_ids(*, user) -> list[int]:
    """Organisations whose volunteering this person runs (coordinator or president of it)."""
    if not user.is_authenticated:
        return []
    return list(
        OrganisationMembership.objects.filter(user=user, role__in=COORDINATOR_ROLES).values_list(
            "organisation_id", flat=True
        )
    )


def is_volunteering_coordinator(user) -> bool:
    return bool(coordinator_organisation_ids(user=user))


def my_applications(*, user):
    return (
        Application.objects.filter(volunteer=user)
        .select_related("opportunity", "organisation", "contract", "vulnerable_check", "consent")
        .prefetch_related(
            Prefetch("hour_entries", queryset=HourEntry.objects.order_by("-date", "-pk")),
            Prefetch("confirmations", queryset=Confirmation.objects.select_related("certificate")),
        )
        .order_by("-created_at")
    )


def dashboard_summary(*, user) -> dict:
    """For the panel on "Moje učenje": how many applications the person has and their approved hours,
    in one aggregate query (the panel shows no single application)."""
    rows = DASHBOARD_SUMMARY.run(user.pk)  # no row for someone who never applied
    applications, approved = rows[0] if rows else (0, None)
    return {"applications": applications, "approved": approved or Decimal(0)}


def _dashboard_summary(user_id):
    return (
        Application.objects.filter(volunteer_id=user_id)
        .values("volunteer_id")  # one group: the person's applications
        .annotate(
            applications=Count("pk", distinct=True),
            approved=Sum("hour_entries__hours", filter=Q(hour_entries__state=HourEntry.State.APPROVED)),
        )
        .order_by()
        .values_list("applications", "approved")
    )


# Asked on every "Moje učenje": the SQL is built once per process (kok_learn/prepared_query.py).
DASHBOARD_SUMMARY = PreparedQuery(_dashboard_summary, placeholders=(int,))


def application_for_volunteer(*, user, application_id: int) -> Application | None:
    return (
        Application.objects.filter(pk=application_id, volunteer=user)
        .select_related("opportunity", "organisation", "contract", "vulnerable_check", "consent")
        .first()
    )


def application_hours_summary(*, applications) -> dict:
    """Hours per state, keyed by name for templates: ``{"pending": …, "approved": …, "declined": …}``."""
    names = {
        HourEntry.State.PENDING: "pending",
        HourEntry.State.APPROVED: "approved",
        HourEntry.State.DECLINED: "declined",
    }
    totals = dict.fromkeys(names.values(), Decimal(0))
    for application in applications:
        for entry in application.hour_entries.all():
            totals[names[entry.state]] += entry.hours
    return totals


# --- For the reports app ------------------------------------------------------------------------


def approved_hours_in_period(*, start: datetime.date, end: datetime.date, organisation_ids=None) -> dict:
    """Volunteers (anonymous keys) and approved hours between two dates (inclusive)."""
    entries = HourEntry.objects.filter(state=HourEntry.State.APPROVED, date__gte=start, date__lte=end)
    if organisation_ids is not None:
        entries = entries.filter(organisation_id__in=organisation_ids)
    row = entries.aggregate(hours=Sum("hours"), volunteers=Count("application__volunteer_key", distinct=True))
    return {"volunteers": row["volunteers"] or 0, "hours": row["hours"] or Decimal(0)}


def participant_user_ids(*, start: datetime.date, end: datetime.date) -> set[int]:
    """Accounts that applied to volunteer in the period (erased volunteers have none)."""
    return set(
        Application.objects.filter(created_at__date__gte=start, created_at__date__lte=end, volunteer__isnull=False)
        .exclude(state__in=[Application.State.DECLINED, Application.State.WITHDRAWN])
        .values_list("volunteer_id", flat=True)
    )


# --- The organiser's annual report (Pravilnik NN 109/2021) ----------------------------------------


def age_band(age: int) -> str:
    for label, low, high in AGE_BANDS:
        if low <= age <= high:
            return label
    return AGE_BANDS[-1][0]


@dataclass
class Breakdown:
    volunteers: dict = field(default_factory=lambda: defaultdict(int))
    hours: dict = field(default_factory=lambda: defaultdict(Decimal))

    def rows(self, labels: list[tuple[str, str]]):
        return [(label, self.volunteers.get(key, 0), self.hours.get(key, Decimal(0))) for key, label in labels]


@dataclass
class AnnualReport:
    organisation: Organisation
    year: int
    volunteers: int
    hours: Decimal
    by_sex: list
    by_age: list
    by_citizenship: list
    by_area: list
    by_activity: list
    by_county: list
    opportunities: list
    filed: bool


def annual_report(*, organisation: Organisation, year: int) -> AnnualReport:
    """Two queries whatever the number of volunteers and entries; totals are the year's approved hours.

    ``by_area`` is the Pravilnik's breakdown by the geographic area of volunteering (the opportunity's
    county when the hours were recorded, kept on each entry, as is the activity type); ``by_county`` is the volunteers' county of residence (from the application's anonymous
    snapshot), an extra table. Both survive the volunteer's erasure."""
    start, end = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    rows = (
        HourEntry.objects.filter(
            organisation=organisation, state=HourEntry.State.APPROVED, date__gte=start, date__lte=end
        )
        .values(
            "application__volunteer_key",
            "application__sex",
            "application__birth_year",
            "application__citizenship",
            "application__county",
            "activity_type",
            "area",
            "application__opportunity_id",
            "application__opportunity__title",
        )
        .annotate(total=Sum("hours"))
        .order_by()
    )
    people = {}
    dims = {name: Breakdown() for name in ("sex", "age", "citizenship", "county", "activity", "area")}
    # Per opportunity: a volunteer in two activity types (or two areas) counts once in each.
    activity_people = defaultdict(set)
    area_people = defaultdict(set)
    opportunities = {}
    total = Decimal(0)
    for row in rows:
        key = row["application__volunteer_key"]
        hours = row["total"]
        total += hours
        people.setdefault(
            key,
            {
                "sex": row["application__sex"],
                "age": age_band(year - row["application__birth_year"]),
                "citizenship": row["application__citizenship"],
                "county": row["application__county"],
            },
        )
        person = people[key]
        for name in ("sex", "age", "citizenship", "county"):
            dims[name].hours[person[name]] += hours
        activity = row["activity_type"]
        dims["activity"].hours[activity] += hours
        activity_people[activity].add(key)
        area = row["area"]
        dims["area"].hours[area] += hours
        area_people[area].add(key)
        opp = opportunities.setdefault(
            row["application__opportunity_id"],
            {
                "title": row["application__opportunity__title"],
                "activity": activity,
                "people": set(),
                "hours": Decimal(0),
            },
        )
        opp["people"].add(key)
        opp["hours"] += hours
    for person in people.values():
        for name in ("sex", "age", "citizenship", "county"):
            dims[name].volunteers[person[name]] += 1
    for activity, keys in activity_people.items():
        dims["activity"].volunteers[activity] = len(keys)
    for area, keys in area_people.items():
        dims["area"].volunteers[area] = len(keys)
    citizenships = sorted(dims["citizenship"].hours)
    counties = [(value, str(label)) for value, label in County.choices]
    filed = organisation.volunteering_reports.filter(year=year).exists()
    return AnnualReport(
        organisation=organisation,
        year=year,
        volunteers=len(people),
        hours=total,
        by_sex=dims["sex"].rows([(value, str(label)) for value, label in Sex.choices]),
        by_age=dims["age"].rows([(label, label) for label, _low, _high in AGE_BANDS]),
        by_citizenship=dims["citizenship"].rows([(value, value) for value in citizenships]),
        by_area=[row for row in dims["area"].rows(counties) if row[1]],
        by_activity=dims["activity"].rows([(value, str(label)) for value, label in ActivityType.choices]),
        by_county=[row for row in dims["county"].rows(counties) if row[1]],
        opportunities=[
            {
                "title": o["title"],
                "activity": str(ActivityType(o["activity"]).label),
                "volunteers": len(o["people"]),
                "hours": o["hours"],
            }
            for o in sorted(opportunities.values(), key=lambda o: o["title"])
        ],
        filed=filed,
    )


def report_due_organisations(*, user, today: datetime.date | None = None) -> list[tuple[Organisation, int]]:
    """From 1 January to 31 March: the coordinator's organisers whose last year's report is not marked filed."""
    today = today or timezone.localdate()
    if today.month > 3:
        return []
    year = today.year - 1
    ids = coordinator_organisation_ids(user=user)
    return [
        (organisation, year)
        for organisation in Organisation.objects.filter(pk__in=ids).exclude(volunteering_reports__year=year)
    ]


def pending_hours_count(*, organisation_ids) -> int:
    return HourEntry.objects.filter(organisation_id__in=organisation_ids, state=HourEntry.State.PENDING).count()


def volunteers_by_state(*, organisation_ids):
    return Application.objects.filter(organisation_id__in=organisation_ids).aggregate(
        pending=Count("pk", filter=Q(state=Application.State.PENDING)),
        accepted=Count("pk", filter=Q(state=Application.State.ACCEPTED)),
    )


def participation_spans(*, user_ids=None) -> list[dict]:
    """For the reports app: accepted applications, from the decision to the opportunity's end (one query)."""
    applications = Application.objects.filter(state=Application.State.ACCEPTED, volunteer__isnull=False)
    if user_ids is not None:
        applications = applications.filter(volunteer_id__in=user_ids)
    today = timezone.localdate()
    rows = applications.values(
        "pk", "volunteer_id", "opportunity__title", "created_at", "decided_at", "opportunity__end_date"
    )
    return [
        {
            "user_id": row["volunteer_id"],
            "application_id": row["pk"],
            "label": row["opportunity__title"],
            "started_on": timezone.localdate(row["decided_at"] or row["created_at"]),
            "ended_on": row["opportunity__end_date"]
            if row["opportunity__end_date"] and row["opportunity__end_date"] <= today
            else None,
        }
        for row in rows
    ]
