from django.core.management.base import BaseCommand, CommandError

from courses.models import CourseIndexPage
from courses.services import catalogue_moderation_setup


class Command(BaseCommand):
    help = (
        "Give editors and moderators their rights on the course catalogue and attach the moderation "
        "workflow. Safe to run again (the demo and creating the catalogue in the admin do it too)."
    )

    def handle(self, *args, **options):
        index = CourseIndexPage.objects.first()
        if index is None:
            raise CommandError("There is no course catalogue page yet: create it under the home page first.")
        catalogue_moderation_setup(index=index)
        self.stdout.write(self.style.SUCCESS(f"Moderation is set up on “{index.title}”."))
