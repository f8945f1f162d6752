"""Organisations (CSOs, the local government partner) and their members' roles.

Shared by mentoring (who mentors whom) and volunteering (who organises volunteering). The tables
keep the names they had when these models lived in `mentoring`, so every row and id stayed put.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from kok_learn.names import CleanNamesMixin, validate_person_name
from kok_learn.validators import bounded_date_validators, text_limit_validators

from .validators import validate_founding_year, validate_oib, validate_registry_number

DESCRIPTION_MAX_LENGTH = 5000


class Organisation(CleanNamesMixin, models.Model):
    class Kind(models.TextChoices):
        ASSOCIATION = "udruga", _("association")
        KUD = "kud", _("cultural and artistic society (KUD)")
        PENSIONERS = "udruga-umirovljenika", _("pensioners' association")
        YOUTH_COUNCIL = "savjet-mladih", _("youth council")
        LAG = "lag", _("local action group (LAG)")
        LOCAL_GOVERNMENT = "jls", _("local self-government unit")

    class Experience(models.TextChoices):
        EXPERIENCED = "iskusna", _("experienced")
        EMERGING = "nova", _("emerging")

    name = models.CharField(_("name"), max_length=200, unique=True, validators=[validate_person_name])
    oib = models.CharField(_("OIB"), max_length=11, unique=True, validators=[validate_oib])
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    registry_number = models.CharField(
        _("registry number"),
        max_length=30,
        blank=True,
        validators=[validate_registry_number],
        help_text=_("Number in the register of associations."),
    )
    founding_year = models.PositiveSmallIntegerField(_("founding year"), validators=[validate_founding_year])
    experience = models.CharField(_("experience"), max_length=10, choices=Experience.choices)
    description = models.TextField(
        _("description"),
        blank=True,
        max_length=DESCRIPTION_MAX_LENGTH,
        validators=text_limit_validators(DESCRIPTION_MAX_LENGTH),
    )
    municipality = models.CharField(_("municipality"), max_length=100, blank=True)
    address = models.CharField(
        _("address (seat)"),
        max_length=200,
        blank=True,
        help_text=_("Street, number, postcode and place of the seat; printed on contracts and confirmations."),
    )

    class Meta:
        db_table = "mentoring_organisation"
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def is_cso(self) -> bool:
        """A civil-society organisation (a local government unit is a public partner, not a CSO)."""
        return self.kind != self.Kind.LOCAL_GOVERNMENT


class OrganisationMembership(models.Model):
    class Role(models.TextChoices):
        PRESIDENT = "predsjednik", _("president")
        MENTOR = "mentor", _("mentor")
        MEMBER = "clan", _("member")
        VOLUNTEER = "volonter", _("volunteer")
        COORDINATOR = "koordinator", _("volunteering coordinator")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="organisation_memberships",
    )
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisation"), on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.MEMBER)
    mentor_capacity = models.PositiveSmallIntegerField(
        _("mentor capacity"),
        default=2,
        validators=[MaxValueValidator(20)],
        help_text=_("How many active pairings this person can mentor at the same time."),
    )
    joined_on = models.DateField(_("member since"), null=True, blank=True, validators=bounded_date_validators())

    class Meta:
        db_table = "mentoring_organisationmembership"
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["organisation__name", "user__last_name"]
        constraints = [
            models.UniqueConstraint(fields=["user", "organisation"], name="mentoring_one_membership_per_org")
        ]

    def __str__(self):
        return f"{self.user} – {self.organisation} ({self.get_role_display()})"
