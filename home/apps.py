from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Site")

    def ready(self):
        from courses.models import Audience, CourseCategory
        from kok_learn.caching.generation import purge_on_change

        from .models import ContactSettings, FundingNotice

        # Cached pages show these besides pages: the footer's settings and the catalogue's filters.
        purge_on_change(ContactSettings, FundingNotice, CourseCategory, Audience)
