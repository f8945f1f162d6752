"""Daily: copy participation from every app and send the one exit-form reminder to whom it is due.

Run it once a day (cron or a systemd timer, see docs/reporting.md)::

    python manage.py reports_daily   # links use WAGTAILADMIN_BASE_URL unless --base-url is given
"""

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import translation


class Command(BaseCommand):
    help = "Sync ESF participation from the apps and send exit-form reminders (one per participant)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--base-url",
            default=settings.WAGTAILADMIN_BASE_URL,
            help="The site's address for links (default: WAGTAILADMIN_BASE_URL).",
        )

    def handle(self, *args, base_url, **options):
        from reports.services import exit_reminders_send, participation_sync

        with translation.override("hr"):
            changed = participation_sync()
            sent = exit_reminders_send(base_url=base_url)
        self.stdout.write(f"Participations added or changed: {changed}; reminders sent: {sent}")
