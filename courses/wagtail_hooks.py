"""Admin: snippets for categories and audiences, enrolment listing with export, course statistics."""

from django import forms
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet

from kok_learn.admin_actions import RowAction, RowActionsColumn, row_action
from kok_learn.viewsets import ModelViewSet, SnippetViewSet

from . import reports
from .models import Audience, CourseCategory, CourseIndexPage, Enrolment, EnrolmentStatus


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


class EnrolmentStatusForm(WagtailAdminModelForm):
    """Only "waiting for approval" and "in progress": completion comes from the course itself
    (courses.services.course_completion_check, with its date and certificate), never by hand.
    Changing a pending enrolment to "in progress" approves it through the service (e-mail included)."""

    class Meta:
        model = Enrolment
        fields = ["status"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["status"]
        if self.instance.status == EnrolmentStatus.COMPLETED:
            field.disabled = True
        else:
            field.choices = [(value, label) for value, label in field.choices if value != EnrolmentStatus.COMPLETED]

    def clean_status(self):
        status = self.cleaned_data["status"]
        if status == EnrolmentStatus.COMPLETED and self.instance.status != EnrolmentStatus.COMPLETED:
            raise forms.ValidationError(
                gettext("A course is completed only when the learner finishes it; it cannot be set by hand.")
            )
        return status

    def save(self, commit=True):
        from .services import enrolment_approve

        before = self.initial.get("status")
        if before == EnrolmentStatus.PENDING and self.cleaned_data["status"] == EnrolmentStatus.ACTIVE:
            self.instance.status = EnrolmentStatus.PENDING
            return enrolment_approve(enrolment=self.instance)
        return super().save(commit=commit)


@row_action(permission="courses.change_enrolment", denied=_("You may not approve enrolments."))
def enrolment_approve_view(request, pk):
    from .services import enrolment_approve

    enrolment = get_object_or_404(Enrolment.objects.select_related("user", "course"), pk=pk)
    if enrolment.status == EnrolmentStatus.PENDING:
        enrolment_approve(enrolment=enrolment)
        messages.success(
            request,
            gettext("The enrolment of %(name)s is approved; they were told by e-mail.")
            % {"name": enrolment.user.get_full_name() or enrolment.user.email},
        )
    return redirect(enrolment_viewset.get_url_name("index"))


class EnrolmentViewSet(ModelViewSet):
    model = Enrolment
    icon = "user"
    menu_label = _("Enrolments")
    add_to_admin_menu = True
    menu_order = 300
    list_display = [
        "user",
        "course",
        "status",
        "enrolled_at",
        "completed_at",
        "last_activity_at",
        RowActionsColumn(
            "approve",
            label=_("Approval"),
            actions=[RowAction(_("Approve"), "enrolments:approve")],
            show=lambda enrolment: enrolment.status == EnrolmentStatus.PENDING,
            permission="courses.change_enrolment",
        ),
    ]
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

    def get_form_class(self, for_update=False):
        return EnrolmentStatusForm

    def get_queryset(self, request):
        return Enrolment.objects.select_related("user", "course")

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [path("<int:pk>/odobri/", enrolment_approve_view, name="approve")]


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


@hooks.register("before_serve_document")
def documents_of_lessons_for_enrolled_learners(document, request):
    """A document used in a lesson is served to the learners enrolled in that lesson's course
    (and to people with admin access) unless a public page uses it too; anyone else gets the login
    page (anonymous) or 404 (issue 13, finding 16)."""
    from django.contrib.auth.views import redirect_to_login
    from django.http import Http404

    from .selectors import document_access

    access = document_access(document=document, user=request.user)
    if access == "allowed":
        return None
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    raise Http404("No such document")


@hooks.register("kok_setup_site")
def setup_catalogue(*, home, log):
    """manage.py setup_site: the catalogue and its moderation workflow (home/setup.py)."""
    from .services import catalogue_setup

    catalogue_setup(home=home, log=log)


@hooks.register("construct_homepage_panels")
def add_pending_enrolments_panel(request, panels):
    """Coordinators: enrolments waiting for approval, linked to the filtered list."""
    from accounts.roles import is_coordinator
    from kok_learn.admin_panels import CountPanel

    if not is_coordinator(request.user):
        return
    count = Enrolment.objects.filter(status=EnrolmentStatus.PENDING).count()
    panels.append(
        CountPanel(
            name="pending-enrolments",
            heading=gettext("Enrolments waiting for approval"),
            count=count,
            url=reverse(enrolment_viewset.get_url_name("index")) + f"?status={EnrolmentStatus.PENDING}",
            link_text=gettext("Approve enrolments"),
            order=10,
        )
    )
