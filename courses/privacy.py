"""Personal data held by the courses app: enrolments, lesson completions, quiz attempts."""

from .models import Enrolment, LessonCompletion, LessonVisit, QuizAttempt


def _iso(value):
    return value.isoformat() if value else None


def export_user(user) -> dict:
    enrolments = Enrolment.objects.filter(user=user).select_related("course").order_by("enrolled_at", "pk")
    completions = (
        LessonCompletion.objects.filter(enrolment__user=user).select_related("lesson").order_by("completed_at", "pk")
    )
    attempts = QuizAttempt.objects.filter(enrolment__user=user).select_related("lesson").order_by("submitted_at", "pk")
    return {
        "enrolments": [
            {
                "course": enrolment.course.title,
                "status": enrolment.status,
                "enrolled_at": _iso(enrolment.enrolled_at),
                "completed_at": _iso(enrolment.completed_at),
                "last_activity_at": _iso(enrolment.last_activity_at),
            }
            for enrolment in enrolments
        ],
        "lesson_completions": [
            {"lesson": completion.lesson.title, "completed_at": _iso(completion.completed_at)}
            for completion in completions
        ],
        "lesson_visits": [
            {"lesson": visit.lesson.title, "first_visit_at": _iso(visit.first_visit_at)}
            for visit in LessonVisit.objects.filter(enrolment__user=user).select_related("lesson").order_by("pk")
        ],
        "quiz_attempts": [
            {
                "lesson": attempt.lesson.title,
                "attempt": attempt.number,
                "score": attempt.score,
                "passed": attempt.passed,
                "submitted_at": _iso(attempt.submitted_at),
                "answers": attempt.answers,
            }
            for attempt in attempts
        ],
    }


def erase_user(user) -> None:
    """Delete the person's learning record.

    Aggregate course statistics lose this learner; the certificate register (certificates app)
    keeps the issued certificate without a name, as the privacy notice explains.
    """
    QuizAttempt.objects.filter(enrolment__user=user).delete()
    LessonVisit.objects.filter(enrolment__user=user).delete()
    LessonCompletion.objects.filter(enrolment__user=user).delete()
    Enrolment.objects.filter(user=user).delete()
