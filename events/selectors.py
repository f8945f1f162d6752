"""Reads: the programme, an event's seats and sessions, attendance sheets, blended-course attendance, reports.

Courses, volunteering and reports call the functions below; they return plain data (ints, lists,
dataclasses), never anything that would make the caller import ``events`` models it does not need.
"""

import datetime
import hashlib
from dataclasses import dataclass, field
from decimal import Decimal
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db.models import Count, Exists, IntegerField, Min, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.http import QueryDict
from django.utils import timezone

from kok_learn.caching.content_cache import remember
from kok_learn.prepared_query import PreparedQuery

from .models import (
    ATTENDED_STATUSES,
    SEAT_HOLDERS,
    SEAT_STATUSES,
    Attendance,
    AttendanceStatus,
    Audience,
    EventIndexPage,
    EventKind,
    EventPage,
    EventSession,
    Registration,
    RegistrationStatus,
)

# --- Seats ---------------------------------------------------------------------------------------------


def session_capacity(*, session: EventSession, event: EventPage) -> int:
    """A session's own capacity: its override when one is set (never above the event's), else the event's."""
    if session.capacity is None:
        return event.capacity
    return min(session.capacity, event.capacity)


def constrains_seats(session: EventSession, now: datetime.datetime) -> bool:
    """Sessions not cancelled and not over yet limit the seats; cancelled and past sessions do not."""
    return not session.cancelled and session.end > now


def event_capacity(*, event: EventPage, now: datetime.datetime | None = None) -> int:
    """The bookable seats of an event: the lowest capacity of its upcoming sessions not cancelled.

    A registration holds a seat at every session of the event, so no session may ever have more
    people booked than its own capacity: the smallest one decides. With no such session left
    (all past or cancelled) the event's capacity stands, though nobody can register any more.
    """
    now = now or timezone.now()
    lowest = EventSession.objects.filter(
        page_id=event.pk, cancelled=False, end__gt=now, capacity__isnull=False
    ).aggregate(lowest=Min("capacity"))["lowest"]
    return event.capacity if lowest is None else min(event.capacity, lowest)


def seats_taken(*, event: EventPage) -> int:
    """Registrations holding a seat (walk-ins hold none: ``SEAT_HOLDERS``)."""
    return Registration.objects.filter(SEAT_HOLDERS, event_id=event.pk).count()


def free_seats(*, event: EventPage) -> int:
    return max(event_capacity(event=event) - seats_taken(event=event), 0)


# --- The programme ----------------------------------------------------------------------------------


def _month_choices(today: datetime.date, count: int = 12) -> list[tuple[str, datetime.date]]:
    months, year, month = [], today.year, today.month
    for _i in range(count):
        months.append((f"{year:04d}-{month:02d}", datetime.date(year, month, 1)))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


@dataclass
class ProgrammeFilters:
    month: str = ""
    kind: str = ""
    audience: str = ""
    months: list = field(default_factory=list)
    kinds: list = field(default_factory=list)
    audiences: list = field(default_factory=list)


# Events per page of /program/ (``?stranica=2``): upcoming first, the rest on the next pages.
PROGRAMME_PAGE_SIZE = 20


def _count_of(queryset, column: str):
    """A correlated subquery: ``queryset``'s rows per outer event (0 when none), without joins that multiply."""
    counted = queryset.order_by().values(column).annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted[:1], output_field=IntegerField()), 0)


def programme_events(*, index: EventIndexPage | None = None, month: str = "", kind: str = "", audience: str = ""):
    """Live, public events with a session still to come, soonest first.

    Annotated, without joins that multiply rows, with what a card shows and its fragment is keyed on:
    ``next_start`` (the first upcoming session not cancelled), ``next_end`` (the first one to end),
    ``upcoming_count``, ``seats_taken`` and ``min_session_capacity`` (the lowest override among the
    upcoming sessions not cancelled).
    """
    now = timezone.now()
    upcoming = EventSession.objects.filter(page_id=OuterRef("pk"), cancelled=False, end__gte=now)
    events = EventPage.objects.live().public()
    if index is not None:
        events = events.child_of(index)
    events = events.filter(Exists(upcoming))
    if month:
        year, number = (int(part) for part in month.split("-"))
        in_month = EventSession.objects.filter(
            page_id=OuterRef("pk"), cancelled=False, start__year=year, start__month=number
        )
        events = events.filter(Exists(in_month))
    if kind:
        events = events.filter(kind=kind)
    if audience:
        events = events.filter(audiences__slug=audience)  # one slug: at most one row per event
    seats = Registration.objects.filter(SEAT_HOLDERS, event_id=OuterRef("pk"))
    lowest = (
        upcoming.filter(end__gt=now, capacity__isnull=False)
        .order_by()
        .values("page_id")
        .annotate(m=Min("capacity"))
        .values("m")
    )
    events = events.annotate(
        next_start=Subquery(upcoming.order_by("start").values("start")[:1]),
        next_end=Subquery(upcoming.order_by("end").values("end")[:1]),
        upcoming_count=_count_of(upcoming, "page_id"),
        seats_taken=_count_of(seats, "event_id"),
        min_session_capacity=Subquery(lowest[:1], output_field=IntegerField()),
    )
    return events.select_related("place").order_by("next_start", "pk")


CARD_FIELDS = (
    "pk",
    "title",
    "slug",
    "summary",
    "kind",
    "place__name",
    "capacity",
    "registration_mode",
    "last_published_at",
    "next_start",
    "next_end",
    "upcoming_count",
    "seats_taken",
    "min_session_capacity",
)


@dataclass
class ProgrammeListing:
    """One page of /program/ as plain data: the same for every visitor (no person, no permission)."""

    cards: list[dict]
    count: int
    number: int
    num_pages: int
    valid_until: datetime.datetime | None  # the first upcoming session's end: the listing changes then


def _programme_listing(*, index: EventIndexPage, month: str, kind: str, audience: str, page: str) -> ProgrammeListing:
    """Three queries whatever the number of events: the matching events' rows (plain values, soonest first),
    their audiences for the page shown, and (through ``.public()``) the view restrictions."""
    rows = list(programme_events(index=index, month=month, kind=kind, audience=audience).values(*CARD_FIELDS))
    paginator = Paginator(rows, PROGRAMME_PAGE_SIZE)
    page_obj = paginator.get_page(page)
    cards = list(page_obj.object_list)
    audiences: dict[int, list[str]] = {}
    through = EventPage.audiences.through.objects.filter(eventpage_id__in=[card["pk"] for card in cards])
    for event_id, name in through.order_by("audience__sort_order", "audience__name").values_list(
        "eventpage_id", "audience__name"
    ):
        audiences.setdefault(event_id, []).append(name)
    kinds = dict(EventKind.choices)
    for card in cards:
        capacity = min(c for c in (card["capacity"], card["min_session_capacity"]) if c is not None)
        card["free"] = max(capacity - card["seats_taken"], 0)
        card["kind_label"] = str(kinds.get(card["kind"], card["kind"]))
        card["place_name"] = card.pop("place__name")
        card["audiences"] = audiences.get(card["pk"], [])
        published = card["last_published_at"].timestamp() if card["last_published_at"] else 0
        # What the card shows besides its content: seats and the state of its sessions.
        card["card_key"] = (
            f"{published}:{card['registration_mode']}:{card['seats_taken']}:{card['free']}:"
            f"{card['next_start'].timestamp()}:{card['upcoming_count']}"
        )
    return ProgrammeListing(
        cards=cards,
        count=paginator.count,
        number=page_obj.number,
        num_pages=paginator.num_pages,
        valid_until=min((row["next_end"] for row in rows), default=None),
    )


def _audience_choices(request) -> list[tuple[str, str]]:
    """The audiences as (slug, name): the same for everyone, kept until an audience changes (a new generation)."""
    load = lambda: list(Audience.objects.values_list("slug", "name"))  # noqa: E731
    if request is None:
        return load()
    return remember("programme-audiences", load, request=request)


def programme_context(*, index: EventIndexPage, params: QueryDict, request=None, index_url: str | None = None) -> dict:
    """What /program/ shows: one page of upcoming events with their free seats, and the filters.

    The listing is plain data kept in the content cache (``remember``) under the filters and the page
    number: every change that shows on it (a publish, a registration, a session, a place, a view
    restriction) starts a new content generation (events/apps.py, kok_learn/caching/generation.py),
    and time is checked on every use: once the first listed session is over it is computed afresh.
    Each card is also a fragment (``{% contentcache "event-card" %}``) keyed on ``card_key`` — the
    last publish, the seats taken and free, the state of its sessions — so a booking or a cancelled
    session makes a new card. Card links are the index's URL + the slug (no per-card URL look-up).
    """
    today = timezone.localdate()
    months = _month_choices(today)
    month = params.get("mjesec", "")
    kind = params.get("vrsta", "")
    audience = params.get("publika", "")
    # An unknown value drops that filter only.
    month = month if month in {value for value, _d in months} else ""
    kind = kind if kind in EventKind.values else ""
    audiences = _audience_choices(request)
    audience = audience if audience in {slug for slug, _name in audiences} else ""
    page = params.get("stranica", "")
    page = page if page.isdigit() and len(page) < 6 else "1"

    def compute() -> ProgrammeListing:
        return _programme_listing(index=index, month=month, kind=kind, audience=audience, page=page)

    if request is None:
        listing = compute()
    else:
        now = timezone.now()
        vary = [index.pk, month, kind, audience, page]
        listing = remember("programme-listing", compute, *vary, request=request)
        for _attempt in range(4):
            if listing.valid_until is None or listing.valid_until >= now:
                break
            # A session ended since: the kept listing is out of date. The fresh one is kept under the
            # moment the old one expired, so the next visitors find it (one more cache read).
            vary.append(listing.valid_until.timestamp())
            listing = remember("programme-listing", compute, *vary, request=request)
        else:
            listing = compute()
    base_url = index_url if index_url is not None else (index.url or "")
    for card in listing.cards:
        card["url"] = f"{base_url}{card['slug']}/"
    # The page links carry the programme's own filters only (never a visitor's tracking parameters).
    filters = (("mjesec", month), ("vrsta", kind), ("publika", audience))
    filter_query = urlencode([(name, value) for name, value in filters if value])
    return {
        "events": listing.cards,
        "filter_query": filter_query,
        # The whole list with its page links is one fragment too, keyed on every card's key, the page and
        # the filters: one cache read.
        "listing_key": hashlib.sha256(
            "|".join(
                [
                    filter_query,
                    str(listing.number),
                    str(listing.num_pages),
                    *(f"{c['pk']}={c['card_key']}" for c in listing.cards),
                ]
            ).encode()
        ).hexdigest()[:32],
        "page_obj": _PageInfo(listing.number, listing.num_pages),
        "events_count": listing.count,
        "index_url": base_url,
        "filters": ProgrammeFilters(
            month=month,
            kind=kind,
            audience=audience,
            months=months,
            kinds=EventKind.choices,
            audiences=audiences,
        ),
    }


@dataclass(frozen=True)
class _PageInfo:
    """What components/pagination.html reads of a Django Page."""

    number: int
    num_pages: int

    @property
    def paginator(self):
        return self

    def has_other_pages(self) -> bool:
        return self.num_pages > 1

    def has_previous(self) -> bool:
        return self.number > 1

    def has_next(self) -> bool:
        return self.number < self.num_pages

    def previous_page_number(self) -> int:
        return self.number - 1

    def next_page_number(self) -> int:
        return self.number + 1


def event_page_context(*, event: EventPage, user) -> dict:
    sessions = list(event.sessions.select_related("place").order_by("start"))
    registration = None
    if user.is_authenticated:
        registration = Registration.objects.filter(event_id=event.pk, user=user).first()
        if registration is not None and registration.status == RegistrationStatus.CANCELLED:
            registration = None
    now = timezone.now()
    taken = seats_taken(event=event)
    upcoming = [s for s in sessions if constrains_seats(s, now)]
    capacity = min((session_capacity(session=s, event=event) for s in upcoming), default=event.capacity)
    free = max(capacity - taken, 0)
    # Where the upcoming sessions differ in capacity, each shows its own free seats (the smallest decides).
    differ = len({session_capacity(session=s, event=event) for s in upcoming}) > 1
    for session in sessions:
        session.seat_capacity = session_capacity(session=session, event=event)
        session.free_seats = max(session.seat_capacity - taken, 0)
        session.shows_own_seats = differ and constrains_seats(session, now)
    return {
        "sessions": sessions,
        "upcoming_sessions": upcoming,
        "free_seats": free,
        "capacity": capacity,
        "sessions_differ": differ,
        "registration": registration,
        "is_over": not upcoming,
        "age_limited": event.min_age is not None or event.max_age is not None,
        "needs_birth_date": bool(
            (event.min_age is not None or event.max_age is not None)
            and user.is_authenticated
            and user.date_of_birth is None
        ),
    }


# --- Attendance sheet (trainer's page, sign-in sheet) ------------------------------------------------


def sessions_for_trainer(*, user):
    """Sessions of events the person trains (coordinators: all), soonest first."""
    from accounts import roles

    sessions = EventSession.objects.select_related("page")
    if not roles.is_coordinator(user):
        sessions = sessions.filter(page__trainers=user)
    return sessions.order_by("start")


def session_for_marker(*, user, session_id: int) -> EventSession | None:
    """The session if this person may mark its attendance (its event's trainer or a coordinator), else None."""
    if not user.is_authenticated:
        return None
    return sessions_for_trainer(user=user).select_related("page__place", "place").filter(pk=session_id).first()


@dataclass
class SheetRow:
    registration: Registration
    name: str
    status: str  # "" when not marked yet
    is_walk_in: bool


def attendance_sheet(*, session: EventSession) -> list[SheetRow]:
    """Everyone holding a seat at the session's event with their mark for it: two queries whatever the size."""
    registrations = (
        Registration.objects.filter(event_id=session.page_id, status__in=SEAT_STATUSES)
        .select_related("user")
        .order_by("user__last_name", "user__first_name", "walk_in_name", "pk")
    )
    marks = dict(Attendance.objects.filter(session=session).values_list("registration_id", "status"))
    return [
        SheetRow(
            registration=r,
            name=r.display_name,
            status=marks.get(r.pk, ""),
            is_walk_in=r.walk_in,
        )
        for r in registrations
    ]


# --- The person's own ------------------------------------------------------------------------------------


def has_registrations(*, user) -> bool:
    return bool(ANY_REGISTRATION.run(user.pk))


# Asked on every "Moje učenje": the SQL is built once per process (kok_learn/prepared_query.py).
ANY_REGISTRATION = PreparedQuery(
    lambda user_id: Registration.objects.filter(user_id=user_id).order_by().values_list("pk", flat=True)[:1],
    placeholders=(int,),
)


def registrations_of_user(*, user) -> list[Registration]:
    return list(Registration.objects.filter(user=user).select_related("event").order_by("-created_at"))


def upcoming_sessions_for_user(*, user, limit: int = 10) -> list[EventSession]:
    """Sessions still to come of the events where the person has a seat, with place and time."""
    return list(
        EventSession.objects.filter(
            page__registrations__user=user,
            page__registrations__status__in=SEAT_STATUSES,
            end__gte=timezone.now(),
            page__live=True,
        )
        .select_related("page", "place", "page__place")
        .order_by("start")[:limit]
    )


def past_attendance_for_user(*, user, limit: int = 20) -> list[Attendance]:
    return list(
        Attendance.objects.filter(registration__user=user)
        .select_related("session__page")
        .order_by("-session__start")[:limit]
    )


# --- Blended courses -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class AttendanceProgress:
    """A person's attendance of every scheduled session of some events.

    ``total`` counts all sessions not cancelled (held or still to come) minus those the person was
    excused from; ``attended`` counts present and late. Sessions in the future count as not yet
    attended, so the share grows as the course goes on.
    """

    attended: int
    total: int
    required_percent: int

    @property
    def percent(self) -> int:
        return int(self.attended * 100 / self.total) if self.total else 100

    @property
    def is_met(self) -> bool:
        return self.total == 0 or self.attended * 100 >= self.required_percent * self.total


def attendance_progress(*, user, event_ids: list[int], required_percent: int) -> AttendanceProgress:
    if not event_ids or user is None or not user.is_authenticated:
        return AttendanceProgress(attended=0, total=0, required_percent=required_percent)
    scheduled = EventSession.objects.filter(page_id__in=event_ids, cancelled=False).count()
    marks = Attendance.objects.filter(
        registration__user=user, session__page_id__in=event_ids, session__cancelled=False
    ).aggregate(
        attended=Count("pk", filter=Q(status__in=ATTENDED_STATUSES)),
        excused=Count("pk", filter=Q(status=AttendanceStatus.EXCUSED)),
    )
    return AttendanceProgress(
        attended=marks["attended"], total=scheduled - marks["excused"], required_percent=required_percent
    )


def sessions_of_events(*, event_ids: list[int]) -> list[EventSession]:
    """The in-person part of a blended course: sessions with dates and places, in order."""
    return list(
        EventSession.objects.filter(page_id__in=event_ids, page__live=True)
        .select_related("page", "place", "page__place")
        .order_by("start")
    )


# --- Reports (the reports app calls these) ------------------------------------------------------------


def _aware(day: datetime.date, end: bool = False) -> datetime.datetime:
    moment = datetime.datetime.combine(day + datetime.timedelta(days=1) if end else day, datetime.time.min)
    return timezone.make_aware(moment)


def sessions_held(*, start: datetime.date, end: datetime.date):
    """Sessions not cancelled that started between ``start`` and ``end`` (inclusive days) and are over."""
    return EventSession.objects.filter(
        cancelled=False, start__gte=_aware(start), start__lt=_aware(end, end=True), end__lte=timezone.now()
    )


def events_held(*, start: datetime.date, end: datetime.date) -> list[EventPage]:
    """Events with at least one session held in the period."""
    ids = sessions_held(start=start, end=end).values("page_id")
    return list(EventPage.objects.filter(pk__in=ids).order_by("title"))


def hours_delivered(*, start: datetime.date, end: datetime.date) -> Decimal:
    """Hours of sessions held in the period (each session once, whoever came)."""
    total = sum(((s.end - s.start).total_seconds() for s in sessions_held(start=start, end=end)), 0.0)
    return Decimal(str(round(total / 3600, 2)))


def participant_user_ids(*, start: datetime.date, end: datetime.date) -> set[int]:
    """Accounts that attended (present or late) at least one session held in the period."""
    return set(
        Attendance.objects.filter(
            session__in=sessions_held(start=start, end=end),
            status__in=ATTENDED_STATUSES,
            registration__user__isnull=False,
        ).values_list("registration__user_id", flat=True)
    )


@dataclass
class ReportRow:
    key: str  # the kind, the audience's name or "YYYY-MM"
    label: str
    registrations: int = 0
    marked: int = 0
    attended: int = 0
    hours: float = 0.0

    @property
    def attendance_rate(self) -> int:
        return int(self.attended * 100 / self.marked) if self.marked else 0


def attendance_report(*, start: datetime.date, end: datetime.date, by: str) -> list[ReportRow]:
    """Registrations, attendance rate and hours delivered per event kind, audience or month.

    ``by`` is "kind", "audience" or "month". Registrations count people with a seat at events that
    had a session in the period (not cancelled), attendance counts marks of the sessions held, and the
    rate is attended (present or late) out of the marks that are not "excused". Hours are hours of
    sessions held. Anonymised registrations still count.
    """
    sessions = list(sessions_held(start=start, end=end).select_related("page").prefetch_related("page__audiences"))
    kinds = dict(EventKind.choices)
    rows: dict[str, ReportRow] = {}

    def keys_for(session: EventSession) -> list[tuple[str, str]]:
        if by == "kind":
            return [(session.page.kind, str(kinds.get(session.page.kind, session.page.kind)))]
        if by == "audience":
            return [(a.slug, a.name) for a in session.page.audiences.all()] or [("", "—")]
        local = timezone.localtime(session.start)
        return [(f"{local:%Y-%m}", f"{local:%m/%Y}")]

    marks = {
        row["session_id"]: row
        for row in Attendance.objects.filter(session__in=[s.pk for s in sessions])
        .values("session_id")
        .annotate(
            marked=Count("pk", filter=~Q(status=AttendanceStatus.EXCUSED)),
            attended=Count("pk", filter=Q(status__in=ATTENDED_STATUSES)),
        )
    }
    event_keys: dict[int, set] = {}
    for session in sessions:
        for key, label in keys_for(session):
            row = rows.setdefault(key, ReportRow(key=key, label=label))
            row.hours += session.hours
            mark = marks.get(session.pk)
            if mark:
                row.marked += mark["marked"]
                row.attended += mark["attended"]
            event_keys.setdefault(session.page_id, set()).add(key)
    seats = dict(
        Registration.objects.filter(event_id__in=event_keys, status__in=SEAT_STATUSES)
        .values("event_id")
        .annotate(n=Count("pk"))
        .values_list("event_id", "n")
    )
    for event_id, keys in event_keys.items():
        for key in keys:
            rows[key].registrations += seats.get(event_id, 0)
    return sorted(rows.values(), key=lambda row: row.key)


def participation_spans(*, user_ids=None) -> list[dict]:
    """For the reports app: each account's registration to an event, with the day the event's last
    session ended if it is over (one query)."""
    from django.db.models import Max

    registrations = Registration.objects.filter(user__isnull=False, status__in=SEAT_STATUSES)
    if user_ids is not None:
        registrations = registrations.filter(user_id__in=user_ids)
    rows = registrations.values("user_id", "event_id", "event__title", "created_at").annotate(
        last_end=Max("event__sessions__end")
    )
    now = timezone.now()
    return [
        {
            "user_id": row["user_id"],
            "event_id": row["event_id"],
            "label": row["event__title"],
            "started_on": timezone.localdate(row["created_at"]),
            "ended_on": timezone.localdate(row["last_end"]) if row["last_end"] and row["last_end"] <= now else None,
        }
        for row in rows
    ]
