import re
import uuid

import pytest
from django.test import Client
from django.urls import reverse

from courses import services
from courses.models import CoursePage, Enrolment, LessonCompletion, QuizAttempt

from .factories import correct_answers, lessons_of, make_course

COMPUTER = "/tecajevi/osnove-rada-na-racunalu/"
BUSINESS = "/tecajevi/poduzetnistvo-za-pocetnike/"


def _messages(response) -> str:
    return " ".join(str(m) for m in response.wsgi_request._messages)


def _quiz_setup(learner, lessons_per_module=1):
    course = make_course(quiz_in_last_lesson=True, lessons_per_module=lessons_per_module)
    services.enrolment_create(user=learner, course=course)
    lesson = lessons_of(course)[-1]
    lesson._course_pass_mark = course.pass_mark
    return course, lesson, lesson.quizzes()[0]


def _quiz_post(quiz, answers, token=None):
    data = {"token": str(token or uuid.uuid4())}
    for question_id, choices in answers.items():
        data[f"q-{question_id}"] = choices
    return data


# Catalogue ---------------------------------------------------------------------------------


@pytest.mark.django_db
def test_catalogue_lists_the_three_demo_courses(client):
    html = client.get("/tecajevi/").content.decode()
    for title in ["Osnove rada na računalu", "Poduzetništvo za početnike", "Brendiranje lokalnog područja"]:
        assert title in html
    assert "Pronađena su 3 tečaja" in html
    assert '<label for="id_category">Kategorija' in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "expected", "absent"),
    [
        ("category=poduzetnistvo", "Poduzetništvo za početnike", "Osnove rada na računalu"),
        ("audience=starije-osobe", "Osnove rada na računalu", "Brendiranje lokalnog područja"),
        ("level=intermediate", "Brendiranje lokalnog područja", "Poduzetništvo za početnike"),
        ("q=brendiranje", "Brendiranje lokalnog područja", "Osnove rada na računalu"),
        ("q=e-Građani", "Osnove rada na računalu", "Poduzetništvo za početnike"),
    ],
)
def test_catalogue_filters_and_search_without_javascript(client, query, expected, absent):
    html = client.get(f"/tecajevi/?{query}").content.decode()
    assert expected in html
    assert f">{absent}</a>" not in html


@pytest.mark.django_db
def test_catalogue_with_an_unknown_filter_value_keeps_the_valid_filters(client):
    response = client.get("/tecajevi/?category=nepostoji&level=intermediate")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Brendiranje lokalnog područja" in html
    assert ">Osnove rada na računalu</a>" not in html


@pytest.mark.django_db
def test_catalogue_pagination_keeps_the_filters(client):
    index_html = client.get("/tecajevi/?level=beginner&stranica=1").content.decode()
    assert "stranica=" not in index_html or "level=beginner" in index_html


@pytest.mark.django_db
def test_catalogue_hides_unpublished_courses(client):
    make_course(title="Skriveni nacrt tečaja", live=False)
    assert "Skriveni nacrt tečaja" not in client.get("/tecajevi/").content.decode()


# Course page -------------------------------------------------------------------------------


@pytest.mark.django_db
def test_course_page_shows_the_whole_outline_to_visitors(client):
    html = client.get(COMPUTER).content.decode()
    assert "Sadržaj tečaja" in html
    for title in ["Prvi koraci s računalom", "Dijelovi računala", "Sustav e-Građani"]:
        assert title in html
    assert "15 minuta" in html
    assert "Prijavite se za upis" in html


@pytest.mark.django_db
def test_course_page_shows_progress_and_done_marks_to_the_learner(client, demo_user):
    client.force_login(demo_user)
    html = client.get(BUSINESS).content.decode()
    assert re.search(r'<progress class="progress__bar" max="100" value="37" aria-label="Vaš napredak u tečaju"', html)
    assert html.count("outline__lesson--done") == 3
    assert "Nastavi gdje ste stali" in html
    assert "Sljedeće: Obrt" in html


@pytest.mark.django_db
def test_finished_course_page_shows_completion_date(client, demo_user):
    client.force_login(demo_user)
    html = client.get(COMPUTER).content.decode()
    assert "Ovaj ste tečaj završili" in html


# Enrolment ---------------------------------------------------------------------------------


@pytest.mark.django_db
def test_enrol_needs_post_and_csrf(learner):
    course = make_course()
    csrf_client = Client(enforce_csrf_checks=True)
    csrf_client.force_login(learner)
    assert csrf_client.get(reverse("courses:enrol", args=[course.pk])).status_code == 405
    assert csrf_client.post(reverse("courses:enrol", args=[course.pk])).status_code == 403
    assert not Enrolment.objects.filter(user=learner).exists()


@pytest.mark.django_db
def test_enrol_button_enrols_and_twice_is_harmless(learner_client, learner):
    course = make_course()
    page_html = learner_client.get(course.url).content.decode()
    assert "Upiši se u tečaj" in page_html
    for _ in range(2):
        response = learner_client.post(reverse("courses:enrol", args=[course.pk]), follow=True)
        assert response.status_code == 200
    assert Enrolment.objects.filter(user=learner, course=course).count() == 1
    assert "Upisani ste" in response.content.decode()


@pytest.mark.django_db
def test_anonymous_enrol_goes_to_login_and_back(client):
    course = make_course()
    response = client.post(reverse("courses:enrol", args=[course.pk]))
    assert response.status_code == 302
    assert response["Location"].startswith("/racun/prijava/?next=")
    assert course.url_path.split("/")[-2] in response["Location"]


@pytest.mark.django_db
def test_enrol_in_unpublished_course_gets_a_croatian_message(learner_client, learner):
    course = make_course(live=False)
    response = learner_client.post(reverse("courses:enrol", args=[course.pk]), follow=True)
    assert "Upis u ovaj tečaj nije moguć" in response.content.decode()
    assert not Enrolment.objects.filter(user=learner).exists()


@pytest.mark.django_db
def test_enrol_with_missing_prerequisite_explains_what_to_finish(learner_client, learner):
    basics = make_course(title="Prvi tečaj")
    course = make_course(title="Drugi tečaj")
    course.prerequisites.add(basics)
    course.save_revision().publish()
    response = learner_client.post(reverse("courses:enrol", args=[course.pk]), follow=True)
    assert "Prije upisa u ovaj tečaj morate završiti: „Prvi tečaj”." in response.content.decode()
    assert not Enrolment.objects.filter(user=learner).exists()


# Lessons -----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_anonymous_visitor_is_sent_to_log_in_and_back(client):
    url = COMPUTER + "prvi-koraci/dijelovi-racunala/"
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"] == f"/racun/prijava/?next={url}"


@pytest.mark.django_db
def test_lesson_of_a_course_one_is_not_enrolled_in_redirects_with_a_message(learner_client):
    response = learner_client.get(COMPUTER + "prvi-koraci/dijelovi-racunala/", follow=True)
    assert response.redirect_chain[-1][0] == COMPUTER
    assert "Upišite se u tečaj da biste otvorili njegove lekcije." in response.content.decode()


@pytest.mark.django_db
def test_lesson_page_for_the_enrolled_learner(client, demo_user):
    client.force_login(demo_user)
    html = client.get(BUSINESS + "pravni-oblici/obrt/").content.decode()
    assert "<h1>Obrt</h1>" in html
    assert "Lekcija 4 od 8" in html
    assert "Označi kao završeno" in html
    assert "Prethodna lekcija" in html and "Sljedeća lekcija" in html
    assert "css/courses.css" in html and 'media="print"' in html


@pytest.mark.django_db
def test_mark_as_done_and_continue_where_you_left_off(learner_client, learner):
    course = make_course(lessons_per_module=3)
    services.enrolment_create(user=learner, course=course)
    first, second, _third = lessons_of(course)
    response = learner_client.post(reverse("courses:lesson_complete", args=[course.pk, first.pk]), follow=True)
    assert "Lekcija je označena kao završena." in response.content.decode()
    assert "Završili ste ovu lekciju." in response.content.decode()
    assert LessonCompletion.objects.filter(enrolment__user=learner, lesson=first).count() == 1
    resume = learner_client.get(reverse("courses:resume", args=[course.pk]))
    assert resume["Location"] == second.url


@pytest.mark.django_db
def test_completion_of_a_lesson_of_another_course_is_refused(learner_client, learner):
    mine, other = make_course(), make_course()
    services.enrolment_create(user=learner, course=mine)
    services.enrolment_create(user=learner, course=other)
    response = learner_client.post(
        reverse("courses:lesson_complete", args=[mine.pk, lessons_of(other)[0].pk]), follow=True
    )
    assert "Ova lekcija ne pripada ovom tečaju." in response.content.decode()
    assert not LessonCompletion.objects.filter(enrolment__user=learner).exists()


@pytest.mark.django_db
def test_completion_without_enrolment_is_refused(learner_client, learner):
    course = make_course()
    response = learner_client.post(
        reverse("courses:lesson_complete", args=[course.pk, lessons_of(course)[0].pk]), follow=True
    )
    assert "Niste upisani u ovaj tečaj." in response.content.decode()
    assert not LessonCompletion.objects.filter(enrolment__user=learner).exists()


@pytest.mark.django_db
def test_unknown_lesson_is_404(learner_client):
    course = make_course()
    assert learner_client.post(reverse("courses:lesson_complete", args=[course.pk, 999999])).status_code == 404


# Quizzes -----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_quiz_html_has_no_answers_or_explanations_before_submission(learner_client, learner):
    course, lesson, quiz = _quiz_setup(learner)
    html = learner_client.get(lesson.url).content.decode()
    assert "Koji je glavni grad Hrvatske?" in html
    assert "Zagreb" in html and "Split" in html
    assert "TAJNO-OBJASNJENJE" not in html
    assert "correct" not in html.lower().replace("courses.css", "")
    assert "Pošalji odgovore" in html


@pytest.mark.django_db
def test_quiz_submission_shows_feedback_with_explanations_and_history(learner_client, learner):
    course, lesson, quiz = _quiz_setup(learner)
    url = reverse("courses:quiz_submit", args=[course.pk, lesson.pk, quiz.id])
    response = learner_client.post(url, _quiz_post(quiz, correct_answers(quiz)), follow=True)
    html = response.content.decode()
    assert "Točno ste odgovorili na 3 od 3 pitanja (100 %)." in html
    assert "Položili ste kviz." in html
    assert "TAJNO-OBJASNJENJE-1" in html
    assert "Vaši pokušaji" in html
    lesson_html = learner_client.get(lesson.url).content.decode()
    assert "Položili ste ovaj kviz." in lesson_html
    assert "100 %" in lesson_html


@pytest.mark.django_db
def test_double_submit_of_the_same_form_is_one_attempt(learner_client, learner):
    course, lesson, quiz = _quiz_setup(learner)
    url = reverse("courses:quiz_submit", args=[course.pk, lesson.pk, quiz.id])
    data = _quiz_post(quiz, correct_answers(quiz))
    first = learner_client.post(url, data)
    second = learner_client.post(url, data)
    assert first["Location"] == second["Location"]
    assert QuizAttempt.objects.filter(enrolment__user=learner).count() == 1


@pytest.mark.django_db
def test_quiz_with_a_question_that_does_not_exist(learner_client, learner):
    course, lesson, quiz = _quiz_setup(learner)
    answers = correct_answers(quiz)
    answers["izmisljeno-pitanje"] = ["x"]
    response = learner_client.post(
        reverse("courses:quiz_submit", args=[course.pk, lesson.pk, quiz.id]), _quiz_post(quiz, answers), follow=True
    )
    assert "Odgovori se odnose na pitanje kojega nema u ovom kvizu." in response.content.decode()
    assert not QuizAttempt.objects.filter(enrolment__user=learner).exists()


@pytest.mark.django_db
def test_quiz_of_another_lesson_via_http(learner_client, learner):
    course, lesson, quiz = _quiz_setup(learner, lessons_per_module=2)
    other_lesson = lessons_of(course)[0]
    response = learner_client.post(
        reverse("courses:quiz_submit", args=[course.pk, other_lesson.pk, quiz.id]),
        _quiz_post(quiz, correct_answers(quiz)),
        follow=True,
    )
    assert "Ovaj kviz ne pripada ovoj lekciji." in response.content.decode()
    assert not QuizAttempt.objects.filter(enrolment__user=learner).exists()


@pytest.mark.django_db
def test_attempt_beyond_limit_via_http(learner_client, learner):
    course, lesson, quiz = _quiz_setup(learner)
    url = reverse("courses:quiz_submit", args=[course.pk, lesson.pk, quiz.id])
    wrong = {q["id"]: [q["choices"][-1]["id"]] for q in quiz.questions}
    for _ in range(quiz.max_attempts):
        learner_client.post(url, _quiz_post(quiz, wrong))
    assert "Iskoristili ste sve pokušaje za ovaj kviz." in learner_client.get(lesson.url).content.decode()
    response = learner_client.post(url, _quiz_post(quiz, correct_answers(quiz)), follow=True)
    assert "Iskoristili ste sve pokušaje za ovaj kviz (3)." in response.content.decode()
    assert QuizAttempt.objects.filter(enrolment__user=learner).count() == 3


@pytest.mark.django_db
def test_someone_elses_attempt_result_is_404(client, learner, demo_user):
    attempt = QuizAttempt.objects.filter(enrolment__user=demo_user).first()
    client.force_login(learner)
    assert client.get(reverse("courses:quiz_result", args=[attempt.pk])).status_code == 404
    client.force_login(demo_user)
    assert client.get(reverse("courses:quiz_result", args=[attempt.pk])).status_code == 200


# Dashboard ---------------------------------------------------------------------------------


@pytest.mark.django_db
def test_dashboard_needs_login(client):
    response = client.get("/moje-ucenje/")
    assert response["Location"] == "/racun/prijava/?next=/moje-ucenje/"


@pytest.mark.django_db
def test_dashboard_shows_progress_completed_courses_and_certificates(client, demo_user):
    client.force_login(demo_user)
    html = client.get(reverse("courses:dashboard")).content.decode()
    assert "<h1>Moje učenje</h1>" in html
    assert "Poduzetništvo za početnike" in html and 'value="37"' in html
    assert "Sljedeća lekcija: Obrt" in html
    assert "Završeni tečajevi" in html and "Osnove rada na računalu" in html
    assert "/provjera/" in html  # the certificate's verification link


@pytest.mark.django_db
def test_dashboard_for_a_new_learner_has_empty_states(learner_client):
    html = learner_client.get("/moje-ucenje/").content.decode()
    assert "Trenutačno ne pohađate nijedan tečaj." in html
    assert "Još niste završili nijedan tečaj." in html


@pytest.mark.django_db
def test_demo_learner_has_one_finished_and_one_started_course(demo_user):
    enrolments = {e.course.title: e for e in Enrolment.objects.filter(user=demo_user).select_related("course")}
    assert enrolments["Osnove rada na računalu"].completed_at is not None
    assert enrolments["Poduzetništvo za početnike"].completed_at is None
    assert CoursePage.objects.live().count() >= 3
