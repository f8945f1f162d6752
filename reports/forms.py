"""Forms: entry form (Obrazac 1), special categories, exit form (Obrazac 2), report filters."""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from kok_learn.validators import bound_date_field

from .indicators import HOUSEHOLD_QUESTIONS
from .models import (
    COUNTY_CHOICES,
    ISCED_CHOICES,
    Answer,
    EmploymentStatus,
    FilledBy,
    ParticipantRecord,
    Sex,
    SpecialCategories,
)


def household_field(name: str) -> forms.ChoiceField:
    """A household question of the indicator set (yes / no / prefer not to say); may stay unanswered."""
    model_field = ParticipantRecord._meta.get_field(name)
    return forms.ChoiceField(
        label=capfirst(model_field.verbose_name),
        help_text=model_field.help_text,
        choices=Answer.choices,
        required=False,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": _("Choose one of the offered answers.")},
    )


EARLIEST_REPORT_DATE = datetime.date(2014, 1, 1)


class EntryForm(forms.Form):
    filled_by = forms.ChoiceField(
        label=_("Who is filling in the form?"),
        choices=[
            (FilledBy.SELF, _("I am, for myself")),
            (FilledBy.PARENT, _("A parent or guardian, with or for a minor")),
        ],
        initial=FilledBy.SELF,
        widget=forms.RadioSelect,
    )
    sex = forms.ChoiceField(label=_("Sex"), choices=Sex.choices, required=False, widget=forms.RadioSelect)
    date_of_birth = forms.DateField(
        label=_("Date of birth"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("We only use it to count age groups (e.g. under 25, 55 and over)."),
    )
    employment_status = forms.ChoiceField(
        label=_("Employment status today"),
        choices=EmploymentStatus.choices,
        required=False,
        widget=forms.RadioSelect,
    )
    unemployed_months = forms.IntegerField(
        label=_("If unemployed: for how many months in a row?"),
        required=False,
        min_value=0,
        max_value=600,
        error_messages={
            "min_value": _("Enter 0 or more months."),
            "max_value": _("Enter at most 600 months."),
            "invalid": _("Enter the number of months as a whole number."),
        },
    )
    isced = forms.TypedChoiceField(
        label=_("Highest completed education"),
        choices=[("", _("— choose —")), *ISCED_CHOICES],
        coerce=int,
        empty_value=None,
        required=False,
    )
    county = forms.ChoiceField(
        label=_("County of residence"), choices=[("", _("— choose —")), *COUNTY_CHOICES], required=False
    )
    rural = forms.TypedChoiceField(
        label=_("Do you live in a rural area (a village or a small settlement)?"),
        choices=[("yes", _("Yes")), ("no", _("No"))],
        coerce=lambda value: value == "yes",
        empty_value=None,
        required=False,
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, household_questions: tuple[str, ...] = (), **kwargs):
        super().__init__(*args, **kwargs)
        for name in household_questions:
            self.fields[name] = household_field(name)
        self.household_names = tuple(household_questions)
        bound_date_field(
            self.fields["date_of_birth"],
            earliest=datetime.date(timezone.localdate().year - 110, 1, 1),
            years_ahead=0,
            message=_("Enter a real date of birth (not in the future, not more than 110 years ago)."),
        )

    @property
    def household_fields(self) -> list:
        return [self[name] for name in self.household_names]

    def clean(self):
        data = super().clean()
        if data.get("employment_status") != EmploymentStatus.UNEMPLOYED:
            data["unemployed_months"] = None
        return data

    @classmethod
    def initial_for(cls, record, user) -> dict:
        if record is None:
            return {"date_of_birth": getattr(user, "date_of_birth", None), "filled_by": FilledBy.SELF}
        return {
            "filled_by": record.filled_by if record.filled_by != FilledBy.COORDINATOR else FilledBy.SELF,
            "sex": record.sex,
            "date_of_birth": record.date_of_birth,
            "employment_status": record.employment_status,
            "unemployed_months": record.unemployed_months,
            "isced": record.isced,
            "county": record.county,
            "rural": {True: "yes", False: "no"}.get(record.rural, ""),
            **{name: getattr(record, name) for name in HOUSEHOLD_QUESTIONS},
        }


class SpecialCategoriesForm(forms.Form):
    """One required question per category of the current set; "prefer not to say" is always a choice."""

    def __init__(self, *args, fields: tuple[str, ...], **kwargs):
        super().__init__(*args, **kwargs)
        for name in fields:
            self.fields[name] = forms.ChoiceField(
                label=SpecialCategories._meta.get_field(name).verbose_name,
                choices=Answer.choices,
                widget=forms.RadioSelect,
                error_messages={"required": _("Choose an answer (you may choose “Prefer not to say”).")},
            )


class ExitForm(forms.Form):
    SITUATION_CHOICES = [
        ("employed", _("I am employed or self-employed")),
        ("job_searching", _("I am looking for work")),
        ("neither", _("Neither")),
    ]
    situation = forms.ChoiceField(
        label=_("Your situation now, after leaving"), choices=SITUATION_CHOICES, widget=forms.RadioSelect
    )
    in_education = forms.BooleanField(label=_("I am in education or training"), required=False)
    qualification = forms.BooleanField(label=_("I gained a qualification (e.g. a certificate)"), required=False)


class ReportForm(forms.Form):
    start = forms.DateField(label=_("From"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    end = forms.DateField(label=_("To"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    activity = forms.ChoiceField(label=_("Activity"), required=False)

    def __init__(self, *args, activity_choices=None, **kwargs):
        super().__init__(*args, **kwargs)
        if activity_choices is None:
            self.fields.pop("activity")
        else:
            self.fields["activity"].choices = activity_choices
        for name in ("start", "end"):
            bound_date_field(
                self.fields[name],
                earliest=EARLIEST_REPORT_DATE,
                years_ahead=2,
                message=_("Choose a date between 1 January 2014 and two years from today."),
            )

    def clean(self):
        data = super().clean()
        start, end = data.get("start"), data.get("end")
        if start and end and start > end:
            raise ValidationError(_("The start of the period must not be after its end."))
        return data
