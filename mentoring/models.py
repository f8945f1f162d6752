"""Organisations, mentoring programmes and pairings, goals, meetings and capacity assessments."""

import datetime
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable

from organisations.models import Organisation, OrganisationMembership
from organisations.validators import validate_founding_year

__all__ = ["Organisation", "OrganisationMembership", "validate_founding_year"]  # moved to `organisations`


# ---------------------------------------------------------------------------------------------
# Capacity instrument: instrument → areas → statements (edited in the Wagtail admin as one cluster)
# ---------------------------------------------------------------------------------------------


class CapacityInstrument(ClusterableModel):
    """A questionnaire that measures an organisation's capacity, area by area, on a 1–5 scale."""

    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    is_default = models.BooleanField(
        _("default instrument"),
        default=False,
        help_text=_("New programmes use the default instrument. Only one instrument can be the default."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("description"),
        FieldPanel("is_default"),
        InlinePanel("areas", label=_("Capacity areas"), heading=_("Capacity areas")),
    ]

    class Meta:
        verbose_name = _("capacity instrument")
        verbose_name_plural = _("capacity instruments")
        ordering = ["-is_default", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["is_default"], condition=Q(is_default=True), name="mentoring_one_default_instrument"
            )
        ]

    def __str__(self):
        return self.name

    @classmethod
    def default(cls):
        return cls.objects.filter(is_default=True).first() or cls.objects.order_by("pk").first()


class CapacityArea(Orderable, ClusterableModel):
    instrument = ParentalKey(CapacityInstrument, on_delete=models.CASCADE, related_name="areas")
    slug = models.SlugField(
        _("slug"),
        max_length=80,
        help_text=_("Shared with course tags, e.g. financijsko-upravljanje."),
    )
    name = models.CharField(_("name"), max_length=150)
    description = models.TextField(_("description"), blank=True)
    # Declared here since `Organisation` moved to the lower `organisations` app; the table is the
    # one `Organisation.expertise` used, so `organisation.expertise` still reads and writes it.
    expert_organisations = models.ManyToManyField(
        Organisation,
        verbose_name=_("organisations with expertise"),
        blank=True,
        related_name="expertise",
        db_table="mentoring_organisation_expertise",
        help_text=_("Capacity areas in which this organisation can mentor others."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        InlinePanel("statements", label=_("Statements"), heading=_("Statements"), min_num=1),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("capacity area")
        verbose_name_plural = _("capacity areas")
        constraints = [
            models.UniqueConstraint(fields=["instrument", "slug"], name="mentoring_area_slug_per_instrument")
        ]

    def __str__(self):
        return self.name


class CapacityStatement(Orderable):
    area = ParentalKey(CapacityArea, on_delete=models.CASCADE, related_name="statements")
    text = models.TextField(_("statement"))
    level_1 = models.TextField(_("level 1 description"))
    level_2 = models.TextField(_("level 2 description"))
    level_3 = models.TextField(_("level 3 description"))
    level_4 = models.TextField(_("level 4 description"))
    level_5 = models.TextField(_("level 5 description"))

    panels = [
        FieldPanel("text"),
        MultiFieldPanel(
            [
                FieldPanel("level_1"),
                FieldPanel("level_2"),
                FieldPanel("level_3"),
                FieldPanel("level_4"),
                FieldPanel("level_5"),
            ],
            heading=_("Level descriptions"),
        ),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("capacity statement")
        verbose_name_plural = _("capacity statements")

    def __str__(self):
        return self.text

    @property
    def levels(self) -> list[tuple[int, str]]:
        return [(1, self.level_1), (2, self.level_2), (3, self.level_3), (4, self.level_4), (5, self.level_5)]


# ---------------------------------------------------------------------------------------------
# Programmes and pairings
# ---------------------------------------------------------------------------------------------


def _date_order_errors(start, end) -> dict:
    """The end-before-start error for `clean()`, keyed by field; empty when the dates are in order."""
    if start and end and end < start:
        return {
            "end_date": ValidationError(_("The end date cannot be before the start date."), code="end_before_start")
        }
    return {}


class Programme(models.Model):
    name = models.CharField(_("name"), max_length=200)
    cohort = models.CharField(_("cohort"), max_length=50, help_text=_("For example “2021./2022.”"))
    description = models.TextField(_("description"), blank=True)
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"))
    coordinator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("coordinator"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="coordinated_programmes",
    )
    instrument = models.ForeignKey(
        CapacityInstrument,
        verbose_name=_("capacity instrument"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="programmes",
        help_text=_("Leave empty to use the default instrument."),
    )
    funder = models.CharField(_("funder"), max_length=200, blank=True)
    certificate_template = models.ForeignKey(
        "certificates.CertificateTemplate",
        verbose_name=_("certificate template"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Members of a mentee organisation get this certificate when their pairing is completed."),
    )

    class Meta:
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")
        ordering = ["-start_date", "name"]

    def __str__(self):
        return f"{self.name} ({self.cohort})"

    def clean(self):
        errors = _date_order_errors(self.start_date, self.end_date)
        if errors:
            raise ValidationError(errors)

    def get_instrument(self):
        return self.instrument or CapacityInstrument.default()


class Pairing(models.Model):
    class State(models.TextChoices):
        PROPOSED = "predlozen", pgettext_lazy("pairing state", "proposed")
        ACTIVE = "aktivan", pgettext_lazy("pairing state", "active")
        PAUSED = "pauziran", pgettext_lazy("pairing state", "paused")
        COMPLETED = "zavrsen", pgettext_lazy("pairing state", "completed")
        ENDED_EARLY = "prekinut", pgettext_lazy("pairing state", "ended early")

    TRANSITIONS = {
        State.PROPOSED: (State.ACTIVE, State.ENDED_EARLY),
        State.ACTIVE: (State.PAUSED, State.COMPLETED, State.ENDED_EARLY),
        State.PAUSED: (State.ACTIVE, State.COMPLETED, State.ENDED_EARLY),
        State.COMPLETED: (),
        State.ENDED_EARLY: (),
    }
    OPEN_STATES = (State.PROPOSED, State.ACTIVE, State.PAUSED)
    CLOSED_STATES = (State.COMPLETED, State.ENDED_EARLY)

    programme = models.ForeignKey(
        Programme, verbose_name=_("programme"), on_delete=models.PROTECT, related_name="pairings"
    )
    mentor_organisation = models.ForeignKey(
        Organisation, verbose_name=_("mentor organisation"), on_delete=models.PROTECT, related_name="pairings_as_mentor"
    )
    mentors = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("mentors"), related_name="mentor_pairings", blank=True
    )
    mentee_organisation = models.ForeignKey(
        Organisation, verbose_name=_("mentee organisation"), on_delete=models.PROTECT, related_name="pairings_as_mentee"
    )
    state = models.CharField(_("state"), max_length=12, choices=State.choices, default=State.PROPOSED)
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"), null=True, blank=True)
    closure_reason = models.TextField(_("reason for ending early"), blank=True)
    state_changed_at = models.DateTimeField(_("state changed"), default=timezone.now)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("mentoring pair")
        verbose_name_plural = _("mentoring pairs")
        ordering = ["-start_date", "pk"]

    def __str__(self):
        return f"{self.mentor_organisation} → {self.mentee_organisation}"

    def clean(self):
        errors = _date_order_errors(self.start_date, self.end_date)
        if self.mentor_organisation_id and self.mentor_organisation_id == self.mentee_organisation_id:
            errors["mentee_organisation"] = ValidationError(
                _("An organisation cannot mentor itself."), code="same_organisation"
            )
        for field in ("mentor_organisation", "mentee_organisation"):
            org = getattr(self, field, None) if getattr(self, f"{field}_id") else None
            if org is not None and not org.is_cso:
                errors[field] = ValidationError(
                    _("Only civil-society organisations take part in pairings; a local government unit is a partner."),
                    code="not_cso",
                )
        if self.state == self.State.ENDED_EARLY and not self.closure_reason.strip():
            errors["closure_reason"] = ValidationError(
                _("Please give the reason for ending the pairing early."), code="reason_required"
            )
        if errors:
            raise ValidationError(errors)

    @property
    def is_open(self) -> bool:
        return self.state in self.OPEN_STATES

    def allowed_transitions(self) -> tuple:
        return self.TRANSITIONS[self.State(self.state)]


class MentoringAgreement(models.Model):
    class Frequency(models.TextChoices):
        WEEKLY = "tjedno", _("weekly")
        FORTNIGHTLY = "dvotjedno", _("every two weeks")
        MONTHLY = "mjesecno", _("monthly")
        QUARTERLY = "tromjesecno", _("every three months")

    pairing = models.OneToOneField(
        Pairing, verbose_name=_("mentoring pair"), on_delete=models.CASCADE, related_name="agreement"
    )
    goals = models.TextField(_("goals of the mentoring"))
    meeting_frequency = models.CharField(
        _("meeting frequency"), max_length=12, choices=Frequency.choices, default=Frequency.MONTHLY
    )
    accepted_by_mentor_at = models.DateTimeField(_("accepted by the mentor"), null=True, blank=True)
    accepted_by_mentor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    accepted_by_mentee_at = models.DateTimeField(_("accepted by the mentee organisation"), null=True, blank=True)
    accepted_by_mentee = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("mentoring agreement")
        verbose_name_plural = _("mentoring agreements")

    def __str__(self):
        return str(self.pairing)

    @property
    def is_accepted(self) -> bool:
        return bool(self.accepted_by_mentor_at and self.accepted_by_mentee_at)


class Goal(models.Model):
    pairing = models.ForeignKey(
        Pairing, verbose_name=_("mentoring pair"), on_delete=models.CASCADE, related_name="goals"
    )
    title = models.CharField(_("goal"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    capacity_area = models.ForeignKey(
        CapacityArea,
        verbose_name=_("capacity area"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    due_date = models.DateField(_("due date"), null=True, blank=True)
    manual_progress = models.PositiveSmallIntegerField(
        _("progress set by hand (%)"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(100)],
        help_text=_("Leave empty to calculate progress from the tasks."),
    )
    sort_order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("goal")
        verbose_name_plural = _("goals")
        ordering = ["sort_order", "due_date", "pk"]

    def __str__(self):
        return self.title


def goal_progress(*, manual_progress, tasks_total: int, tasks_done: int) -> int:
    """Progress in % of a goal: set by hand if given, else the share of its tasks that are done."""
    if manual_progress is not None:
        return int(manual_progress)
    if not tasks_total:
        return 0
    return round(100 * tasks_done / tasks_total)


def hours_from_minutes(minutes: int) -> Decimal:
    """Meeting minutes as hours with one decimal, the way every screen and report shows them."""
    return (Decimal(minutes) / Decimal(60)).quantize(Decimal("0.1"))


class Task(models.Model):
    goal = models.ForeignKey(Goal, verbose_name=_("goal"), on_delete=models.CASCADE, related_name="tasks")
    title = models.CharField(_("task"), max_length=200)
    is_milestone = models.BooleanField(_("milestone"), default=False)
    due_date = models.DateField(_("due date"), null=True, blank=True)
    done = models.BooleanField(_("done"), default=False)
    done_at = models.DateTimeField(_("done at"), null=True, blank=True)

    class Meta:
        verbose_name = _("task")
        verbose_name_plural = _("tasks")
        ordering = ["due_date", "pk"]

    def __str__(self):
        return self.title

    @property
    def is_overdue(self) -> bool:
        return bool(not self.done and self.due_date and self.due_date < timezone.localdate())


class Meeting(models.Model):
    class Format(models.TextChoices):
        IN_PERSON = "uzivo", _("in person")
        ONLINE = "online", _("online")
        PHONE = "telefon", _("by phone")

    pairing = models.ForeignKey(
        Pairing, verbose_name=_("mentoring pair"), on_delete=models.CASCADE, related_name="meetings"
    )
    starts_at = models.DateTimeField(_("date and time"))
    duration_minutes = models.PositiveSmallIntegerField(
        _("duration (minutes)"),
        validators=[
            MinValueValidator(1, message=_("A meeting lasts at least one minute.")),
            MaxValueValidator(600, message=_("A meeting cannot last longer than 600 minutes (10 hours).")),
        ],
    )
    format = models.CharField(_("format"), max_length=10, choices=Format.choices, default=Format.IN_PERSON)
    planned = models.BooleanField(
        _("planned"), default=False, help_text=_("A planned meeting has not happened yet; it goes to the calendar.")
    )
    location = models.CharField(_("place or link"), max_length=200, blank=True)
    topics = models.TextField(_("topics"), blank=True)
    notes = models.TextField(_("notes"), blank=True)
    next_steps = models.TextField(_("next steps"), blank=True)
    attendees = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("attendees"), blank=True, related_name="mentoring_meetings"
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("confirmed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["-starts_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(duration_minutes__gte=1, duration_minutes__lte=600), name="mentoring_meeting_duration"
            )
        ]

    def __str__(self):
        return f"{self.pairing} – {timezone.localtime(self.starts_at):%d. %m. %Y.}"

    @property
    def hours(self):
        return self.duration_minutes / 60

    @property
    def ends_at(self):
        return self.starts_at + datetime.timedelta(minutes=self.duration_minutes)


# ---------------------------------------------------------------------------------------------
# Assessments
# ---------------------------------------------------------------------------------------------


class Assessment(models.Model):
    class Round(models.TextChoices):
        BASELINE = "pocetna", _("baseline")
        MIDLINE = "srednja", _("midline")
        ENDLINE = "zavrsna", _("endline")

    ROUND_ORDER = {Round.BASELINE: 0, Round.MIDLINE: 1, Round.ENDLINE: 2}

    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisation"), on_delete=models.CASCADE, related_name="assessments"
    )
    pairing = models.ForeignKey(
        Pairing,
        verbose_name=_("mentoring pair"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="assessments",
    )
    instrument = models.ForeignKey(
        CapacityInstrument, verbose_name=_("instrument"), on_delete=models.PROTECT, related_name="assessments"
    )
    round = models.CharField(_("round"), max_length=10, choices=Round.choices)
    date = models.DateField(_("date"))
    assessed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("capacity assessment")
        verbose_name_plural = _("capacity assessments")
        ordering = ["date", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["pairing", "round"], condition=Q(pairing__isnull=False), name="mentoring_one_round_per_pairing"
            )
        ]

    def __str__(self):
        return f"{self.organisation} – {self.get_round_display()} ({self.date:%d. %m. %Y.})"


class AssessmentScore(models.Model):
    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="scores")
    statement = models.ForeignKey(
        CapacityStatement, verbose_name=_("statement"), on_delete=models.PROTECT, related_name="scores"
    )
    score = models.PositiveSmallIntegerField(
        _("score"),
        validators=[
            MinValueValidator(1, message=_("The score must be between 1 and 5.")),
            MaxValueValidator(5, message=_("The score must be between 1 and 5.")),
        ],
    )
    evidence = models.TextField(_("evidence"), blank=True)

    class Meta:
        verbose_name = _("score")
        verbose_name_plural = _("scores")
        constraints = [
            models.UniqueConstraint(fields=["assessment", "statement"], name="mentoring_one_score_per_statement"),
            models.CheckConstraint(condition=Q(score__gte=1, score__lte=5), name="mentoring_score_1_to_5"),
        ]

    def __str__(self):
        return f"{self.statement}: {self.score}"
