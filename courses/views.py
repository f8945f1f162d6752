"""Thin views: parse the request, call a service or selector, answer."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from accounts.participation import dashboard_panels, note_participation, participation_next_url
from kok_learn.caching.fragments import render_rows

from . import selectors, services
from .models import CourseIndexPage, CoursePage, LessonPage, QuizAttempt


def _error_text(error: ValidationError) -> str:
    return " ".join(error.messages)


def _catalogue_url(request) -> str:
    index = CourseIndexPage.objects.live().first()
    return index.get_url(request) if index else "/"


DASHBOARD_CARD = "courses/includes/dashboard_course.html"


def _in_progress_card(enrolment) -> tuple[tuple, dict]:
    """A course card's key (everything it shows) and context: the same for everyone at this progress."""
    values = {
        "course_id": enrolment.course_id,
        "percent": enrolment.progress.percent,
        "next_lesson_title": enrolment.progress.next_lesson_title,
    }
    return (enrolment.course_id, enrolment.course_title, *values.values()), values


def _completed_card(enrolment) -> tuple[tuple, dict]:
    completed_at = timezone.localdate(enrolment.completed_at) if enrolment.completed_at else None
    values = {"course_id": enrolment.course_id, "completed": True, "completed_at": completed_at}
    return (enrolment.course_id, enrolment.course_title, *values.values()), values


def _pending_card(enrolment) -> tuple[tuple, dict]:
    values = {"course_id": enrolment.course_id, "pending": True}
    return (enrolment.course_id, enrolment.course_title, *values.values()), values


def _with_courses(contexts: list[dict]) -> None:
    """The course pages of the cards to render, for their URLs and titles, in one query."""
    courses = selectors.dashboard_courses(course_ids={context["course_id"] for context in contexts})
    for context in contexts:
        context["course"] = courses[context["course_id"]]


@login_required
@require_GET
def dashboard(request):
    context = selectors.dashboard_context(user=request.user, request=request)
    for cards, enrolments, card in (
        ("in_progress_cards", context["in_progress"], _in_progress_card),
        ("completed_cards", context["completed"], _completed_card),
        ("pending_cards", context["pending"], _pending_card),
    ):
        context[cards] = render_rows(
            "dashboard-course", DASHBOARD_CARD, map(card, enrolments), request=request, prepare=_with_courses
        )
    if context["in_progress"] or context["completed"]:
        note_participation(request, "courses")  # the panels need not ask again (accounts.participation)
    context["extra_panels"] = dashboard_panels(request)
    return TemplateResponse(request, "courses/dashboard.html", context)


@require_POST
def enrol(request, course_id: int):
    course = get_object_or_404(CoursePage, pk=course_id)
    if not request.user.is_authenticated:
        return redirect_to_login(course.get_url(request) if course.live else _catalogue_url(request))
    try:
        enrolment = services.enrolment_create(user=request.user, course=course)
    except ValidationError as error:
        messages.error(request, _error_text(error))
        return redirect(course.get_url(request) if course.live else _catalogue_url(request))
    if enrolment.gives_access:
        messages.success(request, _("You are enrolled. Good luck with your learning!"))
    else:
        messages.info(request, _("Your enrolment request was sent. A coordinator will confirm it."))
    course_url = course.get_url(request)
    if enrolment.gives_access:
        # A counted activity has started: an app above (the ESF entry form) may ask something first.
        next_url = participation_next_url(request, activity=f"course:{course.pk}", next_url=course_url)
        if next_url:
            return redirect(next_url)
    return redirect(course_url)


@login_required
@require_GET
def resume(request, course_id: int):
    """ "Nastavi gdje ste stali": go to the first unfinished lesson of the course."""
    course = get_object_or_404(CoursePage.objects.live(), pk=course_id)
    enrolment = selectors.enrolment_for(user=request.user, course=course)
    if enrolment is None or not enrolment.gives_access:
        return redirect(course.get_url(request))
    progress = selectors.course_progress(course=course, enrolment=enrolment)
    lesson = progress.next_lesson or (progress.lessons[0] if progress.lessons else None)
    return redirect(lesson.get_url(request) if lesson else course.get_url(request))


def _lesson_and_course(course_id: int, lesson_id: int):
    course = get_object_or_404(CoursePage.objects.live(), pk=course_id)
    lesson = get_object_or_404(LessonPage.objects.live(), pk=lesson_id)
    return course, lesson


@login_required
@require_POST
def lesson_complete(request, course_id: int, lesson_id: int):
    course, lesson = _lesson_and_course(course_id, lesson_id)
    try:
        services.lesson_complete(user=request.user, lesson=lesson, course=course)
    except ValidationError as error:
        messages.error(request, _error_text(error))
        return redirect(course.get_url(request))
    messages.success(request, _("The lesson is marked as done."))
    return redirect(lesson.get_url(request))


@login_required
@require_POST
def quiz_submit(request, course_id: int, lesson_id: int, quiz_id: str):
    course, lesson = _lesson_and_course(course_id, lesson_id)
    answers = {key[2:]: request.POST.getlist(key) for key in request.POST if key.startswith("q-") and len(key) > 2}
    try:
        attempt = services.quiz_attempt_submit(
            user=request.user,
            lesson=lesson,
            course=course,
            quiz_id=quiz_id,
            answers=answers,
            submission_token=request.POST.get("token"),
        )
    except ValidationError as error:
        messages.error(request, _error_text(error))
        if lesson.get_course().pk != course.pk:
            return redirect(course.get_url(request))
        return redirect(f"{lesson.get_url(request)}#kviz-{quiz_id}")
    return redirect("courses:quiz_result", attempt_id=attempt.pk)


@login_required
@require_GET
def quiz_result(request, attempt_id: int):
    attempt = get_object_or_404(
        QuizAttempt.objects.select_related("lesson", "enrolment__course"), pk=attempt_id, enrolment__user=request.user
    )
    lesson = attempt.lesson
    course = attempt.enrolment.course
    lesson._course_pass_mark = course.pass_mark
    quiz = lesson.quiz(attempt.quiz_id)
    if quiz is None:
        raise Http404
    context = selectors.quiz_result_context(attempt=attempt, quiz=quiz, lesson=lesson, course=course)
    return TemplateResponse(request, "courses/quiz_result.html", context)


@login_required
@require_GET
def handbook(request, course_id: int):
    """ "Preuzmi priručnik (PDF)": the stored handbook, or a 202 page while the worker renders it."""
    from django.core.files.storage import storages
    from django.http import FileResponse
    from django.utils.cache import patch_cache_control

    from accounts.roles import is_coordinator

    from .handbook import handbook_name

    course = get_object_or_404(CoursePage.objects.live(), pk=course_id)
    if not is_coordinator(request.user):
        enrolment = selectors.enrolment_for(user=request.user, course=course)
        if enrolment is None or not enrolment.gives_access:
            raise Http404("Not enrolled in this course")
    from kok_learn.pdf import enqueue_render_once, pending_response

    from .tasks import handbook_render as render_task

    storage = storages["private"]
    name = handbook_name(course=course)
    if storage.exists(name):
        response = FileResponse(
            storage.open(name, "rb"),
            as_attachment=True,
            filename=f"prirucnik-{course.slug}.pdf",
            content_type="application/pdf",
        )
        patch_cache_control(response, private=True, no_store=True)
        return response
    course_id = course.pk
    enqueue_render_once(name, lambda: render_task.enqueue(course_id))
    return pending_response(
        request, "courses/handbook_pending.html", {"course": course, "back_url": course.get_url(request)}
    )
