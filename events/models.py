"""The community centre's programme: places, events with sessions, registrations and attendance.

``events`` knows no course and no volunteer (floor 2): courses and volunteering link to events and
ask ``events.selectors`` about registrations and attendance. Rules live in services.py, reads in
selectors.py.

``Audience`` (djeca, mladi, odrasli, starije osobe, osobe s invaliditetom) is the shared audience
vocabulary of the catalogue and the programme. It lives here, the lowest app that needs it, and keeps
its original table (``courses_audience``); ``courses.models`` re-exports it.
"""

import datetime

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from kok_learn.caching.page_cache import PageCache
from kok_learn.names import CleanNamesMixin, validate_person_name
from kok_learn.validators import bounded_date_validators, text_limit_validators


class Audience(models.Model):
    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("sort_order")]

    class Meta:
        db_table = "courses_audience"
        ordering = ["sort_order", "name"]
        verbose_name = _("audience")
        verbose_name_plural = _("audiences")

    def __str__(self):
        return self.name


class Place(models.Model):
    """Where sessions happen, with what a person with a disability needs to know before coming."""

    name = models.CharField(_("name"), max_length=150, unique=True)
    address = models.CharField(_("address"), max_length=250)
    accessibility_notes = models.TextField(
        _("accessibility notes"),
        blank=True,
        max_length=2000,
        validators=text_limit_validators(2000),
        help_text=_("For example: step-free entrance, accessible toilet, hearing loop, parking."),
    )

    panels = [FieldPanel("name"), FieldPanel("address"), FieldPanel("accessibility_notes")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("place")
        verbose_name_plural = _("places")

    def __str__(self):
        return self.name


class EventKind(models.TextChoices):
    WORKSHOP = "workshop", _("Workshop")
    LIVE_COURSE = "live_course", _("In-person course")
    CULTURAL = "cultural", _("Cultural programme")
    LEISURE = "leisure", _("Leisure activities")
    VOLUNTEERING = "volunteering", _("Volunteering action")


class RegistrationMode(models.TextChoices):
    OPEN = "open", _("Open: people register themselves")
    APPROVAL = "approval", _("On approval: a coordinator confirms each registration")
    NONE = "none", _("No registration: everyone is welcome")


class EventIndexPage(Page):
    """The programme ("Program") at /program/: upcoming events first, filters without JavaScript."""

    intro = models.TextField(_("introduction"), blank=True, max_length=600, validators=text_limit_validators(600))

    content_panels = Page.content_panels + [FieldPanel("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["events.EventPage"]
    max_count = 1
    template = "events/event_index_page.html"
    page_cache = PageCache(query_params=("mjesec", "vrsta", "publika", "stranica"))

    class Meta:
        verbose_name = _("programme")

    def get_context(self, request, *args, **kwargs):
        from . import selectors

        context = super().get_context(request, *args, **kwargs)
        context.update(
            selectors.programme_context(
                index=self, params=request.GET, request=request, index_url=self.get_url(request) or ""
            )
        )
        return context


EVENT_DATE_VALIDATORS = bounded_date_validators(
    earliest=datetime.date(2020, 1, 1),
    years_ahead=2,
    message=_("Choose a date between 1 January 2020 and two years from today."),
)


def _bounded_datetime(value):
    """Kept for the migrations that name it; the fields use ``EVENT_DATE_VALIDATORS``."""
    for validator in EVENT_DATE_VALIDATORS:
        validator(value)


class EventPage(Page):
    summary = models.TextField(
        _("summary"),
        max_length=400,
        validators=text_limit_validators(400),
        help_text=_("One or two sentences for the programme."),
    )
    description = RichTextField(_("description"), blank=True, features=["bold", "italic", "link", "ul", "ol", "h3"])
    kind = models.CharField(_("kind"), max_length=20, choices=EventKind.choices, default=EventKind.WORKSHOP)
    audiences = ParentalManyToManyField(Audience, verbose_name=_("audiences"), blank=True, related_name="events")
    place = models.ForeignKey(
        Place, verbose_name=_("place"), null=True, blank=True, on_delete=models.SET_NULL, related_name="events"
    )
    trainers = ParentalManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("trainers"),
        blank=True,
        related_name="events_trained",
        help_text=_("They mark attendance for the sessions of this event."),
    )
    capacity = models.PositiveIntegerField(_("capacity"), default=20, validators=[MinValueValidator(1)])
    registration_mode = models.CharField(
        _("registration"), max_length=20, choices=RegistrationMode.choices, default=RegistrationMode.OPEN
    )
    registration_deadline = models.DateTimeField(
        _("registration deadline"), null=True, blank=True, validators=EVENT_DATE_VALIDATORS
    )
    min_age = models.PositiveSmallIntegerField(
        _("minimum age"), null=True, blank=True, validators=[MaxValueValidator(120)]
    )
    max_age = models.PositiveSmallIntegerField(
        _("maximum age"), null=True, blank=True, validators=[MaxValueValidator(120)]
    )
    price = models.CharField(_("price"), max_length=100, default="besplatno")
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("image"),
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldPanel("kind"),
                FieldPanel("audiences", widget=forms.CheckboxSelectMultiple),
                FieldPanel("place"),
                FieldPanel("trainers"),
                FieldPanel("price"),
            ],
            heading=_("About the event"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("capacity"), FieldPanel("registration_mode")]),
                FieldPanel("registration_deadline"),
                FieldRowPanel([FieldPanel("min_age"), FieldPanel("max_age")]),
            ],
            heading=_("Registration"),
        ),
        InlinePanel("sessions", label=_("Sessions"), min_num=1),
    ]
    search_fields = Page.search_fields + [index.SearchField("summary"), index.FilterField("kind")]

    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []
    template = "events/event_page.html"

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def clean(self):
        super().clean()
        if self.min_age is not None and self.max_age is not None and self.min_age > self.max_age:
            raise ValidationError({"max_age": _("The maximum age cannot be lower than the minimum age.")})
        if self.pk and self.capacity and self.registration_mode != RegistrationMode.NONE:
            # Only a lowered capacity is checked: an event already over its capacity can still be edited
            # (a typo fixed, the capacity raised) without the check blocking every save.
            stored = EventPage.objects.filter(pk=self.pk).values_list("capacity", flat=True).first()
            upcoming = EventSession.objects.filter(page_id=self.pk, cancelled=False, end__gt=timezone.now())
            if stored is not None and self.capacity < stored and upcoming.exists():
                _check_capacity_not_below_seats(self.pk, self.capacity, "capacity")

    def get_context(self, request, *args, **kwargs):
        from . import selectors

        context = super().get_context(request, *args, **kwargs)
        context.update(selectors.event_page_context(event=self, user=request.user))
        return context


class EventSession(Orderable):
    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="sessions")
    start = models.DateTimeField(_("start"), validators=EVENT_DATE_VALIDATORS)
    end = models.DateTimeField(_("end"), validators=EVENT_DATE_VALIDATORS)
    place = models.ForeignKey(
        Place,
        verbose_name=_("place (if not the event's)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    capacity = models.PositiveIntegerField(
        _("capacity (if lower than the event's)"), null=True, blank=True, validators=[MinValueValidator(1)]
    )
    cancelled = models.BooleanField(_("cancelled"), default=False)
    cancel_reason = models.CharField(_("reason for cancelling"), max_length=300, blank=True)

    panels = [
        FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
        FieldRowPanel([FieldPanel("place"), FieldPanel("capacity")]),
        FieldRowPanel([FieldPanel("cancelled"), FieldPanel("cancel_reason")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        ordering = ["start"]

    def __str__(self):
        local = timezone.localtime(self.start)
        return f"{self.page.title}, {local:%d. %m. %Y. %H:%M}"

    def clean(self):
        super().clean()
        if self.start and self.end and self.end <= self.start:
            raise ValidationError({"end": _("A session must end after it starts.")})
        if self.cancelled and not self.cancel_reason:
            raise ValidationError({"cancel_reason": _("Say why the session is cancelled: people will be told.")})
        event = self.page if self.page_id else None
        if self.capacity and event is not None and event.registration_mode != RegistrationMode.NONE and self._limit():
            # A session still to come never gets fewer seats than people already booked for it. Checked only
            # when its limit is lowered (a new override, a lower one, a small session un-cancelled or moved
            # to the future), so an over-full event can still be edited.
            stored = EventSession.objects.filter(pk=self.pk).first() if self.pk else None
            before = stored._limit() if stored is not None and stored.page_id == self.page_id else None
            if before is None or self._limit() < before:
                _check_capacity_not_below_seats(self.page_id, self.capacity, "capacity")

    def _limit(self) -> int | None:
        """This session's own override if it limits the seats now (not cancelled, not over), else None."""
        if self.capacity and not self.cancelled and self.end and self.end > timezone.now():
            return self.capacity
        return None

    @property
    def hours(self) -> float:
        return round((self.end - self.start).total_seconds() / 3600, 2)

    @property
    def effective_place(self):
        return self.place or self.page.place

    def checkin_window(self) -> tuple[datetime.datetime, datetime.datetime]:
        """Self check-in is open from 30 minutes before the start until the end."""
        return self.start - datetime.timedelta(minutes=30), self.end


def _check_capacity_not_below_seats(event_id: int, capacity: int, field: str) -> None:
    taken = Registration.objects.filter(SEAT_HOLDERS, event_id=event_id).count()
    if capacity < taken:
        raise ValidationError(
            {field: _("Seats taken already: %(taken)s. The capacity cannot be lower.") % {"taken": taken}}
        )


class RegistrationStatus(models.TextChoices):
    BOOKED = "booked", _("Booked")
    WAITLISTED = "waitlisted", _("On the waiting list")
    PENDING = "pending", _("Waiting for approval")
    CANCELLED = "cancelled", _("Cancelled")
    ATTENDED_PARTLY = "attended_partly", _("Attended partly")
    ATTENDED = "attended", _("Attended")


# Statuses of a registration with a place at the sessions (shown on the attendance sheet, marked).
SEAT_STATUSES = (RegistrationStatus.BOOKED, RegistrationStatus.ATTENDED_PARTLY, RegistrationStatus.ATTENDED)
# Registrations that count against the seats: a walk-in records a person who was in the room at a session
# and holds no seat for the sessions to come (docs/events.md, "Walk-ins"), so it never takes a seat from
# anyone registered or waiting.
SEAT_HOLDERS = models.Q(status__in=SEAT_STATUSES, walk_in=False)


class RegistrationRole(models.TextChoices):
    PARTICIPANT = "participant", _("Participant")
    VOLUNTEER = "volunteer", _("Volunteer")


class Registration(CleanNamesMixin, models.Model):
    """A person's place at an event (or a walk-in added by the trainer by name, without an account)."""

    name_fields = ("walk_in_name",)

    event = models.ForeignKey(
        EventPage, verbose_name=_("event"), on_delete=models.CASCADE, related_name="registrations"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="event_registrations",
    )
    walk_in_name = models.CharField(_("walk-in's name"), max_length=150, blank=True, validators=[validate_person_name])
    # A walk-in (added by the trainer for a session the person came to) holds no seat: see ``SEAT_HOLDERS``.
    walk_in = models.BooleanField(_("walk-in"), default=False, editable=False)
    role = models.CharField(
        _("role"), max_length=20, choices=RegistrationRole.choices, default=RegistrationRole.PARTICIPANT
    )
    status = models.CharField(
        _("status"), max_length=20, choices=RegistrationStatus.choices, default=RegistrationStatus.BOOKED
    )
    waitlist_position = models.PositiveIntegerField(_("position on the waiting list"), null=True, blank=True)
    created_at = models.DateTimeField(_("registered"), default=timezone.now)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)
    cancel_reason = models.CharField(_("reason for cancelling"), max_length=300, blank=True)
    anonymised = models.BooleanField(_("anonymised"), default=False)

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["event", "created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "event"], condition=models.Q(user__isnull=False), name="events_registration_once"
            )
        ]
        indexes = [models.Index(fields=["event", "status"])]

    def __str__(self):
        return f"{self.display_name} – {self.event.title}"

    @property
    def display_name(self) -> str:
        if self.user_id is not None:
            return self.user.get_full_name() or self.user.email
        if self.anonymised:
            return str(_("Anonymised person"))
        return self.walk_in_name

    @property
    def holds_seat(self) -> bool:
        return self.status in SEAT_STATUSES


class AttendanceStatus(models.TextChoices):
    PRESENT = "present", _("Present")
    LATE = "late", _("Late")
    EXCUSED = "excused", _("Excused")
    ABSENT = "absent", _("Absent")


# Late counts as present everywhere (blended courses, reports).
ATTENDED_STATUSES = (AttendanceStatus.PRESENT, AttendanceStatus.LATE)


class AttendanceMethod(models.TextChoices):
    TRAINER = "trainer", _("Marked by the trainer")
    QR = "qr", _("QR self check-in")
    IMPORT = "import", _("Imported")


class Attendance(models.Model):
    registration = models.ForeignKey(
        Registration, verbose_name=_("registration"), on_delete=models.CASCADE, related_name="attendances"
    )
    session = models.ForeignKey(
        EventSession, verbose_name=_("session"), on_delete=models.CASCADE, related_name="attendances"
    )
    status = models.CharField(_("attendance"), max_length=20, choices=AttendanceStatus.choices)
    method = models.CharField(
        _("how"), max_length=20, choices=AttendanceMethod.choices, default=AttendanceMethod.TRAINER
    )
    marked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("marked by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    marked_at = models.DateTimeField(_("marked"), default=timezone.now)

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        constraints = [models.UniqueConstraint(fields=["registration", "session"], name="events_attendance_once")]

    def __str__(self):
        return f"{self.registration} – {self.get_status_display()}"


class AttendanceChange(models.Model):
    """Every change to an attendance record: who, when, before → after."""

    attendance = models.ForeignKey(Attendance, on_delete=models.CASCADE, related_name="changes")
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("changed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    changed_at = models.DateTimeField(_("changed"), default=timezone.now)
    before = models.CharField(_("before"), max_length=20, choices=AttendanceStatus.choices, blank=True)
    after = models.CharField(_("after"), max_length=20, choices=AttendanceStatus.choices)
    method = models.CharField(_("how"), max_length=20, choices=AttendanceMethod.choices)

    class Meta:
        verbose_name = _("attendance change")
        verbose_name_plural = _("attendance changes")
        ordering = ["changed_at", "pk"]

    def __str__(self):
        return f"{self.before or '—'} → {self.after}"


class CheckIn(models.Model):
    """A QR token that was used, so the same token is never accepted twice."""

    session = models.ForeignKey(EventSession, on_delete=models.CASCADE, related_name="+")
    registration = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="+")
    token_step = models.BigIntegerField()
    used_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["session", "registration"], name="events_checkin_once")]

    def __str__(self):
        return f"{self.registration_id} @ {self.session_id}"
