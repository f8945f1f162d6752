"""Every stored PDF (certificate, course handbook, mentoring report) answers a GET while it is being
rendered with the same 202 and Retry-After, and many GETs enqueue one render."""

import pytest
from django.core.cache import cache
from django.core.files.storage import storages
from django.test import Client
from django.urls import reverse

from accounts.models import User

pytestmark = pytest.mark.django_db


@pytest.fixture
def private_storage(settings, tmp_path):
    settings.STORAGES = {
        **settings.STORAGES,
        "private": {**settings.STORAGES["private"], "OPTIONS": {"location": tmp_path, "base_url": None}},
    }
    cache.clear()
    return storages["private"]


def _certificate_url():
    from certificates.models import Certificate

    certificate = Certificate.objects.filter(recipient__email="polaznik@kok.test").first()
    return "polaznik@kok.test", certificate.get_download_path()


def _handbook_url():
    from courses import services
    from tests.courses.factories import make_course

    course = make_course(title="Priručnik na čekanju")
    services.enrolment_create(user=User.objects.get(email="polaznik@kok.test"), course=course)
    return "polaznik@kok.test", reverse("courses:handbook", args=[course.pk])


def _report_url():
    from mentoring.models import Pairing

    pairing = Pairing.objects.get(mentee_organisation__name="Savjet mladih Općine Kravarsko")
    return "mentor@kok.test", reverse("mentoring:pairing_report", args=[pairing.pk])


@pytest.mark.parametrize(
    "target", [_certificate_url, _handbook_url, _report_url], ids=["certificate", "handbook", "report"]
)
def test_pending_pdf_answers_202_and_enqueues_one_render(target, private_storage, django_capture_on_commit_callbacks):
    email, url = target()
    client = Client()
    client.force_login(User.objects.get(email=email))
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        answers = [client.get(url) for _ in range(3)]
    assert [response.status_code for response in answers] == [202, 202, 202]
    assert {response["Retry-After"] for response in answers} == {"10"}
    assert all("no-store" in response["Cache-Control"] for response in answers)
    assert len(callbacks) == 1  # one render for three impatient GETs

    for callback in callbacks:
        callback()  # the immediate task backend renders and stores the file atomically
    ready = client.get(url)
    assert ready.status_code == 200 and ready["Content-Type"] == "application/pdf"
    assert b"".join(ready.streaming_content).startswith(b"%PDF")
    assert not [name for name in _all_files(private_storage) if name.endswith(".part")]


def _all_files(storage, folder=""):
    folders, files = storage.listdir(folder)
    for name in files:
        yield f"{folder}/{name}" if folder else name
    for sub in folders:
        yield from _all_files(storage, f"{folder}/{sub}" if folder else sub)
