"""Course handbook PDF: rendered in the worker, served to enrolled learners, rebuilt on publish."""

import pytest
from django.core.files.storage import storages
from django.test import Client
from django.urls import reverse
from wagtail_factories import ImageFactory

from courses import services
from courses.handbook import handbook_name
from tests.pdftools import pdf_image_count, pdf_text

from .factories import lessons_of, make_course


@pytest.fixture
def private_storage(settings, tmp_path):
    settings.STORAGES = {
        **settings.STORAGES,
        "private": {**settings.STORAGES["private"], "OPTIONS": {"location": tmp_path, "base_url": None}},
    }
    return storages["private"]


def _download(client, course, django_capture_on_commit_callbacks):
    url = reverse("courses:handbook", args=[course.pk])
    with django_capture_on_commit_callbacks(execute=True):
        first = client.get(url)
    return first, client.get(url)


@pytest.mark.django_db
def test_enrolled_learner_gets_the_handbook_with_contents_lessons_and_questions_only(
    learner_client, learner, private_storage, tmp_path, django_capture_on_commit_callbacks
):
    course = make_course(title="Priručnik za test", modules=2, lessons_per_module=2, quiz_in_last_lesson=True)
    services.enrolment_create(user=learner, course=course)
    first = lessons_of(course)[0]
    image = ImageFactory(title="Tipkovnica")
    image.contextual_alt_text, image.decorative = "Tipkovnica s istaknutom tipkom Enter", False
    first.body.append(("image", {"image": image, "caption": "Tipka Enter potvrđuje unos."}))
    first.save()

    page = learner_client.get(course.url).content.decode()
    assert "Preuzmi priručnik (PDF)" in page

    pending, ready = _download(learner_client, course, django_capture_on_commit_callbacks)
    assert pending.status_code == 202
    assert "Priručnik se priprema" in pending.content.decode()
    assert ready.status_code == 200
    assert ready["Content-Type"] == "application/pdf"

    data = b"".join(ready.streaming_content)
    text = pdf_text(data)
    assert "Priručnik za test" in text
    assert "Sadržaj" in text
    positions = [text.index(f"Lekcija {m}.{n}", text.index("Sadržaj")) for m in (1, 2) for n in (1, 2)]
    assert positions == sorted(positions)
    body = text[text.index("Tekst lekcije 1.1") :]
    assert [body.index(f"Tekst lekcije {m}.{n}") for m in (1, 2) for n in (1, 2)] == sorted(
        body.index(f"Tekst lekcije {m}.{n}") for m in (1, 2) for n in (1, 2)
    )
    assert "Tipka Enter potvrđuje unos." in text
    assert pdf_image_count(data) >= 1
    assert "Koji je glavni grad Hrvatske?" in text
    assert "Zagreb" in text and "Split" in text
    assert "TAJNO-OBJASNJENJE" not in text
    for marker in ("Točan odgovor", "točan odgovor", "✓", "✔", "Correct"):
        assert marker not in text


@pytest.mark.django_db
def test_anonymous_and_not_enrolled_get_no_handbook(learner_client, private_storage):
    course = make_course()
    url = reverse("courses:handbook", args=[course.pk])
    anonymous = Client().get(url)
    assert anonymous.status_code == 302 and anonymous["Location"].startswith("/racun/prijava/")
    assert learner_client.get(url).status_code == 404
    assert "Preuzmi priručnik" not in learner_client.get(course.url).content.decode()
    assert not private_storage.exists(handbook_name(course=course))


@pytest.mark.django_db
def test_publishing_a_lesson_rebuilds_the_handbook(
    learner_client, learner, private_storage, tmp_path, django_capture_on_commit_callbacks
):
    course = make_course(lessons_per_module=2)
    services.enrolment_create(user=learner, course=course)
    lesson = lessons_of(course)[0]
    lesson.title = "Nov naslov lekcije poslije uređivanja"
    with django_capture_on_commit_callbacks(execute=True):
        lesson.save_revision().publish()

    name = handbook_name(course=course)
    assert private_storage.exists(name)  # rendered by the worker right after the publish
    response = learner_client.get(reverse("courses:handbook", args=[course.pk]))
    assert response.status_code == 200
    assert "Nov naslov lekcije poslije uređivanja" in pdf_text(b"".join(response.streaming_content))
    assert private_storage.listdir("courses/handbooks")[1] == [name.rsplit("/", 1)[1]]
