"""Issue 13, finding 13 (non-ASCII digits), project-wide: every numeric identifier of our models (an
OIB, a registry number, a phone number, a postal code…) accepts the ASCII digits 0–9 only, through
the validators of ``organisations/validators.py``. The fields are discovered by name, so a new
``postal_code`` or ``*_number`` field in a new app is checked without touching this file."""

import re

import pytest
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse

from organisations import validators

from .bounds import our_models, own_fields

IDENTIFIER = re.compile(r"(^|_)(oib|phone|postal_code|zip|number|mbs|rno|iban)($|_)")
# Names that match the pattern but are not typed numbers.
NOT_TYPED = {}
ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
ASCII_ONLY = (validators.validate_oib, validators.validate_registry_number, validators.validate_phone_number)


def _identifier_fields():
    for model in our_models():
        for field in own_fields(model):
            label = f"{model._meta.label}.{field.name}"
            if isinstance(field, models.CharField) and IDENTIFIER.search(field.name) and label not in NOT_TYPED:
                yield label, field


def test_the_walk_sees_the_new_apps():
    labels = {label for label, _field in _identifier_fields()}
    assert {"organisations.Organisation.oib", "volunteering.VolunteerProfile.phone"} <= labels


def test_every_numeric_identifier_accepts_ascii_digits_only():
    unchecked = [
        label
        for label, field in _identifier_fields()
        if not any(validator is known for validator in field.validators for known in ASCII_ONLY)
    ]
    assert unchecked == [], "add a validator from organisations/validators.py"


@pytest.mark.parametrize("value", ["091 555 0101", "+385 1 234-5678", "(01) 234/5678"])
def test_phone_numbers_as_people_write_them(value):
    validators.validate_phone_number(value)


@pytest.mark.parametrize(
    "value",
    [
        "091 555 0101".translate(ARABIC_INDIC),
        "091 555 0101".translate(SUPERSCRIPT),
        "091\u200b555\u202e0101",
        "0915550101; DROP",
        "12",
    ],
)
def test_phone_numbers_with_other_digits_or_characters_are_refused(value):
    with pytest.raises(ValidationError):
        validators.validate_phone_number(value)


@pytest.mark.django_db
def test_the_volunteer_profile_refuses_arabic_indic_digits_in_croatian(client):
    from volunteering.models import VolunteerProfile

    from .accounts.factories import UserFactory

    user = UserFactory()
    client.force_login(user)
    data = {
        "date_of_birth": "1990-05-01",
        "sex": "z",
        "citizenship": "Hrvatska",
        "county": "zagrebacka",
        "address": "Ulica 1",
        "phone": "091 555 0101".translate(ARABIC_INDIC),
    }
    response = client.post(reverse("volunteering:profile"), data)
    assert response.status_code in (200, 400)
    assert "znamenkama 0–9" in response.content.decode()
    assert not VolunteerProfile.objects.filter(user=user).exists()
    data["phone"] = "091 555 0101"
    assert client.post(reverse("volunteering:profile"), data).status_code == 302
    assert VolunteerProfile.objects.get(user=user).phone == "091 555 0101"
