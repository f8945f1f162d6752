from importlib import import_module

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

# Each step is an app's `demo` module and a function taking `(*, log, with_accounts)`.
# The order matters: accounts first, then the page tree, then what hangs off it, and last the
# home page's featured slots, which point at pages the other apps created.
DEMO_STEPS = [
    ("accounts", "load"),
    ("home", "load"),
    ("certificates", "load"),
    ("courses", "load"),
    ("events", "load"),
    ("courses", "link_events"),
    ("mentoring", "load"),
    ("volunteering", "load"),
    ("reports", "load"),
    ("home", "feature_pages"),
]


class Command(BaseCommand):
    help = "Load the Croatian demo content and demo accounts. Safe to run again: nothing is duplicated."

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Load demo content even under production settings (demo accounts are still never created there).",
        )

    def handle(self, *args, force=False, **options):
        allowed = getattr(settings, "KOK_ALLOW_DEMO", False)
        if not allowed and not force:
            raise CommandError(
                "Refusing to load demo content under production settings. Use --force if you really mean it."
            )
        for app_label, function in DEMO_STEPS:
            module = import_module(f"{app_label}.demo")
            with transaction.atomic():
                getattr(module, function)(log=self._log, with_accounts=allowed)
        self.stdout.write(self.style.SUCCESS("Demo content is ready."))

    def _log(self, message: str) -> None:
        self.stdout.write(f"  {message}")
