import datetime
import uuid

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kok_learn.names import PersonNameField
from kok_learn.validators import BoundedFormMixin

from .models import Confirmation, County, Sex, VolunteerProfile


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class ProfileForm(forms.ModelForm):
    class Meta:
        model = VolunteerProfile
        fields = ["date_of_birth", "sex", "citizenship", "county", "address", "phone"]
        widgets = {"date_of_birth": DateInput(), "sex": forms.RadioSelect}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["county"].choices = [("", "—")] + list(County.choices)
        self.fields["sex"].choices = list(Sex.choices)
        self.fields["phone"].help_text = _("So that the organiser can reach you about shifts.")


class ApplyForm(forms.Form):
    motivation = forms.CharField(
        label=_("Message to the organiser"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 4})
    )
    contract_requested = forms.BooleanField(label=_("I would like a written volunteering contract"), required=False)
    competences_wanted = forms.BooleanField(
        label=_("I would like a confirmation of the competences I gain (long-term volunteering only)"),
        required=False,
        help_text=_("This can be asked for only now, when you start."),
    )
    guardian_name = PersonNameField(label=_("Parent's or guardian's name"), required=False, max_length=150)
    guardian_email = forms.EmailField(label=_("Parent's or guardian's e-mail address"), required=False)

    def __init__(self, *args, minor=False, long_term=False, **kwargs):
        super().__init__(*args, **kwargs)
        if not minor:
            del self.fields["guardian_name"]
            del self.fields["guardian_email"]
        else:
            self.fields["guardian_name"].required = True
            self.fields["guardian_email"].required = True
        if not long_term:
            del self.fields["competences_wanted"]


def _bounded_past_date(value: datetime.date, *, years: int = 2) -> datetime.date:
    today = timezone.localdate()
    if value > today:
        raise forms.ValidationError(_("Choose a day that has passed."))
    if value < today - datetime.timedelta(days=365 * years):
        raise forms.ValidationError(_("Choose a day within the last two years."))
    return value


class HoursForm(BoundedFormMixin, forms.Form):
    # The shared outer bounds (2000 to two years ahead) first; clean_date narrows them to the last two years.

    date = forms.DateField(label=_("Date"), widget=DateInput())
    hours = forms.DecimalField(label=_("Hours"), min_value=0.5, max_value=16, decimal_places=1, max_digits=4)
    activity = forms.CharField(label=_("What you did"), max_length=200)
    note = forms.CharField(label=_("Note"), required=False, max_length=1000, widget=forms.Textarea(attrs={"rows": 3}))
    submission = forms.UUIDField(widget=forms.HiddenInput, initial=uuid.uuid4)

    def clean_date(self):
        return _bounded_past_date(self.cleaned_data["date"])


class ConfirmationRequestForm(BoundedFormMixin, forms.Form):
    kind = forms.ChoiceField(label=_("Confirmation"), choices=Confirmation.Kind.choices, widget=forms.RadioSelect)
    period_start = forms.DateField(label=_("From"), widget=DateInput())
    period_end = forms.DateField(label=_("Until"), widget=DateInput())

    def clean_period_start(self):
        return _bounded_past_date(self.cleaned_data["period_start"], years=10)

    def clean_period_end(self):
        return _bounded_past_date(self.cleaned_data["period_end"], years=10)
