"""Issue 13, finding 17 (names made of invisible characters or with right-to-left overrides), project-wide.

Every name of a person or an organisation that our models store (fields called ``name`` or ``*_name``)
goes through ``kok_learn/names.py``: the model field carries ``validate_person_name`` (and, for names
typed in the admin or copied by a service, ``CleanNamesMixin`` cleans them before validation), and every
front-end form field for a name is a ``PersonNameField``. Fields are discovered, so a new ``*_name``
must either be checked or be listed below with the reason it is not a name of a person or organisation.
"""

import pytest
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse

from kok_learn.names import PersonNameField, validate_person_name

from .bounds import form_fields, front_end_forms, our_models, own_fields

ZERO_WIDTH = "\u200b\u200c\u200d\ufeff"
RLO = "\u202e"

NOT_A_NAME_OF_SOMEONE = {
    "certificates.CertificateTemplate.name": "the template's label in the admin, never printed",
    "certificates.Certificate.pdf_name": "a file name our code writes",
    "events.Audience.name": "a label of a group of people (youth, seniors), chosen by editors",
    "events.Place.name": "a venue, not a person or an organisation",
    "courses.CourseCategory.name": "a category label",
    "mentoring.CapacityInstrument.name": "the title of an assessment instrument",
    "mentoring.CapacityArea.name": "the title of an assessment area",
    "mentoring.Programme.name": "the title of a programme",
    "home.FundingNotice.project_name": "the title of the funded project",
    "home.FundingNotice.fund_name": "the name of an EU fund, set by staff",
}


def _name_fields():
    for model in our_models():
        for field in own_fields(model):
            if isinstance(field, models.CharField) and (field.name == "name" or field.name.endswith("_name")):
                yield f"{model._meta.label}.{field.name}", field


def test_the_walk_sees_the_new_apps():
    labels = {label for label, _field in _name_fields()}
    assert {"organisations.Organisation.name", "events.Registration.walk_in_name"} <= labels
    assert "volunteering.VolunteeringConsent.guardian_name" in labels


def test_every_name_of_a_person_or_organisation_is_checked_in_the_model():
    unchecked = [
        label
        for label, field in _name_fields()
        if label not in NOT_A_NAME_OF_SOMEONE and validate_person_name not in field.validators
    ]
    assert unchecked == [], "add validate_person_name (and CleanNamesMixin) or list the field with a reason"


def test_every_name_field_of_every_front_end_form_is_a_person_name_field():
    plain = [
        f"{label}.{name}"
        for label, cls in front_end_forms()
        for name, field in form_fields(cls).items()
        if (name == "name" or name.endswith("_name")) and not isinstance(field, PersonNameField)
    ]
    assert plain == []


@pytest.mark.django_db
def test_an_organisation_name_is_cleaned_and_one_without_letters_is_refused():
    from .organisations.factories import OrganisationFactory

    organisation = OrganisationFactory.build(name=f"Udruga{ZERO_WIDTH} {RLO}Kravarsko  c\u030c")
    organisation.full_clean(validate_unique=False)
    assert organisation.name == "Udruga Kravarsko č"
    organisation.name = ZERO_WIDTH + RLO
    with pytest.raises(ValidationError) as error:
        organisation.full_clean(validate_unique=False)
    assert "name" in error.value.message_dict


@pytest.mark.django_db
@pytest.mark.parametrize(
    "model_path", ["certificates.models.Signatory", "courses.models.CourseInstructor", "home.models.Partner"]
)
def test_names_typed_in_the_admin_are_cleaned(model_path):
    import importlib

    module, name = model_path.rsplit(".", 1)
    model = getattr(importlib.import_module(module), name)
    instance = model(name=f"{RLO}Ana{ZERO_WIDTH} Kovač")
    instance.clean_fields(exclude=[f.name for f in model._meta.fields if f.name != "name"])
    assert instance.name == "Ana Kovač"
    instance.name = ZERO_WIDTH
    with pytest.raises(ValidationError):
        instance.clean_fields(exclude=[f.name for f in model._meta.fields if f.name != "name"])


@pytest.mark.django_db
def test_a_walk_in_made_of_invisible_characters_is_refused_and_a_real_one_is_cleaned(client):
    from events.models import Registration

    from .events.factories import UserFactory, make_event

    trainer = UserFactory()
    event = make_event(capacity=100, trainers=[trainer], sessions=((-0.5, 2),))
    session = event.sessions.get()
    client.force_login(trainer)
    url = reverse("events:walk_in", args=[session.pk])
    response = client.post(url, {"name": ZERO_WIDTH + RLO}, follow=True)
    assert "Ime mora sadržavati barem jedno slovo." in response.content.decode()
    assert not Registration.objects.filter(event=event).exists()
    response = client.post(url, {"name": f"{RLO}Kata{ZERO_WIDTH} Horvat"}, follow=True)
    assert Registration.objects.get(event=event).walk_in_name == "Kata Horvat"
    assert RLO not in response.content.decode() and "Kata Horvat" in response.content.decode()


@pytest.mark.django_db
def test_a_guardian_name_without_letters_is_refused_and_nothing_is_saved(client):
    from volunteering.models import Application, VolunteeringConsent

    from .volunteering.factories import opportunity, volunteer

    opp = opportunity(minimum_age=15)
    teen = volunteer(age=16)
    client.force_login(teen)
    url = reverse("volunteering:apply", args=[opp.pk])
    response = client.post(url, {"guardian_name": ZERO_WIDTH, "guardian_email": "marija@primjer.test"})
    assert response.status_code == 400
    assert "Ime mora sadržavati barem jedno slovo." in response.content.decode()
    assert not Application.objects.filter(volunteer=teen).exists()
    client.post(url, {"guardian_name": f"Marija{ZERO_WIDTH} {RLO}Kovač", "guardian_email": "marija@primjer.test"})
    assert VolunteeringConsent.objects.get(application__volunteer=teen).guardian_name == "Marija Kovač"
