"""ESF 2014–2020: Regulation (EU) No 1304/2013, Annex I (common output and immediate result indicators).

Points 1 (outputs for participants) and 2 (immediate results). The household indicators of point 1
(CO12–CO14: jobless households, with dependent children, single adults with dependent children) come
from the entry form's household questions, which only this set asks (``household_questions``); here they
are core data: without a yes or no to each, the person counts in the grand total only (see
docs/reporting.md).
"""

from django.utils.translation import gettext_lazy as _

from . import FEMALE, HOUSEHOLD_QUESTIONS, MALE, Facts, Indicator, IndicatorSet

SOURCE_OUT = "Uredba (EU) br. 1304/2013, Prilog I., točka 1."
SOURCE_RES = "Uredba (EU) br. 1304/2013, Prilog I., točka 2."


def _yes(value) -> bool:
    return value is True


OUTPUTS = (
    Indicator(
        "TOTAL",
        _("Total number of participants"),
        _("Everyone who started a counted activity."),
        SOURCE_OUT,
        lambda f: True,
    ),
    Indicator(
        "CO01",
        _("Unemployed, including long-term unemployed"),
        _("Registered or not, without work and looking for it."),
        SOURCE_OUT,
        lambda f: f.unemployed,
    ),
    Indicator(
        "CO02",
        _("Long-term unemployed"),
        _("Unemployed for more than 12 months (adults) or more than 6 months (under 25)."),
        SOURCE_OUT,
        lambda f: f.long_term_unemployed,
    ),
    Indicator(
        "CO03",
        _("Inactive"),
        _("Neither employed nor unemployed (pupils, students, pensioners, others)."),
        SOURCE_OUT,
        lambda f: f.inactive,
    ),
    Indicator(
        "CO04",
        _("Inactive, not in education or training"),
        _("Inactive and not in education or training."),
        SOURCE_OUT,
        lambda f: f.employment == "inactive_other",
    ),
    Indicator(
        "CO05",
        _("Employed, including self-employed"),
        _("In paid work or self-employed on entry."),
        SOURCE_OUT,
        lambda f: f.employment == "employed",
    ),
    Indicator("CO06", _("Below 25 years of age"), _("Age on entry under 25."), SOURCE_OUT, lambda f: f.age < 25),
    Indicator("CO07", _("Above 54 years of age"), _("Age on entry 55 or more."), SOURCE_OUT, lambda f: f.age > 54),
    Indicator(
        "CO08",
        _("Above 54, unemployed (incl. long-term) or inactive not in education or training"),
        _("Age on entry 55 or more and unemployed or inactive not in education or training."),
        SOURCE_OUT,
        lambda f: f.age > 54 and (f.unemployed or f.employment == "inactive_other"),
    ),
    Indicator(
        "CO09",
        _("With primary (ISCED 1) or lower secondary education (ISCED 2)"),
        _("Highest completed education ISCED 1 or 2."),
        SOURCE_OUT,
        lambda f: f.isced in (1, 2),
    ),
    Indicator(
        "CO10",
        _("With upper secondary (ISCED 3) or post-secondary education (ISCED 4)"),
        _("Highest completed education ISCED 3 or 4."),
        SOURCE_OUT,
        lambda f: f.isced in (3, 4),
    ),
    Indicator(
        "CO11",
        _("With tertiary education (ISCED 5 to 8)"),
        _("Highest completed education ISCED 5 to 8."),
        SOURCE_OUT,
        lambda f: f.isced is not None and f.isced >= 5,
    ),
    Indicator(
        "CO12",
        _("Participants who live in jobless households"),
        _("Answered yes: nobody in the household is in employment (household questions)."),
        SOURCE_OUT,
        lambda f: _yes(f.household_jobless),
    ),
    Indicator(
        "CO13",
        _("Participants who live in jobless households with dependent children"),
        _("Answered yes to both: a jobless household, and dependent children live in it (household questions)."),
        SOURCE_OUT,
        lambda f: _yes(f.household_jobless) and _yes(f.household_dependent_children),
    ),
    Indicator(
        "CO14",
        _("Participants who live in a single adult household with dependent children"),
        _("Answered yes to both: the only adult in the household, and dependent children live in it."),
        SOURCE_OUT,
        lambda f: _yes(f.household_single_adult) and _yes(f.household_dependent_children),
    ),
    Indicator(
        "CO15",
        _("Migrants, participants with a foreign background, minorities (incl. Roma)"),
        _("Answered yes to any of: migrant, foreign background, minority (special categories)."),
        SOURCE_OUT,
        lambda f: _yes(f.migrant) or _yes(f.foreign_background) or _yes(f.minority),
    ),
    Indicator(
        "CO16",
        _("Participants with disabilities"),
        _("Answered yes (special categories)."),
        SOURCE_OUT,
        lambda f: _yes(f.disability),
    ),
    Indicator(
        "CO17",
        _("Other disadvantaged people"),
        _("Answered yes (special categories)."),
        SOURCE_OUT,
        lambda f: _yes(f.other_disadvantaged),
    ),
    Indicator(
        "CO18",
        _("Homeless or affected by housing exclusion"),
        _("Answered yes (special categories)."),
        SOURCE_OUT,
        lambda f: _yes(f.homeless),
    ),
    Indicator(
        "CO19", _("From rural areas"), _("Place of residence in a rural area."), SOURCE_OUT, lambda f: f.rural is True
    ),
)

RESULTS = (
    Indicator(
        "CR01",
        _("Inactive participants engaged in job searching upon leaving"),
        _("Inactive on entry; looking for work on leaving."),
        SOURCE_RES,
        lambda f: f.inactive and f.job_searching,
    ),
    Indicator(
        "CR02",
        _("Participants in education or training upon leaving"),
        _("In education or training on leaving."),
        SOURCE_RES,
        lambda f: f.in_education,
    ),
    Indicator(
        "CR03",
        _("Participants gaining a qualification upon leaving"),
        _("Gained a qualification."),
        SOURCE_RES,
        lambda f: f.qualification,
    ),
    Indicator(
        "CR04",
        _("Participants in employment, including self-employment, upon leaving"),
        _("Employed or self-employed on leaving."),
        SOURCE_RES,
        lambda f: f.employed_on_leaving,
    ),
)

INDICATOR_SET = IndicatorSet(
    key="esf2014",
    label=_("ESF 2014–2020 (Regulation (EU) No 1304/2013)"),
    regulation="Uredba (EU) br. 1304/2013",
    sexes=(FEMALE, MALE),
    outputs=OUTPUTS,
    results=RESULTS,
    special_categories=("disability", "migrant", "foreign_background", "minority", "homeless", "other_disadvantaged"),
    household_questions=HOUSEHOLD_QUESTIONS,
)

__all__ = ["INDICATOR_SET", "Facts"]
