import uuid
from unittest import mock

import pytest
from django.core.exceptions import ValidationError

from courses import selectors, services
from courses.models import Enrolment, EnrolmentMode, EnrolmentStatus, LessonCompletion, QuizAttempt

from .factories import correct_answers, lessons_of, make_course, wrong_answers


def _quiz_lesson(course):
    lesson = lessons_of(course)[-1]
    lesson._course_pass_mark = course.pass_mark
    return lesson, lesson.quizzes()[0]


@pytest.mark.django_db
def test_enrolling_twice_keeps_one_enrolment(learner):
    course = make_course()
    first = services.enrolment_create(user=learner, course=course)
    second = services.enrolment_create(user=learner, course=course)
    assert first.pk == second.pk
    assert Enrolment.objects.filter(user=learner, course=course).count() == 1
    assert first.status == EnrolmentStatus.ACTIVE


@pytest.mark.django_db
def test_unpublished_course_is_refused(learner):
    course = make_course(live=False)
    with pytest.raises(ValidationError, match="nije objavljen"):
        services.enrolment_create(user=learner, course=course)
    assert not Enrolment.objects.filter(user=learner).exists()


@pytest.mark.django_db
def test_prerequisite_must_be_completed_first(learner):
    basics = make_course(title="Osnove za test")
    advanced = make_course(title="Nastavak")
    advanced.prerequisites.add(basics)
    advanced.save()
    with pytest.raises(ValidationError) as error:
        services.enrolment_create(user=learner, course=advanced)
    assert "Prije upisa u ovaj tečaj morate završiti: „Osnove za test”." in error.value.messages[0]
    assert not Enrolment.objects.filter(user=learner, course=advanced).exists()
    enrolment = services.enrolment_create(user=learner, course=basics)
    for lesson in lessons_of(basics):
        services.lesson_complete(user=learner, lesson=lesson, course=basics)
    enrolment.refresh_from_db()
    assert enrolment.status == EnrolmentStatus.COMPLETED
    assert services.enrolment_create(user=learner, course=advanced).status == EnrolmentStatus.ACTIVE


@pytest.mark.django_db
def test_approval_mode_waits_for_a_coordinator(learner):
    course = make_course(enrolment_mode=EnrolmentMode.APPROVAL)
    enrolment = services.enrolment_create(user=learner, course=course)
    assert enrolment.status == EnrolmentStatus.PENDING
    with pytest.raises(ValidationError, match="čeka odobrenje"):
        services.lesson_complete(user=learner, lesson=lessons_of(course)[0])
    services.enrolment_approve(enrolment=enrolment)
    assert services.lesson_complete(user=learner, lesson=lessons_of(course)[0]).pk


@pytest.mark.django_db
def test_lesson_complete_requires_enrolment(learner):
    course = make_course()
    with pytest.raises(ValidationError, match="Niste upisani u ovaj tečaj"):
        services.lesson_complete(user=learner, lesson=lessons_of(course)[0])
    assert (
        not LessonCompletion.objects.exists() or not LessonCompletion.objects.filter(enrolment__user=learner).exists()
    )


@pytest.mark.django_db
def test_completing_a_lesson_of_another_course_is_refused(learner):
    mine, other = make_course(), make_course()
    services.enrolment_create(user=learner, course=mine)
    services.enrolment_create(user=learner, course=other)
    with pytest.raises(ValidationError, match="ne pripada ovom tečaju"):
        services.lesson_complete(user=learner, lesson=lessons_of(other)[0], course=mine)
    assert not LessonCompletion.objects.filter(enrolment__user=learner).exists()


@pytest.mark.django_db
def test_lesson_completion_is_recorded_once(learner):
    course = make_course()
    services.enrolment_create(user=learner, course=course)
    lesson = lessons_of(course)[0]
    services.lesson_complete(user=learner, lesson=lesson)
    services.lesson_complete(user=learner, lesson=lesson)
    assert LessonCompletion.objects.filter(enrolment__user=learner, lesson=lesson).count() == 1


@pytest.mark.django_db
def test_course_completion_recorded_once_and_issues_the_certificate(learner):
    from certificates.models import Certificate

    course = make_course(lessons_per_module=2)
    enrolment = services.enrolment_create(user=learner, course=course)
    with mock.patch(
        "certificates.services.certificate_issue",
        wraps=__import__("certificates.services", fromlist=["certificate_issue"]).certificate_issue,
    ) as issue:
        for lesson in lessons_of(course):
            services.lesson_complete(user=learner, lesson=lesson)
        # Completing again changes nothing.
        services.lesson_complete(user=learner, lesson=lessons_of(course)[0])
    assert issue.call_count == 1
    kwargs = issue.call_args.kwargs
    assert kwargs["subject_key"] == f"course:{course.pk}"
    assert kwargs["title"] == course.title
    assert kwargs["issuer"] == "Udruga PET PLUS"
    enrolment.refresh_from_db()
    assert enrolment.status == EnrolmentStatus.COMPLETED
    first_date = enrolment.completed_at
    assert first_date is not None
    assert services.course_completion_check(enrolment=enrolment, course=course) is False
    enrolment.refresh_from_db()
    assert enrolment.completed_at == first_date
    assert Certificate.objects.filter(recipient=learner, subject_key=f"course:{course.pk}").count() == 1


@pytest.mark.django_db
def test_optional_lessons_do_not_block_completion(learner):
    course = make_course(lessons_per_module=3)
    optional = lessons_of(course)[1]
    optional.required = False
    optional.save()
    enrolment = services.enrolment_create(user=learner, course=course)
    for lesson in lessons_of(course):
        if lesson.pk != optional.pk:
            services.lesson_complete(user=learner, lesson=lesson)
    enrolment.refresh_from_db()
    assert enrolment.completed_at is not None


@pytest.mark.django_db
def test_progress_percent_and_next_lesson(learner):
    course = make_course(lessons_per_module=4)
    enrolment = services.enrolment_create(user=learner, course=course)
    lessons = lessons_of(course)
    services.lesson_complete(user=learner, lesson=lessons[0])
    services.lesson_complete(user=learner, lesson=lessons[2])
    progress = selectors.course_progress(course=course, enrolment=enrolment)
    assert progress.percent == 50
    assert progress.next_lesson.pk == lessons[1].pk


@pytest.mark.django_db
def test_course_progress_is_one_query(learner, django_assert_num_queries):
    course = make_course(modules=3, lessons_per_module=4)
    enrolment = services.enrolment_create(user=learner, course=course)
    with django_assert_num_queries(1):
        progress = selectors.course_progress(course=course, enrolment=enrolment)
        assert progress.total == 12


# Quizzes -----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_quiz_graded_on_the_server_and_passing_completes_the_lesson(learner):
    course = make_course(quiz_in_last_lesson=True, lessons_per_module=1)
    services.enrolment_create(user=learner, course=course)
    lesson, quiz = _quiz_lesson(course)
    failed = services.quiz_attempt_submit(
        user=learner, lesson=lesson, quiz_id=quiz.id, answers=wrong_answers(quiz), submission_token=uuid.uuid4()
    )
    assert (failed.score, failed.passed, failed.number) == (0, False, 1)
    assert not LessonCompletion.objects.filter(enrolment__user=learner, lesson=lesson).exists()
    passed = services.quiz_attempt_submit(
        user=learner, lesson=lesson, quiz_id=quiz.id, answers=correct_answers(quiz), submission_token=uuid.uuid4()
    )
    assert (passed.score, passed.passed, passed.number) == (100, True, 2)
    assert LessonCompletion.objects.filter(enrolment__user=learner, lesson=lesson).exists()
    assert Enrolment.objects.get(user=learner, course=course).status == EnrolmentStatus.COMPLETED


@pytest.mark.django_db
def test_partial_multiple_choice_answer_is_wrong(learner):
    course = make_course(quiz_in_last_lesson=True, lessons_per_module=1)
    services.enrolment_create(user=learner, course=course)
    lesson, quiz = _quiz_lesson(course)
    answers = correct_answers(quiz)
    multiple = quiz.questions[1]
    answers[multiple["id"]] = answers[multiple["id"]][:1]
    attempt = services.quiz_attempt_submit(
        user=learner, lesson=lesson, quiz_id=quiz.id, answers=answers, submission_token=uuid.uuid4()
    )
    assert attempt.score == 67
    assert attempt.passed is False  # course pass mark is 70 %
    assert attempt.results[multiple["id"]] is False


@pytest.mark.django_db
def test_lesson_with_quiz_cannot_be_marked_done_by_hand(learner):
    course = make_course(quiz_in_last_lesson=True, lessons_per_module=1)
    services.enrolment_create(user=learner, course=course)
    lesson, _quiz = _quiz_lesson(course)
    with pytest.raises(ValidationError, match="položenim kvizom"):
        services.lesson_complete(user=learner, lesson=lesson)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda quiz, answers: answers.update({"ne-postoji": ["x"]}), "pitanje kojega nema"),
        (lambda quiz, answers: answers.update({quiz.questions[0]["id"]: ["nepostojeci-izbor"]}), "nije ponuđen"),
        (lambda quiz, answers: answers.pop(quiz.questions[0]["id"]), "odgovorite na sva pitanja"),
        (
            lambda quiz, answers: answers.update(
                {quiz.questions[0]["id"]: [c["id"] for c in quiz.questions[0]["choices"]]}
            ),
            "samo jedan odgovor",
        ),
        (
            # A choice that exists, but belongs to another question.
            lambda quiz, answers: answers.update({quiz.questions[0]["id"]: [quiz.questions[1]["choices"][0]["id"]]}),
            "nije ponuđen",
        ),
    ],
)
def test_bad_quiz_answers_are_refused_and_nothing_is_saved(learner, mutate, message):
    course = make_course(quiz_in_last_lesson=True, lessons_per_module=1)
    services.enrolment_create(user=learner, course=course)
    lesson, quiz = _quiz_lesson(course)
    answers = correct_answers(quiz)
    mutate(quiz, answers)
    with pytest.raises(ValidationError) as error:
        services.quiz_attempt_submit(
            user=learner, lesson=lesson, quiz_id=quiz.id, answers=answers, submission_token=uuid.uuid4()
        )
    assert message in error.value.messages[0].lower()
    assert not QuizAttempt.objects.filter(enrolment__user=learner).exists()


@pytest.mark.django_db
def test_quiz_of_another_lesson_is_refused(learner):
    course = make_course(quiz_in_last_lesson=True, lessons_per_module=2)
    services.enrolment_create(user=learner, course=course)
    quiz_lesson, quiz = _quiz_lesson(course)
    plain_lesson = lessons_of(course)[0]
    with pytest.raises(ValidationError, match="ne pripada ovoj lekciji"):
        services.quiz_attempt_submit(
            user=learner,
            lesson=plain_lesson,
            quiz_id=quiz.id,
            answers=correct_answers(quiz),
            submission_token=uuid.uuid4(),
        )
    assert not QuizAttempt.objects.exists() or not QuizAttempt.objects.filter(enrolment__user=learner).exists()


@pytest.mark.django_db
def test_second_submission_of_the_same_form_returns_the_first_attempt(learner):
    course = make_course(quiz_in_last_lesson=True, lessons_per_module=1)
    services.enrolment_create(user=learner, course=course)
    lesson, quiz = _quiz_lesson(course)
    token = uuid.uuid4()
    first = services.quiz_attempt_submit(
        user=learner, lesson=lesson, quiz_id=quiz.id, answers=wrong_answers(quiz), submission_token=token
    )
    again = services.quiz_attempt_submit(
        user=learner, lesson=lesson, quiz_id=quiz.id, answers=correct_answers(quiz), submission_token=token
    )
    assert again.pk == first.pk
    assert again.passed is False
    assert QuizAttempt.objects.filter(enrolment__user=learner).count() == 1


@pytest.mark.django_db
def test_attempt_beyond_the_limit_is_refused(learner):
    course = make_course(quiz_in_last_lesson=True, lessons_per_module=1)
    services.enrolment_create(user=learner, course=course)
    lesson, quiz = _quiz_lesson(course)
    for _ in range(quiz.max_attempts):
        services.quiz_attempt_submit(
            user=learner, lesson=lesson, quiz_id=quiz.id, answers=wrong_answers(quiz), submission_token=uuid.uuid4()
        )
    with pytest.raises(ValidationError, match="Iskoristili ste sve pokušaje"):
        services.quiz_attempt_submit(
            user=learner, lesson=lesson, quiz_id=quiz.id, answers=correct_answers(quiz), submission_token=uuid.uuid4()
        )
    assert QuizAttempt.objects.filter(enrolment__user=learner).count() == quiz.max_attempts
    assert not LessonCompletion.objects.filter(enrolment__user=learner).exists()


@pytest.mark.django_db
def test_garbage_token_is_refused(learner):
    course = make_course(quiz_in_last_lesson=True, lessons_per_module=1)
    services.enrolment_create(user=learner, course=course)
    lesson, quiz = _quiz_lesson(course)
    with pytest.raises(ValidationError, match="Obrazac više ne vrijedi"):
        services.quiz_attempt_submit(
            user=learner, lesson=lesson, quiz_id=quiz.id, answers=correct_answers(quiz), submission_token="abc"
        )


@pytest.mark.django_db
def test_quiz_requires_enrolment(learner):
    course = make_course(quiz_in_last_lesson=True, lessons_per_module=1)
    lesson, quiz = _quiz_lesson(course)
    with pytest.raises(ValidationError, match="Niste upisani"):
        services.quiz_attempt_submit(
            user=learner, lesson=lesson, quiz_id=quiz.id, answers=correct_answers(quiz), submission_token=uuid.uuid4()
        )


@pytest.mark.django_db
def test_capacity_area_selector_returns_tagged_live_courses():
    found = selectors.course_list_for_capacity_area(area_slug="digitalne-vjestine")
    assert [course.title for course in found] == ["Osnove rada na računalu"]
    titles = {c.title for c in selectors.course_list_for_capacity_area(area_slug="financijsko-upravljanje")}
    assert titles == {"Poduzetništvo za početnike"}
    assert selectors.course_list_for_capacity_area(area_slug="nepostojece") == []
    assert len(selectors.course_list_for_capacity_area(area_slug="stratesko-planiranje", limit=1)) <= 1
