"""manage.py setup_site: a real, empty site for a new install (safe under production settings).

Creates what every install needs and nothing of the demo (no courses, pairings or accounts): the home
page as the site root, the news index, the privacy notice, the accessibility statement, the site
settings (organisation, contact, EU funding notice), and whatever the apps add through the Wagtail hook
``kok_setup_site``: register ``fn(*, home, log)`` in an app's wagtail_hooks.py to create the app's
index page under ``home`` (courses: the catalogue /tecajevi/ and its moderation workflow; events:
/program/; volunteering: /volontiranje/). Every such function must be idempotent.

The roles (groups and their permissions) come from the migrations; the command checks they exist.

Values come from prompts, or with --no-input from the environment (.env.example):
KOK_ORGANISATION_NAME (required unless already saved), KOK_ORGANISATION_ADDRESS, KOK_CONTACT_EMAIL,
KOK_CONTACT_PHONE, KOK_PROJECT_NAME, KOK_EU_FUNDING_NOTICE (true/false), KOK_EU_DISCLAIMER.
Running it again changes nothing; values edited in the admin are never overwritten.
"""

import os

from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from wagtail.models import Site

from accounts import roles
from home.models import ContactSettings
from home.setup import PROJECT_NAME, SiteFacts, setup_site

PROMPTS = [
    # (field, environment variable, question, required)
    ("organisation", "KOK_ORGANISATION_NAME", "Organisation running the platform (printed on certificates)", True),
    ("address", "KOK_ORGANISATION_ADDRESS", "Postal address (lines separated by ' | ')", False),
    ("email", "KOK_CONTACT_EMAIL", "Contact e-mail address", False),
    ("phone", "KOK_CONTACT_PHONE", "Contact phone", False),
    ("project_name", "KOK_PROJECT_NAME", "Project name in the EU funding notice", False),
    ("eu_disclaimer", "KOK_EU_DISCLAIMER", "EU funding disclaimer (empty: the standard sentence)", False),
]
TRUE = {"1", "true", "yes", "da"}


class Command(BaseCommand):
    help = __doc__.splitlines()[0]

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-input",
            "--noinput",
            action="store_false",
            dest="interactive",
            help="Read the site settings from the KOK_* environment variables instead of asking.",
        )

    def handle(self, *args, interactive=True, **options):
        missing_roles = set(roles.ALL_ROLES) - set(Group.objects.values_list("name", flat=True))
        if missing_roles:
            raise CommandError(f"Roles missing ({', '.join(sorted(missing_roles))}): run `manage.py migrate` first.")
        facts = self._facts(interactive=interactive)
        try:
            with transaction.atomic():
                setup_site(facts=facts, log=self._log)
        except ValueError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS("The site is set up."))

    def _saved_organisation(self) -> str:
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            return ""
        found = ContactSettings.objects.filter(site=site).first()
        return found.organisation if found else ""

    def _facts(self, *, interactive: bool) -> SiteFacts | None:
        saved = self._saved_organisation()
        values = {}
        for field, variable, question, required in PROMPTS:
            value = os.environ.get(variable, "").strip()
            if interactive and not (field == "organisation" and saved):
                answer = input(f"{question}{f' [{value}]' if value else ''}: ").strip()
                value = answer or value
            if required and not value and not saved:
                raise CommandError(
                    f"{variable} is required: set it in the environment (see .env.example) or run without --no-input."
                )
            values[field] = value
        values["address"] = "\n".join(line.strip() for line in values["address"].split("|") if line.strip())
        values["project_name"] = values["project_name"] or PROJECT_NAME
        show = os.environ.get("KOK_EU_FUNDING_NOTICE", "true").strip().lower()
        return SiteFacts(**values, show_eu_notice=show in TRUE)

    def _log(self, message: str) -> None:
        self.stdout.write(f"  {message}")
