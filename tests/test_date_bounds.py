"""Issue 13, finding 9 (dates at the edges), project-wide.

A meeting dated 0001-01-01 overflowed a datetime conversion (a 500) and one at 9999-12-31 broke a
calendar. The structural tests find every date field of every front-end form (``<app>/forms.py``) and
of every admin form of our models (page types, settings, viewsets, snippets and their inline panels)
and require the shared bounds of ``kok_learn/validators.py`` (``DateBoundsValidator``, from
``bounded_date_validators`` / ``bound_date_field`` / ``BoundedFormMixin``) on the form field or on
the model field behind it. The HTTP tests post both edge dates through every public form of events,
volunteering and reports (mentoring's are in tests/mentoring/test_security_probe.py): a Croatian
message, no 500, nothing saved.
"""

import datetime
import uuid

import pytest
from django import forms
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.urls import reverse
from django.utils import timezone, translation

from kok_learn.validators import BoundedFormMixin, DateBoundsValidator

from .bounds import admin_forms, form_fields, front_end_forms

EDGES = ["0001-01-01", "9999-12-31"]

# Wagtail's own scheduling fields of every page (``go_live_at``/``expire_at``, defined on
# wagtailcore.Page, not by us): editors only, and Wagtail's scheduler reads them.
WAGTAIL_PAGE_FIELDS = {"go_live_at", "expire_at"}


def _birth_date_validators():
    # Dates of birth have their own bounds in accounts (not in the future, not before 1900), shared by
    # sign-up and the profile; they are bounds of the same kind.
    from accounts.forms import validate_birth_date as accounts_birth_date
    from volunteering.models import validate_birth_date as volunteering_birth_date

    return {accounts_birth_date, volunteering_birth_date}


def _bounded(validators) -> bool:
    known = _birth_date_validators()
    return any(isinstance(v, DateBoundsValidator) or v in known for v in validators)


def _model_validators(model, name) -> list:
    if model is None:
        return []
    try:
        return list(model._meta.get_field(name).validators)
    except FieldDoesNotExist:
        return []


def _date_fields(fields):
    return [
        (name, field)
        for name, field in fields.items()
        if isinstance(field, forms.DateField | forms.DateTimeField | forms.SplitDateTimeField)
    ]


def test_the_walks_see_the_new_apps():
    front = {label for label, _cls in front_end_forms()}
    assert {"events.forms.BirthDateForm", "volunteering.forms.HoursForm", "reports.forms.ReportForm"} <= front
    admin = {label for label, _model, _form in admin_forms()}
    assert any(label.startswith("page events.EventPage inline") for label in admin)
    assert "setting reports.ReportingSettings" in admin


def test_every_date_field_of_every_front_end_form_is_bounded():
    unbounded = []
    for label, cls in front_end_forms():
        model = getattr(getattr(cls, "_meta", None), "model", None)
        for name, field in _date_fields(form_fields(cls)):
            if issubclass(cls, BoundedFormMixin):
                continue  # bounds every date field in __init__
            if not (_bounded(field.validators) or _bounded(_model_validators(model, name))):
                unbounded.append(f"{label}.{name}")
    assert unbounded == [], "use bound_date_field() / BoundedFormMixin (kok_learn/validators.py)"


def test_every_date_field_of_every_admin_form_is_bounded():
    unbounded = [
        f"{label}.{name}"
        for label, model, form_class in admin_forms()
        for name, field in _date_fields(form_class.base_fields)
        if name not in WAGTAIL_PAGE_FIELDS
        and not (_bounded(field.validators) or _bounded(_model_validators(model, name)))
    ]
    assert unbounded == [], "give the model field bounded_date_validators() (kok_learn/validators.py)"


@pytest.mark.parametrize("value", [datetime.date(1, 1, 1), datetime.date(9999, 12, 31)])
def test_admin_edited_dates_of_the_new_apps_refuse_the_edges_in_croatian(value):
    from certificates.models import Certificate
    from events.models import EventPage, EventSession
    from home.models import NewsArticlePage
    from organisations.models import OrganisationMembership
    from reports.models import ParticipantRecord, ReportingSettings
    from volunteering.models import OpportunityPage

    moment = datetime.datetime.combine(value, datetime.time(12), tzinfo=datetime.UTC)
    cases = [
        (EventSession, "start", moment),
        (EventPage, "registration_deadline", moment),
        (OpportunityPage, "start_date", value),
        (OpportunityPage, "end_date", value),
        (ReportingSettings, "project_start", value),
        (ReportingSettings, "project_end", value),
        (ParticipantRecord, "entered_on", value),
        (ParticipantRecord, "date_of_birth", value),
        (OrganisationMembership, "joined_on", value),
        (Certificate, "issued_on", value),
        (Certificate, "expires_on", value),
        (Certificate, "revoked_at", moment),
        (NewsArticlePage, "date", value),
    ]
    with translation.override("hr"):
        for model, name, typed in cases:
            with pytest.raises(ValidationError) as error:
                model._meta.get_field(name).run_validators(typed)
            text = " ".join(error.value.messages)
            assert "datum" in text.lower(), f"{model.__name__}.{name}: {text}"


# --- HTTP: every public form of events, volunteering and reports ---------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("value", EDGES)
def test_an_age_limited_event_registration_refuses_edge_birth_dates(client, value):
    from events.models import Registration

    from .accounts.factories import UserFactory
    from .events.factories import make_event

    event = make_event(min_age=6, max_age=12)
    client.force_login(UserFactory(date_of_birth=None))
    response = client.post(reverse("events:register", args=[event.pk]), {"date_of_birth": value}, follow=True)
    assert response.status_code == 200
    assert "Upišite stvarni datum rođenja." in response.content.decode()
    assert not Registration.objects.filter(event=event).exists()


@pytest.mark.django_db
@pytest.mark.parametrize("value", EDGES)
def test_the_volunteer_profile_refuses_edge_birth_dates(client, value):
    from volunteering.models import VolunteerProfile

    from .accounts.factories import UserFactory

    user = UserFactory()
    client.force_login(user)
    data = {
        "date_of_birth": value,
        "sex": "z",
        "citizenship": "Hrvatska",
        "county": "zagrebacka",
        "address": "Ulica 1",
        "phone": "",
    }
    response = client.post(reverse("volunteering:profile"), data)
    assert response.status_code in (200, 400)
    assert "Upišite stvarni datum rođenja" in response.content.decode()
    assert not VolunteerProfile.objects.filter(user=user).exists()


@pytest.mark.django_db
@pytest.mark.parametrize("value", EDGES)
def test_volunteering_hours_and_confirmations_refuse_edge_dates(client, value):
    from volunteering.models import Confirmation, HourEntry

    from .volunteering.factories import accepted_application

    application = accepted_application()
    client.force_login(application.volunteer)
    hours = {"date": value, "hours": "3", "activity": "Pomoć", "submission": str(uuid.uuid4())}
    response = client.post(reverse("volunteering:hours", args=[application.pk]), hours)
    assert response.status_code in (200, 400)
    assert "Datum ne može biti" in response.content.decode()
    assert not HourEntry.objects.filter(application=application).exists()
    yesterday = (timezone.localdate() - datetime.timedelta(days=1)).isoformat()
    for start, end in ((value, yesterday), (yesterday, value)):
        response = client.post(
            reverse("volunteering:confirmation_request", args=[application.pk]),
            {"kind": "volontiranje", "period_start": start, "period_end": end},
        )
        assert response.status_code in (200, 400)
        assert "Datum ne može biti" in response.content.decode()
    assert not Confirmation.objects.filter(application=application).exists()


@pytest.mark.django_db
@pytest.mark.parametrize("value", EDGES)
def test_the_esf_entry_form_refuses_edge_birth_dates(client, value):
    from reports.models import ParticipantRecord

    from .reports.factories import UserFactory

    person = UserFactory()
    client.force_login(person)
    data = {
        "filled_by": "self",
        "sex": "female",
        "date_of_birth": value,
        "employment_status": "unemployed",
        "unemployed_months": "20",
        "isced": "3",
        "county": "Zagrebačka",
        "rural": "yes",
    }
    response = client.post(reverse("reports:entry_form"), data)
    assert response.status_code == 400
    assert "stvarni datum rođenja" in response.content.decode()
    assert not ParticipantRecord.objects.filter(user=person).exists()


@pytest.mark.django_db
@pytest.mark.parametrize("value", EDGES)
@pytest.mark.parametrize("name", ["reports:indicators", "reports:project_report"])
def test_the_report_periods_refuse_edge_dates(client, value, name):
    from accounts.models import User

    client.force_login(User.objects.get(email="koordinator@kok.test"))
    for start, end in ((value, "2024-12-31"), ("2024-01-01", value)):
        response = client.get(reverse(name), {"start": start, "end": end, "activity": ""})
        assert response.status_code == 400, name
        assert "Odaberite datum između 1. siječnja 2014." in response.content.decode()
