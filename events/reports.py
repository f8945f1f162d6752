"""Admin report for coordinators: registrations, attendance rate and hours delivered per kind, audience or month.

The period and the grouping come from the query string (``od``, ``do``, ``po`` = kind / audience /
month); the default is the last twelve months, by kind. CSV and XLSX export come with Wagtail's ReportView.
"""

import datetime

from django.core.exceptions import PermissionDenied
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.reports import ReportView

from accounts import roles
from kok_learn.exports import SafeSpreadsheetExportMixin

from . import selectors

GROUPINGS = {"vrsta": "kind", "publika": "audience", "mjesec": "month"}


def _date(value: str, default: datetime.date) -> datetime.date:
    try:
        day = datetime.date.fromisoformat(value)
    except (TypeError, ValueError):
        return default
    return day if datetime.date(2020, 1, 1) <= day <= timezone.localdate() + datetime.timedelta(days=730) else default


class ProgrammeReportView(SafeSpreadsheetExportMixin, ReportView):
    page_title = _("Programme report")
    header_icon = "table"
    index_url_name = "events_programme_report"
    index_results_url_name = "events_programme_report"
    paginate_by = None
    export_filename = "izvjestaj-programa"
    list_export = ["label", "registrations", "attendance_rate", "hours"]
    export_headings = {
        "label": _("Group"),
        "registrations": _("Registrations"),
        "attendance_rate": _("Attendance rate (%)"),
        "hours": _("Hours delivered"),
    }

    def dispatch(self, request, *args, **kwargs):
        if not roles.is_coordinator(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    @property
    def columns(self):
        return [
            Column("label", label=_("Group")),
            Column("registrations", label=_("Registrations")),
            Column("attendance_rate", label=_("Attendance rate (%)")),
            Column("hours", label=_("Hours delivered")),
        ]

    def get_queryset(self):
        today = timezone.localdate()
        start = _date(self.request.GET.get("od"), today - datetime.timedelta(days=365))
        end = _date(self.request.GET.get("do"), today)
        by = GROUPINGS.get(self.request.GET.get("po", ""), "kind")
        rows = selectors.attendance_report(start=start, end=end, by=by)
        for number, row in enumerate(rows, start=1):
            row.pk = number
            row.hours = round(row.hours, 1)
        return rows
