from django.core.management.base import BaseCommand

from events.tasks import send_reminders


class Command(BaseCommand):
    help = "Queue the e-mail reminders for tomorrow's sessions (run it once a day, e.g. from cron at 10:00)."

    def add_arguments(self, parser):
        parser.add_argument("--day", default="", help="ISO date of the sessions to remind of (default: tomorrow).")

    def handle(self, *args, day="", **options):
        result = send_reminders.enqueue(day)
        self.stdout.write(f"Reminders queued ({result.id}).")
