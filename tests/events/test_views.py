"""What people see: the programme, an event page, registering, the trainer's attendance page, QR check-in,
sign-in sheet, calendars, the dashboard panel and the coordinators' report."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from accounts import roles
from events import services
from events.models import Attendance, Audience, EventKind, Registration, RegistrationStatus

from .factories import UserFactory, make_event

pytestmark = pytest.mark.django_db


def _text(response) -> str:
    return response.content.decode()


def _coordinator():
    user = UserFactory()
    user.groups.add(Group.objects.get(name=roles.COORDINATOR))
    return user


def test_programme_lists_upcoming_events_with_free_seats(client):
    soon = make_event(title="Radionica pletenja", capacity=5, sessions=((24, 2),))
    later = make_event(title="Tečaj fotografije", capacity=1, sessions=((24 * 20, 2),))
    make_event(title="Prošla radionica", sessions=((-48, 2),))
    for _ in range(1):
        services.registration_create(user=UserFactory(), event=soon)
    services.registration_create(user=UserFactory(), event=later)
    page = _text(client.get("/program/"))
    assert page.index("Radionica pletenja") < page.index("Tečaj fotografije")
    assert "još 4 slobodna mjesta" in page
    assert "popunjeno — lista čekanja" in page
    assert "Prošla radionica" not in page


def test_programme_filters_without_javascript(client):
    children = Audience.objects.get(slug="djeca")
    kids = make_event(title="Lampioni za djecu", kind=EventKind.LEISURE)
    kids.audiences.set([children])
    kids.save()
    make_event(title="Večer poezije", kind=EventKind.CULTURAL, sessions=((24 * 40, 2),))
    by_audience = _text(client.get("/program/", {"publika": "djeca"}))
    assert "Lampioni za djecu" in by_audience and "Večer poezije" not in by_audience
    by_kind = _text(client.get("/program/", {"vrsta": "cultural"}))
    assert "Večer poezije" in by_kind and "Lampioni za djecu" not in by_kind
    month = timezone.localtime(timezone.now() + datetime.timedelta(days=40)).strftime("%Y-%m")
    by_month = _text(client.get("/program/", {"mjesec": month}))
    assert "Večer poezije" in by_month
    # An unknown value drops that filter only.
    assert client.get("/program/", {"vrsta": "<script>"}).status_code == 200


def test_event_page_shows_sessions_place_and_accessibility(client):
    event = make_event(title="Radionica lampiona", sessions=((48, 2), (72, 2)))
    page = _text(client.get(event.url))
    assert "Ulaz bez stepenica." in page and "Dvorana za test" in page
    assert page.count('class="session"') == 2
    assert "Prijavite se u sustav za prijavu" in page


def test_register_then_waitlist_position_then_cancel_promotes(client, django_capture_on_commit_callbacks):
    event = make_event(title="Radionica sapuna", capacity=1)
    first, second = UserFactory(), UserFactory()
    client.force_login(first)
    response = client.post(reverse("events:register", args=[event.pk]), follow=True)
    assert "Prijavljeni ste." in _text(response)
    client.force_login(second)
    response = client.post(reverse("events:register", args=[event.pk]), follow=True)
    assert "Na listi čekanja ste, na 1. mjestu." in _text(response)
    # Registering twice: a clear message, nothing saved.
    response = client.post(reverse("events:register", args=[event.pk]), follow=True)
    assert "Već ste prijavljeni na ovaj događaj." in _text(response)
    assert Registration.objects.filter(event=event).count() == 2
    client.force_login(first)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("events:cancel", args=[event.pk]))
    assert Registration.objects.get(user=second, event=event).status == RegistrationStatus.BOOKED
    assert mail.outbox[0].to == [second.email] and "Oslobodilo se mjesto" in mail.outbox[0].subject


def test_register_requires_login_and_post(client):
    event = make_event()
    assert client.get(reverse("events:register", args=[event.pk])).status_code == 405
    response = client.post(reverse("events:register", args=[event.pk]))
    assert response.status_code == 302 and "/racun/prijava/" in response["Location"]


def test_age_limited_event_asks_for_the_date_of_birth(client):
    event = make_event(min_age=6, max_age=12)
    adult = UserFactory(date_of_birth=None)
    client.force_login(adult)
    assert 'name="date_of_birth"' in _text(client.get(event.url))
    response = client.post(reverse("events:register", args=[event.pk]), {"date_of_birth": "1970-03-01"}, follow=True)
    assert "Ovaj događaj je za osobe do 12 godina." in _text(response)
    response = client.post(reverse("events:register", args=[event.pk]), {"date_of_birth": "2999-01-01"}, follow=True)
    assert "Upišite stvarni datum rođenja." in _text(response)
    assert not Registration.objects.filter(event=event).exists()
    assert 'name="date_of_birth"' not in _text(client.get(make_event().url))


def _session_with(count: int, trainer):
    event = make_event(capacity=100, trainers=[trainer], sessions=((-0.5, 2),))
    for _ in range(count):
        Registration.objects.create(event=event, user=UserFactory(), status=RegistrationStatus.BOOKED)
    return event.sessions.get()


def test_attendance_page_marks_without_javascript_and_keeps_history(client):
    trainer = UserFactory()
    session = _session_with(2, trainer)
    registration = Registration.objects.filter(event_id=session.page_id).first()
    client.force_login(trainer)
    page = _text(client.get(reverse("events:attendance", args=[session.pk])))
    assert page.count('name="status" value="present"') == 2
    assert "Zabilježeno: 0 od 2" in page
    response = client.post(
        reverse("events:attendance", args=[session.pk]),
        {"registration": registration.pk, "status": "late"},
        follow=True,
    )
    assert "Kasni" in _text(response) and "Zabilježeno: 1 od 2" in _text(response)
    assert Attendance.objects.get(registration=registration).status == "late"
    response = client.post(reverse("events:walk_in", args=[session.pk]), {"name": "Kata Horvat"}, follow=True)
    assert "Kata Horvat" in _text(response) and "Zabilježeno: 2 od 3" in _text(response)


def test_trainers_see_only_their_own_sessions(client):
    trainer, other_trainer = UserFactory(), UserFactory()
    session = _session_with(1, trainer)
    client.force_login(other_trainer)
    assert client.get(reverse("events:attendance", args=[session.pk])).status_code == 404
    assert client.get(reverse("events:checkin_code", args=[session.pk])).status_code == 404
    assert client.get(reverse("events:signin_sheet", args=[session.pk])).status_code == 404
    registration = Registration.objects.get(event_id=session.page_id)
    client.post(reverse("events:attendance", args=[session.pk]), {"registration": registration.pk, "status": "present"})
    assert not Attendance.objects.exists() or not Attendance.objects.filter(registration=registration).exists()
    client.force_login(_coordinator())
    assert client.get(reverse("events:attendance", args=[session.pk])).status_code == 200


@pytest.mark.parametrize("count", [5, 40])
def test_attendance_page_queries_do_not_grow_with_people(client, django_assert_num_queries, count):
    trainer = UserFactory()
    session = _session_with(count, trainer)
    client.force_login(trainer)
    client.get(reverse("events:attendance", args=[session.pk]))  # warm the session and content caches
    with django_assert_num_queries(6):  # the site on every request (docs/caching.md); the session from the cache
        response = client.get(reverse("events:attendance", args=[session.pk]))
    assert _text(response).count('name="registration"') == count


def test_qr_check_in_through_the_pages(client):
    trainer, person = UserFactory(), UserFactory()
    session = _session_with(0, trainer)
    Registration.objects.create(event_id=session.page_id, user=person, status=RegistrationStatus.BOOKED)
    client.force_login(trainer)
    code_page = _text(client.get(reverse("events:checkin_code", args=[session.pk])))
    assert "<svg" in code_page and "js/checkin-code.js" in code_page
    token = services.checkin_token(session=session)
    client.force_login(person)
    assert "Tu sam" in _text(client.get(reverse("events:checkin"), {"t": token}))
    response = client.post(reverse("events:checkin"), {"t": token})
    assert "je zabilježen" in _text(response)
    again = client.post(reverse("events:checkin"), {"t": token}, follow=True)
    assert "Već ste potvrdili dolazak na ovaj susret." in _text(again)
    stale = services.checkin_token(session=session, now=timezone.now() - datetime.timedelta(minutes=5))
    assert "je istekao" in _text(client.post(reverse("events:checkin"), {"t": stale}))


def test_sign_in_sheet_pdf_is_rendered_by_the_worker(client):
    trainer = UserFactory()
    session = _session_with(3, trainer)
    client.force_login(trainer)
    response = client.get(reverse("events:signin_sheet", args=[session.pk]))
    # The immediate backend renders on commit; in a test transaction the first answer is "being prepared".
    assert response.status_code in (200, 202)
    from events.signin_sheet import signin_sheet_store

    signin_sheet_store(session=session)
    response = client.get(reverse("events:signin_sheet", args=[session.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    pdf = b"".join(response.streaming_content)
    assert pdf.startswith(b"%PDF")


def test_ics_feed_and_invitation(client):
    event = make_event(title="Večer; s, KUD-om")
    feed = client.get(reverse("events:feed"))
    assert feed["Content-Type"].startswith("text/calendar")
    assert "SUMMARY:Večer\\; s\\, KUD-om" in _text(feed)
    person = UserFactory()
    registration = services.registration_create(user=person, event=event)
    client.force_login(UserFactory())
    assert client.get(reverse("events:invitation", args=[registration.pk])).status_code == 404
    client.force_login(person)
    invitation = client.get(reverse("events:invitation", args=[registration.pk]))
    assert "METHOD:REQUEST" in _text(invitation)


def test_dashboard_lists_upcoming_sessions_and_past_attendance(client):
    person, trainer = UserFactory(), UserFactory()
    upcoming = make_event(title="Radionica keramike", sessions=((48, 2),))
    services.registration_create(user=person, event=upcoming)
    session = _session_with(0, trainer)
    registration = Registration.objects.create(event_id=session.page_id, user=person, status=RegistrationStatus.BOOKED)
    services.attendance_mark(by=trainer, session=session, registration=registration, status="excused")
    client.force_login(person)
    page = _text(client.get(reverse("courses:dashboard")))
    assert "U društvenom centru" in page and "Radionica keramike" in page
    assert "Opravdano odsutan" in page


def test_programme_report_for_coordinators(client):
    trainer = UserFactory()
    session = _session_with(2, trainer)
    session.start = timezone.now() - datetime.timedelta(hours=3)
    session.end = timezone.now() - datetime.timedelta(hours=1)
    session.save()
    for registration, status in zip(
        Registration.objects.filter(event_id=session.page_id), ["present", "absent"], strict=True
    ):
        services.attendance_mark(by=trainer, session=session, registration=registration, status=status)
    client.force_login(_coordinator())
    page = _text(client.get(reverse("events_programme_report")))
    assert "Radionica" in page and "50" in page
    client.force_login(UserFactory(is_staff=True))
    assert client.get(reverse("events_programme_report")).status_code in (302, 403)


def test_cached_programme_shows_new_free_seats_after_a_registration(client):
    event = make_event(title="Radionica košarica", capacity=5)
    assert "još 5 slobodnih mjesta" in _text(client.get("/program/"))
    assert "još 5 slobodnih mjesta" in _text(client.get("/program/"))  # from the page cache
    services.registration_create(user=UserFactory(), event=event)
    assert "još 4 slobodna mjesta" in _text(client.get("/program/"))


def test_event_page_is_never_cached_publicly_for_signed_in_people(client):
    event = make_event()
    client.force_login(UserFactory())
    response = client.get(event.url)
    assert "public" not in response.get("Cache-Control", "")
