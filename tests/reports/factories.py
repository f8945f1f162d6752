"""Participants with known answers: a record, its special categories, a participation and an exit form."""

import datetime

import factory

from accounts.models import User
from reports.models import ExitRecord, ParticipantRecord, Participation, ReportingSettings, SpecialCategories
from reports.selectors import current_set

PERIOD = (datetime.date(2019, 1, 1), datetime.date(2019, 12, 31))


def use_indicator_set(key: str) -> None:
    """Report under the set ``key`` (``esf2014``, ``esf2021``): the default site's reporting setting."""
    from wagtail.models import Site

    settings = ReportingSettings.for_site(Site.objects.get(is_default_site=True))
    settings.indicator_set = key
    settings.save()


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User

    email = factory.Sequence(lambda n: f"sudionik{n}@primjer.test")
    first_name = "Ivana"
    last_name = factory.Sequence(lambda n: f"Kos {n}")
    password = factory.django.Password("lozinka-za-test-2026")


def make_participant(
    *,
    sex="female",
    birth=datetime.date(1990, 1, 1),
    employment="employed",
    months=None,
    isced=3,
    rural=False,
    special: dict | None = None,
    household: dict | None = None,
    entered_on=datetime.date(2019, 3, 1),
    started_on=datetime.date(2019, 3, 1),
    ended_on=None,
    exit: dict | None = None,
    activity_key="course:1",
    kind="courses",
    user=True,
) -> ParticipantRecord:
    record = ParticipantRecord.objects.create(
        user=UserFactory() if user else None,
        sex=sex or "",
        date_of_birth=birth,
        employment_status=employment or "",
        unemployed_months=months,
        isced=isced,
        rural=rural,
        entered_on=entered_on,
        **(household or {}),
    )
    record.assess(current_set().household_questions)
    record.save(update_fields=["is_complete", "answers_missing"])
    if special:
        SpecialCategories.objects.create(record=record, **special)
    participation = Participation.objects.create(
        record=record,
        kind=kind,
        activity_key=activity_key,
        activity_label="Osnove rada na računalu",
        started_on=started_on,
        ended_on=ended_on or (datetime.date(2019, 6, 1) if exit is not None else None),
    )
    if exit is not None:
        ExitRecord.objects.create(participation=participation, **exit)
    return record


# Household questions answered "no" (none of CO12–CO14 applies).
NO_HOUSEHOLD = {"household_jobless": "no", "household_dependent_children": "no", "household_single_adult": "no"}


def known_population() -> None:
    """Seven people whose every indicator count is worked out by hand in test_indicators.py.

    The five complete records answer the household questions (core data under ESF 2014–2020) with no.
    """
    make_participant(
        sex="female",
        birth=datetime.date(1992, 1, 1),
        employment="unemployed",
        months=14,
        isced=3,
        rural=True,
        household=NO_HOUSEHOLD,
        special={
            "disability": "yes",
            "migrant": "yes",
            "foreign_background": "no",
            "minority": "no",
            "homeless": "no",
            "other_disadvantaged": "yes",
        },
        exit={"employed": True, "qualification": True},
    )
    make_participant(
        sex="male",
        birth=datetime.date(2004, 5, 1),
        employment="inactive_education",
        isced=1,
        rural=False,
        household=NO_HOUSEHOLD,
        special={"minority": "yes", "other_disadvantaged": "prefer_not", "disability": "no"},
        exit={"job_searching": True, "in_education": True},
    )
    make_participant(
        sex="female",
        birth=datetime.date(1954, 1, 1),
        employment="inactive_other",
        isced=2,
        rural=True,
        household=NO_HOUSEHOLD,
        special={"homeless": "yes", "disability": "prefer_not"},
    )
    make_participant(
        sex="male",
        birth=datetime.date(1997, 6, 1),
        employment="unemployed",
        months=8,
        isced=6,
        rural=True,
        household=NO_HOUSEHOLD,
        exit={"job_searching": True},
    )
    make_participant(
        sex="non_binary",
        birth=datetime.date(1984, 1, 1),
        employment="employed",
        isced=7,
        rural=False,
        household=NO_HOUSEHOLD,
        special={"foreign_background": "yes"},
        exit={"employed": True},
    )
    # Incomplete: no education. Counts in the total number of participants only, even with an exit form.
    make_participant(
        sex="female",
        birth=datetime.date(1944, 1, 1),
        employment="inactive_other",
        isced=None,
        rural=True,
        special={"disability": "yes"},
        exit={"employed": True},
    )
    # Started before the period: not counted at all.
    make_participant(
        sex="male",
        birth=datetime.date(1974, 1, 1),
        employment="unemployed",
        months=30,
        isced=3,
        rural=True,
        entered_on=datetime.date(2018, 6, 1),
        started_on=datetime.date(2018, 6, 1),
    )


def household_population() -> None:
    """Seven people whose household answers give the CO12–CO14 counts worked out in test_indicators.py.

    Under ESF 2014–2020 the household answers are core data: four people answered every question and
    count in the breakdowns; three count in the grand total only (a refusal, no answers, no education).
    Jobless (CO12): women 2, men 0, total 3 (the non-binary person counts in the total only).
    Jobless with dependent children (CO13): women 1, men 0, total 2.
    Single adult with dependent children (CO14): women 1, men 1, total 2.
    """
    yes_all = {"household_jobless": "yes", "household_dependent_children": "yes", "household_single_adult": "yes"}
    make_participant(sex="female", household=yes_all)
    make_participant(
        sex="female",
        household={"household_jobless": "yes", "household_dependent_children": "no", "household_single_adult": "no"},
    )
    make_participant(
        sex="male",
        household={"household_jobless": "no", "household_dependent_children": "yes", "household_single_adult": "yes"},
    )
    make_participant(
        sex="non_binary",
        household={"household_jobless": "yes", "household_dependent_children": "yes", "household_single_adult": "no"},
    )
    # Grand total only: "prefer not to say" to one question; no household answers; no education.
    make_participant(
        sex="male",
        household={
            "household_jobless": "prefer_not",
            "household_dependent_children": "yes",
            "household_single_adult": "no",
        },
    )
    make_participant(sex="male")
    make_participant(sex="female", isced=None, household=yes_all)
