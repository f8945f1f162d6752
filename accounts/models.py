from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

from .managers import UserManager


class User(AbstractUser):
    """A person with an account. The e-mail address is the login."""

    username = None
    email = models.EmailField(_("e-mail address"), unique=True)
    certificate_name = models.CharField(
        _("name on certificates"),
        max_length=150,
        blank=True,
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
    def display_name(self) -> str:
        """The name printed on certificates and shown to mentors."""
        return self.certificate_name or self.get_full_name() or self.email
