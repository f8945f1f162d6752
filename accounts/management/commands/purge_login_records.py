from django.conf import settings
from django.core.management.base import BaseCommand

from accounts.services import login_records_purge


class Command(BaseCommand):
    help = (
        "Delete django-axes' login records (e-mail, IP address, browser of logins and failed attempts) "
        "older than the retention period (KOK_LOGIN_RECORD_RETENTION_DAYS, 90 by default). "
        "Run by the maintenance timer."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=settings.KOK_LOGIN_RECORD_RETENTION_DAYS,
            help="Age in days after which a login record is removed.",
        )

    def handle(self, *args, days, **options):
        count = login_records_purge(days=days)
        self.stdout.write(f"Removed {count} login record(s) older than {days} days.")
