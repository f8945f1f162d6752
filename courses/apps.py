from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoursesConfig(AppConfig):
    name = "courses"
    verbose_name = _("Courses")

    def ready(self):
        from wagtail.signals import page_published

        from accounts import privacy

        from .handbook import on_page_published
        from .models import Enrolment, LessonCompletion, LessonVisit, QuizAttempt
        from .privacy import erase_user, export_user

        privacy.register(
            privacy.PrivacyProvider(
                label="courses",
                export=export_user,
                erase=erase_user,
                models=[Enrolment, LessonCompletion, LessonVisit, QuizAttempt],
            )
        )
        page_published.connect(on_page_published, dispatch_uid="courses_handbook_on_page_published")
