"""A blended course: online lessons plus a share of the in-person sessions, checked through HTTP."""

import pytest
from django.urls import reverse

from certificates.models import Certificate
from courses.models import Enrolment
from events import selectors
from events.models import Registration, RegistrationStatus
from tests.courses.factories import lessons_of, make_course

from .factories import UserFactory, make_event

pytestmark = pytest.mark.django_db


def _blended(*, sessions, percent=75):
    trainer = UserFactory()
    event = make_event(title="Računala uživo", trainers=[trainer], sessions=sessions, capacity=10)
    course = make_course(title="Računala – kombinirani tečaj", lessons_per_module=2, attendance_percent=percent)
    course.attendance_events.set([event])
    course.save()
    return course, event, trainer


def _finish_online(client, course):
    client.post(reverse("courses:enrol", args=[course.pk]))
    for lesson in lessons_of(course):
        client.post(reverse("courses:lesson_complete", args=[course.pk, lesson.pk]))


def test_online_lessons_alone_do_not_complete_then_attendance_does(client):
    # Four evening sessions: two held, two still to come. 75 % of all four = three sessions.
    course, event, trainer = _blended(sessions=((-0.5, 2), (-48, 2), (24, 2), (48, 2)))
    learner = UserFactory()
    registration = Registration.objects.create(event=event, user=learner, status=RegistrationStatus.BOOKED)
    client.force_login(learner)
    _finish_online(client, course)
    enrolment = Enrolment.objects.get(user=learner, course=course)
    assert enrolment.completed_at is None
    assert not Certificate.objects.filter(recipient=learner, subject_key=f"course:{course.pk}").exists()
    page = client.get(course.url).content.decode()
    assert "U društvenom centru" in page and "Računala uživo" in page
    assert "Susreta uživo: 0 od 4" in page

    sessions = list(event.sessions.order_by("start"))
    marks = {sessions[0]: "present", sessions[1]: "late", sessions[2]: "excused"}
    trainer_client = client.__class__()
    trainer_client.force_login(trainer)
    for session, status in marks.items():
        trainer_client.post(
            reverse("events:attendance", args=[session.pk]), {"registration": registration.pk, "status": status}
        )
    # Present + late = 2 of 3 (the excused one leaves the denominator) = 66 % < 75 %: not yet.
    enrolment.refresh_from_db()
    assert enrolment.completed_at is None
    trainer_client.post(
        reverse("events:attendance", args=[sessions[3].pk]), {"registration": registration.pk, "status": "present"}
    )
    enrolment.refresh_from_db()
    assert enrolment.completed_at is not None
    assert Certificate.objects.filter(recipient=learner, subject_key=f"course:{course.pk}").exists()
    assert "Susreta uživo: 3 od 3" in client.get(course.url).content.decode()


def test_future_sessions_count_as_not_yet_attended():
    course, event, trainer = _blended(sessions=((-48, 2), (48, 2)), percent=50)
    learner = UserFactory()
    registration = Registration.objects.create(event=event, user=learner, status=RegistrationStatus.BOOKED)
    progress = selectors.attendance_progress(user=learner, event_ids=[event.pk], required_percent=100)
    assert (progress.attended, progress.total, progress.is_met) == (0, 2, False)
    from events import services

    services.attendance_mark(
        by=trainer, session=event.sessions.order_by("start").first(), registration=registration, status="present"
    )
    progress = selectors.attendance_progress(user=learner, event_ids=[event.pk], required_percent=100)
    assert (progress.attended, progress.total, progress.percent, progress.is_met) == (1, 2, 50, False)


def test_a_course_without_the_rule_completes_as_before(client):
    course = make_course(lessons_per_module=1)
    learner = UserFactory()
    client.force_login(learner)
    _finish_online(client, course)
    assert Enrolment.objects.get(user=learner, course=course).completed_at is not None
