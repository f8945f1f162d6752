"""Declining or withdrawing an accepted application cancels the event registration its acceptance made
(the waiting list moves up, with its e-mail); a registration the person had as a participant stays."""

import pytest
from django.core import mail
from django.urls import reverse

from events.models import Registration, RegistrationRole, RegistrationStatus
from events.services import registration_create
from tests.events.factories import make_event
from volunteering import services
from volunteering.models import Application

from .factories import coordinator_of, opportunity, volunteer

pytestmark = pytest.mark.django_db


def _accept(client, application):
    client.force_login(coordinator_of(application.organisation))
    client.post(reverse("volunteering_application_decide", args=[application.pk]), {"action": "accept"})


def _decline(client, application, reason="Termin je popunjen."):
    client.force_login(coordinator_of(application.organisation))
    return client.post(
        reverse("volunteering_application_decide", args=[application.pk]),
        {"action": "decline", "reason": reason},
        follow=True,
    )


def _full_event_with_a_waiting_participant(client):
    event = make_event(title="Kulturna večer", capacity=1, sessions=((48, 2),))
    application = services.application_create(user=volunteer(), opportunity=opportunity(event=event))
    _accept(client, application)
    waiting = registration_create(user=volunteer(), event=event)
    assert (waiting.status, waiting.waitlist_position) == (RegistrationStatus.WAITLISTED, 1)
    return event, application, waiting


def test_declining_an_accepted_application_cancels_its_registration_and_promotes_the_waiting(
    client, django_capture_on_commit_callbacks
):
    event, application, waiting = _full_event_with_a_waiting_participant(client)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = _decline(client, application)
    assert response.status_code == 200
    application.refresh_from_db()
    assert application.state == Application.State.DECLINED
    seat = Registration.objects.get(user=application.volunteer, event=event)
    assert seat.status == RegistrationStatus.CANCELLED
    assert seat.cancel_reason == "Prijava za volontiranje je odbijena."
    waiting.refresh_from_db()
    assert (waiting.status, waiting.waitlist_position) == (RegistrationStatus.BOOKED, None)
    assert any(waiting.user.email in message.to for message in mail.outbox)  # the promotion e-mail


def test_withdrawing_an_accepted_application_cancels_its_registration(client, django_capture_on_commit_callbacks):
    event, application, waiting = _full_event_with_a_waiting_participant(client)
    client.force_login(application.volunteer)
    assert "Povuci prijavu" in client.get(reverse("volunteering:my")).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("volunteering:withdraw", args=[application.pk]), follow=True)
    assert "Povukli ste prijavu." in response.content.decode()
    application.refresh_from_db()
    assert application.state == Application.State.WITHDRAWN
    assert Registration.objects.get(user=application.volunteer, event=event).status == RegistrationStatus.CANCELLED
    waiting.refresh_from_db()
    assert waiting.status == RegistrationStatus.BOOKED
    # Withdrawing twice: a clear message, nothing changes.
    again = client.post(reverse("volunteering:withdraw", args=[application.pk]), follow=True)
    assert "Ova je prijava već završena." in again.content.decode()


def test_someone_else_cannot_withdraw_the_application(client):
    event, application, _waiting = _full_event_with_a_waiting_participant(client)
    client.force_login(volunteer())
    assert client.post(reverse("volunteering:withdraw", args=[application.pk])).status_code == 404
    application.refresh_from_db()
    assert application.state == Application.State.ACCEPTED
    assert Registration.objects.get(user=application.volunteer, event=event).status == RegistrationStatus.BOOKED


def _participant_who_applies():
    """Someone booked on an event as a participant who then applies to volunteer at it."""
    event = make_event(capacity=1, sessions=((48, 2),))
    user = volunteer()
    registration_create(user=user, event=event)
    application = services.application_create(user=user, opportunity=opportunity(event=event))
    return event, user, application


def _seat(user, event):
    registration = Registration.objects.get(user=user, event=event)
    return registration.status, registration.role


def test_a_participant_before_keeps_the_seat_as_a_participant(client):
    event, user, application = _participant_who_applies()
    _accept(client, application)
    assert Registration.objects.get(user=user, event=event).role == RegistrationRole.VOLUNTEER
    _decline(client, application)
    assert _seat(user, event) == (RegistrationStatus.BOOKED, RegistrationRole.PARTICIPANT)


def test_declining_a_pending_application_touches_no_registration(client):
    event, user, application = _participant_who_applies()
    _decline(client, application)
    assert _seat(user, event) == (RegistrationStatus.BOOKED, RegistrationRole.PARTICIPANT)


def test_another_accepted_application_for_the_same_event_keeps_the_registration(client):
    event = make_event(capacity=5, sessions=((48, 2),))
    user = volunteer()
    first = services.application_create(user=user, opportunity=opportunity(event=event))
    second = services.application_create(user=user, opportunity=opportunity(event=event))
    _accept(client, first)
    _accept(client, second)
    _decline(client, first)
    assert _seat(user, event) == (RegistrationStatus.BOOKED, RegistrationRole.VOLUNTEER)
    _decline(client, second)
    assert _seat(user, event)[0] == RegistrationStatus.CANCELLED


VOLUNTEER_LINE = "Vaša prijava za volontiranje na događanju"


def test_my_volunteering_does_not_call_a_participants_own_booking_a_volunteers_registration(client):
    event, user, application = _participant_who_applies()
    client.force_login(user)
    page = client.get(reverse("volunteering:my")).content.decode()
    assert application.opportunity.title in page
    assert VOLUNTEER_LINE not in page  # pending: the booking is the person's own, as a participant
    _accept(client, application)
    client.force_login(user)
    page = client.get(reverse("volunteering:my")).content.decode()
    assert f"{VOLUNTEER_LINE} {event.title}: Prijavljen/a" in page
    _decline(client, application)
    client.force_login(user)
    assert VOLUNTEER_LINE not in client.get(reverse("volunteering:my")).content.decode()
