"""Events "on approval": a coordinator approves (seat or waiting list, never over capacity) or declines with a
reason from the admin listing; the person is told by e-mail and sees the pending state meanwhile."""

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse

from accounts import roles
from events import selectors, services
from events.models import Registration, RegistrationMode, RegistrationStatus

from .factories import UserFactory, make_event

pytestmark = pytest.mark.django_db


def _with_role(role, **fields):
    user = UserFactory(is_staff=role in (roles.COORDINATOR, roles.EDITOR), **fields)
    user.groups.add(Group.objects.get(name=role))
    return user


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def event():
    return make_event(title="Radionica brendiranja", capacity=1, registration_mode=RegistrationMode.APPROVAL)


def _pending(event, **fields):
    registration = services.registration_create(user=UserFactory(**fields), event=event)
    assert registration.status == RegistrationStatus.PENDING
    return registration


# --- services --------------------------------------------------------------------------------------


def test_approve_books_a_free_seat_and_mails_the_invitation(event, committed):
    registration = _pending(event, email="ana.horvat@primjer.hr")
    mail.outbox.clear()
    with committed():
        services.registration_approve(registration=registration)
        services.registration_approve(registration=registration)  # again: nothing more happens
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.BOOKED
    assert [m.to for m in mail.outbox] == [["ana.horvat@primjer.hr"]]
    message = mail.outbox[0]
    assert "Prijava odobrena: Radionica brendiranja" in message.subject
    assert "odobrena" in message.body and "mjesto" in message.body
    name, content, mimetype = message.attachments[0]
    assert name == "poziv.ics" and "SUMMARY:Radionica brendiranja" in content


def test_approve_never_exceeds_capacity_the_second_waits_with_a_position(event, committed):
    first, second, third = _pending(event), _pending(event), _pending(event)
    mail.outbox.clear()
    with committed():
        for registration in (first, second, third):
            services.registration_approve(registration=registration)
    statuses = [Registration.objects.get(pk=r.pk) for r in (first, second, third)]
    assert [(r.status, r.waitlist_position) for r in statuses] == [
        ("booked", None),
        ("waitlisted", 1),
        ("waitlisted", 2),
    ]
    assert selectors.seats_taken(event=event) == 1
    waiting_mail = mail.outbox[1]
    assert "na listi čekanja, na 1. mjestu" in waiting_mail.body and not waiting_mail.attachments
    assert "na listi čekanja, na 2. mjestu" in mail.outbox[2].body


def test_decline_cancels_with_the_reason_and_mails_it(event, committed):
    registration = _pending(event, email="marko.kos@primjer.hr")
    mail.outbox.clear()
    with committed():
        services.registration_decline(registration=registration, reason="  Radionica je   za poduzetnike. ")
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CANCELLED
    assert registration.cancel_reason == "Radionica je za poduzetnike."
    assert registration.cancelled_at is not None
    assert [m.to for m in mail.outbox] == [["marko.kos@primjer.hr"]]
    message = mail.outbox[0]
    assert "nije odobrena" in message.subject.lower()
    assert "Radionica je za poduzetnike." in message.body and not message.attachments


@pytest.mark.parametrize("reason", ["", "   ", "x" * 301])
def test_decline_needs_a_short_reason_and_saves_nothing(event, reason):
    registration = _pending(event)
    with pytest.raises(ValidationError) as error:
        services.registration_decline(registration=registration, reason=reason)
    assert any(word in error.value.messages[0] for word in ("razlog", "Razlog", "znakova"))
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.PENDING


def test_only_pending_registrations_can_be_declined():
    event = make_event(capacity=5)
    booked = services.registration_create(user=UserFactory(), event=event)
    with pytest.raises(ValidationError):
        services.registration_decline(registration=booked, reason="Ne.")
    booked.refresh_from_db()
    assert booked.status == RegistrationStatus.BOOKED


# --- the admin listing -----------------------------------------------------------------------------


def _listing(client, event):
    return client.get(reverse("event_registrations:index"), {"event": event.pk}).content.decode()


def test_coordinator_sees_the_buttons_on_pending_rows_only(client, event):
    pending = _pending(event)
    other = make_event(title="Otvorena radionica", capacity=5)
    booked = services.registration_create(user=UserFactory(), event=other)
    client.force_login(_with_role(roles.COORDINATOR))
    html = _listing(client, event)
    assert reverse("event_registrations:approve", args=[pending.pk]) in html
    assert reverse("event_registrations:decline", args=[pending.pk]) in html
    assert "Odobri" in html and "Odbij" in html
    assert reverse("event_registrations:approve", args=[booked.pk]) not in _listing(client, other)


def test_editor_sees_no_button_and_cannot_approve(client, event):
    pending = _pending(event)
    client.force_login(_with_role(roles.EDITOR))
    listing = client.get(reverse("event_registrations:index"))
    assert reverse("event_registrations:approve", args=[pending.pk]) not in listing.content.decode()
    for name, data in (("approve", {}), ("decline", {"reason": "Ne."})):
        response = client.post(reverse(f"event_registrations:{name}", args=[pending.pk]), data)
        assert response.status_code == 403
        assert "Nemate pravo odobravati ni odbijati prijave." in response.content.decode()
    pending.refresh_from_db()
    assert pending.status == RegistrationStatus.PENDING


@pytest.mark.parametrize("role", [roles.TRAINER, roles.LEARNER])
def test_trainers_and_learners_are_refused(client, event, role):
    """They have no admin access at all: Wagtail sends them to the sign-in page, as for every admin URL."""
    pending = _pending(event)
    user = _with_role(role)
    event.trainers.add(user)
    client.force_login(user)
    for name, data in (("approve", {}), ("decline", {"reason": "Ne."})):
        response = client.post(reverse(f"event_registrations:{name}", args=[pending.pk]), data)
        assert response.status_code == 302 and "/racun/prijava/" in response["Location"]
    pending.refresh_from_db()
    assert pending.status == RegistrationStatus.PENDING


def test_get_is_refused_with_405(client, event):
    pending = _pending(event)
    client.force_login(_with_role(roles.COORDINATOR))
    for name in ("approve", "decline"):
        assert client.get(reverse(f"event_registrations:{name}", args=[pending.pk])).status_code == 405
    pending.refresh_from_db()
    assert pending.status == RegistrationStatus.PENDING


def test_unknown_registration_is_404(client):
    client.force_login(_with_role(roles.COORDINATOR))
    assert client.post(reverse("event_registrations:approve", args=[999999])).status_code == 404


def test_coordinator_approves_then_the_next_waits(client, event, committed):
    first = _pending(event, first_name="Ivana", last_name="Kos", email="ivana.kos@primjer.hr")
    second = _pending(event, first_name="Petar", last_name="Novak")
    mail.outbox.clear()
    client.force_login(_with_role(roles.COORDINATOR))
    with committed():
        response = client.post(reverse("event_registrations:approve", args=[first.pk]), follow=True)
    html = response.content.decode()
    assert response.status_code == 200 and "Ivana Kos" in html and "e-poštom" in html
    first.refresh_from_db()
    assert first.status == RegistrationStatus.BOOKED
    assert [m.to for m in mail.outbox] == [["ivana.kos@primjer.hr"]]
    assert mail.outbox[0].attachments[0][0] == "poziv.ics"

    with committed():
        response = client.post(reverse("event_registrations:approve", args=[second.pk]), follow=True)
    second.refresh_from_db()
    assert second.status == RegistrationStatus.WAITLISTED and second.waitlist_position == 1
    assert "Petar Novak" in response.content.decode() and "listi čekanja" in response.content.decode()
    assert selectors.seats_taken(event=event) == 1


def test_coordinator_declines_with_a_reason(client, event, committed):
    pending = _pending(event, first_name="Ivana", last_name="Kos", email="ivana.kos@primjer.hr")
    mail.outbox.clear()
    client.force_login(_with_role(roles.COORDINATOR))
    url = reverse("event_registrations:decline", args=[pending.pk])

    response = client.post(url, {"reason": ""}, follow=True)
    assert "razlog" in response.content.decode().lower()
    pending.refresh_from_db()
    assert pending.status == RegistrationStatus.PENDING and not mail.outbox

    with committed():
        response = client.post(url, {"reason": "Popunjeno za ovu skupinu."}, follow=True)
    assert "Ivana Kos" in response.content.decode()
    pending.refresh_from_db()
    assert pending.status == RegistrationStatus.CANCELLED
    assert pending.cancel_reason == "Popunjeno za ovu skupinu."
    assert [m.to for m in mail.outbox] == [["ivana.kos@primjer.hr"]]
    assert "Popunjeno za ovu skupinu." in mail.outbox[0].body


# --- what the person sees --------------------------------------------------------------------------


def test_the_person_sees_the_pending_state_on_the_event_and_in_moje_ucenje(client, event):
    registration = _pending(event)
    client.force_login(registration.user)
    page = client.get(event.url).content.decode()
    assert "čeka odobrenje" in page
    dashboard = client.get(reverse("courses:dashboard")).content.decode()
    assert "Čeka odobrenje" in dashboard and "Radionica brendiranja" in dashboard
