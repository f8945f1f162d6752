"""The organisers' coordinators in the Wagtail admin: listings with filters and XLSX export (only
their own organisations' volunteers), one work page to accept applications, approve hours in bulk,
accept contracts, record criminal-record checks and issue confirmations, the annual report, and a
reminder on the admin home from 1 January to 31 March."""

from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.viewsets.model import ModelViewSetGroup

from kok_learn.viewsets import ModelViewSet
from kok_learn.viewsets import SafeExportIndexView as IndexView

from . import admin_views, selectors
from .models import Application, HourEntry


class OwnOrganisationsIndexView(IndexView):
    """Coordinators see only the rows of the organisations they coordinate (superusers see all)."""

    def get_base_queryset(self):
        queryset = super().get_base_queryset()
        if self.request.user.is_superuser:
            return queryset
        return queryset.filter(organisation_id__in=selectors.coordinator_organisation_ids(user=self.request.user))


class ApplicationViewSet(ModelViewSet):
    model = Application
    icon = "user"
    menu_label = _("Applications")
    add_to_admin_menu = False
    index_view_class = OwnOrganisationsIndexView
    list_display = ["volunteer", "opportunity", "organisation", "state", "created_at"]
    list_filter = ["state", "organisation"]
    list_export = ["volunteer", "opportunity", "organisation", "state", "created_at", "contract_requested"]
    export_filename = "prijave-volontera"
    form_fields = ["decline_reason"]


class HourEntryViewSet(ModelViewSet):
    model = HourEntry
    icon = "time"
    menu_label = _("Hours")
    add_to_admin_menu = False
    index_view_class = OwnOrganisationsIndexView
    list_display = ["date", "application", "hours", "activity", "state"]
    list_filter = ["state", "organisation", "date"]
    list_export = ["date", "application", "hours", "activity", "state", "decline_reason"]
    export_filename = "volonterski-sati"
    form_fields = ["decline_reason"]


class VolunteeringGroup(ModelViewSetGroup):
    menu_label = _("Volunteering")
    menu_icon = "group"
    menu_order = 260
    items = (
        ApplicationViewSet("volunteering_applications", url_prefix="volunteering/applications"),
        HourEntryViewSet("volunteering_hours", url_prefix="volunteering/hours"),
    )


@hooks.register("register_admin_viewset")
def register_volunteering_viewsets():
    return VolunteeringGroup()


@hooks.register("register_admin_urls")
def register_volunteering_admin_urls():
    return [
        path("volontiranje/", admin_views.work, name="volunteering_work"),
        path("volontiranje/prijave/<int:pk>/", admin_views.application_decide, name="volunteering_application_decide"),
        path("volontiranje/sati/", admin_views.hours_decide, name="volunteering_hours_decide"),
        path("volontiranje/sati-s-dogadaja/", admin_views.hours_from_events, name="volunteering_hours_from_events"),
        path("volontiranje/ugovori/<int:pk>/", admin_views.contract_accept, name="volunteering_contract_accept"),
        path("volontiranje/ugovori/<int:pk>/pdf/", admin_views.contract_pdf, name="volunteering_contract_pdf"),
        path("volontiranje/provjere/<int:pk>/", admin_views.check_record, name="volunteering_check_record"),
        path("volontiranje/potvrde/<int:pk>/", admin_views.confirmation_issue, name="volunteering_confirmation_issue"),
        path(
            "volontiranje/izvjesce/<int:organisation_id>/<int:year>/",
            admin_views.annual_report,
            name="volunteering_annual_report",
        ),
        path(
            "volontiranje/izvjesce/<int:organisation_id>/<int:year>/<str:fmt>/",
            admin_views.annual_report_download,
            name="volunteering_annual_report_download",
        ),
    ]


class VolunteeringWorkMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.is_superuser or selectors.is_volunteering_coordinator(request.user)


@hooks.register("register_admin_menu_item")
def register_work_menu_item():
    return VolunteeringWorkMenuItem(
        _("Volunteering: to do"), reverse("volunteering_work"), icon_name="tasks", order=261
    )


class AnnualReportDuePanel(Component):
    order = 90
    template_name = "volunteering/admin/report_due_panel.html"

    def __init__(self, due):
        self.due = due

    def get_context_data(self, parent_context):
        return {"due": self.due}


@hooks.register("construct_homepage_panels")
def add_report_due_panel(request, panels):
    due = selectors.report_due_organisations(user=request.user, today=timezone.localdate())
    if due:
        panels.append(AnnualReportDuePanel(due))


@hooks.register("kok_dashboard_panels")
def volunteering_dashboard_panel(request):
    from accounts.participation import DashboardPanel

    if not request.user.is_authenticated:
        return None
    summary = selectors.dashboard_summary(user=request.user)
    if not summary["applications"]:
        return None
    return DashboardPanel(
        heading=str(_("My volunteering")),
        template="volunteering/includes/dashboard_panel.html",
        context=summary,
        order=50,
    )


@hooks.register("kok_setup_site")
def setup_opportunities(*, home, log):
    """manage.py setup_site: the volunteering opportunities (/volontiranje/) under the home page."""
    from .services import opportunities_index_setup

    opportunities_index_setup(home=home, log=log)
