"""What `make bench` measures: a data-driven list of pages and of write endpoints.

A page is a name, who looks at it (anonymous, the bench learner, a mentor), a locator that
returns its URL path (or several, cycled through) in the seeded database, and an optional budget.
A locator raises `Unavailable` with a reason while the page's app or data does not exist yet; the
harness then lists the page as skipped instead of failing. Adding a page is one entry in `PAGES`.

Pages the page cache keeps for anonymous visitors (`cached=True`) are measured twice: as a cache
hit (the same URL again and again) and as a miss (each request with a query parameter never sent
before, so the page is rendered every time; `miss_budget` applies).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

from django.apps import apps
from django.urls import NoReverseMatch, reverse

from .seed import BENCH_LEARNER_EMAIL, BENCH_MENTOR_EMAIL, learner_email


class Unavailable(Exception):  # noqa: N818 - reads as "page unavailable"
    """The page cannot be measured in this code base or database yet (the message says why)."""


@dataclass(frozen=True)
class Budget:
    min_ratio: float | None = None  # requests/s as a share of the bare view's, same run
    max_p95_ms: float | None = None
    max_queries: int | None = None

    def describe(self) -> str:
        parts = []
        if self.min_ratio is not None:
            parts.append(f"≥ {self.min_ratio:.0%} of bare")
        if self.max_p95_ms is not None:
            parts.append(f"p95 ≤ {self.max_p95_ms:g} ms")
        if self.max_queries is not None:
            parts.append(f"≤ {self.max_queries} queries")
        return ", ".join(parts)

    def check(self, *, ratio: float | None, p95_ms: float | None, queries: int | None) -> bool:
        checks = []
        if self.min_ratio is not None and ratio is not None:
            checks.append(ratio >= self.min_ratio)
        if self.max_p95_ms is not None and p95_ms is not None:
            checks.append(p95_ms <= self.max_p95_ms)
        if self.max_queries is not None and queries is not None:
            checks.append(queries <= self.max_queries)
        return all(checks)


ANONYMOUS, LEARNER, MENTOR = "anonymous", "learner", "mentor"


class BenchContext:
    """Looks things up in the seeded database once per run."""

    def model(self, label: str):
        try:
            return apps.get_model(label)
        except LookupError:
            raise Unavailable(f"{label} does not exist yet") from None

    def url_name(self, name: str, *args) -> str:
        try:
            return reverse(name, args=args)
        except NoReverseMatch:
            raise Unavailable(f"URL {name} does not exist yet") from None

    def live_page(self, label: str, **filters):
        page = self.model(label).objects.live().public().filter(**filters).order_by("path").first()
        if page is None:
            raise Unavailable(f"no live {label} in the bench database")
        return page

    def page_path(self, page) -> str:
        url = page.get_url()
        if not url:
            raise Unavailable(f"{page} is not routable")
        return url

    @cached_property
    def learner(self):
        user = self.model("accounts.User").objects.filter(email=BENCH_LEARNER_EMAIL).first()
        if user is None:
            raise Unavailable("the bench learner is not seeded")
        return user

    def writer(self, number: int):
        """Learners 2, 3, ... write concurrently in the SQLite check (learner 1 is measured)."""
        user = self.model("accounts.User").objects.filter(email=learner_email(number + 2)).first()
        if user is None:
            raise Unavailable(f"learner {number + 2} is not seeded")
        return user

    def user_for(self, who: str):
        if who == ANONYMOUS:
            return None
        if who == LEARNER:
            return self.learner
        if who == MENTOR:
            return self.mentor
        raise ValueError(who)

    @cached_property
    def mentor(self):
        """The mentor whose dashboard is measured: the mentoring seed step creates and pairs them."""
        user = self.model("accounts.User").objects.filter(email=BENCH_MENTOR_EMAIL).first()
        if user is None:
            raise Unavailable("the bench mentor is not seeded (mentoring seed step)")
        return user


@dataclass(frozen=True)
class BenchPage:
    name: str
    title: str
    who: str
    locate: Callable[[BenchContext], str | list[str]]
    budget: Budget | None = None
    cached: bool = False  # kept by the page cache for anonymous visitors: measured as hit and miss
    miss_budget: Budget | None = None

    def paths(self, ctx: BenchContext) -> list[str]:
        located = self.locate(ctx)
        return [located] if isinstance(located, str) else list(located)


def _home(ctx: BenchContext) -> str:
    return ctx.page_path(ctx.live_page("home.HomePage"))


def _about(ctx: BenchContext) -> str:
    return ctx.page_path(ctx.live_page("home.StandardPage", slug="o-projektu"))


def _news(ctx: BenchContext) -> str:
    return ctx.page_path(ctx.live_page("home.NewsIndexPage"))


def _catalogue(ctx: BenchContext) -> str:
    return ctx.page_path(ctx.live_page("courses.CourseIndexPage"))


def _bench_course(ctx: BenchContext):
    """The course the bench learner studies: the one with the most lessons among its enrolments."""
    enrolment_model = ctx.model("courses.Enrolment")
    enrolment = (
        enrolment_model.objects.filter(user=ctx.learner, course__live=True)
        .select_related("course")
        .order_by("course__path")
        .first()
    )
    if enrolment is None:
        raise Unavailable("the bench learner has no enrolment yet")
    return enrolment.course


def _course(ctx: BenchContext) -> str:
    return ctx.page_path(_bench_course(ctx))


LESSON_URLS = 10


def _lessons(ctx: BenchContext) -> list[str]:
    """Several lessons of the bench learner's courses (first, middle and last ones, with and without
    a quiz), so no single page's quirks decide the figure."""
    enrolments = (
        ctx.model("courses.Enrolment").objects.filter(user=ctx.learner, course__live=True).exclude(status="pending")
    )
    lesson_model = ctx.model("courses.LessonPage")
    lessons = []
    for enrolment in enrolments.select_related("course").order_by("course__path")[:3]:
        course_lessons = list(lesson_model.objects.live().descendant_of(enrolment.course).order_by("path"))
        lessons += course_lessons[:: max(1, len(course_lessons) // 4)]
    if not lessons:
        raise Unavailable("the bench learner has no active enrolment with a live lesson")
    return [ctx.page_path(lesson) for lesson in lessons[:LESSON_URLS]]


def _dashboard(ctx: BenchContext) -> str:
    return ctx.url_name("courses:dashboard")


def _mentor_dashboard(ctx: BenchContext) -> str:
    ctx.mentor  # noqa: B018 - raises Unavailable when no mentor is seeded
    return ctx.url_name("mentoring:dashboard")


def _verification(ctx: BenchContext) -> str:
    certificate = ctx.model("certificates.Certificate").objects.order_by("pk").first()
    if certificate is None:
        raise Unavailable("no certificate in the bench database")
    return ctx.url_name("certificates:verify_result", certificate.display_code)


def _programme(ctx: BenchContext) -> str:
    return ctx.page_path(ctx.live_page("events.EventIndexPage"))


def _volunteering(ctx: BenchContext) -> str:
    return ctx.page_path(ctx.live_page("volunteering.VolunteeringIndexPage"))


BARE = BenchPage("bare", "Bare Django view (ceiling)", ANONYMOUS, lambda ctx: ctx.url_name("bench_bare"))

HIT, MISS = Budget(min_ratio=0.30), Budget(min_ratio=0.15)  # anonymous pages of the catalogue (issue 12)
DASHBOARD = Budget(min_ratio=0.10, max_p95_ms=50)

PAGES: list[BenchPage] = [
    BARE,
    BenchPage("home", "Home page", ANONYMOUS, _home, cached=True),
    BenchPage("about", "About page (StandardPage)", ANONYMOUS, _about, cached=True),
    BenchPage("news", "News index", ANONYMOUS, _news, cached=True),
    BenchPage("catalogue", "Course catalogue", ANONYMOUS, _catalogue, HIT, cached=True, miss_budget=MISS),
    BenchPage("course", "Course page", ANONYMOUS, _course, HIT, cached=True, miss_budget=MISS),
    BenchPage("lesson", "Lesson page (enrolled learner)", LEARNER, _lessons, Budget(min_ratio=0.15)),
    BenchPage("dashboard", "Moje učenje (learner dashboard, 20 enrolments)", LEARNER, _dashboard, DASHBOARD),
    BenchPage("mentor_dashboard", "Mentor dashboard", MENTOR, _mentor_dashboard, DASHBOARD),
    BenchPage("verification", "Certificate verification", ANONYMOUS, _verification),
    BenchPage("program", "Programme (upcoming events)", ANONYMOUS, _programme, HIT, cached=True, miss_budget=MISS),
    BenchPage("volunteering", "Volunteering opportunities", ANONYMOUS, _volunteering, cached=True, miss_budget=MISS),
]


@dataclass(frozen=True)
class WriteRequest:
    user: object
    path: str
    body: str  # application/x-www-form-urlencoded


@dataclass(frozen=True)
class Writer:
    """A write endpoint for the concurrency check.

    `prepare(ctx, writers)` returns the requests to cycle through (different learners one after
    another); `success_status` is what the endpoint answers when the write went through;
    `count_rows()` counts the rows the writes leave behind and `expected_rows(distinct, ok, writers)`
    says how many there must be; `cleanup()` restores the state before the run.
    """

    name: str
    description: str
    prepare: Callable[[BenchContext, int], list[WriteRequest]]
    success_status: int
    count_rows: Callable[[], int]
    expected_rows: Callable[[int, int, int], tuple[int, int]]
    cleanup: Callable[[], None]


def _writer_learners():
    from .seed import BENCH_EMAIL_DOMAIN

    return {
        "user__email__endswith": f"@{BENCH_EMAIL_DOMAIN}",
        "user__email__gte": learner_email(2),
        "user__email__lte": learner_email(17),
    }


def _lesson_prepare(ctx: BenchContext, writers: int) -> list[WriteRequest]:
    enrolment_model = ctx.model("courses.Enrolment")
    lesson_model = ctx.model("courses.LessonPage")
    ctx.url_name("courses:lesson_complete", 1, 1)
    per_writer = []
    for number in range(writers):
        user = ctx.writer(number)
        enrolment = enrolment_model.objects.filter(user=user).select_related("course").order_by("pk").first()
        if enrolment is None:
            raise Unavailable(f"writer {user.email} has no enrolment")
        course = enrolment.course
        lessons = lesson_model.objects.live().filter(path__startswith=course.path, quiz_count=0).order_by("path")
        paths = [reverse("courses:lesson_complete", args=[course.pk, lesson.pk]) for lesson in lessons]
        if not paths:
            raise Unavailable(f"course {course} has no lesson that is completed without a quiz")
        per_writer.append([WriteRequest(user=user, path=path, body="") for path in paths])
    # Interleaved, so that consecutive requests come from different learners.
    longest = max(len(requests) for requests in per_writer)
    return [requests[i] for i in range(longest) for requests in per_writer if i < len(requests)]


def _lesson_rows() -> int:
    from courses.models import LessonCompletion

    return LessonCompletion.objects.filter(**{f"enrolment__{k}": v for k, v in _writer_learners().items()}).count()


def _lesson_expected(distinct: int, ok: int, writers: int) -> tuple[int, int]:
    # Repeating a completion writes no new row (it touches the enrolment), so once every pair has
    # been posted at least twice over, exactly one row per (learner, lesson) pair must exist.
    if ok >= 2 * distinct:
        return distinct, distinct
    return 1 if ok else 0, min(distinct, ok + writers)


def _lesson_cleanup() -> None:
    from certificates.models import Certificate
    from courses.models import Enrolment, EnrolmentStatus, LessonCompletion

    filters = _writer_learners()
    LessonCompletion.objects.filter(**{f"enrolment__{k}": v for k, v in filters.items()}).delete()
    Enrolment.objects.filter(**filters).update(status=EnrolmentStatus.ACTIVE, completed_at=None, last_activity_at=None)
    Certificate.objects.filter(**{f"recipient__{k.removeprefix('user__')}": v for k, v in filters.items()}).delete()


LESSON_COMPLETE = Writer(
    "lesson_complete",
    "learners marking lessons as done (POST courses:lesson_complete, the real view and service)",
    _lesson_prepare,
    302,
    _lesson_rows,
    _lesson_expected,
    _lesson_cleanup,
)


def _probe_prepare(ctx: BenchContext, writers: int) -> list[WriteRequest]:
    path = ctx.url_name("bench_write")
    return [WriteRequest(user=(user := ctx.writer(n)), path=path, body=f"learner={user.pk}") for n in range(writers)]


def _probe_rows() -> int:
    from django.contrib.sessions.models import Session

    from .views import WRITE_PROBE_MARKER

    return Session.objects.filter(session_data=WRITE_PROBE_MARKER).count()


def _probe_cleanup() -> None:
    from django.contrib.sessions.models import Session

    from .views import WRITE_PROBE_MARKER

    Session.objects.filter(session_data=WRITE_PROBE_MARKER).delete()


WRITE_PROBE = Writer(
    "write_probe",
    "bench-only POST endpoint: one transaction that reads the learner, inserts a row and updates the learner",
    _probe_prepare,
    200,
    _probe_rows,
    # Every 200 wrote its row; a few more rows are requests still in flight when wrk stopped counting.
    lambda distinct, ok, writers: (ok, ok + writers),
    _probe_cleanup,
)

# The first writer whose prepare() does not raise Unavailable is used: the real learner write
# endpoint when it exists, else the bench-only probe.
WRITERS: list[Writer] = [LESSON_COMPLETE, WRITE_PROBE]
