from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

from kok_learn.names import validate_person_name

from .managers import UserManager


class User(AbstractUser):
    """A person with an account. The e-mail address is the login."""

    username = None
    email = models.EmailField(_("e-mail address"), unique=True)
    # Django's fields, with the rule for names (kok_learn/names.py).
    first_name = models.CharField(_("first name"), max_length=150, blank=True, validators=[validate_person_name])
    last_name = models.CharField(_("last name"), max_length=150, blank=True, validators=[validate_person_name])
    certificate_name = models.CharField(
        _("name on certificates"),
        max_length=150,
        blank=True,
        validators=[validate_person_name],
        help_text=_("Your name as it should appear on certificates. Leave empty to use your first and last name."),
    )
    date_of_birth = models.DateField(_("date of birth"), null=True, blank=True)
    municipality = models.CharField(_("municipality"), max_length=100, blank=True)

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = ["first_name", "last_name"]

    objects = UserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["last_name", "first_name", "email"]

    def __str__(self):
        return self.get_full_name() or self.email

    @property
    def has_confirmed_guardian_consent(self) -> bool:
        return GuardianConsent.objects.filter(user=self, confirmed_at__isnull=False).exists()

    @property
    def display_name(self) -> str:
        """The name printed on certificates and shown to mentors."""
        return display_name_of(self.certificate_name, self.first_name, self.last_name, self.email)

    DISPLAY_NAME_FIELDS = ("certificate_name", "first_name", "last_name", "email")


def display_name_of(certificate_name: str, first_name: str, last_name: str, email: str) -> str:
    """``User.display_name`` from plain values (``User.DISPLAY_NAME_FIELDS``), for listings that
    read names with ``values_list`` instead of building a user object per name."""
    return certificate_name or f"{first_name} {last_name}".strip() or email


class GuardianConsent(models.Model):
    """A parent's or guardian's consent for a person under the age of digital consent (16 in Croatia).

    The child's account stays inactive until the guardian confirms through the signed link sent
    to ``guardian_email``. The record keeps who confirmed, when and how, for coordinators.
    """

    class Method(models.TextChoices):
        EMAIL_LINK = "email_link", _("confirmation link sent by e-mail")

    user = models.OneToOneField(
        User, on_delete=models.CASCADE, related_name="guardian_consent", verbose_name=_("child's account")
    )
    guardian_email = models.EmailField(_("parent's or guardian's e-mail address"))
    child_date_of_birth = models.DateField(_("child's date of birth"))
    requested_at = models.DateTimeField(_("requested"), auto_now_add=True)
    last_sent_at = models.DateTimeField(_("link last sent"), null=True, blank=True)
    times_sent = models.PositiveSmallIntegerField(_("times sent"), default=0)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    method = models.CharField(_("how it was given"), max_length=20, choices=Method.choices, blank=True)
    confirmed_ip = models.GenericIPAddressField(_("IP address when confirmed"), null=True, blank=True)
    confirmed_user_agent = models.CharField(_("browser when confirmed"), max_length=400, blank=True)

    class Meta:
        verbose_name = _("guardian's consent")
        verbose_name_plural = _("guardians' consents")
        ordering = ["-requested_at"]

    def __str__(self):
        return f"{self.user} — {self.guardian_email}"

    @property
    def is_confirmed(self) -> bool:
        return self.confirmed_at is not None
