"""ESF+ 2021–2027: Regulation (EU) 2021/1057, Annex I (common output and immediate result indicators).

Points 1.1 (common output indicators for participants) and 1.2 (common immediate result indicators).
"""

from django.utils.translation import gettext_lazy as _

from . import FEMALE, MALE, NON_BINARY, Facts, Indicator, IndicatorSet

SOURCE_OUT = "Uredba (EU) 2021/1057, Prilog I., točka 1.1."
SOURCE_RES = "Uredba (EU) 2021/1057, Prilog I., točka 1.2."


def _yes(value) -> bool:
    return value is True


OUTPUTS = (
    Indicator(
        "EECO01",
        _("Total number of participants"),
        _("Everyone who started a counted activity."),
        SOURCE_OUT,
        lambda f: True,
    ),
    Indicator(
        "EECO02",
        _("Unemployed, including long-term unemployed"),
        _("Registered or not, without work and looking for it."),
        SOURCE_OUT,
        lambda f: f.unemployed,
    ),
    Indicator(
        "EECO03",
        _("Long-term unemployed"),
        _("Unemployed for more than 12 months (adults) or more than 6 months (under 25)."),
        SOURCE_OUT,
        lambda f: f.long_term_unemployed,
    ),
    Indicator(
        "EECO04",
        _("Inactive"),
        _("Neither employed nor unemployed (pupils, students, pensioners, others)."),
        SOURCE_OUT,
        lambda f: f.inactive,
    ),
    Indicator(
        "EECO05",
        _("Employed, including self-employed"),
        _("In paid work or self-employed on entry."),
        SOURCE_OUT,
        lambda f: f.employment == "employed",
    ),
    Indicator(
        "EECO06", _("Children below 18 years of age"), _("Age on entry under 18."), SOURCE_OUT, lambda f: f.age < 18
    ),
    Indicator(
        "EECO07",
        _("Young people between 18 and 29 years of age"),
        _("Age on entry 18 to 29."),
        SOURCE_OUT,
        lambda f: 18 <= f.age <= 29,
    ),
    Indicator(
        "EECO08",
        _("Participants 55 years of age and above"),
        _("Age on entry 55 or more."),
        SOURCE_OUT,
        lambda f: f.age >= 55,
    ),
    Indicator(
        "EECO09",
        _("With lower secondary education or less (ISCED 0 to 2)"),
        _("Highest completed education ISCED 0, 1 or 2."),
        SOURCE_OUT,
        lambda f: f.isced is not None and f.isced <= 2,
    ),
    Indicator(
        "EECO10",
        _("With upper secondary (ISCED 3) or post-secondary education (ISCED 4)"),
        _("Highest completed education ISCED 3 or 4."),
        SOURCE_OUT,
        lambda f: f.isced in (3, 4),
    ),
    Indicator(
        "EECO11",
        _("With tertiary education (ISCED 5 to 8)"),
        _("Highest completed education ISCED 5 to 8."),
        SOURCE_OUT,
        lambda f: f.isced is not None and f.isced >= 5,
    ),
    Indicator(
        "EECO12",
        _("Participants with disabilities"),
        _("Answered yes (special categories)."),
        SOURCE_OUT,
        lambda f: _yes(f.disability),
    ),
    Indicator(
        "EECO13",
        _("Third-country nationals"),
        _("Answered yes to migrant (special categories)."),
        SOURCE_OUT,
        lambda f: _yes(f.migrant),
    ),
    Indicator(
        "EECO14",
        _("Participants with a foreign background"),
        _("Answered yes (special categories)."),
        SOURCE_OUT,
        lambda f: _yes(f.foreign_background),
    ),
    Indicator(
        "EECO15",
        _("Minorities (including marginalised communities such as the Roma)"),
        _("Answered yes (special categories)."),
        SOURCE_OUT,
        lambda f: _yes(f.minority),
    ),
    Indicator(
        "EECO16",
        _("Homeless or affected by housing exclusion"),
        _("Answered yes (special categories)."),
        SOURCE_OUT,
        lambda f: _yes(f.homeless),
    ),
    Indicator(
        "EECO17",
        _("Participants from rural areas"),
        _("Place of residence in a rural area."),
        SOURCE_OUT,
        lambda f: f.rural is True,
    ),
)

RESULTS = (
    Indicator(
        "EECR01",
        _("Participants engaged in job searching upon leaving"),
        _("Looking for work on leaving."),
        SOURCE_RES,
        lambda f: f.job_searching,
    ),
    Indicator(
        "EECR02",
        _("Participants in education or training upon leaving"),
        _("In education or training on leaving."),
        SOURCE_RES,
        lambda f: f.in_education,
    ),
    Indicator(
        "EECR03",
        _("Participants gaining a qualification upon leaving"),
        _("Gained a qualification."),
        SOURCE_RES,
        lambda f: f.qualification,
    ),
    Indicator(
        "EECR04",
        _("Participants in employment, including self-employment, upon leaving"),
        _("Employed or self-employed on leaving."),
        SOURCE_RES,
        lambda f: f.employed_on_leaving,
    ),
)

INDICATOR_SET = IndicatorSet(
    key="esf2021",
    label=_("ESF+ 2021–2027 (Regulation (EU) 2021/1057)"),
    regulation="Uredba (EU) 2021/1057",
    sexes=(FEMALE, MALE, NON_BINARY),
    outputs=OUTPUTS,
    results=RESULTS,
    special_categories=("disability", "migrant", "foreign_background", "minority", "homeless"),
    household_questions=(),  # ESF+ has no household indicators: the entry form does not ask
)

__all__ = ["INDICATOR_SET", "Facts"]
