"""Admin: places (snippet), registrations and attendance with filters and CSV/XLSX export, the programme report."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet

from kok_learn.admin_actions import RowAction, RowActionsColumn, row_action
from kok_learn.viewsets import ModelViewSet, SnippetViewSet

from .models import Attendance, Place, Registration, RegistrationStatus

# Coordinators hold it (docs/permissions.md); trainers and editors do not.
DECIDE_PERMISSION = "events.change_registration"


class PlaceViewSet(SnippetViewSet):
    model = Place
    icon = "site"
    menu_label = _("Places")
    list_display = ["name", "address"]
    search_fields = ["name", "address"]


register_snippet(PlaceViewSet)


DENIED = _("You may not approve or decline registrations.")


def _registration(pk) -> Registration:
    return get_object_or_404(Registration.objects.select_related("user", "event"), pk=pk, user__isnull=False)


def _name(registration: Registration) -> str:
    return registration.user.get_full_name() or registration.user.email


@row_action(permission=DECIDE_PERMISSION, denied=DENIED)
def registration_approve_view(request, pk):
    from .services import registration_approve

    registration = _registration(pk)
    if registration.status == RegistrationStatus.PENDING:
        registration = registration_approve(registration=registration)
        if registration.status == RegistrationStatus.WAITLISTED:
            message = gettext(
                "The registration of %(name)s is approved, but the event is full: they are on the waiting list, "
                "at position %(position)s. They were told by e-mail."
            )
        else:
            message = gettext("The registration of %(name)s is approved; they were told by e-mail.")
        messages.success(request, message % {"name": _name(registration), "position": registration.waitlist_position})
    return redirect(registration_viewset.get_url_name("index"))


@row_action(permission=DECIDE_PERMISSION, denied=DENIED)
def registration_decline_view(request, pk):
    from .services import registration_decline

    registration = _registration(pk)
    try:
        registration_decline(registration=registration, reason=request.POST.get("reason", ""))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            gettext("The registration of %(name)s is declined; they were told why by e-mail.")
            % {"name": _name(registration)},
        )
    return redirect(registration_viewset.get_url_name("index"))


class RegistrationViewSet(ModelViewSet):
    model = Registration
    icon = "user"
    menu_label = _("Event registrations")
    add_to_admin_menu = True
    menu_order = 310
    list_display = [
        "display_name",
        "event",
        "role",
        "status",
        "waitlist_position",
        "created_at",
        RowActionsColumn(
            "decision",
            label=_("Approval"),
            actions=[
                RowAction(_("Approve"), "event_registrations:approve"),
                RowAction(_("Decline"), "event_registrations:decline", reason_label=_("Reason"), secondary=True),
            ],
            show=lambda registration: (
                registration.status == RegistrationStatus.PENDING and registration.user_id is not None
            ),
            permission=DECIDE_PERMISSION,
        ),
    ]
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

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("<int:pk>/odobri/", registration_approve_view, name="approve"),
            path("<int:pk>/odbij/", registration_decline_view, name="decline"),
        ]


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
