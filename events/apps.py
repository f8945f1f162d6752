from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Programme")

    def ready(self):
        from wagtail import hooks
        from wagtail.signals import page_published

        from accounts import privacy
        from accounts.participation import DASHBOARD_PANELS
        from kok_learn.caching.generation import purge_on_change

        from .dashboard import dashboard_panel
        from .models import Attendance, AttendanceChange, EventPage, EventSession, Place, Registration
        from .privacy import erase_user, export_user
        from .signals import promote_waiting_list_after_publish

        privacy.register(
            privacy.PrivacyProvider(
                label="events",
                export=export_user,
                erase=erase_user,
                models=[Registration, Attendance, AttendanceChange, EventPage],  # EventPage: its trainers
            )
        )
        # The programme shows free seats and places to anonymous visitors from the page cache.
        purge_on_change(Registration, Place, EventSession)
        hooks.register(DASHBOARD_PANELS, dashboard_panel)
        # Seats freed by an editor (capacity raised) go to the waiting list when the event is published.
        page_published.connect(
            promote_waiting_list_after_publish, sender=EventPage, dispatch_uid="events_promote_after_publish"
        )
