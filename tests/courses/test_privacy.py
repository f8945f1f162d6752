import json
import uuid

import pytest

from accounts import privacy
from courses import services
from courses.models import Enrolment, LessonCompletion, QuizAttempt

from .factories import correct_answers, lessons_of, make_course


@pytest.mark.django_db
def test_courses_provider_covers_every_model_with_the_learner():
    provider = next(p for p in privacy.providers() if p.label == "courses")
    assert {Enrolment, LessonCompletion, QuizAttempt} <= set(provider.models)


@pytest.mark.django_db
def test_export_and_erase(learner):
    course = make_course(quiz_in_last_lesson=True, lessons_per_module=2)
    services.enrolment_create(user=learner, course=course)
    first, quiz_lesson = lessons_of(course)
    services.lesson_complete(user=learner, lesson=first)
    quiz_lesson._course_pass_mark = course.pass_mark
    quiz = quiz_lesson.quizzes()[0]
    services.quiz_attempt_submit(
        user=learner, lesson=quiz_lesson, quiz_id=quiz.id, answers=correct_answers(quiz), submission_token=uuid.uuid4()
    )
    provider = next(p for p in privacy.providers() if p.label == "courses")
    data = json.loads(json.dumps(provider.export(learner)))
    assert data["enrolments"][0]["course"] == course.title
    assert data["enrolments"][0]["completed_at"]
    assert len(data["lesson_completions"]) == 2
    assert data["quiz_attempts"][0]["score"] == 100
    provider.erase(learner)
    assert not Enrolment.objects.filter(user=learner).exists()
    assert not LessonCompletion.objects.filter(enrolment__user=learner).exists()
    assert not QuizAttempt.objects.filter(enrolment__user=learner).exists()
