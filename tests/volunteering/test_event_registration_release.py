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


def _withdraw(client, application):
    client.force_login(application.volunteer)
    return client.post(reverse("volunteering:withdraw", args=[application.pk]), follow=True)


def _cancel_own_booking(client, user, event):
    client.force_login(user)
    client.post(reverse("events:cancel", args=[event.pk]))


def test_a_booking_made_by_a_later_acceptance_is_cancelled_even_after_an_earlier_participant_one(client):
    """A accepted while the person had their own booking; they cancel it; A withdrawn; B accepted (books them);
    B withdrawn: B's booking is cancelled (it used to stay, "as participant", from A's record)."""
    event = make_event(capacity=5, sessions=((48, 2),))
    user = volunteer()
    registration_create(user=user, event=event)
    first = services.application_create(user=user, opportunity=opportunity(event=event))
    _accept(client, first)
    first.refresh_from_db()
    assert first.event_role_before == RegistrationRole.PARTICIPANT
    _cancel_own_booking(client, user, event)
    assert _seat(user, event)[0] == RegistrationStatus.CANCELLED
    _withdraw(client, first)
    second = services.application_create(user=user, opportunity=opportunity(event=event))
    _accept(client, second)
    second.refresh_from_db()
    assert second.event_role_before == ""
    assert _seat(user, event) == (RegistrationStatus.BOOKED, RegistrationRole.VOLUNTEER)
    _withdraw(client, second)
    assert _seat(user, event)[0] == RegistrationStatus.CANCELLED


def test_two_accepted_applications_over_a_participants_booking_give_it_back_as_a_participant(client):
    event, user, first = _participant_who_applies()
    second = services.application_create(user=user, opportunity=opportunity(event=event))
    _accept(client, first)
    _accept(client, second)
    second.refresh_from_db()
    assert second.event_role_before == RegistrationRole.PARTICIPANT  # shared with the first, not "volunteer"
    _withdraw(client, first)
    assert _seat(user, event) == (RegistrationStatus.BOOKED, RegistrationRole.VOLUNTEER)
    _withdraw(client, second)
    assert _seat(user, event) == (RegistrationStatus.BOOKED, RegistrationRole.PARTICIPANT)


def test_an_application_whose_booking_was_cancelled_shares_the_one_a_later_acceptance_made(client):
    """A accepted over the person's booking; they cancel it; B accepted (books them); B withdrawn first, then A:
    the booking B made is cancelled, not handed back "as participant" from A's old record."""
    event, user, first = _participant_who_applies()
    _accept(client, first)
    _cancel_own_booking(client, user, event)
    second = services.application_create(user=user, opportunity=opportunity(event=event))
    _accept(client, second)
    first.refresh_from_db()
    assert first.event_role_before == ""
    _withdraw(client, second)
    assert _seat(user, event) == (RegistrationStatus.BOOKED, RegistrationRole.VOLUNTEER)
    _withdraw(client, first)
    assert _seat(user, event)[0] == RegistrationStatus.CANCELLED


def test_ensure_returns_the_role_before_read_under_the_lock():
    from events.services import volunteer_registration_ensure

    event = make_event(capacity=5, sessions=((48, 2),))
    participant, newcomer = volunteer(), volunteer()
    registration_create(user=participant, event=event)
    assert volunteer_registration_ensure(user=participant, event=event).role_before == RegistrationRole.PARTICIPANT
    again = volunteer_registration_ensure(user=participant, event=event)
    assert (again.role_before, again.registration.role) == (RegistrationRole.VOLUNTEER, RegistrationRole.VOLUNTEER)
    made = volunteer_registration_ensure(user=newcomer, event=event)
    assert (made.role_before, made.registration.status) == ("", RegistrationStatus.BOOKED)
