"""Server-rendered forms of the pairing page (no JavaScript needed)."""

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kok_learn.validators import EARLIEST_DATE, LONG_TEXT, SHORT_TEXT, BoundedFormMixin, bound_date_field

from .models import Assessment, Meeting, MentoringAgreement, OrganisationMembership, Pairing


class MeetingForm(BoundedFormMixin, forms.Form):
    date = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    time = forms.TimeField(
        label=_("Start time"),
        initial=datetime.time(17, 0),
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
    )
    duration_minutes = forms.IntegerField(
        label=_("Duration (minutes)"),
        min_value=1,
        max_value=600,
        error_messages={
            "min_value": _("A meeting lasts at least one minute."),
            "max_value": _("A meeting cannot last longer than 600 minutes (10 hours)."),
            "invalid": _("Enter the duration as a whole number of minutes."),
        },
    )
    format = forms.ChoiceField(label=_("Format"), choices=Meeting.Format.choices)
    planned = forms.BooleanField(label=_("This meeting is planned (it has not happened yet)"), required=False)
    location = forms.CharField(label=_("Place or link"), max_length=200, required=False)
    topics = forms.CharField(
        label=_("Topics"), widget=forms.Textarea(attrs={"rows": 3}), required=False, max_length=SHORT_TEXT
    )
    notes = forms.CharField(
        label=_("Notes"), widget=forms.Textarea(attrs={"rows": 4}), required=False, max_length=LONG_TEXT
    )
    next_steps = forms.CharField(
        label=_("Next steps"), widget=forms.Textarea(attrs={"rows": 3}), required=False, max_length=SHORT_TEXT
    )
    attendees = forms.ModelMultipleChoiceField(
        label=_("Attendees"), queryset=None, required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, pairing: Pairing, **kwargs):
        super().__init__(*args, **kwargs)
        from django.contrib.auth import get_user_model

        # A meeting is not before the pairing starts nor more than a year ahead.
        bound_date_field(self.fields["date"], earliest=max(pairing.start_date, EARLIEST_DATE), years_ahead=1)

        people = set(pairing.mentors.values_list("pk", flat=True)) | set(
            OrganisationMembership.objects.filter(
                organisation_id__in=[pairing.mentor_organisation_id, pairing.mentee_organisation_id]
            ).values_list("user_id", flat=True)
        )
        self.fields["attendees"].queryset = get_user_model().objects.filter(pk__in=people, is_active=True)
        self.fields["attendees"].label_from_instance = lambda user: user.display_name

    @classmethod
    def initial_for(cls, meeting: Meeting) -> dict:
        local = timezone.localtime(meeting.starts_at)
        return {
            "date": local.date(),
            "time": local.time().replace(second=0, microsecond=0),
            "duration_minutes": meeting.duration_minutes,
            "format": meeting.format,
            "planned": meeting.planned,
            "location": meeting.location,
            "topics": meeting.topics,
            "notes": meeting.notes,
            "next_steps": meeting.next_steps,
            "attendees": list(meeting.attendees.values_list("pk", flat=True)),
        }

    def clean(self):
        data = super().clean()
        if data.get("date") and data.get("time"):
            data["starts_at"] = timezone.make_aware(datetime.datetime.combine(data["date"], data["time"]))
            now = timezone.now()
            if data.get("planned") and data["starts_at"] < now:
                self.add_error("date", _("A planned meeting must be in the future."))
            if not data.get("planned") and data["starts_at"] > now + datetime.timedelta(hours=1):
                self.add_error("planned", _("A meeting in the future has not happened yet: mark it as planned."))
        return data

    def service_kwargs(self) -> dict:
        data = self.cleaned_data
        return {
            "starts_at": data["starts_at"],
            "duration_minutes": data["duration_minutes"],
            "format": data["format"],
            "planned": data["planned"],
            "location": data["location"],
            "topics": data["topics"],
            "notes": data["notes"],
            "next_steps": data["next_steps"],
            "attendees": list(data["attendees"]),
        }


class AssessmentForm(BoundedFormMixin, forms.Form):
    """One score 1–5 (radio buttons with the level descriptions) and an evidence note per statement."""

    date_bounds = {"date": (EARLIEST_DATE, 1)}

    round = forms.ChoiceField(label=_("Round"), choices=Assessment.Round.choices)
    date = forms.DateField(
        label=_("Date of the assessment"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        initial=timezone.localdate,
    )

    def __init__(self, *args, instrument, taken_rounds=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.instrument = instrument
        self.fields["round"].choices = [(v, label) for v, label in Assessment.Round.choices if v not in taken_rounds]
        self.areas = []
        for area in instrument.areas.all():
            statements = []
            for statement in area.statements.all():
                score_name, evidence_name = f"score_{statement.pk}", f"evidence_{statement.pk}"
                self.fields[score_name] = forms.TypedChoiceField(
                    label=statement.text,
                    choices=[(n, f"{n} – {text}") for n, text in statement.levels],
                    coerce=int,
                    widget=forms.RadioSelect,
                    error_messages={
                        "required": _("Choose a score from 1 to 5."),
                        "invalid_choice": _("The score must be between 1 and 5."),
                    },
                )
                self.fields[evidence_name] = forms.CharField(
                    label=_("Evidence"),
                    required=False,
                    max_length=SHORT_TEXT,
                    widget=forms.Textarea(attrs={"rows": 2}),
                )
                statements.append((statement, score_name, evidence_name))
            self.areas.append((area, statements))

    def area_fields(self):
        """For the template: each area with (statement, score field, evidence field)."""
        return [
            (area, [(statement, self[score], self[evidence]) for statement, score, evidence in statements])
            for area, statements in self.areas
        ]

    def scores(self) -> dict[int, tuple[int, str]]:
        return {
            statement.pk: (self.cleaned_data[score], self.cleaned_data[evidence])
            for _area, statements in self.areas
            for statement, score, evidence in statements
        }


class TransitionForm(BoundedFormMixin, forms.Form):
    text_limit = SHORT_TEXT

    to_state = forms.ChoiceField(label=_("New state"), choices=Pairing.State.choices)
    reason = forms.CharField(
        label=_("Reason (required when ending early)"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class AgreementForm(BoundedFormMixin, forms.ModelForm):
    class Meta:
        model = MentoringAgreement
        fields = ["goals", "meeting_frequency"]
        widgets = {"goals": forms.Textarea(attrs={"rows": 5})}
        labels = {"goals": _("Goals of the mentoring"), "meeting_frequency": _("Meeting frequency")}


class GoalProgressForm(forms.Form):
    progress = forms.IntegerField(
        label=_("Progress (%)"),
        min_value=0,
        max_value=100,
        required=False,
        help_text=_("Leave empty to calculate progress from the tasks."),
        error_messages={
            "min_value": _("Progress must be a number from 0 to 100."),
            "max_value": _("Progress must be a number from 0 to 100."),
        },
    )


class GoalForm(BoundedFormMixin, forms.Form):
    title = forms.CharField(label=_("Goal"), max_length=200)
    description = forms.CharField(
        label=_("Description"), required=False, max_length=SHORT_TEXT, widget=forms.Textarea(attrs={"rows": 3})
    )
    capacity_area = forms.ModelChoiceField(label=_("Capacity area"), queryset=None, required=False)
    due_date = forms.DateField(
        label=_("Due date"), required=False, widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )

    def __init__(self, *args, pairing: Pairing, **kwargs):
        super().__init__(*args, **kwargs)
        from .models import CapacityArea

        instrument = pairing.programme.get_instrument()
        self.fields["capacity_area"].queryset = CapacityArea.objects.filter(instrument=instrument)


class TaskForm(BoundedFormMixin, forms.Form):
    title = forms.CharField(label=_("Task"), max_length=200)
    due_date = forms.DateField(
        label=_("Due date"), required=False, widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    is_milestone = forms.BooleanField(label=_("This task is a milestone"), required=False)
