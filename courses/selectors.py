"""Reads: catalogue, outlines with the learner's progress, dashboard, reports.

Progress for a course is one query: the course's live lessons in tree order, each annotated
with whether this learner has completed it.
"""

from dataclasses import dataclass, field
from decimal import Decimal
from functools import reduce
from operator import or_

from django.core.paginator import Paginator
from django.db.models import Avg, Count, Exists, OuterRef, Q
from django.http import QueryDict
from django.utils.functional import SimpleLazyObject

from kok_learn.caching.content_cache import remember, remember_many
from kok_learn.prepared_query import PreparedQuery
from kok_learn.search import filter_text, search_query

from .models import (
    CourseIndexPage,
    CoursePage,
    Enrolment,
    EnrolmentStatus,
    LessonCompletion,
    LessonPage,
    ModulePage,
    QuizAttempt,
)

LESSON_OUTLINE_FIELDS = [
    "id",
    "title",
    "slug",
    "path",
    "depth",
    "url_path",
    "live",
    "estimated_minutes",
    "required",
    "quiz_count",
]


@dataclass(frozen=True)
class ProgressFigures:
    """What a course card of the dashboard shows of the learner's progress, worked out from the outline's
    plain rows without building an object per lesson (``CourseProgress`` gives the same figures)."""

    percent: int = 0
    next_lesson_title: str = ""  # the first unfinished lesson in outline order; "" when every one is done

    @classmethod
    def of(cls, rows: list[tuple], done: set[int]) -> "ProgressFigures":
        total = done_count = 0
        next_title = None
        for pk, title, _path, _depth, required, quiz_count, _minutes in rows:  # OUTLINE_ROW_FIELDS
            finished = pk in done
            if required or quiz_count:  # counts towards completion, as CourseProgress.counted
                total += 1
                done_count += finished
            if next_title is None and not finished:
                next_title = title
        return cls(int(done_count * 100 / total) if total else 0, next_title or "")


@dataclass
class CourseProgress:
    # LessonPage instances with a `done` attribute
    lessons: list = field(default_factory=list)

    @property
    def counted(self) -> list:
        """Lessons that count towards completion: required ones and every lesson with a quiz."""
        return [lesson for lesson in self.lessons if lesson.required or lesson.quiz_count]

    @property
    def done_count(self) -> int:
        return sum(1 for lesson in self.counted if lesson.done)

    @property
    def total(self) -> int:
        return len(self.counted)

    @property
    def percent(self) -> int:
        if not self.total:
            return 0
        return int(self.done_count * 100 / self.total)

    @property
    def is_complete(self) -> bool:
        return bool(self.total) and self.done_count == self.total

    @property
    def next_lesson(self):
        """The first unfinished lesson (required or not) in outline order, else the first lesson."""
        for lesson in self.lessons:
            if not lesson.done:
                return lesson
        return None

    @property
    def minutes(self) -> int:
        return sum(lesson.estimated_minutes for lesson in self.lessons)


def _lessons_query(*, paths: list[str], enrolment_ids: list[int]):
    queryset = (
        LessonPage.objects.live()
        .filter(reduce(or_, (Q(path__startswith=path) for path in paths)))
        .only(*LESSON_OUTLINE_FIELDS)
        .order_by("path")
    )
    if enrolment_ids:
        completed = LessonCompletion.objects.filter(lesson_id=OuterRef("pk"), enrolment_id__in=enrolment_ids)
        queryset = queryset.annotate(done=Exists(completed))
    return queryset


def course_progress(*, course: CoursePage, enrolment: Enrolment | None) -> CourseProgress:
    """The learner's progress through one course, in a single query."""
    lessons = list(_lessons_query(paths=[course.path], enrolment_ids=[enrolment.pk] if enrolment else []))
    if enrolment is None:
        for lesson in lessons:
            lesson.done = False
    return CourseProgress(lessons=lessons)


def course_outline(*, course_path: str, request) -> tuple[CoursePage, list[LessonPage]]:
    """The course and its live lessons in order, from the content cache; for showing, not deciding.

    Every lesson page of a course shows the same outline, so it is kept until the content changes
    (kok_learn/caching/content_cache.py). Decisions (is the course complete?) use course_progress, which
    always reads the database.
    """

    def load():
        course = CoursePage.objects.get(path=course_path)
        return course, list(_lessons_query(paths=[course_path], enrolment_ids=[]))

    return remember("course-outline", load, course_path, request=request)


# The queries of every lesson page, their SQL built once per process (kok_learn/prepared_query.py).
ENROLMENT_OF_LEARNER = PreparedQuery(
    lambda user_id, course_id: Enrolment.objects.filter(user_id=user_id, course_id=course_id).order_by(),
    placeholders=(int, int),
)
COMPLETED_LESSON_IDS = PreparedQuery(
    lambda enrolment_id: LessonCompletion.objects.filter(enrolment_id=enrolment_id).values_list("lesson_id", flat=True),
    placeholders=(int,),
)
QUIZ_ATTEMPTS = PreparedQuery(
    lambda enrolment_id, lesson_id: QuizAttempt.objects.filter(enrolment_id=enrolment_id, lesson_id=lesson_id).order_by(
        "submitted_at", "pk"
    ),
    placeholders=(int, int),
)


def outline_progress(*, lessons: list[LessonPage], enrolment: Enrolment | None) -> CourseProgress:
    """The learner's progress over an outline the caller already has, in one small query."""
    done = set(COMPLETED_LESSON_IDS.run(enrolment.pk)) if enrolment is not None else set()
    for lesson in lessons:
        lesson.done = lesson.pk in done
    return CourseProgress(lessons=lessons)


OUTLINE_ROW_FIELDS = ("pk", "title", "path", "depth", "required", "quiz_count", "estimated_minutes")


def _outline_rows(course_paths: list[str]) -> dict[str, list[tuple]]:
    """The live lessons of several courses as plain rows, in tree order, in one query."""
    rows = {path: [] for path in course_paths}
    steplen = LessonPage.steplen
    for row in _lessons_query(paths=course_paths, enrolment_ids=[]).values_list(*OUTLINE_ROW_FIELDS):
        path, depth = row[2], row[3]
        course_path = path[: (depth - 2) * steplen]
        if course_path in rows:
            rows[course_path].append(row)
    return rows


def progress_for_enrolments(
    enrolments: list["DashboardEnrolment"], *, user, request=None
) -> dict[int, ProgressFigures]:
    """Progress for the courses of one learner's enrolments (the dashboard): the courses' outlines are
    the same for everyone and come from the content cache (one query for all that are not kept yet);
    what this learner completed is one small query, always read."""
    if not enrolments:
        return {}
    paths = [enrolment.course_path for enrolment in enrolments]
    outlines = remember_many("course-outline-rows", paths, _outline_rows, request=request)
    done = set(COMPLETED_LESSONS_OF_LEARNER.run(user.pk))
    return {
        enrolment.course_id: ProgressFigures.of(outlines.get(enrolment.course_path, []), done)
        for enrolment in enrolments
    }


def enrolment_for(*, user, course: CoursePage) -> Enrolment | None:
    if not user.is_authenticated:
        return None
    found = ENROLMENT_OF_LEARNER.run(user.pk, course.pk)  # unique per learner and course
    return found[0] if found else None


def course_attendance(*, course: CoursePage, user):
    """The learner's attendance of a blended course's in-person sessions (None: no attendance rule)."""
    from events.selectors import attendance_progress

    if not course.attendance_percent:
        return None
    event_ids = list(course.attendance_events.values_list("pk", flat=True))
    if not event_ids:
        return None
    return attendance_progress(user=user, event_ids=event_ids, required_percent=course.attendance_percent)


def course_in_person_sessions(*, course: CoursePage) -> list:
    """The in-person part of a blended course: its events' sessions with dates and places."""
    from events.selectors import sessions_of_events

    event_ids = list(course.attendance_events.values_list("pk", flat=True))
    return sessions_of_events(event_ids=event_ids) if event_ids else []


def course_page_context(*, course: CoursePage, user) -> dict:
    """What the course page (and module page) shows: outline by module, progress, enrolment.

    The enrolment is read at once (every request: it decides what the learner may do). The rest is
    computed only if the template renders it: for visitors who are not enrolled, the course page keeps
    the outline, the prerequisites and the in-person sessions in content-cache fragments, so a kept
    fragment costs no query.
    """
    enrolment = enrolment_for(user=user, course=course)
    progress = SimpleLazyObject(lambda: course_progress(course=course, enrolment=enrolment))

    def outline():
        modules = list(
            ModulePage.objects.live().child_of(course).only("id", "title", "slug", "path", "depth", "url_path", "intro")
        )
        by_module = {module.path: [] for module in modules}
        for lesson in progress.lessons:
            by_module.setdefault(lesson.path[: -lesson.steplen], []).append(lesson)
        return [(module, by_module.get(module.path, [])) for module in modules]

    return {
        "enrolment": enrolment,
        "progress": progress,
        "outline": SimpleLazyObject(outline),
        "prerequisites": SimpleLazyObject(
            lambda: list(course.prerequisites.live().only("id", "title", "url_path", "path", "depth"))
        ),
        "in_person_sessions": SimpleLazyObject(lambda: course_in_person_sessions(course=course)),
        "attendance": course_attendance(course=course, user=user) if enrolment else None,
    }


def lesson_page_context(
    *, lesson: LessonPage, course: CoursePage, lessons: list[LessonPage], enrolment: Enrolment | None
) -> dict:
    """Everything the lesson page shows, in a fixed number of queries whatever the course size.

    ``course`` and ``lessons`` come from course_outline().
    """
    progress = outline_progress(lessons=lessons, enrolment=enrolment)
    index = next((i for i, item in enumerate(progress.lessons) if item.pk == lesson.pk), None)
    previous_lesson = progress.lessons[index - 1] if index else None
    next_lesson = progress.lessons[index + 1] if index is not None and index + 1 < len(progress.lessons) else None
    done = bool(index is not None and progress.lessons[index].done)
    lesson._course_pass_mark = course.pass_mark
    # quiz_count is kept in step with the body on save, so most lessons skip reading their body here.
    quizzes = lesson.quizzes() if lesson.quiz_count else []
    attempts = []
    if enrolment is not None and quizzes:
        attempts = QUIZ_ATTEMPTS.run(enrolment.pk, lesson.pk)
    quiz_state = {}
    for quiz in quizzes:
        quiz_attempts = [attempt for attempt in attempts if attempt.quiz_id == quiz.id]
        quiz_state[quiz.id] = {
            "quiz": quiz,
            "attempts": quiz_attempts,
            "attempts_left": max(quiz.max_attempts - len(quiz_attempts), 0),
            "passed": any(attempt.passed for attempt in quiz_attempts),
        }
    return {
        "course": course,
        "enrolment": enrolment,
        "progress": progress,
        "lesson_done": done,
        "previous_lesson": previous_lesson,
        "next_lesson": next_lesson,
        "lesson_position": (index + 1) if index is not None else None,
        "quiz_state": quiz_state,
        "has_quiz": bool(quizzes),
    }


# Catalogue ---------------------------------------------------------------------------------


def catalogue_queryset(*, index: CourseIndexPage, filters: dict):
    queryset = CoursePage.objects.live().public().child_of(index)
    if filters.get("category"):
        queryset = queryset.filter(categories=filters["category"])
    if filters.get("audience"):
        queryset = queryset.filter(audiences=filters["audience"])
    if filters.get("level"):
        queryset = queryset.filter(level=filters["level"])
    query = filter_text(filters.get("q"))
    if query:
        matches = Q(title__icontains=query) | Q(summary__icontains=query) | Q(description__icontains=query)
        terms = search_query(query)  # never the visitor's text as backend syntax (kok_learn.search)
        found = (
            [page.pk for page in CoursePage.objects.live().child_of(index).search(terms, operator="or")[:200]]
            if terms
            else []
        )
        queryset = queryset.filter(matches | Q(pk__in=found))
    return queryset.distinct().order_by("path")


def catalogue_page(*, index: CourseIndexPage, filters: dict, page_number, per_page: int):
    queryset = (
        catalogue_queryset(index=index, filters=filters)
        .select_related("cover_image")
        .prefetch_related("categories", "audiences", "cover_image__renditions")
    )
    return Paginator(queryset, per_page).get_page(page_number)


CATALOGUE_FILTERS = ("q", "category", "audience", "level")


def catalogue_querystring(params: QueryDict) -> str:
    """The catalogue's filters for its page links: the values its form reads, no other parameter."""
    query = QueryDict(mutable=True)
    for name in CATALOGUE_FILTERS:
        if value := params.get(name):
            query[name] = value
    return query.urlencode()


def catalogue_listing_key(params: QueryDict) -> str | None:
    """What the catalogue's listing depends on (filters and page number), or None for a search, whose
    free text is not worth keeping: the content cache's key for the listing. Any text counts, blanks too:
    the kept listing shows the search box as it was filled in."""
    if params.get("q"):
        return None
    return "&".join(f"{name}={params.get(name, '')}" for name in ("category", "audience", "level", "stranica"))


def course_list_for_capacity_area(*, area_slug: str, limit: int = 3) -> list[CoursePage]:
    """Live public courses tagged with a capacity area (used by mentoring's recommendations)."""
    return list(
        CoursePage.objects.live().public().filter(capacity_areas__slug=area_slug).distinct().order_by("path")[:limit]
    )


# Dashboard ---------------------------------------------------------------------------------


@dataclass
class DashboardEnrolment:
    """One of the learner's enrolments as "Moje učenje" shows it: plain values, no page objects
    (building 20 course pages costs more than the rest of the page's queries together)."""

    pk: int
    course_id: int
    course_title: str
    course_path: str
    status: str
    enrolled_at: object
    completed_at: object
    progress: ProgressFigures = field(default_factory=ProgressFigures)


DASHBOARD_ENROLMENT_FIELDS = (
    "pk",
    "course_id",
    "course__title",
    "course__path",
    "status",
    "enrolled_at",
    "completed_at",
)


# "Moje učenje" asks these on every visit: their SQL is built once per process (kok_learn/prepared_query.py).
DASHBOARD_ENROLMENTS = PreparedQuery(
    lambda user_id: (
        Enrolment.objects.filter(user_id=user_id).order_by("-enrolled_at").values_list(*DASHBOARD_ENROLMENT_FIELDS)
    ),
    placeholders=(int,),
)
# Every lesson the learner completed, in any course (what a course counts is decided by its outline).
COMPLETED_LESSONS_OF_LEARNER = PreparedQuery(
    lambda user_id: (
        LessonCompletion.objects.filter(enrolment__user_id=user_id).order_by().values_list("lesson_id", flat=True)
    ),
    placeholders=(int,),
)


def dashboard_context(*, user, request=None) -> dict:
    enrolments = [DashboardEnrolment(*row) for row in DASHBOARD_ENROLMENTS.run(user.pk)]
    progress = progress_for_enrolments(enrolments, user=user, request=request)
    in_progress, completed, pending = [], [], []
    for enrolment in enrolments:
        enrolment.progress = progress.get(enrolment.course_id, ProgressFigures())
        if enrolment.status == EnrolmentStatus.COMPLETED:
            completed.append(enrolment)
        elif enrolment.status == EnrolmentStatus.PENDING:
            pending.append(enrolment)
        else:
            in_progress.append(enrolment)
    return {"in_progress": in_progress, "completed": completed, "pending": pending}


def dashboard_courses(*, course_ids) -> dict[int, CoursePage]:
    """The course pages of some dashboard cards, for their URLs (only when a card is rendered anew)."""
    return {course.pk: course for course in CoursePage.objects.filter(pk__in=course_ids).only(*DASHBOARD_PAGE_FIELDS)}


DASHBOARD_PAGE_FIELDS = ("id", "title", "slug", "path", "depth", "url_path")


# Reports -----------------------------------------------------------------------------------


def course_stats_queryset():
    """Per-course numbers for the admin report, in one query."""
    return (
        CoursePage.objects.all()
        .annotate(
            enrolled_count=Count("enrolments", distinct=True),
            active_count=Count("enrolments", filter=Q(enrolments__status=EnrolmentStatus.ACTIVE), distinct=True),
            completed_count=Count("enrolments", filter=Q(enrolments__status=EnrolmentStatus.COMPLETED), distinct=True),
            average_quiz_score=Avg("enrolments__quiz_attempts__score"),
        )
        .order_by("path")
    )


def completion_rate(course) -> Decimal:
    if not course.enrolled_count:
        return Decimal(0)
    return (Decimal(course.completed_count) * 100 / course.enrolled_count).quantize(Decimal("0.1"))


def lesson_drop_off(*, course: CoursePage) -> list[dict]:
    """For each lesson in order: how many learners finished it and how many stopped right there.

    "Stopped here" counts learners whose furthest completed lesson is this one and who have not
    completed the course: it shows where people give up.
    """
    lessons = list(LessonPage.objects.live().descendant_of(course).order_by("path").only("id", "title", "path"))
    completions = {
        row["lesson_id"]: row["count"]
        for row in LessonCompletion.objects.filter(enrolment__course=course)
        .values("lesson_id")
        .annotate(count=Count("id"))
    }
    order = {lesson.pk: position for position, lesson in enumerate(lessons)}
    furthest: dict[int, int] = {}
    for enrolment_id, lesson_id in LessonCompletion.objects.filter(
        enrolment__course=course, enrolment__status=EnrolmentStatus.ACTIVE
    ).values_list("enrolment_id", "lesson_id"):
        position = order.get(lesson_id)
        if position is not None and position > furthest.get(enrolment_id, -1):
            furthest[enrolment_id] = position
    stopped = [0] * len(lessons)
    for position in furthest.values():
        stopped[position] += 1
    enrolled = Enrolment.objects.filter(course=course).exclude(status=EnrolmentStatus.PENDING).count()
    rows = []
    for position, lesson in enumerate(lessons):
        done = completions.get(lesson.pk, 0)
        rows.append(
            {
                "position": position + 1,
                "lesson": lesson,
                "completed": done,
                "completed_percent": int(done * 100 / enrolled) if enrolled else 0,
                "stopped_here": stopped[position],
            }
        )
    return rows


def quiz_answers_revealed(*, quiz, attempts: list[QuizAttempt]) -> bool:
    """Whether the result page may show the correct answers (and the explanations, which give them
    away): per the quiz's setting, by default once the learner passed or has no attempts left."""
    if quiz.reveal_answers == "always":
        return True
    if quiz.reveal_answers == "never":
        return False
    return any(item.passed for item in attempts) or len(attempts) >= quiz.max_attempts


def quiz_result_context(*, attempt: QuizAttempt, quiz, lesson: LessonPage, course: CoursePage) -> dict:
    """Feedback for one submitted attempt: each question, the learner's answers and whether they were
    right; the correct answers and why only when ``quiz_answers_revealed``."""
    attempts = list(
        QuizAttempt.objects.filter(enrolment_id=attempt.enrolment_id, lesson=lesson, quiz_id=quiz.id).order_by(
            "submitted_at", "pk"
        )
    )
    reveal = quiz_answers_revealed(quiz=quiz, attempts=attempts)
    questions = []
    for question in quiz.questions:
        chosen = set(attempt.answers.get(question["id"], []))
        questions.append(
            {
                "text": question["text"],
                "explanation": question["explanation"] if reveal else "",
                "correct": attempt.results.get(question["id"], False),
                "choices": [
                    {"text": choice["text"], "chosen": choice["id"] in chosen, "correct": reveal and choice["correct"]}
                    for choice in question["choices"]
                ],
            }
        )
    return {
        "attempt": attempt,
        "quiz": quiz,
        "lesson": lesson,
        "course": course,
        "questions": questions,
        "attempts": attempts,
        "attempts_left": max(quiz.max_attempts - len(attempts), 0),
        "answers_revealed": reveal,
        "correct_count": sum(1 for question in questions if question["correct"]),
    }


# Documents ---------------------------------------------------------------------------------


def document_access(*, document, user) -> str:
    """``"allowed"`` or ``"denied"`` for serving ``document`` to ``user``.

    The pages that use the document come from Wagtail's reference index. A document on a live
    public page other than a lesson is public; a document used only in lessons needs an
    enrolment that gives access to one of their courses, or admin access (editors preview lessons).
    A document no page uses is left to Wagtail's collection privacy.
    """
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Page, ReferenceIndex

    page_type = ContentType.objects.get_for_model(Page)
    page_ids = set(
        ReferenceIndex.get_references_to(document)
        .filter(base_content_type=page_type)
        .values_list("object_id", flat=True)
    )
    if not page_ids:
        return "allowed"
    pages = Page.objects.filter(pk__in=[int(pk) for pk in page_ids])
    lesson_type = ContentType.objects.get_for_model(LessonPage)
    others = pages.exclude(content_type=lesson_type).live().public()
    if others.exists():
        return "allowed"
    if user.is_authenticated and user.has_perm("wagtailadmin.access_admin"):
        return "allowed"
    if not user.is_authenticated:
        return "denied"
    for lesson in LessonPage.objects.filter(pk__in=pages.values("pk")).live():
        course = lesson.get_course()
        enrolment = enrolment_for(user=user, course=course) if course else None
        if enrolment is not None and enrolment.gives_access:
            return "allowed"
    return "denied"


# Figures for the funder's reports (read by the reports app) ----------------------------------------


def participation_spans(*, user_ids=None) -> list[dict]:
    """Each enrolment as a span of participation: who, which course, when it started and ended.

    ``user_ids`` may be a list or a queryset of ids (used as a subquery); one query either way.
    """
    enrolments = Enrolment.objects.exclude(status=EnrolmentStatus.PENDING)
    if user_ids is not None:
        enrolments = enrolments.filter(user_id__in=user_ids)
    return list(
        enrolments.values(
            "user_id", "course_id", "course__title", "enrolled_at", "completed_at", "last_activity_at", "status"
        )
    )


def course_choices() -> list[tuple[int, str]]:
    return list(CoursePage.objects.order_by("path").values_list("pk", "title"))


def category_choices() -> list[tuple[str, str]]:
    from .models import CourseCategory

    return list(CourseCategory.objects.order_by("sort_order", "name").values_list("slug", "name"))


def _enrolments_in_category(category_slug: str | None):
    enrolments = Enrolment.objects.all()
    if category_slug:
        enrolments = enrolments.filter(course__categories__slug=category_slug)
    return enrolments


def completions_between(*, start, end, category_slug: str | None = None) -> dict:
    """Completed enrolments (and distinct people) with completion in [start, end]; the latest date."""
    from django.db.models import Max

    rows = _enrolments_in_category(category_slug).filter(
        status=EnrolmentStatus.COMPLETED, completed_at__date__gte=start, completed_at__date__lte=end
    )
    return rows.aggregate(
        completions=Count("pk", distinct=True), people=Count("user_id", distinct=True), last=Max("completed_at")
    )


def enrolments_between(*, start, end, category_slug: str | None = None) -> dict:
    from django.db.models import Max

    rows = (
        _enrolments_in_category(category_slug)
        .filter(enrolled_at__date__gte=start, enrolled_at__date__lte=end)
        .exclude(status=EnrolmentStatus.PENDING)
    )
    return rows.aggregate(
        enrolments=Count("pk", distinct=True), people=Count("user_id", distinct=True), last=Max("enrolled_at")
    )


def course_figures_between(*, start, end) -> list[dict]:
    """Per course: enrolments and completions in [start, end] (two queries, joined in Python)."""
    enrolled = dict(
        Enrolment.objects.filter(enrolled_at__date__gte=start, enrolled_at__date__lte=end)
        .exclude(status=EnrolmentStatus.PENDING)
        .values_list("course_id")
        .annotate(n=Count("pk"))
    )
    completed = dict(
        Enrolment.objects.filter(
            status=EnrolmentStatus.COMPLETED, completed_at__date__gte=start, completed_at__date__lte=end
        )
        .values_list("course_id")
        .annotate(n=Count("pk"))
    )
    return [
        {"course_id": pk, "title": title, "enrolments": enrolled.get(pk, 0), "completions": completed.get(pk, 0)}
        for pk, title in course_choices()
        if enrolled.get(pk) or completed.get(pk)
    ]
