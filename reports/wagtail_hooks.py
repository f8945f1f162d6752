"""Hooks: the entry form after a counted activity starts, dashboard panels, admin screens and panels."""

from django import forms
from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.views.generic.models import CreateView, EditView
from wagtail.admin.widgets.button import Button
from wagtail.snippets.models import register_snippet

from accounts.participation import DASHBOARD_PANELS, PARTICIPATION_STARTED, DashboardPanel, noted_participation
from accounts.roles import is_coordinator
from kok_learn.viewsets import ModelViewSet, SafeExportIndexView, SnippetViewSet

from . import selectors, services
from .forms import SpecialCategoriesForm
from .indicators import HOUSEHOLD_QUESTIONS
from .models import ExitRecord, ParticipantRecord, ProjectTarget, SpecialCategories, SpecialCategoryAccess


@hooks.register(PARTICIPATION_STARTED)
def ask_for_entry_form(request, *, activity: str, next_url: str):
    """Copy the new participation; the first time a person takes part, ask for the entry form."""
    user = request.user
    if not user.is_authenticated:
        return None
    has_record = ParticipantRecord.objects.filter(user=user).exists()
    if has_record:
        services.participation_sync(user_ids=[user.pk])
        return None
    return f"{reverse('reports:entry_form')}?{urlencode({'next': next_url})}"


@hooks.register("kok_setup_site")
def setup_special_data_group(*, home, log):
    """`manage.py setup_site`: the group for special categories and individual exports (no members)."""
    services.special_data_group_setup(log=log)


@hooks.register(DASHBOARD_PANELS)
def forms_due_panel(request):
    """On "My learning": the entry form while a question is unanswered, exit forms while they are due."""
    user = request.user
    if not user.is_authenticated:
        return None
    answers_missing = selectors.record_answers_missing(user=user)
    if answers_missing is None:
        # Someone enrolled by a coordinator or a member of a mentored organisation: no hook asked them yet.
        if not selectors.takes_part(user=user, known=noted_participation(request)):
            return None
        return DashboardPanel(
            heading=str(_("Forms for the project's funder")),
            template="reports/includes/forms_due_panel.html",
            context={"record": None, "exits": []},
            order=50,
        )
    exits = list(selectors.exits_due(user=user))
    if not answers_missing and not exits:
        return None
    return DashboardPanel(
        heading=str(_("Forms for the project's funder")),
        template="reports/includes/forms_due_panel.html",
        context={"record": {"answers_missing": answers_missing}, "exits": exits},
        order=50,
    )


# --- admin ------------------------------------------------------------------------------------------


SPECIAL_PERMISSION = "reports.view_special_categories"


def _special_categories_button(user, record) -> list:
    """The way to a record's special categories, shown only to the people who hold the permission."""
    if not user.has_perm(SPECIAL_PERMISSION):
        return []
    return [
        Button(
            _("Special categories"),
            url=reverse(participant_record_viewset.get_url_name("special_categories"), args=[record.pk]),
            icon_name="lock",
            priority=35,
        )
    ]


class ParticipantRecordIndexView(SafeExportIndexView):
    def get_list_more_buttons(self, instance):
        return super().get_list_more_buttons(instance) + _special_categories_button(self.request.user, instance)


class _TypedInBy:
    """The paper form learns who types it in (``reports.services.record_save`` records it as ``entered_by``)."""

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "entered_by": self.request.user}


class ParticipantRecordCreateView(_TypedInBy, CreateView):
    pass


class ParticipantRecordEditView(_TypedInBy, EditView):
    @property
    def header_more_buttons(self):
        return super().header_more_buttons + _special_categories_button(self.request.user, self.object)


@require_http_methods(["GET", "POST"])
def special_categories_view(request, pk):
    """Read, enter or correct (from a paper form) one record's special categories; every view and change is logged.

    Only with ``reports.view_special_categories``: everyone else gets 404 before the record is even looked up
    (404, not PermissionDenied, which Wagtail's admin turns into a redirect to its home page).
    """
    from django.utils.translation import gettext

    if not request.user.has_perm(SPECIAL_PERMISSION):
        raise Http404("No permission for special categories")
    record = get_object_or_404(ParticipantRecord.objects.select_related("user"), pk=pk)
    questions = selectors.current_set().special_categories
    special = SpecialCategories.objects.filter(record=record).first()
    initial = {name: getattr(special, name) for name in questions} if special else {}
    form = SpecialCategoriesForm(request.POST or None, initial=initial, fields=questions)
    self_url = reverse(participant_record_viewset.get_url_name("special_categories"), args=[record.pk])
    if request.method == "POST" and form.is_valid():
        changed = [
            str(SpecialCategories._meta.get_field(name).verbose_name)
            for name in questions
            if form.cleaned_data[name] != (initial.get(name) or "")
        ]
        what = gettext("Special categories of participant record %(pk)s, in the admin: %(fields)s") % {
            "pk": record.pk,
            "fields": gettext("first answers") if special is None else ", ".join(changed) or gettext("no change"),
        }
        services.special_categories_save(record=record, by=request.user, what=what, **form.cleaned_data)
        messages.success(request, gettext("The answers are saved."))
        return redirect(self_url)
    if request.method == "GET":
        services.access_log(
            user=request.user,
            action="view",
            what=gettext("Special categories of participant record %(pk)s, in the admin") % {"pk": record.pk},
        )
    index_url = reverse(participant_record_viewset.get_url_name("index"))
    title = gettext("Special categories of personal data")
    response = TemplateResponse(
        request,
        "reports/admin/special_categories.html",
        {
            "record": record,
            "form": form,
            "answered_at": special.answered_at if special else None,
            "index_url": index_url,
            "edit_url": reverse(participant_record_viewset.get_url_name("edit"), args=[record.pk]),
            "page_title": title,
            "header_title": title,
            "header_icon": "lock",
            "breadcrumbs_items": [
                {"url": reverse("wagtailadmin_home"), "label": gettext("Home")},
                {"url": index_url, "label": gettext("ESF participants")},
                {"url": "", "label": str(record)},
            ],
        },
        status=400 if request.method == "POST" else 200,
    )
    response["Cache-Control"] = "private, no-store"
    return response


class ParticipantRecordViewSet(ModelViewSet):
    """Coordinators enter paper forms here; listing without export (individual data leaves only via
    the dedicated, logged export)."""

    model = ParticipantRecord
    icon = "user"
    menu_label = _("ESF participants")
    add_to_admin_menu = True
    menu_order = 320
    list_display = ["__str__", "sex", "entered_on", "is_complete", "filled_by"]
    list_filter = {"is_complete": ["exact"], "sex": ["exact"], "filled_by": ["exact"], "entered_on": ["gte", "lte"]}
    search_fields = ["user__email", "user__first_name", "user__last_name"]
    form_fields = ["user", "filled_by", *services.RECORD_FIELDS, "entered_on"]
    ordering = ["-entered_on", "-pk"]
    index_view_class = ParticipantRecordIndexView
    add_view_class = ParticipantRecordCreateView
    edit_view_class = ParticipantRecordEditView

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("<int:pk>/posebne-kategorije/", special_categories_view, name="special_categories")
        ]

    def get_form_class(self, for_update=False):
        form_class = super().get_form_class(for_update)

        class RecordForm(form_class):
            def __init__(self, *args, entered_by=None, **kwargs):
                super().__init__(*args, **kwargs)
                self.entered_by = entered_by
                # The paper form has the household questions only under a set that asks them (ESF 2014–2020).
                asked = selectors.current_set().household_questions
                for name in HOUSEHOLD_QUESTIONS:
                    if name not in asked:
                        self.fields.pop(name, None)

            def save(self, commit=True):
                # Saved like the participant's own entry form (reports.services.record_save): complete
                # under the current set, the person's participations copied when the record is new, and
                # the coordinator who typed it in recorded.
                instance = super().save(commit=False)
                if not commit:
                    return instance
                return services.record_save(record=instance, filled_by=instance.filled_by, entered_by=self.entered_by)

        return RecordForm


class ExitRecordViewSet(ModelViewSet):
    model = ExitRecord
    icon = "logout"
    menu_label = _("ESF exit forms")
    add_to_admin_menu = True
    menu_order = 321
    list_display = ["__str__", "job_searching", "employed", "in_education", "qualification", "filled_at"]
    list_filter = {"job_searching": ["exact"], "employed": ["exact"], "filled_at": ["gte", "lte"]}
    form_fields = ["participation", "job_searching", "employed", "in_education", "qualification", "filled_by"]


class SpecialCategoryAccessViewSet(ModelViewSet):
    model = SpecialCategoryAccess
    icon = "history"
    menu_label = _("Access to special categories")
    add_to_admin_menu = True
    menu_order = 322
    list_display = ["at", "who", "action", "what"]
    list_filter = {"action": ["exact"], "at": ["gte", "lte"]}
    form_fields = ["who", "action", "what"]
    inspect_view_enabled = True


participant_record_viewset = ParticipantRecordViewSet("esf_participants")
exit_record_viewset = ExitRecordViewSet("esf_exit_forms")
access_viewset = SpecialCategoryAccessViewSet("esf_special_access")


@hooks.register("register_admin_viewset")
def register_participant_viewsets():
    return [participant_record_viewset, exit_record_viewset, access_viewset]


class ProjectTargetViewSet(SnippetViewSet):
    model = ProjectTarget
    icon = "pick"
    menu_label = _("Project targets")
    list_display = ["title", "measure", "target", "sort_order"]

    def get_form_class(self, for_update=False):
        from .measures import measure_choices

        form_class = super().get_form_class(for_update)

        class TargetForm(form_class):
            def __init__(self, *args, **kwargs):
                super().__init__(*args, **kwargs)
                self.fields["measure"] = forms.ChoiceField(label=_("measured as"), choices=measure_choices())

        return TargetForm


register_snippet(ProjectTargetViewSet)


@hooks.register("register_reports_menu_item")
def register_indicator_menu_item():
    return MenuItem(_("ESF indicators"), reverse("reports:indicators"), icon_name="table", order=710)


@hooks.register("register_reports_menu_item")
def register_project_report_menu_item():
    return MenuItem(_("Project report"), reverse("reports:project_report"), icon_name="doc-full", order=720)


class TargetsPanel(Component):
    name = "project_targets"
    template_name = "reports/admin/targets_panel.html"
    order = 90

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["targets"] = selectors.target_progress()
        return context


class ExitFormsDuePanel(Component):
    name = "exit_forms_due"
    template_name = "reports/admin/exit_forms_due_panel.html"
    order = 95

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["due"] = list(selectors.exits_due()[:50])
        return context


@hooks.register("construct_homepage_panels")
def add_reporting_panels(request, panels):
    if is_coordinator(request.user):
        panels.append(TargetsPanel())
        panels.append(ExitFormsDuePanel())
