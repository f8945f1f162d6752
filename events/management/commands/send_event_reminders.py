from django.core.management.base import BaseCommand

from events.tasks import promote_waiting_lists, send_reminders


class Command(BaseCommand):
    help = (
        "Queue the e-mail reminders for tomorrow's sessions, and move the waiting lists of events whose seats "
        "grew because a session ended (run it once a day, e.g. from cron at 10:00)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--day", default="", help="ISO date of the sessions to remind of (default: tomorrow).")

    def handle(self, *args, day="", **options):
        promoted = promote_waiting_lists.enqueue()
        self.stdout.write(f"Waiting lists queued ({promoted.id}).")
        result = send_reminders.enqueue(day)
        self.stdout.write(f"Reminders queued ({result.id}).")
