"""Approving an enrolment in the admin goes through courses.services.enrolment_approve and tells the learner;
"completed" can no longer be set by hand."""

import pytest
from django.core import mail
from django.urls import reverse

from accounts.models import User
from courses import services
from courses.models import EnrolmentMode, EnrolmentStatus

from .factories import UserFactory, make_course

pytestmark = pytest.mark.django_db


@pytest.fixture
def coordinator_client(client):
    client.force_login(User.objects.get(email="koordinator@kok.test"))
    return client


@pytest.fixture
def pending():
    learner = UserFactory(first_name="Ivana", last_name="Kos", email="ivana.kos@primjer.hr")
    course = make_course(title="Tečaj uz odobrenje", enrolment_mode=EnrolmentMode.APPROVAL)
    enrolment = services.enrolment_create(user=learner, course=course)
    assert enrolment.status == EnrolmentStatus.PENDING
    return enrolment


def test_the_service_approves_once_and_mails_the_learner(pending, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.enrolment_approve(enrolment=pending)
        services.enrolment_approve(enrolment=pending)  # again: nothing more happens
    pending.refresh_from_db()
    assert pending.status == EnrolmentStatus.ACTIVE
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["ivana.kos@primjer.hr"]
    assert "Tečaj uz odobrenje" in message.subject and "odobren" in message.subject
    assert pending.course.get_full_url() in message.body
    assert "Udruga PET PLUS" in message.body  # the organisation from the site settings


def test_coordinator_approves_from_the_listing(coordinator_client, pending, django_capture_on_commit_callbacks):
    listing = coordinator_client.get(reverse("enrolments:index"), {"status": "pending"})
    approve_url = reverse("enrolments:approve", args=[pending.pk])
    assert approve_url in listing.content.decode()
    assert coordinator_client.get(approve_url).status_code == 405  # only POST changes anything

    with django_capture_on_commit_callbacks(execute=True):
        response = coordinator_client.post(approve_url, follow=True)
    assert response.status_code == 200
    assert "Ivana Kos" in response.content.decode() and "e-poštom" in response.content.decode()
    pending.refresh_from_db()
    assert pending.status == EnrolmentStatus.ACTIVE
    assert [m.to for m in mail.outbox] == [["ivana.kos@primjer.hr"]]


def test_an_editor_cannot_approve(client, pending):
    client.force_login(User.objects.get(email="urednik@kok.test"))
    response = client.post(reverse("enrolments:approve", args=[pending.pk]))
    assert response.status_code in (302, 403)
    pending.refresh_from_db()
    assert pending.status == EnrolmentStatus.PENDING


def test_the_status_form_cannot_set_completed(coordinator_client, pending):
    url = reverse("enrolments:edit", args=[pending.pk])
    form = coordinator_client.get(url).content.decode()
    assert 'value="completed"' not in form
    response = coordinator_client.post(url, {"status": "completed"})
    assert response.status_code == 200  # the form again, with the error
    pending.refresh_from_db()
    assert pending.status == EnrolmentStatus.PENDING and pending.completed_at is None


def test_the_status_form_approves_through_the_service(coordinator_client, pending, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = coordinator_client.post(reverse("enrolments:edit", args=[pending.pk]), {"status": "active"})
    assert response.status_code == 302
    pending.refresh_from_db()
    assert pending.status == EnrolmentStatus.ACTIVE
    assert len(mail.outbox) == 1
