import datetime

import pytest
from django.core.exceptions import ValidationError

from mentoring.models import CapacityInstrument, Organisation, Pairing
from mentoring.validators import is_valid_oib, oib_check_digit, validate_oib

from .factories import OrganisationFactory, PairingFactory, ProgrammeFactory


@pytest.mark.parametrize("oib", ["69435151530", "94577403194", "00000000001"])
def test_valid_oibs_pass(oib):
    assert is_valid_oib(oib)
    validate_oib(oib)


@pytest.mark.parametrize("oib", ["69435151531", "94577403195", "12345678901"])
def test_wrong_check_digit_is_rejected_in_croatian(oib):
    with pytest.raises(ValidationError) as error:
        validate_oib(oib)
    assert "kontrolna znamenka ne odgovara" in error.value.messages[0]


@pytest.mark.parametrize("oib", ["6943515153", "694351515300", "6943515153a", ""])
def test_oib_format_is_rejected(oib):
    with pytest.raises(ValidationError) as error:
        validate_oib(oib)
    assert error.value.messages == ["OIB ima točno 11 znamenki."]


def test_check_digit_10_becomes_0():
    # ISO 7064 MOD 11,10: a computed 10 is written as 0; every ten-digit prefix gets a digit 0-9.
    for prefix in ("0000000000", "1234567890", "9999999999"):
        assert 0 <= oib_check_digit(prefix) <= 9


@pytest.mark.django_db
def test_organisation_with_invalid_oib_fails_full_clean():
    org = Organisation(
        name="Udruga s pogrešnim OIB-om",
        oib="12345678901",
        kind=Organisation.Kind.ASSOCIATION,
        founding_year=2020,
        experience=Organisation.Experience.EMERGING,
    )
    with pytest.raises(ValidationError) as error:
        org.full_clean()
    assert "oib" in error.value.message_dict


@pytest.mark.django_db
def test_founding_year_in_the_future_is_rejected():
    org = OrganisationFactory.build(founding_year=datetime.date.today().year + 2)
    with pytest.raises(ValidationError) as error:
        org.full_clean()
    assert "Godina osnivanja" in error.value.message_dict["founding_year"][0]


@pytest.mark.django_db
def test_programme_end_before_start_is_rejected():
    programme = ProgrammeFactory.build(start_date=datetime.date(2026, 5, 1), end_date=datetime.date(2026, 4, 1))
    with pytest.raises(ValidationError) as error:
        programme.full_clean()
    assert error.value.message_dict["end_date"] == ["Datum završetka ne može biti prije datuma početka."]


@pytest.mark.django_db
def test_pairing_end_before_start_and_self_mentoring_are_rejected():
    org = OrganisationFactory()
    pairing = PairingFactory.build(
        programme=ProgrammeFactory(),
        mentor_organisation=org,
        mentee_organisation=org,
        start_date=datetime.date(2026, 5, 1),
        end_date=datetime.date(2026, 4, 1),
    )
    with pytest.raises(ValidationError) as error:
        pairing.full_clean()
    assert "end_date" in error.value.message_dict
    assert error.value.message_dict["mentee_organisation"] == ["Organizacija ne može mentorirati samu sebe."]


@pytest.mark.django_db
def test_local_government_cannot_be_in_a_pairing():
    municipality = OrganisationFactory(kind=Organisation.Kind.LOCAL_GOVERNMENT)
    assert not municipality.is_cso
    pairing = PairingFactory.build(
        programme=ProgrammeFactory(), mentor_organisation=OrganisationFactory(), mentee_organisation=municipality
    )
    with pytest.raises(ValidationError) as error:
        pairing.full_clean()
    assert "jedinica lokalne samouprave je partner" in error.value.message_dict["mentee_organisation"][0]


@pytest.mark.django_db
def test_default_instrument_from_the_data_migration():
    instrument = CapacityInstrument.objects.get(is_default=True)
    areas = list(instrument.areas.all())
    assert [a.slug for a in areas] == [
        "upravljanje-i-vodstvo",
        "stratesko-planiranje",
        "financijsko-upravljanje",
        "upravljanje-projektima-i-eu-fondovi",
        "ljudski-resursi-i-volonteri",
        "komunikacija-i-brendiranje",
        "partnerstva-i-zagovaranje",
        "digitalne-vjestine",
    ]
    for area in areas:
        statements = list(area.statements.all())
        assert 3 <= len(statements) <= 5
        for statement in statements:
            assert all(text.strip() for _, text in statement.levels)
    assert areas[2].name == "Financijsko upravljanje"


def test_state_machine_allows_only_the_documented_transitions():
    S = Pairing.State
    assert Pairing.TRANSITIONS[S.PROPOSED] == (S.ACTIVE, S.ENDED_EARLY)
    assert S.PROPOSED not in Pairing.TRANSITIONS[S.ACTIVE]
    assert S.ACTIVE in Pairing.TRANSITIONS[S.PAUSED]
    assert Pairing.TRANSITIONS[S.COMPLETED] == ()
    assert Pairing.TRANSITIONS[S.ENDED_EARLY] == ()
