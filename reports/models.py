"""ESF participant data (entry form, special categories, exit form), participations, targets, settings.

Special categories of personal data (GDPR Art. 9) live in their own table, readable only with the
``reports.view_special_categories`` permission; every look at them is written to ``SpecialCategoryAccess``.
"""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from kok_learn.validators import bounded_date_validators

from .indicators import EMPLOYED, FEMALE, INACTIVE_EDUCATION, INACTIVE_OTHER, MALE, NON_BINARY, UNEMPLOYED


class Sex(models.TextChoices):
    FEMALE = FEMALE, _("Female")
    MALE = MALE, _("Male")
    NON_BINARY = NON_BINARY, _("Non-binary")


class EmploymentStatus(models.TextChoices):
    EMPLOYED = EMPLOYED, _("Employed, including self-employed")
    UNEMPLOYED = UNEMPLOYED, _("Unemployed")
    INACTIVE_EDUCATION = INACTIVE_EDUCATION, _("Inactive, in education or training")
    INACTIVE_OTHER = INACTIVE_OTHER, _("Inactive, not in education or training (e.g. pensioner)")


ISCED_CHOICES = [
    (0, _("ISCED 0 — no completed primary school")),
    (1, _("ISCED 1 — first four grades of primary school")),
    (2, _("ISCED 2 — primary school (eight grades)")),
    (3, _("ISCED 3 — secondary school")),
    (4, _("ISCED 4 — post-secondary non-tertiary education")),
    (5, _("ISCED 5 — short-cycle tertiary education")),
    (6, _("ISCED 6 — bachelor's degree or equivalent")),
    (7, _("ISCED 7 — master's degree or equivalent")),
    (8, _("ISCED 8 — doctorate")),
]

COUNTIES = [
    "Zagrebačka",
    "Krapinsko-zagorska",
    "Sisačko-moslavačka",
    "Karlovačka",
    "Varaždinska",
    "Koprivničko-križevačka",
    "Bjelovarsko-bilogorska",
    "Primorsko-goranska",
    "Ličko-senjska",
    "Virovitičko-podravska",
    "Požeško-slavonska",
    "Brodsko-posavska",
    "Zadarska",
    "Osječko-baranjska",
    "Šibensko-kninska",
    "Vukovarsko-srijemska",
    "Splitsko-dalmatinska",
    "Istarska",
    "Dubrovačko-neretvanska",
    "Međimurska",
    "Grad Zagreb",
]
COUNTY_CHOICES = [(name, name) for name in COUNTIES]


class FilledBy(models.TextChoices):
    SELF = "self", _("The participant")
    PARENT = "parent", _("A parent or guardian, with or for the participant")
    COORDINATOR = "coordinator", _("A coordinator, from the paper form")


class Answer(models.TextChoices):
    YES = "yes", _("Yes")
    NO = "no", _("No")
    PREFER_NOT = "prefer_not", _("Prefer not to say")


def answer_field(verbose_name, *, help_text="") -> models.CharField:
    """A question answered yes, no or "prefer not to say"; empty while unanswered (or not asked)."""
    return models.CharField(verbose_name, max_length=12, choices=Answer.choices, blank=True, help_text=help_text)


class ParticipantRecord(models.Model):
    """Obrazac 1 (entry form): asked once per person, when they first start a counted activity."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="participant_record",
    )
    sex = models.CharField(_("sex"), max_length=12, choices=Sex.choices, blank=True)
    date_of_birth = models.DateField(
        _("date of birth"),
        null=True,
        blank=True,
        validators=bounded_date_validators(
            earliest=datetime.date(1900, 1, 1), years_ahead=0, message=_("Enter a real date of birth.")
        ),
    )
    employment_status = models.CharField(
        _("employment status"), max_length=20, choices=EmploymentStatus.choices, blank=True
    )
    unemployed_months = models.PositiveSmallIntegerField(
        _("months without work"),
        null=True,
        blank=True,
        help_text=_("Only if unemployed: for how many months in a row."),
    )
    isced = models.PositiveSmallIntegerField(
        _("highest completed education"), choices=ISCED_CHOICES, null=True, blank=True
    )
    county = models.CharField(_("county of residence"), max_length=40, choices=COUNTY_CHOICES, blank=True)
    rural = models.BooleanField(_("lives in a rural area"), null=True, blank=True)
    # Household situation: asked only when the indicator set asks (ESF 2014–2020, ``household_questions``);
    # then core data: without a yes or no to each, the record is incomplete (IndicatorSet.complete).
    household_jobless = answer_field(
        _("nobody in your household has a job"),
        help_text=_(
            "Everyone in the household is unemployed or inactive (pupils, students, pensioners and others "
            "without work)."
        ),
    )
    household_dependent_children = answer_field(
        _("dependent children live in your household"),
        help_text=_(
            "Children under 18, and young people aged 18 to 24 who are inactive and live with at least one parent."
        ),
    )
    household_single_adult = answer_field(
        _("you are the only adult in your household"),
        help_text=_("A household of one adult, with or without children."),
    )
    entered_on = models.DateField(_("date of entry"), default=timezone.localdate, validators=bounded_date_validators())
    filled_by = models.CharField(_("filled in by"), max_length=12, choices=FilledBy.choices, default=FilledBy.SELF)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("entered by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    is_complete = models.BooleanField(_("complete"), default=False, editable=False)
    # A core question left unanswered (a declined answer counts as answered): "Moje učenje" asks for the form
    # only then, so someone who chose "prefer not to say" is not asked again on every visit.
    answers_missing = models.BooleanField(_("questions unanswered"), default=True, editable=False)
    anonymised = models.BooleanField(_("anonymised"), default=False, editable=False)
    exit_reminder_sent_at = models.DateTimeField(_("exit form reminder sent"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    class Meta:
        verbose_name = _("participant record")
        verbose_name_plural = _("participant records")
        ordering = ["-entered_on", "-pk"]
        permissions = [("export_participant_records", _("Can export individual participant records"))]

    def __str__(self):
        if self.user_id is None:
            return _("Anonymised participant %(pk)s") % {"pk": self.pk}
        return str(self.user)

    def clean(self):
        today = timezone.localdate()
        if self.date_of_birth and not (today.replace(year=today.year - 110) <= self.date_of_birth <= today):
            raise ValidationError({"date_of_birth": _("Enter a real date of birth (not in the future).")})
        if self.employment_status != EmploymentStatus.UNEMPLOYED:
            self.unemployed_months = None
        elif self.unemployed_months is not None and self.unemployed_months > 600:
            raise ValidationError({"unemployed_months": _("Enter the number of months (at most 600).")})

    def assess(self, household_questions: tuple[str, ...]) -> None:
        """Set ``is_complete`` and ``answers_missing`` for the indicator set's household questions."""
        self.is_complete = self.core_complete(household_questions)
        self.answers_missing = not self.core_answered(household_questions)

    def core_answered(self, household_questions: tuple[str, ...] = ()) -> bool:
        """Every core question answered, a household question possibly with "prefer not to say"."""
        return bool(self.sex and self.date_of_birth and self.employment_status and self.isced is not None) and all(
            getattr(self, name) for name in household_questions
        )

    def core_complete(self, household_questions: tuple[str, ...] = ()) -> bool:
        """Every core answer known: sex, date of birth, employment, education, and a yes or no to each
        household question the indicator set asks (``IndicatorSet.household_questions``)."""
        return bool(self.sex and self.date_of_birth and self.employment_status and self.isced is not None) and all(
            getattr(self, name) in (Answer.YES, Answer.NO) for name in household_questions
        )


class SpecialCategories(models.Model):
    """Special categories of personal data (GDPR Art. 9), stored apart; each has "prefer not to say"."""

    record = models.OneToOneField(
        ParticipantRecord, on_delete=models.CASCADE, related_name="special_categories", verbose_name=_("participant")
    )
    disability = answer_field(_("person with a disability"))
    migrant = answer_field(_("migrant (not a citizen of an EU member state)"))
    foreign_background = answer_field(_("foreign background (a parent born abroad)"))
    minority = answer_field(_("member of a national minority (including Roma)"))
    homeless = answer_field(_("homeless or affected by housing exclusion"))
    other_disadvantaged = answer_field(_("other disadvantage (e.g. in a remote area, without a household earner)"))
    answered_at = models.DateTimeField(_("answered"), default=timezone.now)

    class Meta:
        verbose_name = _("special categories of data")
        verbose_name_plural = _("special categories of data")
        default_permissions = ()
        permissions = [("view_special_categories", _("Can view and export special categories of personal data"))]

    def __str__(self):
        return str(self.record)


class SpecialCategoryAccess(models.Model):
    """The log of every view and export of special categories: who, when, what."""

    at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("who"), on_delete=models.SET_NULL, null=True, related_name="+"
    )
    who = models.CharField(_("who (as at the time)"), max_length=254)
    action = models.CharField(_("action"), max_length=20)
    what = models.CharField(_("what"), max_length=300, validators=[MaxLengthValidator(300)])

    class Meta:
        verbose_name = _("access to special categories")
        verbose_name_plural = _("accesses to special categories")
        ordering = ["-at"]
        default_permissions = ("view",)

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.who}: {self.action} {self.what}"


class EndReason(models.TextChoices):
    COMPLETED = "completed", _("Course completed")
    ABANDONED = "abandoned", _("Course abandoned")
    SERIES_ENDED = "series_ended", _("Event series ended")
    PAIRING_CLOSED = "pairing_closed", _("Mentoring pairing closed")
    VOLUNTEERING_ENDED = "volunteering_ended", _("Volunteering ended")


class Participation(models.Model):
    """One counted activity of a participant (a course, a mentoring pairing, …), copied from its app.

    Kept here so that an erased person's participation still counts (their enrolment is deleted).
    """

    record = models.ForeignKey(ParticipantRecord, on_delete=models.CASCADE, related_name="participations")
    kind = models.CharField(_("kind of activity"), max_length=20)
    activity_key = models.CharField(_("activity"), max_length=60)
    activity_label = models.CharField(_("activity name"), max_length=255)
    started_on = models.DateField(_("started"))
    ended_on = models.DateField(_("left"), null=True, blank=True)
    end_reason = models.CharField(_("why the person left"), max_length=20, choices=EndReason.choices, blank=True)

    class Meta:
        verbose_name = _("participation")
        verbose_name_plural = _("participations")
        constraints = [
            models.UniqueConstraint(fields=["record", "activity_key"], name="reports_participation_once_per_activity")
        ]
        indexes = [models.Index(fields=["kind", "started_on"]), models.Index(fields=["ended_on"])]

    def __str__(self):
        return f"{self.record} — {self.activity_label}"


class ExitRecord(models.Model):
    """Obrazac 2 (exit form): immediate results within four weeks of leaving an activity."""

    participation = models.OneToOneField(
        Participation, on_delete=models.CASCADE, related_name="exit_record", verbose_name=_("participation")
    )
    job_searching = models.BooleanField(_("looking for work"), default=False)
    in_education = models.BooleanField(_("in education or training"), default=False)
    qualification = models.BooleanField(_("gained a qualification"), default=False)
    employed = models.BooleanField(_("employed, including self-employed"), default=False)
    filled_by = models.CharField(_("filled in by"), max_length=12, choices=FilledBy.choices, default=FilledBy.SELF)
    filled_at = models.DateTimeField(_("filled in"), default=timezone.now)

    class Meta:
        verbose_name = _("exit form")
        verbose_name_plural = _("exit forms")

    def __str__(self):
        return str(self.participation)

    def clean(self):
        if self.job_searching and self.employed:
            raise ValidationError(
                _("A person cannot be both looking for work and employed on leaving: choose one of the two.")
            )


class ProjectTarget(models.Model):
    """A promised output of the project ("120 residents complete a computer course")."""

    title = models.CharField(_("target"), max_length=200)
    measure = models.CharField(_("measured as"), max_length=80)
    target = models.DecimalField(_("target value"), max_digits=10, decimal_places=1, validators=[MinValueValidator(0)])
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    panels = [FieldPanel("title"), FieldPanel("measure"), FieldPanel("target"), FieldPanel("sort_order")]

    class Meta:
        verbose_name = _("project target")
        verbose_name_plural = _("project targets")
        ordering = ["sort_order", "pk"]

    def __str__(self):
        return self.title

    def clean(self):
        from .measures import measure_get

        if self.measure and measure_get(self.measure) is None:
            raise ValidationError({"measure": _("Choose a measure from the list.")})


@register_setting(icon="table")
class ReportingSettings(BaseSiteSetting):
    """Which ESF indicator set the project reports, and the project's duration."""

    indicator_set = models.CharField(
        _("indicator set"),
        max_length=10,
        choices=[("esf2014", _("ESF 2014–2020")), ("esf2021", _("ESF+ 2021–2027"))],
        default="esf2014",
    )
    project_start = models.DateField(_("project start"), null=True, blank=True, validators=bounded_date_validators())
    project_end = models.DateField(
        _("project end"), null=True, blank=True, validators=bounded_date_validators(years_ahead=5)
    )

    panels = [FieldPanel("indicator_set"), FieldPanel("project_start"), FieldPanel("project_end")]

    class Meta:
        verbose_name = _("ESF reporting")
