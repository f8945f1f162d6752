"""ESF indicator sets as data.

A set (``esf2014``, ``esf2021``) is a module with one ``INDICATOR_SET``: which sex columns it reports,
its common output indicators and its common immediate result indicators. Each indicator is a code,
a label, its definition, its source in the regulation's annex and a predicate over ``Facts`` (what is
known about one participant) — so counting is one loop for every set, and a new set is a new module.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from django.utils.translation import gettext_lazy as _

# Sex columns of a report, in order. A set lists the ones it reports.
FEMALE, MALE, NON_BINARY = "female", "male", "non_binary"
SEX_LABELS = {FEMALE: _("Women"), MALE: _("Men"), NON_BINARY: _("Non-binary")}

# Employment status on entry (one choice; long-term unemployment is derived, see ``Facts``).
EMPLOYED = "employed"
UNEMPLOYED = "unemployed"
INACTIVE_EDUCATION = "inactive_education"
INACTIVE_OTHER = "inactive_other"

# Household questions a set may ask on the entry form (fields of reports.ParticipantRecord, each answered
# yes / no / "prefer not to say"). Under a set that asks them they are core data: the Commission counts a
# participant in the breakdowns only with every non-sensitive answer known, household situation included
# (IndicatorSet.complete).
HOUSEHOLD_JOBLESS = "household_jobless"
HOUSEHOLD_DEPENDENT_CHILDREN = "household_dependent_children"
HOUSEHOLD_SINGLE_ADULT = "household_single_adult"
HOUSEHOLD_QUESTIONS = (HOUSEHOLD_JOBLESS, HOUSEHOLD_DEPENDENT_CHILDREN, HOUSEHOLD_SINGLE_ADULT)


@dataclass(frozen=True)
class Facts:
    """What the entry (and, for results, exit) form says about one participant, ready for predicates.

    ``None`` means unknown: not answered, or "prefer not to say" for a special category.
    """

    sex: str | None
    age: int | None
    employment: str | None
    long_term_unemployed: bool
    isced: int | None
    rural: bool | None
    disability: bool | None = None
    migrant: bool | None = None
    foreign_background: bool | None = None
    minority: bool | None = None
    homeless: bool | None = None
    other_disadvantaged: bool | None = None
    # Household situation (entry form, ESF 2014–2020 only); None: not asked, not answered or "prefer not to say".
    household_jobless: bool | None = None
    household_dependent_children: bool | None = None
    household_single_adult: bool | None = None
    # Immediate results (exit form); all False when there is no exit record.
    job_searching: bool = False
    in_education: bool = False
    qualification: bool = False
    employed_on_leaving: bool = False

    @property
    def complete(self) -> bool:
        """The core data every set requires (an IndicatorSet adds its own: IndicatorSet.complete)."""
        return self.sex is not None and self.age is not None and self.employment is not None and self.isced is not None

    @property
    def unemployed(self) -> bool:
        return self.employment == UNEMPLOYED

    @property
    def inactive(self) -> bool:
        return self.employment in (INACTIVE_EDUCATION, INACTIVE_OTHER)


def long_term_unemployed(*, employment: str | None, months: int | None, age: int | None) -> bool:
    """Unemployed continuously for more than 12 months (adults 25+) or more than 6 months (under 25)."""
    if employment != UNEMPLOYED or months is None or age is None:
        return False
    return months > (6 if age < 25 else 12)


def age_on(*, birth: date | None, on: date) -> int | None:
    if birth is None:
        return None
    return on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))


@dataclass(frozen=True)
class Indicator:
    code: str
    label: str
    definition: str
    source: str
    counts: Callable[[Facts], bool]


@dataclass(frozen=True)
class IndicatorSet:
    key: str
    label: str
    regulation: str
    sexes: tuple[str, ...]
    outputs: tuple[Indicator, ...]
    results: tuple[Indicator, ...]
    # Special-category questions this set asks (fields of reports.SpecialCategories).
    special_categories: tuple[str, ...]
    # Household questions this set asks on the entry form (fields of reports.ParticipantRecord).
    household_questions: tuple[str, ...] = ()

    @property
    def all(self) -> tuple[Indicator, ...]:
        return self.outputs + self.results

    def complete(self, facts: Facts) -> bool:
        """Whether a participant counts in the breakdowns: every non-sensitive answer the set asks for is
        known (sex, age, employment, education, and the household questions it asks). Residence and the
        special categories are not required. Others count only in the grand total of participants."""
        return facts.complete and all(getattr(facts, name) is not None for name in self.household_questions)


def get_set(key: str) -> IndicatorSet:
    from . import esf2014, esf2021

    sets = {esf2014.INDICATOR_SET.key: esf2014.INDICATOR_SET, esf2021.INDICATOR_SET.key: esf2021.INDICATOR_SET}
    return sets.get(key, esf2021.INDICATOR_SET)


def all_sets() -> list[IndicatorSet]:
    from . import esf2014, esf2021

    return [esf2014.INDICATOR_SET, esf2021.INDICATOR_SET]
