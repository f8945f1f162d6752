"""Issue 13, finding 16: lesson documents go through Wagtail's serve view with the lesson's
privacy and an attachment header; /media/documents/ is closed (development server and nginx)."""

from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.http import Http404
from django.test import RequestFactory
from wagtail.documents import get_document_model

from courses import services
from kok_learn.views import public_media

from .factories import UserFactory, lessons_of, make_course

pytestmark = pytest.mark.django_db


def _lesson_with_document(**course_fields):
    course = make_course(lessons_per_module=1, **course_fields)
    document = get_document_model().objects.create(
        title="Financijski plan", file=ContentFile(b"%PDF-1.4 tajni plan", name="financijski-plan.pdf")
    )
    lesson = lessons_of(course)[0]
    lesson.body = [("document", {"document": document, "title": "Predložak plana"})]
    lesson.save_revision().publish()
    return course, lesson, document


def test_anonymous_visitors_cannot_fetch_a_lesson_document(client, settings):
    assert settings.WAGTAILDOCS_SERVE_METHOD == "serve_view"
    _course, _lesson, document = _lesson_with_document()
    assert document.url.startswith("/dokumenti/")
    response = client.get(document.url)
    assert response.status_code == 302
    assert response["Location"].startswith("/racun/prijava/")
    assert b"tajni plan" not in response.content


def test_only_learners_enrolled_in_the_course_get_the_document_as_an_attachment(client):
    course, lesson, document = _lesson_with_document()
    stranger = UserFactory()
    client.force_login(stranger)
    assert client.get(document.url).status_code == 404
    learner = UserFactory()
    services.enrolment_create(user=learner, course=course)
    client.force_login(learner)
    html = client.get(lesson.url).content.decode()
    assert f'href="{document.url}"' in html
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert b"".join(response.streaming_content) == b"%PDF-1.4 tajni plan"


def test_a_document_on_a_public_page_stays_public(client):
    from courses.models import CoursePage

    course, _lesson, document = _lesson_with_document()
    page = CoursePage.objects.get(pk=course.pk)
    page.description = f'<p><a linktype="document" id="{document.pk}">Plan</a></p>'
    page.save_revision().publish()
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")


def test_media_documents_are_not_served_as_files(client, settings):
    _course, _lesson, document = _lesson_with_document()
    assert client.get(f"/media/{document.file.name}").status_code == 404
    request = RequestFactory().get(f"/media/{document.file.name}")
    for path in (document.file.name, f"/{document.file.name}", document.file.name.upper(), "images/../documents/x"):
        with pytest.raises(Http404):
            public_media(request, path)


def test_nginx_example_closes_media_documents():
    conf = (Path(__file__).resolve().parents[2] / "deploy" / "nginx.conf.example").read_text()
    block = conf[conf.index("location ^~ /media/documents/") :]
    assert block[: block.index("}")].split("{")[1].strip() == "return 404;"
