"""Organisation and OrganisationMembership move here from `mentoring`.

State only: the tables `mentoring_organisation` and `mentoring_organisationmembership` (created by
mentoring 0001) keep their names, rows and ids. `mentoring.0005_move_organisations` then removes the
models from mentoring's state and points its foreign keys here.
"""

import django.core.validators
import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

import organisations.validators


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        ("mentoring", "0004_programme_certificate_template"),
    ]

    state_operations = [
        migrations.CreateModel(
            name="Organisation",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("name", models.CharField(max_length=200, unique=True, verbose_name="name")),
                (
                    "oib",
                    models.CharField(
                        max_length=11,
                        unique=True,
                        validators=[organisations.validators.validate_oib],
                        verbose_name="OIB",
                    ),
                ),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("udruga", "association"),
                            ("kud", "cultural and artistic society (KUD)"),
                            ("udruga-umirovljenika", "pensioners' association"),
                            ("savjet-mladih", "youth council"),
                            ("lag", "local action group (LAG)"),
                            ("jls", "local self-government unit"),
                        ],
                        max_length=30,
                        verbose_name="kind",
                    ),
                ),
                (
                    "registry_number",
                    models.CharField(
                        blank=True,
                        help_text="Number in the register of associations.",
                        max_length=30,
                        verbose_name="registry number",
                    ),
                ),
                (
                    "founding_year",
                    models.PositiveSmallIntegerField(
                        validators=[organisations.validators.validate_founding_year], verbose_name="founding year"
                    ),
                ),
                (
                    "experience",
                    models.CharField(
                        choices=[("iskusna", "experienced"), ("nova", "emerging")],
                        max_length=10,
                        verbose_name="experience",
                    ),
                ),
                ("description", models.TextField(blank=True, verbose_name="description")),
                ("municipality", models.CharField(blank=True, max_length=100, verbose_name="municipality")),
            ],
            options={
                "verbose_name": "organisation",
                "verbose_name_plural": "organisations",
                "ordering": ["name"],
                "db_table": "mentoring_organisation",
            },
        ),
        migrations.CreateModel(
            name="OrganisationMembership",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                (
                    "role",
                    models.CharField(
                        choices=[
                            ("predsjednik", "president"),
                            ("mentor", "mentor"),
                            ("clan", "member"),
                            ("volonter", "volunteer"),
                        ],
                        default="clan",
                        max_length=20,
                        verbose_name="role",
                    ),
                ),
                (
                    "mentor_capacity",
                    models.PositiveSmallIntegerField(
                        default=2,
                        help_text="How many active pairings this person can mentor at the same time.",
                        validators=[django.core.validators.MaxValueValidator(20)],
                        verbose_name="mentor capacity",
                    ),
                ),
                ("joined_on", models.DateField(blank=True, null=True, verbose_name="member since")),
                (
                    "organisation",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="memberships",
                        to="organisations.organisation",
                        verbose_name="organisation",
                    ),
                ),
                (
                    "user",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="organisation_memberships",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="person",
                    ),
                ),
            ],
            options={
                "verbose_name": "membership",
                "verbose_name_plural": "memberships",
                "ordering": ["organisation__name", "user__last_name"],
                "db_table": "mentoring_organisationmembership",
                "constraints": [
                    models.UniqueConstraint(fields=("user", "organisation"), name="mentoring_one_membership_per_org")
                ],
            },
        ),
    ]

    operations = [migrations.SeparateDatabaseAndState(state_operations=state_operations, database_operations=[])]
