"""The programme in a real browser: register → waiting list → promotion → QR check-in → attendance →
blended-course completion → certificate; and axe-core on the programme, an event page and the trainer's
attendance page at 320 px and on a desktop."""

from __future__ import annotations

import pytest
from django.core import mail

from .browser import DESKTOP, axe_violations, format_violations, screenshot

pytestmark = pytest.mark.e2e

NARROW = {"width": 320, "height": 740}


@pytest.fixture
def blended():
    """A blended course (100 % of one session that is on now) and its event with one seat left."""
    from events.models import Registration, RegistrationStatus
    from tests.courses.factories import make_course
    from tests.events.factories import UserFactory, make_event

    trainer = UserFactory(first_name="Goran", last_name="Trener")
    event = make_event(title="Računala uživo – večer", capacity=2, trainers=[trainer], sessions=((-0.2, 2),))
    regular = UserFactory(first_name="Vesna", last_name="Redovita")
    Registration.objects.create(event=event, user=regular, status=RegistrationStatus.BOOKED)
    course = make_course(title="Računala – kombinirano", lessons_per_module=1, attendance_percent=100)
    course.attendance_events.set([event])
    course.save()
    return {
        "event": event,
        "session": event.sessions.get(),
        "course": course,
        "trainer": trainer,
        "first": UserFactory(first_name="Ana", last_name="Prva"),
        "second": UserFactory(first_name="Branko", last_name="Drugi"),
        "regular": regular,
    }


def test_register_waitlist_promotion_checkin_attendance_and_blended_certificate(new_context, blended):
    from certificates.models import Certificate
    from courses.models import Enrolment

    event, session, course = blended["event"], blended["session"], blended["course"]
    first = new_context(user=blended["first"]).new_page()
    first.goto(event.url)
    first.get_by_role("button", name="Prijavi se").click()
    assert "Prijavljeni ste." in first.content()

    second = new_context(user=blended["second"], viewport=NARROW).new_page()
    second.goto(event.url)
    assert "popunjeno — lista čekanja" in second.content()
    second.get_by_role("button", name="Prijavi se na listu čekanja").click()
    assert "Na listi čekanja ste, na 1. mjestu." in second.content()

    mail.outbox.clear()
    first.goto(event.url)
    first.get_by_role("button", name="Otkaži moju prijavu").click()
    assert "Vaša prijava je otkazana." in first.content()
    second.goto(event.url)
    assert "Prijavljeni ste." in second.content()
    promotion = [m for m in mail.outbox if m.to == [blended["second"].email]]
    assert promotion and promotion[0].attachments[0][0] == "poziv.ics"

    # The online part of the blended course: done, but without attendance the course is not complete.
    second.goto(course.url)
    second.get_by_role("button", name="Upiši se u tečaj").click()
    second.goto(course.url)
    second.locator("a", has_text="Lekcija 1.1").first.click()
    second.locator("form[action*='/zavrseno/'] button").click()
    second.goto(course.url)
    assert "Susreta uživo: 0 od 1" in second.content()
    assert Enrolment.objects.get(user=blended["second"], course=course).completed_at is None

    # QR self check-in: the trainer shows the code, the learner opens it and confirms.
    trainer = new_context(user=blended["trainer"]).new_page()
    trainer.goto(f"/program/evidencija/{session.pk}/qr/")
    assert trainer.locator(".checkin-code__qr svg").count() == 1
    checkin_url = trainer.locator(".checkin-code__link a").get_attribute("href")
    second.goto(checkin_url)
    second.get_by_role("button", name="Tu sam").click()
    assert "je zabilježen" in second.content()
    second.goto(checkin_url)
    second.get_by_role("button", name="Tu sam").click()
    assert "Već ste potvrdili dolazak na ovaj susret." in second.content()

    # The trainer marks the others on the phone-first attendance page.
    trainer.goto(f"/program/evidencija/{session.pk}/")
    person = trainer.locator(f"#osoba-{event.registrations.get(user=blended['regular']).pk}")
    person.get_by_role("button", name="Kasni").click()
    assert "Spremljeno: Vesna Redovita – Kasni." in trainer.content()
    checked_in = trainer.locator(f"#osoba-{event.registrations.get(user=blended['second']).pk}")
    assert checked_in.get_by_role("button", name="Prisutan").get_attribute("aria-pressed") == "true"

    # The check-in completed the blended course: the certificate is there.
    assert Enrolment.objects.get(user=blended["second"], course=course).completed_at is not None
    assert Certificate.objects.filter(recipient=blended["second"], subject_key=f"course:{course.pk}").exists()
    second.goto("/moje-ucenje/")
    screenshot(second, "events-dashboard-after-blended-course")
    assert "Računala – kombinirano" in second.locator("#completed-heading ~ ul").inner_text()


@pytest.mark.parametrize("viewport", [NARROW, DESKTOP], ids=["phone-320", "desktop-1280"])
def test_programme_pages_have_no_axe_violations(new_context, viewport):
    from accounts.models import User
    from events.models import EventPage

    event = EventPage.objects.get(slug="racunala-uzivo")
    session = event.sessions.order_by("start").first()
    visitor = new_context(viewport=viewport)
    trainer = new_context(user=User.objects.get(email="trener@kok.test"), viewport=viewport)
    learner = new_context(user=User.objects.get(email="polaznik@kok.test"), viewport=viewport)
    found = {}
    for context, path in (
        (visitor, "/program/"),
        (visitor, "/program/?vrsta=workshop"),
        (visitor, event.url),
        (learner, event.url),
        (trainer, f"/program/evidencija/{session.pk}/"),
        (trainer, f"/program/evidencija/{session.pk}/qr/"),
    ):
        page = context.new_page()
        response = page.goto(path)
        assert response is not None and response.ok, f"{path} answered {response and response.status}"
        screenshot(page, f"a11y-{viewport['width']}-events-{path.strip('/').replace('/', '-').replace('?', '-')}")
        violations = axe_violations(page)
        if violations:
            found[f"{path} @{viewport['width']}px"] = violations
        page.close()
    assert not found, "axe-core found WCAG violations:\n" + format_violations(found)
