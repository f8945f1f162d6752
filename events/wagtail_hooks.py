"""Admin: places (snippet), registrations and attendance with filters and CSV/XLSX export, the programme report."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet

from kok_learn.viewsets import ModelViewSet, SnippetViewSet

from .models import Attendance, Place, Registration


class PlaceViewSet(SnippetViewSet):
    model = Place
    icon = "site"
    menu_label = _("Places")
    list_display = ["name", "address"]
    search_fields = ["name", "address"]


register_snippet(PlaceViewSet)


class RegistrationViewSet(ModelViewSet):
    model = Registration
    icon = "user"
    menu_label = _("Event registrations")
    add_to_admin_menu = True
    menu_order = 310
    list_display = ["display_name", "event", "role", "status", "waitlist_position", "created_at"]
    list_filter = {"event": ["exact"], "status": ["exact"], "role": ["exact"], "created_at": ["gte", "lte"]}
    list_export = [
        "display_name",
        "user.email",
        "event.title",
        "role",
        "status",
        "waitlist_position",
        "created_at",
        "cancelled_at",
        "cancel_reason",
    ]
    export_headings = {
        "display_name": _("Person"),
        "user.email": _("E-mail"),
        "event.title": _("Event"),
        "role": _("Role"),
        "status": _("Status"),
        "waitlist_position": _("Position on the waiting list"),
        "created_at": _("Registered"),
        "cancelled_at": _("Cancelled"),
        "cancel_reason": _("Reason for cancelling"),
    }
    export_filename = "prijave"
    search_fields = ["user__email", "user__first_name", "user__last_name", "walk_in_name"]
    # Status changes go through the services (capacity, waiting list, e-mails), not this form.
    form_fields = ["role"]
    ordering = ["-created_at"]

    def get_queryset(self, request):
        return Registration.objects.select_related("user", "event")


class AttendanceViewSet(ModelViewSet):
    model = Attendance
    icon = "tick"
    menu_label = _("Attendance")
    add_to_admin_menu = True
    menu_order = 311
    list_display = ["registration", "session", "status", "method", "marked_by", "marked_at"]
    list_filter = {
        "session__page": ["exact"],
        "status": ["exact"],
        "method": ["exact"],
        "session__start": ["gte", "lte"],
    }
    list_export = [
        "registration.display_name",
        "registration.event.title",
        "session.start",
        "session.end",
        "status",
        "method",
        "marked_at",
    ]
    export_headings = {
        "registration.display_name": _("Person"),
        "registration.event.title": _("Event"),
        "session.start": _("Start"),
        "session.end": _("End"),
        "status": _("Attendance"),
        "method": _("How"),
        "marked_at": _("Marked"),
    }
    export_filename = "evidencija-dolazaka"
    # Corrections are made on the attendance page (/program/evidencija/<session>/), where each is kept.
    form_fields = ["status"]
    ordering = ["-session__start"]

    def get_queryset(self, request):
        return Attendance.objects.select_related(
            "registration__user", "registration__event", "session__page", "marked_by"
        )


registration_viewset = RegistrationViewSet("event_registrations")
attendance_viewset = AttendanceViewSet("event_attendance")


@hooks.register("register_admin_viewset")
def register_registration_viewset():
    return registration_viewset


@hooks.register("register_admin_viewset")
def register_attendance_viewset():
    return attendance_viewset


@hooks.register("register_admin_urls")
def register_report_urls():
    from . import reports

    return [path("reports/program/", reports.ProgrammeReportView.as_view(), name="events_programme_report")]


@hooks.register("register_reports_menu_item")
def register_programme_report_menu_item():
    return MenuItem(_("Programme report"), reverse("events_programme_report"), icon_name="table", order=710)


@hooks.register("kok_setup_site")
def setup_programme(*, home, log):
    """manage.py setup_site: the programme (/program/) under the home page (home/setup.py)."""
    from .services import programme_setup

    programme_setup(home=home, log=log)
