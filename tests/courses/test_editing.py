"""An editor writes a lesson with a quiz in the Wagtail admin and submits it; a moderator publishes it."""

import pytest
from django.urls import reverse
from wagtail.models import WorkflowState
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from accounts.models import User
from courses.models import CoursePage, LessonPage, ModulePage


def _list_block(items):
    data = {str(i): {"value": value, "deleted": "", "order": str(i), "id": ""} for i, value in enumerate(items)}
    data["count"] = str(len(items))
    return data


def _question(kind, text, choices, explanation):
    return {
        "kind": kind,
        "text": text,
        "choices": _list_block([{"text": t, "correct": "on" if c else ""} for t, c in choices]),
        "explanation": explanation,
    }


def _lesson_form(questions):
    return nested_form_data(
        {
            "title": "Zadruga",
            "slug": "zadruga",
            "intro": "Što je zadruga i kome odgovara.",
            "estimated_minutes": "15",
            "required": "on",
            "body": streamfield(
                [
                    ("paragraph", rich_text("<p>Zadruga je udruženje najmanje sedam osnivača.</p>")),
                    (
                        "quiz",
                        {
                            "title": "Provjera znanja: zadruga",
                            "intro": "",
                            "pass_mark": "",
                            "max_attempts": "3",
                            "questions": _list_block(questions),
                        },
                    ),
                ]
            ),
        }
    )


@pytest.fixture
def editor_client(client):
    client.force_login(User.objects.get(email="urednik@kok.test"))
    return client


@pytest.mark.django_db
def test_editor_opens_the_course_and_lesson_editors(editor_client):
    course = CoursePage.objects.get(slug="osnove-rada-na-racunalu")
    lesson = LessonPage.objects.get(slug="e-gradani")
    for page in (course, lesson):
        response = editor_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
        assert response.status_code == 200, page


@pytest.mark.django_db
def test_editor_submits_a_lesson_with_a_quiz_and_a_moderator_publishes_it(editor_client, client):
    module = ModulePage.objects.get(slug="pravni-oblici")
    url = reverse("wagtailadmin_pages:add", args=["courses", "lessonpage", module.pk])
    data = _lesson_form(
        [
            _question(
                "true_false",
                "Zadrugu može osnovati jedna osoba.",
                [("Točno", False), ("Netočno", True)],
                "Za osnivanje zadruge potrebno je najmanje sedam osnivača.",
            )
        ]
    )
    data["action-submit"] = "Submit"
    response = editor_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    lesson = LessonPage.objects.get(slug="zadruga")
    assert not lesson.live
    assert lesson.get_latest_revision_as_object().quiz_count == 1
    state = WorkflowState.objects.get(base_content_type__model="page", object_id=str(lesson.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS

    client.force_login(User.objects.get(email="moderator@kok.test"))
    task_state = state.current_task_state
    approve = client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[lesson.pk, "approve", task_state.pk]), {"comment": ""}
    )
    assert approve.status_code in (200, 302)
    lesson.refresh_from_db()
    assert lesson.live
    assert lesson.quiz_count == 1


@pytest.mark.django_db
def test_editor_gets_an_error_for_a_single_choice_question_with_two_correct_answers(editor_client):
    module = ModulePage.objects.get(slug="pravni-oblici")
    url = reverse("wagtailadmin_pages:add", args=["courses", "lessonpage", module.pk])
    data = _lesson_form(
        [_question("single", "Koji je oblik za poljoprivrednike?", [("OPG", True), ("Obrt", True)], "OPG.")]
    )
    data["action-submit"] = "Submit"
    response = editor_client.post(url, data)
    assert response.status_code == 200
    assert not LessonPage.objects.filter(slug="zadruga").exists()
