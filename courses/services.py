"""Writes: enrolment, lesson completion, quiz attempts, course completion.

Every function is keyword-only, runs in a transaction and raises ``django.core.exceptions.
ValidationError`` with a message for the learner when the input is not acceptable, having
written nothing.
"""

import uuid

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from . import selectors
from .blocks import QuestionKind
from .models import (
    CoursePage,
    Enrolment,
    EnrolmentMode,
    EnrolmentStatus,
    LessonCompletion,
    LessonPage,
    QuizAttempt,
)

CERTIFICATE_ISSUER = "Udruga PET PLUS"


def _course_is_open(course: CoursePage) -> bool:
    return CoursePage.objects.live().public().filter(pk=course.pk).exists()


@transaction.atomic
def enrolment_create(*, user, course: CoursePage) -> Enrolment:
    """Enrol a learner. Enrolling again returns the existing enrolment unchanged."""
    if not user.is_authenticated:
        raise ValidationError(_("Log in to enrol in a course."))
    existing = Enrolment.objects.filter(user=user, course=course).first()
    if existing is not None:
        return existing
    if not _course_is_open(course):
        raise ValidationError(_("This course is not open for enrolment."))
    missing = list(
        course.prerequisites.exclude(
            pk__in=Enrolment.objects.filter(user=user, status=EnrolmentStatus.COMPLETED).values("course_id")
        ).order_by("path")
    )
    if missing:
        raise ValidationError(
            _("Before enrolling in this course, complete: %(courses)s.")
            % {"courses": ", ".join(f"„{course.title}”" for course in missing)}
        )
    status = EnrolmentStatus.ACTIVE if course.enrolment_mode == EnrolmentMode.OPEN else EnrolmentStatus.PENDING
    enrolment = Enrolment(user=user, course=course, status=status)
    enrolment.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():
            enrolment.save()
    except IntegrityError:
        # A concurrent request enrolled the same person a moment ago.
        return Enrolment.objects.get(user=user, course=course)
    return enrolment


@transaction.atomic
def enrolment_approve(*, enrolment: Enrolment) -> Enrolment:
    if enrolment.status == EnrolmentStatus.PENDING:
        enrolment.status = EnrolmentStatus.ACTIVE
        enrolment.full_clean(validate_constraints=False)
        enrolment.save(update_fields=["status"])
    return enrolment


def _enrolment_for_lesson(*, user, lesson: LessonPage, course: CoursePage | None) -> tuple[Enrolment, CoursePage]:
    lesson_course = lesson.get_course()
    if course is not None and course.pk != lesson_course.pk:
        raise ValidationError(_("This lesson does not belong to this course."))
    if not lesson.live:
        raise ValidationError(_("This lesson is not published."))
    enrolment = (
        Enrolment.objects.select_for_update().filter(user=user, course=lesson_course).first()
        if user.is_authenticated
        else None
    )
    if enrolment is None:
        raise ValidationError(_("You are not enrolled in this course."))
    if not enrolment.gives_access:
        raise ValidationError(_("Your enrolment is waiting for a coordinator's approval."))
    return enrolment, lesson_course


def _record_lesson_done(*, enrolment: Enrolment, lesson: LessonPage, course: CoursePage) -> LessonCompletion:
    now = timezone.now()
    completion, _created = LessonCompletion.objects.get_or_create(
        enrolment=enrolment, lesson=lesson, defaults={"completed_at": now}
    )
    Enrolment.objects.filter(pk=enrolment.pk).update(last_activity_at=now)
    course_completion_check(enrolment=enrolment, course=course)
    return completion


@transaction.atomic
def lesson_complete(*, user, lesson: LessonPage, course: CoursePage | None = None) -> LessonCompletion:
    """Mark a lesson as done ("Označi kao završeno"). Lessons with a quiz are done by passing it."""
    enrolment, course = _enrolment_for_lesson(user=user, lesson=lesson, course=course)
    if lesson.quiz_count:
        raise ValidationError(_("This lesson is completed by passing its quiz."))
    return _record_lesson_done(enrolment=enrolment, lesson=lesson, course=course)


def course_completion_check(*, enrolment: Enrolment, course: CoursePage) -> bool:
    """Record the completion once, with its date, when every counted lesson is done (and, for a blended
    course, the attendance rule is met); issue the certificate.

    Returns True when this call recorded the completion.
    """
    if enrolment.completed_at is not None:
        return False
    progress = selectors.course_progress(course=course, enrolment=enrolment)
    if not progress.is_complete:
        return False
    # A blended course also needs its share of the in-person sessions (events.selectors).
    attendance = selectors.course_attendance(course=course, user=enrolment.user)
    if attendance is not None and not attendance.is_met:
        return False
    now = timezone.now()
    updated = Enrolment.objects.filter(pk=enrolment.pk, completed_at__isnull=True).update(
        status=EnrolmentStatus.COMPLETED, completed_at=now
    )
    if not updated:
        return False
    enrolment.status, enrolment.completed_at = EnrolmentStatus.COMPLETED, now
    from certificates.services import certificate_issue

    certificate_issue(
        recipient=enrolment.user,
        subject_key=f"course:{course.pk}",
        title=course.title,
        hours=course.estimated_hours,
        template=getattr(course, "certificate_template", None),
        issuer=CERTIFICATE_ISSUER,
    )
    return True


def _parse_token(token) -> uuid.UUID:
    try:
        return uuid.UUID(str(token))
    except (TypeError, ValueError, AttributeError):
        raise ValidationError(_("The form has expired. Please open the lesson again and resubmit.")) from None


@transaction.atomic
def quiz_attempt_submit(
    *,
    user,
    lesson: LessonPage,
    quiz_id: str,
    answers: dict[str, list[str]],
    submission_token,
    course: CoursePage | None = None,
) -> QuizAttempt:
    """Grade a quiz attempt on the server and record it.

    ``answers`` maps question ids to the chosen choice ids. Submitting the same form twice (same
    token) returns the first attempt; attempts beyond the quiz's limit are refused.
    """
    token = _parse_token(submission_token)
    enrolment, course = _enrolment_for_lesson(user=user, lesson=lesson, course=course)
    lesson._course_pass_mark = course.pass_mark
    quiz = lesson.quiz(quiz_id)
    if quiz is None:
        raise ValidationError(_("This quiz does not belong to this lesson."))
    duplicate = QuizAttempt.objects.filter(enrolment=enrolment, submission_token=token).first()
    if duplicate is not None:
        if duplicate.lesson_id != lesson.pk or duplicate.quiz_id != quiz.id:
            raise ValidationError(_("This form was already used for another quiz."))
        return duplicate

    questions = {question["id"]: question for question in quiz.questions}
    unknown = set(answers) - set(questions)
    if unknown:
        raise ValidationError(_("The answers refer to a question that is not in this quiz."))
    results = {}
    clean_answers = {}
    correct_total = 0
    for question_id, question in questions.items():
        chosen = list(dict.fromkeys(answers.get(question_id) or []))
        if not chosen:
            raise ValidationError(_("Answer every question before submitting."))
        choice_ids = {choice["id"] for choice in question["choices"]}
        if not set(chosen) <= choice_ids:
            raise ValidationError(_("One of the answers is not a choice of its question."))
        if question["kind"] != QuestionKind.MULTIPLE and len(chosen) != 1:
            raise ValidationError(_("Choose only one answer for each single-choice or true-or-false question."))
        correct_ids = {choice["id"] for choice in question["choices"] if choice["correct"]}
        is_correct = set(chosen) == correct_ids
        correct_total += is_correct
        clean_answers[question_id] = chosen
        results[question_id] = is_correct

    used = QuizAttempt.objects.filter(enrolment=enrolment, lesson=lesson, quiz_id=quiz.id).count()
    if used >= quiz.max_attempts:
        raise ValidationError(_("You have used all %(limit)s attempts for this quiz.") % {"limit": quiz.max_attempts})
    score = round(correct_total * 100 / len(questions)) if questions else 0
    attempt = QuizAttempt(
        enrolment=enrolment,
        lesson=lesson,
        quiz_id=quiz.id,
        number=used + 1,
        submission_token=token,
        answers=clean_answers,
        results=results,
        score=score,
        pass_mark=quiz.pass_mark,
        passed=score >= quiz.pass_mark,
    )
    attempt.full_clean(validate_constraints=False)
    attempt.save()
    Enrolment.objects.filter(pk=enrolment.pk).update(last_activity_at=attempt.submitted_at)

    if attempt.passed:
        passed_quizzes = set(
            QuizAttempt.objects.filter(enrolment=enrolment, lesson=lesson, passed=True).values_list(
                "quiz_id", flat=True
            )
        )
        if all(other.id in passed_quizzes for other in lesson.quizzes()):
            _record_lesson_done(enrolment=enrolment, lesson=lesson, course=course)
    return attempt


@transaction.atomic
def catalogue_moderation_setup(*, index) -> None:
    """Give editors and moderators their rights on the catalogue and attach the moderation workflow.

    Editors ("Urednik") may add and edit course pages and submit them for moderation; moderators
    ("Moderator") approve and publish. Idempotent: run it as often as you like (the demo does,
    and so does creating a catalogue page in the admin).
    """
    from django.contrib.auth.models import Group, Permission
    from wagtail.models import GroupApprovalTask, GroupPagePermission, Workflow, WorkflowPage, WorkflowTask

    from accounts import roles

    editors, _created = Group.objects.get_or_create(name=roles.EDITOR)
    moderators, _created = Group.objects.get_or_create(name=roles.MODERATOR)
    admin_access = Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    for group in (editors, moderators):
        group.permissions.add(admin_access)
    page_permissions = {
        codename: Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)
        for codename in ("add_page", "change_page", "publish_page")
    }
    for group, codenames in ((editors, ["add_page", "change_page"]), (moderators, list(page_permissions))):
        for codename in codenames:
            GroupPagePermission.objects.get_or_create(group=group, page=index, permission=page_permissions[codename])
    workflow, _created = Workflow.objects.get_or_create(name="Moderacija tečajeva", defaults={"active": True})
    task = GroupApprovalTask.objects.filter(name="Odobrenje moderatora").first()
    if task is None:
        task = GroupApprovalTask.objects.create(name="Odobrenje moderatora")
    task.groups.add(moderators)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(page=index, defaults={"workflow": workflow})


def on_attendance_marked(*, user, event_id: int) -> None:
    """``events`` hook: attendance changed, so blended courses that count this event may now be complete."""
    enrolments = Enrolment.objects.filter(
        user=user,
        completed_at__isnull=True,
        status=EnrolmentStatus.ACTIVE,
        course__in=CoursePage.objects.filter(attendance_events=event_id, attendance_percent__gt=0),
    ).select_related("course", "user")
    for enrolment in enrolments:
        course_completion_check(enrolment=enrolment, course=enrolment.course)
