import datetime

from django import forms
from django.utils.translation import gettext_lazy as _

from kok_learn.names import PersonNameField
from kok_learn.validators import bound_date_field

from .models import AttendanceStatus


class BirthDateForm(forms.Form):
    """Asked only when an event has an age limit and the profile has no date of birth."""

    date_of_birth = forms.DateField(
        label=_("Date of birth"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date", "autocomplete": "bday"}),
        help_text=_("This event has an age limit. We keep the date on your profile."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        bound_date_field(
            self.fields["date_of_birth"],
            earliest=datetime.date(1900, 1, 1),
            years_ahead=0,
            message=_("Enter a real date of birth."),
        )


class MarkForm(forms.Form):
    registration = forms.IntegerField(min_value=1)
    status = forms.ChoiceField(choices=AttendanceStatus.choices)


class WalkInForm(forms.Form):
    name = PersonNameField(label=_("First and last name"), max_length=150)


class SessionCancelForm(forms.Form):
    reason = forms.CharField(label=_("Reason for cancelling"), max_length=300)


class CancelRegistrationForm(forms.Form):
    reason = forms.CharField(label=_("Reason (optional)"), max_length=300, required=False)
