"""Admin: snippets for categories and audiences, enrolment listing with export, course statistics."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import reports
from .models import Audience, CourseCategory, CourseIndexPage, Enrolment


class CourseCategoryViewSet(SnippetViewSet):
    model = CourseCategory
    icon = "folder-open-inverse"
    menu_label = _("Course categories")
    list_display = ["name", "slug", "sort_order"]


class AudienceViewSet(SnippetViewSet):
    model = Audience
    icon = "group"
    menu_label = _("Audiences")
    list_display = ["name", "slug", "sort_order"]


register_snippet(CourseCategoryViewSet)
register_snippet(AudienceViewSet)


class EnrolmentViewSet(ModelViewSet):
    model = Enrolment
    icon = "user"
    menu_label = _("Enrolments")
    add_to_admin_menu = True
    menu_order = 300
    list_display = ["user", "course", "status", "enrolled_at", "completed_at", "last_activity_at"]
    list_filter = {"course": ["exact"], "status": ["exact"], "enrolled_at": ["gte", "lte"]}
    list_export = ["user.display_name", "user.email", "course.title", "status", "enrolled_at", "completed_at"]
    export_headings = {
        "user.display_name": _("Learner"),
        "user.email": _("E-mail"),
        "course.title": _("Course"),
        "status": _("Status"),
        "enrolled_at": _("Enrolled"),
        "completed_at": _("Completed"),
    }
    export_filename = "upisi"
    search_fields = ["user__email", "user__first_name", "user__last_name"]
    form_fields = ["status"]
    ordering = ["-enrolled_at"]

    def get_queryset(self, request):
        return Enrolment.objects.select_related("user", "course")


enrolment_viewset = EnrolmentViewSet("enrolments")


@hooks.register("register_admin_viewset")
def register_enrolment_viewset():
    return enrolment_viewset


@hooks.register("register_admin_urls")
def register_report_urls():
    return [
        path("reports/tecajevi/", reports.CourseStatsReportView.as_view(), name="courses_course_stats"),
        path(
            "reports/tecajevi/<int:course_id>/",
            reports.CourseDropOffReportView.as_view(),
            name="courses_course_drop_off",
        ),
        path(
            "reports/tecajevi/rezultati/",
            reports.CourseStatsReportView.as_view(results_only=True),
            name="courses_course_stats_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_course_stats_menu_item():
    return MenuItem(_("Course statistics"), reverse("courses_course_stats"), icon_name="table", order=700)


@hooks.register("after_create_page")
def set_up_catalogue_workflow(request, page):
    """A catalogue created in the admin gets the editors' permissions and the moderation workflow."""
    if isinstance(page.specific, CourseIndexPage):
        from .services import catalogue_moderation_setup

        catalogue_moderation_setup(index=page)


@hooks.register("kok_attendance_marked")
def complete_blended_courses(*, user, event_id):
    """Attendance marked at an event (events): check the blended courses that count its sessions."""
    from .services import on_attendance_marked

    on_attendance_marked(user=user, event_id=event_id)
