"""Every indicator of both sets, counted by sex over participants whose answers are known.

The population (tests/reports/factories.py::known_population) is worked out by hand below: five
complete records in the period (two women, two men, one non-binary person), one incomplete record
(no education; counted in the total number of participants only) and one person who started before
the period (not counted).
"""

import datetime

import pytest
from django.core.exceptions import ValidationError

from reports import selectors, services
from reports.indicators import esf2014, esf2021
from reports.models import ExitRecord

from .factories import PERIOD, household_population, known_population, make_participant

# code: (women, men, total)
EXPECTED_2014 = {
    "TOTAL": (2, 2, 6),
    "CO01": (1, 1, 2),
    "CO02": (1, 1, 2),
    "CO03": (1, 1, 2),
    "CO04": (1, 0, 1),
    "CO05": (0, 0, 1),
    "CO06": (0, 2, 2),
    "CO07": (1, 0, 1),
    "CO08": (1, 0, 1),
    "CO09": (1, 1, 2),
    "CO10": (1, 0, 1),
    "CO11": (0, 1, 2),
    "CO12": (0, 0, 0),
    "CO13": (0, 0, 0),
    "CO14": (0, 0, 0),
    "CO15": (1, 1, 3),
    "CO16": (1, 0, 1),
    "CO17": (1, 0, 1),
    "CO18": (1, 0, 1),
    "CO19": (2, 1, 3),
    "CR01": (0, 1, 1),
    "CR02": (0, 1, 1),
    "CR03": (1, 0, 1),
    "CR04": (1, 0, 2),
}

# code: (women, men, non-binary, total)
EXPECTED_2021 = {
    "EECO01": (2, 2, 1, 6),
    "EECO02": (1, 1, 0, 2),
    "EECO03": (1, 1, 0, 2),
    "EECO04": (1, 1, 0, 2),
    "EECO05": (0, 0, 1, 1),
    "EECO06": (0, 1, 0, 1),
    "EECO07": (1, 1, 0, 2),
    "EECO08": (1, 0, 0, 1),
    "EECO09": (1, 1, 0, 2),
    "EECO10": (1, 0, 0, 1),
    "EECO11": (0, 1, 1, 2),
    "EECO12": (1, 0, 0, 1),
    "EECO13": (1, 0, 0, 1),
    "EECO14": (0, 0, 1, 1),
    "EECO15": (0, 1, 0, 1),
    "EECO16": (1, 0, 0, 1),
    "EECO17": (2, 1, 0, 3),
    "EECR01": (0, 2, 0, 2),
    "EECR02": (0, 1, 0, 1),
    "EECR03": (1, 0, 0, 1),
    "EECR04": (1, 0, 1, 2),
}


def _table(report) -> dict:
    sexes = report.indicator_set.sexes
    return {row.indicator.code: tuple(row.cell_list(sexes)) for row in report.outputs + report.results}


@pytest.mark.django_db
def test_every_esf_2014_indicator_by_sex():
    known_population()
    report = selectors.indicator_report(start=PERIOD[0], end=PERIOD[1], indicator_set=esf2014.INDICATOR_SET)
    assert _table(report) == EXPECTED_2014
    assert report.columns == ["Žene", "Muškarci"]
    assert report.incomplete == 1
    assert report.participants == 6


@pytest.mark.django_db
def test_every_esf_plus_2021_indicator_by_sex_with_non_binary():
    known_population()
    report = selectors.indicator_report(start=PERIOD[0], end=PERIOD[1], indicator_set=esf2021.INDICATOR_SET)
    assert _table(report) == EXPECTED_2021
    assert report.columns == ["Žene", "Muškarci", "Nebinarne osobe"]


def test_the_sets_cover_every_code_once():
    for indicator_set, expected in ((esf2014.INDICATOR_SET, EXPECTED_2014), (esf2021.INDICATOR_SET, EXPECTED_2021)):
        codes = [indicator.code for indicator in indicator_set.all]
        assert len(codes) == len(set(codes))
        assert set(codes) == set(expected)


@pytest.mark.django_db
def test_incomplete_record_counts_only_in_the_grand_total():
    make_participant(sex="female", isced=None, exit={"employed": True})
    report = selectors.indicator_report(start=PERIOD[0], end=PERIOD[1], indicator_set=esf2021.INDICATOR_SET)
    table = _table(report)
    assert table["EECO01"] == (0, 0, 0, 1)
    assert all(sum(cells) == 0 for code, cells in table.items() if code != "EECO01")


@pytest.mark.django_db
def test_activity_filter_counts_only_that_activity():
    make_participant(activity_key="course:1", kind="courses")
    make_participant(activity_key="pairing:7", kind="mentoring", sex="male")
    courses = selectors.indicator_report(start=PERIOD[0], end=PERIOD[1], activity="courses")
    pairing = selectors.indicator_report(start=PERIOD[0], end=PERIOD[1], activity="pairing:7")
    whole = selectors.indicator_report(start=PERIOD[0], end=PERIOD[1])
    assert (courses.participants, pairing.participants, whole.participants) == (1, 1, 2)


@pytest.mark.django_db
def test_job_searching_and_employed_on_leaving_are_mutually_exclusive():
    record = make_participant(ended_on=PERIOD[0].replace(month=6))
    participation = record.participations.get()
    with pytest.raises(ValidationError) as error:
        services.exit_record_save(
            participation=participation, job_searching=True, employed=True, in_education=False, qualification=False
        )
    assert "ne može" in " ".join(error.value.messages)
    assert not ExitRecord.objects.filter(participation=participation).exists()


@pytest.mark.django_db
def test_long_term_unemployment_is_derived_from_duration_and_age():
    from reports.indicators import long_term_unemployed

    assert long_term_unemployed(employment="unemployed", months=7, age=24) is True
    assert long_term_unemployed(employment="unemployed", months=7, age=25) is False
    assert long_term_unemployed(employment="unemployed", months=13, age=40) is True
    assert long_term_unemployed(employment="employed", months=30, age=40) is False


@pytest.mark.django_db
def test_household_indicators_of_2014_by_sex():
    household_population()
    report = selectors.indicator_report(start=PERIOD[0], end=PERIOD[1], indicator_set=esf2014.INDICATOR_SET)
    table = _table(report)
    assert table["CO12"] == (2, 0, 3)
    assert table["CO13"] == (1, 0, 2)
    assert table["CO14"] == (1, 1, 2)
    # Household answers are core data under 2014–2020 (the Commission's SFC FAQ on completeness):
    # a refusal, no answers and no education each leave the person in the grand total only.
    assert table["TOTAL"] == (2, 1, 7)
    assert report.incomplete == 3


@pytest.mark.django_db
def test_unanswered_household_questions_count_in_the_grand_total_only_under_2014_2020():
    make_participant(sex="male")
    under_2014 = selectors.indicator_report(start=PERIOD[0], end=PERIOD[1], indicator_set=esf2014.INDICATOR_SET)
    assert under_2014.incomplete == 1
    assert _table(under_2014)["CO05"] == (0, 0, 0) and _table(under_2014)["TOTAL"] == (0, 0, 1)
    # ESF+ asks no household questions: the same person is complete there.
    under_2021 = selectors.indicator_report(start=PERIOD[0], end=PERIOD[1], indicator_set=esf2021.INDICATOR_SET)
    assert under_2021.incomplete == 0


def test_a_record_is_complete_only_with_a_yes_or_no_to_each_household_question_the_set_asks():
    from reports.models import ParticipantRecord

    record = ParticipantRecord(sex="female", date_of_birth=datetime.date(1980, 1, 1), employment_status="employed")
    record.isced = 3
    asked = esf2014.INDICATOR_SET.household_questions
    assert record.core_complete() and not record.core_complete(asked)
    record.household_jobless, record.household_dependent_children = "no", "yes"
    record.household_single_adult = "prefer_not"
    assert not record.core_complete(asked)
    record.household_single_adult = "no"
    assert record.core_complete(asked)


def test_only_the_2014_set_asks_the_household_questions():
    assert esf2014.INDICATOR_SET.household_questions == (
        "household_jobless",
        "household_dependent_children",
        "household_single_adult",
    )
    assert esf2021.INDICATOR_SET.household_questions == ()
    assert not {"CO12", "CO13", "CO14"} & {indicator.code for indicator in esf2021.INDICATOR_SET.all}
