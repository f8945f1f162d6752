"""Volunteering under the Zakon o volonterstvu (NN 58/07, 22/13, 84/21): opportunities, volunteer
profiles, applications, guardians' consent for minors, contracts, the vulnerable-groups check,
hours, confirmations and the organiser's annual report (Pravilnik NN 109/2021).
"""

import datetime
import uuid
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import Page
from wagtail.search import index

from kok_learn.caching.page_cache import PageCache
from kok_learn.names import CleanNamesMixin, validate_person_name
from kok_learn.validators import bounded_date_validators, text_limit_validators
from organisations.models import Organisation
from organisations.validators import validate_phone_number

LONG_TEXT = 5000
NOTE_TEXT = 1000


def text_limit(limit: int):
    return text_limit_validators(limit)


class ActivityType(models.TextChoices):
    """Areas of volunteering, as grouped in the organiser's annual report (Pravilnik NN 109/2021)."""

    SOCIAL = "socijalna-skrb", _("social welfare")
    HEALTH = "zdravstvo", _("health")
    EDUCATION = "obrazovanje", _("education and science")
    CULTURE = "kultura", _("culture and art")
    SPORT = "sport", _("sport and recreation")
    ENVIRONMENT = "okolis", _("environment and nature protection")
    HUMAN_RIGHTS = "ljudska-prava", _("human rights and civil society")
    CHILDREN_YOUTH = "djeca-mladi", _("children and young people")
    COMMUNITY = "razvoj-zajednice", _("community development")
    PROTECTION = "zastita-spasavanje", _("protection and rescue")
    OTHER = "ostalo", _("other")


class Sex(models.TextChoices):
    FEMALE = "z", _("female")
    MALE = "m", _("male")


class County(models.TextChoices):
    ZAGREBACKA = "zagrebacka", "Zagrebačka"
    KRAPINSKO_ZAGORSKA = "krapinsko-zagorska", "Krapinsko-zagorska"
    SISACKO_MOSLAVACKA = "sisacko-moslavacka", "Sisačko-moslavačka"
    KARLOVACKA = "karlovacka", "Karlovačka"
    VARAZDINSKA = "varazdinska", "Varaždinska"
    KOPRIVNICKO_KRIZEVACKA = "koprivnicko-krizevacka", "Koprivničko-križevačka"
    BJELOVARSKO_BILOGORSKA = "bjelovarsko-bilogorska", "Bjelovarsko-bilogorska"
    PRIMORSKO_GORANSKA = "primorsko-goranska", "Primorsko-goranska"
    LICKO_SENJSKA = "licko-senjska", "Ličko-senjska"
    VIROVITICKO_PODRAVSKA = "viroviticko-podravska", "Virovitičko-podravska"
    POZESKO_SLAVONSKA = "pozesko-slavonska", "Požeško-slavonska"
    BRODSKO_POSAVSKA = "brodsko-posavska", "Brodsko-posavska"
    ZADARSKA = "zadarska", "Zadarska"
    OSJECKO_BARANJSKA = "osjecko-baranjska", "Osječko-baranjska"
    SIBENSKO_KNINSKA = "sibensko-kninska", "Šibensko-kninska"
    VUKOVARSKO_SRIJEMSKA = "vukovarsko-srijemska", "Vukovarsko-srijemska"
    SPLITSKO_DALMATINSKA = "splitsko-dalmatinska", "Splitsko-dalmatinska"
    ISTARSKA = "istarska", "Istarska"
    DUBROVACKO_NERETVANSKA = "dubrovacko-neretvanska", "Dubrovačko-neretvanska"
    MEDIMURSKA = "medimurska", "Međimurska"
    GRAD_ZAGREB = "grad-zagreb", "Grad Zagreb"
    ABROAD = "inozemstvo", _("abroad")


class KeyCompetence(models.TextChoices):
    """The eight European key competences for lifelong learning (Council Recommendation 2018/C 189/01)."""

    LITERACY = "pismenost", _("literacy")
    LANGUAGES = "jezici", _("multilingual competence")
    STEM = "matematika", _("mathematical competence and competence in science, technology and engineering")
    DIGITAL = "digitalna", _("digital competence")
    PERSONAL = "osobna", _("personal, social and learning to learn competence")
    CITIZENSHIP = "gradanska", _("citizenship competence")
    ENTREPRENEURSHIP = "poduzetnicka", _("entrepreneurship competence")
    CULTURAL = "kulturna", _("cultural awareness and expression competence")
    OTHER = "ostalo", _("other competences")


def validate_birth_date(value: datetime.date) -> None:
    today = timezone.localdate()
    if value < datetime.date(today.year - 110, 1, 1) or value > today:
        raise ValidationError(_("Enter a real date of birth (not in the future, not more than 110 years ago)."))


# ---------------------------------------------------------------------------------------------
# Pages
# ---------------------------------------------------------------------------------------------


class VolunteeringIndexPage(Page):
    """/volontiranje/: every open opportunity."""

    intro = models.TextField(_("introduction"), blank=True, max_length=600, validators=text_limit(600))

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["volunteering.OpportunityPage"]
    max_count = 1
    template = "volunteering/volunteering_index_page.html"
    page_cache = PageCache()

    class Meta:
        verbose_name = _("volunteering opportunities")

    def get_context(self, request, *args, **kwargs):
        from django.utils.functional import SimpleLazyObject

        from .selectors import opportunity_cards

        context = super().get_context(request, *args, **kwargs)
        # Looked up only when the cards' fragment is not cached (templates/volunteering/volunteering_index_page.html):
        # a cached listing costs no query at all. An opportunity's address is this page's plus its slug
        # (opportunities are children of this page only), so no URL is worked out per card.
        context["opportunities"] = SimpleLazyObject(lambda: opportunity_cards(index=self))
        context["index_url"] = self.get_url(request)
        return context


class OpportunityPage(Page):
    organiser = models.ForeignKey(
        Organisation, verbose_name=_("organiser"), on_delete=models.PROTECT, related_name="opportunities"
    )
    what_you_will_do = models.TextField(_("what you will do"), max_length=LONG_TEXT, validators=text_limit(LONG_TEXT))
    activity_type = models.CharField(_("activity type"), max_length=30, choices=ActivityType.choices)
    place = models.CharField(_("place"), max_length=200)
    # The Pravilnik (NN 109/2021, Art. 5) breaks the annual report down by the geographic area of volunteering.
    area = models.CharField(
        _("area of volunteering (county)"),
        max_length=30,
        choices=County.choices,
        help_text=_(
            "The county where the volunteering takes place; the annual report counts volunteers and hours by it."
        ),
    )
    skills = models.TextField(_("skills"), blank=True, max_length=2000, validators=text_limit(2000))
    time_commitment = models.CharField(_("time commitment"), max_length=200)
    minimum_age = models.PositiveSmallIntegerField(
        _("minimum age"), default=18, validators=[MinValueValidator(5), MaxValueValidator(99)]
    )
    event = models.ForeignKey(
        "events.EventPage",
        verbose_name=_("event of the programme"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The dates come from this event's sessions; attended sessions become hours to approve."),
    )
    start_date = models.DateField(
        _("starts"), null=True, blank=True, help_text=_("Empty: ongoing."), validators=bounded_date_validators()
    )
    end_date = models.DateField(_("ends"), null=True, blank=True, validators=bounded_date_validators(years_ahead=5))
    long_term = models.BooleanField(
        _("long-term"), default=False, help_text=_("At least twice a month for at least three months.")
    )
    vulnerable_groups = models.BooleanField(
        _("work with vulnerable groups"),
        default=False,
        help_text=_("Children, people with disabilities, older or ill people, people without legal capacity."),
    )
    increased_risk = models.BooleanField(_("increased risk"), default=False)
    abroad = models.BooleanField(_("abroad"), default=False)
    volunteering_education = models.BooleanField(
        _("education for volunteering"),
        default=False,
        help_text=_(
            "Organised by a school or a social-welfare institution; only such opportunities accept children under 15."
        ),
    )

    content_panels = Page.content_panels + [
        FieldPanel("organiser"),
        FieldPanel("what_you_will_do"),
        FieldRowPanel([FieldPanel("activity_type"), FieldPanel("place")]),
        FieldPanel("area"),
        FieldPanel("skills"),
        FieldRowPanel([FieldPanel("time_commitment"), FieldPanel("minimum_age")]),
        FieldPanel("event"),
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
        MultiFieldPanel(
            [
                FieldPanel("long_term"),
                FieldPanel("vulnerable_groups"),
                FieldPanel("increased_risk"),
                FieldPanel("abroad"),
                FieldPanel("volunteering_education"),
            ],
            heading=_("What the law asks of this opportunity"),
        ),
    ]
    search_fields = Page.search_fields + [index.SearchField("what_you_will_do"), index.SearchField("place")]
    parent_page_types = ["volunteering.VolunteeringIndexPage"]
    subpage_types = []
    template = "volunteering/opportunity_page.html"
    page_cache = PageCache()

    class Meta:
        verbose_name = _("volunteering opportunity")
        verbose_name_plural = _("volunteering opportunities")

    def clean(self):
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The end date cannot be before the start date.")})
        if self.minimum_age is not None and self.minimum_age < 15 and not self.volunteering_education:
            raise ValidationError(
                {
                    "minimum_age": _(
                        "Children under 15 may volunteer only in education for volunteering (a school or a "
                        "social-welfare institution). Set the minimum age to 15 or more, or tick that box."
                    )
                }
            )
        if (self.increased_risk or self.abroad) and self.minimum_age is not None and self.minimum_age < 18:
            raise ValidationError({"minimum_age": _("Minors may not volunteer with increased risk or abroad.")})

    def get_context(self, request, *args, **kwargs):
        from events.selectors import sessions_of_events

        context = super().get_context(request, *args, **kwargs)
        context["sessions"] = sessions_of_events(event_ids=[self.event_id]) if self.event_id else []
        return context

    @property
    def contract_required(self) -> bool:
        return self.long_term or self.vulnerable_groups or self.increased_risk or self.abroad

    @property
    def adults_only(self) -> bool:
        return self.increased_risk or self.abroad


# ---------------------------------------------------------------------------------------------
# Volunteers and applications
# ---------------------------------------------------------------------------------------------


class VolunteerProfile(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name=_("person"), on_delete=models.CASCADE, related_name="volunteer_profile"
    )
    date_of_birth = models.DateField(_("date of birth"), validators=[validate_birth_date])
    sex = models.CharField(_("sex"), max_length=1, choices=Sex.choices)
    citizenship = models.CharField(
        _("citizenship"), max_length=60, default="Hrvatska", help_text=_("The state whose citizen you are.")
    )
    county = models.CharField(_("county of residence"), max_length=30, choices=County.choices)
    address = models.CharField(_("address of residence"), max_length=200)
    phone = models.CharField(_("phone"), max_length=30, blank=True, validators=[validate_phone_number])
    # A random key, kept when the person is erased, so anonymous counts stay per person.
    key = models.UUIDField(default=uuid.uuid4, editable=False, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("volunteer profile")
        verbose_name_plural = _("volunteer profiles")

    def __str__(self):
        return str(self.user)

    @property
    def is_foreign_national(self) -> bool:
        return self.citizenship.strip().lower() not in {"hrvatska", "republika hrvatska", "croatia", "hr"}


class Application(models.Model):
    class State(models.TextChoices):
        AWAITING_CONSENT = "suglasnost", _("waiting for the guardian's consent")
        PENDING = "na-cekanju", _("waiting for the organiser")
        ACCEPTED = "prihvacena", _("accepted")
        DECLINED = "odbijena", _("declined")
        WITHDRAWN = "povucena", _("withdrawn")

    volunteer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("volunteer"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="volunteering_applications",
    )
    opportunity = models.ForeignKey(
        OpportunityPage, verbose_name=_("opportunity"), on_delete=models.PROTECT, related_name="applications"
    )
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organiser"), on_delete=models.PROTECT, related_name="volunteer_applications"
    )
    state = models.CharField(_("state"), max_length=12, choices=State.choices, default=State.PENDING)
    motivation = models.TextField(
        _("message to the organiser"), blank=True, max_length=2000, validators=text_limit(2000)
    )
    contract_requested = models.BooleanField(_("volunteer asked for a contract"), default=False)
    competences_wanted = models.BooleanField(_("asked for a confirmation of competences"), default=False)
    # Snapshot for the annual report; stays when the person erases their account.
    volunteer_key = models.UUIDField(_("anonymous volunteer key"), editable=False)
    sex = models.CharField(_("sex"), max_length=1, choices=Sex.choices)
    birth_year = models.PositiveSmallIntegerField(_("year of birth"))
    citizenship = models.CharField(_("citizenship"), max_length=60)
    county = models.CharField(_("county"), max_length=30, choices=County.choices)
    foreign_national = models.BooleanField(_("foreign national"), default=False)
    minor_at_application = models.BooleanField(_("minor when applying"), default=False)
    created_at = models.DateTimeField(_("applied"), auto_now_add=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decline_reason = models.CharField(_("reason for declining"), max_length=500, blank=True)
    # What acceptance found on the opportunity's event: "" = no registration (acceptance registered the
    # person, so declining or withdrawing cancels it); a role = the person's own registration, kept when the
    # application ends; None = no event, or accepted before this was recorded (nothing is cancelled).
    event_role_before = models.CharField(max_length=12, null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("volunteering application")
        verbose_name_plural = _("volunteering applications")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["volunteer", "opportunity"], name="volunteering_one_application")
        ]

    def __str__(self):
        return f"{self.volunteer or _('(erased)')} – {self.opportunity.title}"

    @property
    def contract_required(self) -> bool:
        return self.opportunity.contract_required or self.foreign_national or self.contract_requested


class VolunteeringConsent(CleanNamesMixin, models.Model):
    """A parent's or guardian's written consent for a volunteer aged 15 to 17 (the Act's rules on minors; see docs/volunteering.md for the article references)."""

    name_fields = ("guardian_name",)

    application = models.OneToOneField(Application, on_delete=models.CASCADE, related_name="consent")
    guardian_name = models.CharField(
        _("parent's or guardian's name"), max_length=150, validators=[validate_person_name]
    )
    guardian_email = models.EmailField(_("parent's or guardian's e-mail address"))
    requested_at = models.DateTimeField(_("requested"), auto_now_add=True)
    last_sent_at = models.DateTimeField(_("link last sent"), null=True, blank=True)
    times_sent = models.PositiveSmallIntegerField(_("times sent"), default=0)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    confirmed_ip = models.GenericIPAddressField(_("IP address when confirmed"), null=True, blank=True)
    confirmed_user_agent = models.CharField(_("browser when confirmed"), max_length=400, blank=True)

    class Meta:
        verbose_name = _("guardian's consent to volunteering")
        verbose_name_plural = _("guardians' consents to volunteering")

    def __str__(self):
        return f"{self.application} — {self.guardian_email}"


class Contract(models.Model):
    """Ugovor o volontiranju (when written form is required and its elements: Art. 26–27 of the Act per volunteer centres' guidance, not yet checked against the official consolidated text; docs/volunteering.md)."""

    application = models.OneToOneField(Application, on_delete=models.CASCADE, related_name="contract")
    place = models.CharField(_("place of volunteering"), max_length=200)
    start_date = models.DateField(_("from"))
    end_date = models.DateField(_("until"), null=True, blank=True)
    activities = models.TextField(_("activities"), max_length=LONG_TEXT, validators=text_limit(LONG_TEXT))
    rights_and_duties = models.TextField(_("rights and duties"), max_length=LONG_TEXT, validators=text_limit(LONG_TEXT))
    safety_measures = models.TextField(
        _("personal safety measures"), max_length=LONG_TEXT, validators=text_limit(LONG_TEXT)
    )
    securing_rights = models.TextField(
        _("how the rights are secured"), max_length=LONG_TEXT, validators=text_limit(LONG_TEXT)
    )
    termination = models.TextField(_("how the contract ends"), max_length=LONG_TEXT, validators=text_limit(LONG_TEXT))
    created_at = models.DateTimeField(auto_now_add=True)
    volunteer_accepted_at = models.DateTimeField(_("accepted by the volunteer"), null=True, blank=True)
    organiser_accepted_at = models.DateTimeField(_("accepted by the organiser"), null=True, blank=True)
    organiser_accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("accepted for the organiser by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("volunteering contract")
        verbose_name_plural = _("volunteering contracts")

    def __str__(self):
        return str(_("Contract: %(application)s") % {"application": self.application})

    @property
    def is_accepted(self) -> bool:
        return bool(self.volunteer_accepted_at and self.organiser_accepted_at)


class VulnerableGroupsCheck(models.Model):
    """Before the first shift with vulnerable groups (Art. 10 of the Act, whose para. 3 lists the offences that bar the
    work, per the Government's portal gov.hr; docs/volunteering.md): the volunteer's statement and the organiser's
    record that it saw a criminal-record certificate — never a copy of it."""

    application = models.OneToOneField(Application, on_delete=models.CASCADE, related_name="vulnerable_check")
    statement_signed_at = models.DateTimeField(_("statement signed"), null=True, blank=True)
    statement_ip = models.GenericIPAddressField(_("IP address when signed"), null=True, blank=True)
    certificate_seen_on = models.DateField(_("criminal-record certificate seen on"), null=True, blank=True)
    certificate_checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("checked by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("vulnerable-groups check")
        verbose_name_plural = _("vulnerable-groups checks")

    def __str__(self):
        return str(self.application)

    @property
    def is_complete(self) -> bool:
        return bool(self.statement_signed_at and self.certificate_seen_on)


class HourEntry(models.Model):
    class State(models.TextChoices):
        PENDING = "na-cekanju", _("pending")
        APPROVED = "odobreno", _("approved")
        DECLINED = "odbijeno", _("declined")

    application = models.ForeignKey(Application, on_delete=models.PROTECT, related_name="hour_entries")
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="volunteer_hours")
    date = models.DateField(_("date"))
    hours = models.DecimalField(
        _("hours"),
        max_digits=4,
        decimal_places=1,
        validators=[MinValueValidator(Decimal("0.5")), MaxValueValidator(Decimal("16"))],
    )
    activity = models.CharField(_("activity"), max_length=200)
    note = models.TextField(_("note"), blank=True, max_length=NOTE_TEXT, validators=text_limit(NOTE_TEXT))
    state = models.CharField(_("state"), max_length=12, choices=State.choices, default=State.PENDING)
    decline_reason = models.CharField(_("reason for declining"), max_length=500, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("recorded by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    submission = models.UUIDField(unique=True, null=True, blank=True, editable=False)
    # Where and what the hours were given, as the opportunity said when they were recorded: the annual
    # report counts them so, and editing the opportunity later does not rewrite a past year's report.
    area = models.CharField(_("area of volunteering (county)"), max_length=30, choices=County.choices, editable=False)
    activity_type = models.CharField(_("activity type"), max_length=30, choices=ActivityType.choices, editable=False)
    # The event session attendance this entry came from (one entry per attendance).
    attendance_id = models.PositiveBigIntegerField(unique=True, null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("recorded"), auto_now_add=True)

    class Meta:
        verbose_name = _("volunteering hours")
        verbose_name_plural = _("volunteering hours")
        ordering = ["-date", "-pk"]
        indexes = [models.Index(fields=["organisation", "state", "date"])]

    def __str__(self):
        return f"{self.date:%d.%m.%Y.} · {self.hours} h · {self.activity}"


class HourEntryChange(models.Model):
    """Every change of an hours entry: who, when, before → after."""

    entry = models.ForeignKey(HourEntry, on_delete=models.CASCADE, related_name="changes")
    changed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    changed_at = models.DateTimeField(auto_now_add=True)
    before = models.JSONField(default=dict)
    after = models.JSONField(default=dict)

    class Meta:
        ordering = ["changed_at", "pk"]

    def __str__(self):
        return f"{self.entry_id} @ {self.changed_at:%d.%m.%Y. %H:%M}"


class Confirmation(models.Model):
    class Kind(models.TextChoices):
        VOLUNTEERING = "volontiranje", _("confirmation of volunteering")
        COMPETENCES = "kompetencije", _("confirmation of competences gained through volunteering")

    application = models.ForeignKey(Application, on_delete=models.PROTECT, related_name="confirmations")
    kind = models.CharField(_("kind"), max_length=15, choices=Kind.choices, default=Kind.VOLUNTEERING)
    period_start = models.DateField(_("period from"))
    period_end = models.DateField(_("period until"))
    requested_at = models.DateTimeField(_("requested"), auto_now_add=True)
    competences = models.JSONField(_("competences"), default=dict, blank=True)
    certificate = models.ForeignKey(
        "certificates.Certificate", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("volunteering confirmation")
        verbose_name_plural = _("volunteering confirmations")
        ordering = ["-requested_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["application", "kind", "period_start", "period_end"], name="volunteering_confirmation_once"
            )
        ]

    def __str__(self):
        return f"{self.get_kind_display()} – {self.application}"


class AnnualReportFiling(models.Model):
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="volunteering_reports")
    year = models.PositiveSmallIntegerField(_("year"))
    filed_at = models.DateTimeField(_("marked as filed"), default=timezone.now)
    filed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = _("filed annual report")
        verbose_name_plural = _("filed annual reports")
        constraints = [models.UniqueConstraint(fields=["organisation", "year"], name="volunteering_report_once")]

    def __str__(self):
        return f"{self.organisation} {self.year}"
