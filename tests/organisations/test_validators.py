"""Numeric identifiers accept only the ASCII digits 0–9 (issue 13, finding 13)."""

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError

from accounts import roles
from organisations.models import Organisation
from organisations.validators import is_valid_oib, validate_oib, validate_registry_number
from tests.accounts.factories import UserFactory

from .factories import OrganisationFactory

VALID = "69435151530"
ARABIC_INDIC = VALID.translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))
SUPERSCRIPT = VALID.translate(str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹"))
FULLWIDTH = VALID.translate(str.maketrans("0123456789", "０１２３４５６７８９"))


@pytest.mark.parametrize("value", [ARABIC_INDIC, SUPERSCRIPT, FULLWIDTH, "6943515153٠"])
def test_non_ascii_digits_are_not_an_oib(value):
    assert not is_valid_oib(value)
    with pytest.raises(ValidationError) as error:
        validate_oib(value)
    assert error.value.messages == ["OIB ima točno 11 znamenki."]


@pytest.mark.parametrize("value", ["٠١٠٠٠٤١٢", "01000412²", "０１０００４１２", "0100 0412", "-1000412"])
def test_registry_number_accepts_ascii_digits_only(value):
    with pytest.raises(ValidationError) as error:
        validate_registry_number(value)
    assert error.value.messages == ["Registarski broj sadrži samo znamenke 0–9."]


def test_registry_number_of_ascii_digits_passes():
    validate_registry_number("01000412")
    validate_registry_number("")


@pytest.mark.django_db
def test_admin_refuses_an_arabic_indic_copy_of_an_existing_oib(client):
    OrganisationFactory(oib=VALID)
    coordinator = UserFactory(is_staff=True)
    coordinator.groups.add(Group.objects.get(name=roles.COORDINATOR))
    client.force_login(coordinator)
    for oib in (ARABIC_INDIC, SUPERSCRIPT):
        response = client.post(
            "/admin/mentoring/organisations/new/",
            {
                "name": f"Udruga {oib}",
                "oib": oib,
                "registry_number": "",
                "kind": "udruga",
                "experience": "nova",
                "founding_year": "2024",
                "municipality": "Kravarsko",
                "description": "",
            },
        )
        assert response.status_code == 200
        assert "OIB ima točno 11 znamenki." in response.content.decode()
    assert Organisation.objects.filter(oib__in=[ARABIC_INDIC, SUPERSCRIPT]).count() == 0
