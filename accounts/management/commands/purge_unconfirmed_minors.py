from django.conf import settings
from django.core.management.base import BaseCommand

from accounts.services import unconfirmed_minors_purge


class Command(BaseCommand):
    help = (
        "Delete the accounts of people under 16 whose parent or guardian has not confirmed them "
        "within the retention period (30 days by default). Run it daily (cron or a systemd timer)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=settings.KOK_UNCONFIRMED_MINOR_RETENTION_DAYS,
            help="Age in days after which an unconfirmed account is removed.",
        )

    def handle(self, *args, days, **options):
        count = unconfirmed_minors_purge(days=days)
        self.stdout.write(f"Removed {count} unconfirmed account(s) of minors older than {days} days.")
