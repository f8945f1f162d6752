"""Certificate templates (designed by editors) and the certificate register.

The certificates app knows no course and no pairing: a certificate records *what* it
certifies (title, hours, issuer) as a snapshot taken when it was issued, and a ``subject_key``
("course:12", "pairing:3") that keeps issuing idempotent per person and subject.
"""

import datetime
import uuid

from django.conf import settings
from django.core.validators import MinValueValidator, RegexValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable, PreviewableMixin
from wagtail.search import index

from kok_learn.names import CleanNamesMixin, validate_person_name
from kok_learn.validators import LONG_TEXT, SHORT_TEXT, bounded_date_validators, text_limit_validators

from .codes import format_code

DEFAULT_BODY = "za uspješno završen tečaj „{naziv}” u trajanju od {sati}."

hex_colour_validator = RegexValidator(
    r"^#[0-9A-Fa-f]{6}$",
    _("Enter a colour as # followed by six hexadecimal digits, for example #1F5E8C."),
)


class CertificateTemplate(PreviewableMixin, index.Indexed, ClusterableModel):
    """The design of a certificate: texts, signatories, logos and an accent colour."""

    name = models.CharField(
        _("name"), max_length=120, unique=True, help_text=_("Only editors see this name, in the admin.")
    )
    is_default = models.BooleanField(
        _("default template"),
        default=False,
        help_text=_("Used for every certificate whose course or programme does not choose a template."),
    )
    heading = models.CharField(_("heading"), max_length=120, default="Potvrda o završenom tečaju")
    intro = models.CharField(_("line above the name"), max_length=200, blank=True, default="Ovu potvrdu dobiva")
    body = models.TextField(
        _("body text"),
        default=DEFAULT_BODY,
        max_length=SHORT_TEXT,
        validators=text_limit_validators(SHORT_TEXT),
        help_text=_(
            "Placeholders: {ime} the holder's name, {naziv} the course or programme, "
            '{sati} the hours with their unit ("12 sati"), {datum} the date of issue, {izdavatelj} the issuer.'
        ),
    )
    accent_colour = models.CharField(
        _("accent colour"), max_length=7, default="#1F5E8C", validators=[hex_colour_validator]
    )
    show_project_logo = models.BooleanField(_("show the project logo"), default=True)
    show_eu_emblem = models.BooleanField(
        _("show the EU emblem and funding notice"),
        default=True,
        help_text=_("Certificates of an ESF-funded activity must show the EU emblem."),
    )
    # The wording of the EU funding notice is the site's one (Settings → EU funding notice, read through
    # kok_learn.operator.funding_notice()); a template only decides whether it is shown.
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("is_default"),
        MultiFieldPanel(
            [FieldPanel("heading"), FieldPanel("intro"), FieldPanel("body"), FieldPanel("accent_colour")],
            heading=_("Text and colour"),
        ),
        InlinePanel("signatories", label=_("Signatories"), max_num=3),
        InlinePanel("logos", label=_("Partner logos"), max_num=4),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("show_project_logo"), FieldPanel("show_eu_emblem")]),
            ],
            heading=_("Logos and EU funding notice"),
        ),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name"), index.SearchField("heading")]

    class Meta:
        verbose_name = _("certificate template")
        verbose_name_plural = _("certificate templates")
        ordering = ["-is_default", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["is_default"], condition=models.Q(is_default=True), name="certificate_template_one_default"
            )
        ]

    def __str__(self):
        return self.name

    # Live preview in the snippet editor: the PDF itself, or its HTML (quicker to iterate on).
    preview_modes = [("pdf", _("PDF")), ("html", _("HTML"))]
    default_preview_mode = "pdf"

    def serve_preview(self, request, mode_name):
        from .rendering import preview_response

        return preview_response(self, mode_name=mode_name)

    def get_preview_template(self, request, mode_name):
        return "certificates/certificate_pdf.html"


class Signatory(CleanNamesMixin, Orderable):
    template = ParentalKey(CertificateTemplate, on_delete=models.CASCADE, related_name="signatories")
    name = models.CharField(_("name"), max_length=120, validators=[validate_person_name])
    role = models.CharField(_("role"), max_length=150)
    signature = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("signature image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("A scanned signature on a transparent or white background (PNG)."),
    )

    panels = [FieldPanel("name"), FieldPanel("role"), FieldPanel("signature")]

    class Meta(Orderable.Meta):
        verbose_name = _("signatory")
        verbose_name_plural = _("signatories")

    def __str__(self):
        return f"{self.name}, {self.role}"


class TemplateLogo(Orderable):
    template = ParentalKey(CertificateTemplate, on_delete=models.CASCADE, related_name="logos")
    image = models.ForeignKey("wagtailimages.Image", verbose_name=_("logo"), on_delete=models.CASCADE, related_name="+")
    alt_text = models.CharField(_("alternative text"), max_length=150, help_text=_("Usually the partner's name."))

    panels = [FieldPanel("image"), FieldPanel("alt_text")]

    class Meta(Orderable.Meta):
        verbose_name = _("partner logo")
        verbose_name_plural = _("partner logos")

    def __str__(self):
        return self.alt_text


class IssuerKey(models.Model):
    """The public half of one of the issuer's signing keys and its state.

    The private key lives only in a PKCS#8 file in ``KOK_ISSUER_KEY_DIR`` (see
    ``certificates/credentials/keys.py``); the database never holds it.
    """

    class Status(models.TextChoices):
        ACTIVE = "active", _("active (signs new credentials)")
        RETIRED = "retired", _("retired (still published)")
        REVOKED = "revoked", _("revoked (no longer published)")

    key_id = models.CharField(_("key id"), max_length=64, unique=True, editable=False)
    public_key_multibase = models.CharField(_("public key (Multikey)"), max_length=64, unique=True, editable=False)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.ACTIVE)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    retired_at = models.DateTimeField(_("retired at"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)

    class Meta:
        verbose_name = _("issuer key")
        verbose_name_plural = _("issuer keys")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["status"], condition=models.Q(status="active"), name="issuer_key_one_active"
            )
        ]

    def __str__(self):
        return f"{self.key_id} ({self.get_status_display()})"


class CertificateQuerySet(models.QuerySet):
    def revoked(self):
        return self.filter(revoked_at__isnull=False)

    def expired(self, today: datetime.date | None = None):
        today = today or timezone.localdate()
        return self.filter(revoked_at__isnull=True, expires_on__lt=today)

    def valid(self, today: datetime.date | None = None):
        today = today or timezone.localdate()
        return self.filter(revoked_at__isnull=True).filter(
            models.Q(expires_on__isnull=True) | models.Q(expires_on__gte=today)
        )


class Certificate(models.Model):
    """One issued certificate. Everything it certifies is copied here when it is issued."""

    class Status(models.TextChoices):
        VALID = "valid", _("valid")
        REVOKED = "revoked", _("revoked")
        EXPIRED = "expired", _("expired")

    code = models.CharField(_("code"), max_length=12, unique=True, editable=False)
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("holder's account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="certificates",
    )
    subject_key = models.CharField(
        _("subject"), max_length=100, help_text=_("What the certificate is for, e.g. course:12 or pairing:3.")
    )
    holder_name = models.CharField(_("holder"), max_length=150, blank=True, validators=[validate_person_name])
    title = models.CharField(_("title"), max_length=255)
    hours = models.DecimalField(
        _("hours"), max_digits=6, decimal_places=1, default=0, validators=[MinValueValidator(0)]
    )
    issued_on = models.DateField(_("date of issue"), default=timezone.localdate, validators=bounded_date_validators())
    issuer = models.CharField(_("issuer"), max_length=200, blank=True)
    template = models.ForeignKey(
        CertificateTemplate,
        verbose_name=_("template"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="certificates",
    )
    expires_on = models.DateField(
        _("valid until"), null=True, blank=True, validators=bounded_date_validators(years_ahead=10)
    )
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True, validators=bounded_date_validators())
    revoked_reason = models.TextField(
        _("reason for revocation"), blank=True, max_length=SHORT_TEXT, validators=text_limit_validators(SHORT_TEXT)
    )
    # Open Badges 3.0 credential (certificates/credentials): what the credential says beyond the
    # snapshot above comes from the caller of certificate_issue, never from courses or mentoring.
    credential_uuid = models.UUIDField(_("credential id"), default=uuid.uuid4, unique=True, editable=False)
    status_index = models.PositiveIntegerField(
        _("status list index"), null=True, blank=True, unique=True, editable=False
    )
    achievement_url = models.CharField(_("achievement address"), max_length=500, blank=True)
    achievement_description = models.TextField(
        _("achievement description"), blank=True, max_length=5000, validators=text_limit_validators(5000)
    )
    criteria_narrative = models.TextField(
        _("criteria"), blank=True, max_length=LONG_TEXT, validators=text_limit_validators(LONG_TEXT)
    )
    # Printed on a second page of the PDF: {"heading": str, "items": [{"label": str, "text": str}, ...]}
    # (the competences a volunteer showed, for example). Empty: one page.
    details = models.JSONField(_("details printed on the certificate"), default=dict, blank=True, editable=False)
    subject_salt = models.CharField(max_length=32, blank=True, editable=False)
    subject_identity_hash = models.CharField(max_length=80, blank=True, editable=False)
    credential_json = models.TextField(_("signed credential"), blank=True, editable=False)
    credential_key = models.ForeignKey(
        IssuerKey,
        verbose_name=_("signing key"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="certificates",
        editable=False,
    )
    credential_signed_at = models.DateTimeField(_("credential signed at"), null=True, blank=True, editable=False)
    pdf_name = models.CharField(_("PDF file"), max_length=255, blank=True, editable=False)
    pdf_rendered_at = models.DateTimeField(_("PDF rendered at"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = CertificateQuerySet.as_manager()

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        ordering = ["-issued_on", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["recipient", "subject_key"], name="certificate_once_per_subject"),
        ]
        indexes = [models.Index(fields=["subject_key"]), models.Index(fields=["issued_on"])]

    def __str__(self):
        return f"{self.display_code} · {self.title}"

    @property
    def display_code(self) -> str:
        return format_code(self.code)

    def status_on(self, today: datetime.date | None = None) -> str:
        if self.revoked_at:
            return self.Status.REVOKED
        today = today or timezone.localdate()
        if self.expires_on and self.expires_on < today:
            return self.Status.EXPIRED
        return self.Status.VALID

    @property
    def status(self) -> str:
        return self.status_on()

    def get_status_display(self) -> str:
        return self.Status(self.status).label

    @property
    def status_label(self) -> str:
        return str(self.get_status_display())

    @property
    def is_valid(self) -> bool:
        return self.status == self.Status.VALID

    def get_verification_path(self) -> str:
        return reverse("certificates:verify_result", kwargs={"code": self.display_code})

    def get_verification_url(self) -> str:
        base = getattr(settings, "KOK_PUBLIC_BASE_URL", "") or settings.WAGTAILADMIN_BASE_URL
        return base.rstrip("/") + self.get_verification_path()

    def get_download_path(self) -> str:
        return reverse("certificates:download", kwargs={"code": self.display_code})

    def get_credential_download_path(self) -> str:
        return reverse("certificates:download_credential", kwargs={"code": self.display_code})
