"""Issue 13, finding 15: a failed attempt with attempts left does not give the answers away, and a
course with a minimum lesson time cannot be completed faster than that (measured on the server)."""

import datetime
import uuid

import pytest
from django.urls import reverse
from django.utils import timezone

from courses import services
from courses.models import Enrolment, LessonCompletion, LessonVisit, QuizAttempt

from .factories import UserFactory, correct_answers, lessons_of, make_course, quiz_block, wrong_answers

pytestmark = pytest.mark.django_db

SECRETS = ("TAJNO-OBJASNJENJE-1", "TAJNO-OBJASNJENJE-2", "TAJNO-OBJASNJENJE-3")


def _quiz_course(learner, *, max_attempts=3, reveal_answers="after_pass_or_last", **course_fields):
    course = make_course(lessons_per_module=1, **course_fields)
    lesson = lessons_of(course)[0]
    lesson.body = [("paragraph", "<p>Tekst.</p>"), quiz_block(max_attempts=max_attempts, reveal_answers=reveal_answers)]
    lesson.save_revision().publish()
    services.enrolment_create(user=learner, course=course)
    lesson.refresh_from_db()
    lesson._course_pass_mark = course.pass_mark
    return course, lesson, lesson.quizzes()[0]


def _submit(client, course, lesson, quiz, answers):
    data = {"token": str(uuid.uuid4())}
    data.update({f"q-{question}": choices for question, choices in answers.items()})
    url = reverse("courses:quiz_submit", args=[course.pk, lesson.pk, quiz.id])
    response = client.post(url, data, follow=True)
    assert response.status_code == 200
    return response.content.decode()


def _shows_correct_answers(html: str) -> bool:
    return "točan odgovor" in html or "is-correct" in html or any(secret in html for secret in SECRETS)


def test_a_failed_attempt_with_attempts_left_shows_what_was_wrong_not_the_answers(client):
    learner = UserFactory()
    course, lesson, quiz = _quiz_course(learner)
    client.force_login(learner)
    html = _submit(client, course, lesson, quiz, wrong_answers(quiz))
    assert "Netočno" in html
    assert "vaš odgovor" in html
    assert not _shows_correct_answers(html)
    assert "točni odgovori prikazuju se kada položite provjeru" in html
    # Passing shows the answers and the explanations.
    html = _submit(client, course, lesson, quiz, correct_answers(quiz))
    assert _shows_correct_answers(html) and all(secret in html for secret in SECRETS)


def test_the_last_failed_attempt_shows_the_answers(client):
    learner = UserFactory()
    course, lesson, quiz = _quiz_course(learner, max_attempts=2)
    client.force_login(learner)
    assert not _shows_correct_answers(_submit(client, course, lesson, quiz, wrong_answers(quiz)))
    html = _submit(client, course, lesson, quiz, wrong_answers(quiz))
    assert "Nemate više pokušaja." in html
    assert _shows_correct_answers(html)
    # The first attempt's page shows them now too: nothing is left to protect.
    first = QuizAttempt.objects.get(enrolment__user=learner, number=1)
    assert _shows_correct_answers(client.get(reverse("courses:quiz_result", args=[first.pk])).content.decode())


@pytest.mark.parametrize(("setting", "shown_after_failure"), [("never", False), ("always", True)])
def test_the_reveal_setting_of_the_quiz(client, setting, shown_after_failure):
    learner = UserFactory()
    course, lesson, quiz = _quiz_course(learner, max_attempts=1, reveal_answers=setting)
    assert quiz.reveal_answers == setting
    client.force_login(learner)
    html = _submit(client, course, lesson, quiz, wrong_answers(quiz))
    assert _shows_correct_answers(html) is shown_after_failure


def test_the_default_is_the_safe_setting():
    from courses.blocks import QuizBlock

    assert QuizBlock().child_blocks["reveal_answers"].get_default() == "after_pass_or_last"


# --- minimum time ----------------------------------------------------------------------------


def _age_visit(learner, lesson, minutes):
    LessonVisit.objects.filter(enrolment__user=learner, lesson=lesson).update(
        first_visit_at=timezone.now() - datetime.timedelta(minutes=minutes)
    )


def test_a_course_with_a_minimum_time_cannot_be_completed_faster(client):
    learner = UserFactory()
    course = make_course(lessons_per_module=2, minimum_lesson_time=True)
    services.enrolment_create(user=learner, course=course)
    client.force_login(learner)
    first, second = lessons_of(course)
    complete = reverse("courses:lesson_complete", args=[course.pk, first.pk])
    # Without opening the lesson, completing it is refused.
    response = client.post(complete, follow=True)
    assert "najmanje 10 min" in response.content.decode()
    assert not LessonCompletion.objects.filter(enrolment__user=learner).exists()
    # Opening it starts the server's clock; a minute later is still too soon.
    assert client.get(first.url).status_code == 200
    _age_visit(learner, first, 1)
    response = client.post(complete, follow=True)
    assert "za 9 min" in response.content.decode()
    assert not LessonCompletion.objects.filter(enrolment__user=learner).exists()
    # A later visit does not restart the clock, and after 10 minutes the lesson is done.
    _age_visit(learner, first, 10)
    client.get(first.url)
    client.post(complete)
    assert LessonCompletion.objects.filter(lesson=first).exists()
    client.get(second.url)
    _age_visit(learner, second, 10)
    client.post(reverse("courses:lesson_complete", args=[course.pk, second.pk]))
    assert Enrolment.objects.get(user=learner, course=course).completed_at is not None


def test_a_quiz_cannot_be_submitted_before_the_minimum_time(client):
    learner = UserFactory()
    course, lesson, quiz = _quiz_course(learner, minimum_lesson_time=True)
    client.force_login(learner)
    client.get(lesson.url)
    html = _submit(client, course, lesson, quiz, correct_answers(quiz))
    assert "najmanje 10 min" in html
    assert not QuizAttempt.objects.filter(enrolment__user=learner).exists()
    _age_visit(learner, lesson, 10)
    _submit(client, course, lesson, quiz, correct_answers(quiz))
    assert QuizAttempt.objects.get(enrolment__user=learner).passed
    assert Enrolment.objects.get(user=learner, course=course).completed_at is not None


def test_without_the_setting_nothing_is_recorded_or_delayed(client):
    learner = UserFactory()
    course = make_course(lessons_per_module=1)
    services.enrolment_create(user=learner, course=course)
    client.force_login(learner)
    (lesson,) = lessons_of(course)
    client.get(lesson.url)
    client.post(reverse("courses:lesson_complete", args=[course.pk, lesson.pk]))
    assert LessonCompletion.objects.filter(lesson=lesson).exists()
    assert not LessonVisit.objects.exists()
