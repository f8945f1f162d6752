"""Admin reports for coordinators and editors: per-course statistics and lesson drop-off."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView

from accounts import roles
from kok_learn.exports import SafeSpreadsheetExportMixin

from . import selectors
from .models import CoursePage

REPORT_ROLES = (roles.COORDINATOR, roles.EDITOR, roles.MODERATOR)


class RoleRequiredMixin:
    def dispatch(self, request, *args, **kwargs):
        if not any(roles.user_has_role(request.user, role) for role in REPORT_ROLES):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class CourseStatsReportView(RoleRequiredMixin, SafeSpreadsheetExportMixin, ReportView):
    page_title = _("Course statistics")
    header_icon = "table"
    index_url_name = "courses_course_stats"
    index_results_url_name = "courses_course_stats_results"
    paginate_by = 50
    export_filename = "statistika-tecajeva"
    list_export = [
        "title",
        "enrolled_count",
        "active_count",
        "completed_count",
        "completion_rate",
        "average_quiz_score_display",
    ]
    export_headings = {
        "title": _("Course"),
        "enrolled_count": _("Enrolled"),
        "active_count": _("Active"),
        "completed_count": _("Completed"),
        "completion_rate": _("Completion rate (%)"),
        "average_quiz_score_display": _("Average quiz score (%)"),
    }

    @property
    def columns(self):
        return [
            TitleColumn(
                "title",
                label=_("Course"),
                get_url=lambda course: reverse("courses_course_drop_off", args=[course.pk]),
            ),
            Column("enrolled_count", label=_("Enrolled")),
            Column("active_count", label=_("Active")),
            Column("completed_count", label=_("Completed")),
            Column("completion_rate", label=_("Completion rate (%)")),
            Column("average_quiz_score_display", label=_("Average quiz score (%)")),
        ]

    def get_queryset(self):
        return selectors.course_stats_queryset()

    def decorate_paginated_queryset(self, object_list):
        for course in object_list:
            course.completion_rate = selectors.completion_rate(course)
            course.average_quiz_score_display = (
                round(course.average_quiz_score, 1) if course.average_quiz_score is not None else ""
            )
        return object_list

    def as_spreadsheet(self, queryset, spreadsheet_format):
        return super().as_spreadsheet(self.decorate_paginated_queryset(list(queryset)), spreadsheet_format)


class CourseDropOffReportView(RoleRequiredMixin, SafeSpreadsheetExportMixin, ReportView):
    header_icon = "table"
    index_url_name = "courses_course_stats"
    index_results_url_name = "courses_course_stats_results"
    paginate_by = None
    export_filename = "napredak-po-lekcijama"
    list_export = ["position", "title", "completed", "completed_percent", "stopped_here"]
    export_headings = {
        "position": _("No."),
        "title": _("Lesson"),
        "completed": _("Completed the lesson"),
        "completed_percent": _("Share of enrolled (%)"),
        "stopped_here": _("Stopped here"),
    }

    @property
    def page_title(self):
        return _("Where learners stop: %(course)s") % {"course": self.course.title}

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.course = get_object_or_404(CoursePage, pk=kwargs["course_id"])

    def get_index_url(self):
        return reverse("courses_course_drop_off", args=[self.course.pk])

    def get_index_results_url(self):
        return reverse("courses_course_drop_off", args=[self.course.pk])

    @property
    def columns(self):
        return [
            Column("position", label=_("No.")),
            Column("title", label=_("Lesson")),
            Column("completed", label=_("Completed the lesson")),
            Column("completed_percent", label=_("Share of enrolled (%)")),
            Column("stopped_here", label=_("Stopped here")),
        ]

    def get_queryset(self):
        return [Row(**row) for row in selectors.lesson_drop_off(course=self.course)]


class Row:
    def __init__(self, *, position, lesson, completed, completed_percent, stopped_here):
        self.pk = lesson.pk
        self.position = position
        self.title = lesson.title
        self.completed = completed
        self.completed_percent = completed_percent
        self.stopped_here = stopped_here
