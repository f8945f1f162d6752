"""Coordinator tools in the Wagtail admin: organisations, programmes, pairings, meetings,
assessments and the capacity instrument (areas and statements edited inline), with Wagtail's own
listing, filters and CSV/XLSX export."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, ObjectList
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.admin.widgets import AdminDateInput

from .models import (
    Assessment,
    CapacityArea,
    CapacityInstrument,
    Meeting,
    Organisation,
    OrganisationMembership,
    Pairing,
    Programme,
)


class OrganisationForm(WagtailAdminModelForm):
    """The organisation's mentoring expertise is declared on `CapacityArea` (organisations sit below
    mentoring), so the form edits it as an extra field."""

    expertise = forms.ModelMultipleChoiceField(
        queryset=CapacityArea.objects.select_related("instrument"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("expertise"),
        help_text=_("Capacity areas in which this organisation can mentor others."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial["expertise"] = list(self.instance.expertise.all())

    def _save_m2m(self):
        super()._save_m2m()
        self.instance.expertise.set(self.cleaned_data.get("expertise") or [])


class OrganisationViewSet(ModelViewSet):
    model = Organisation
    icon = "group"
    menu_label = _("Organisations")
    add_to_admin_menu = False
    list_display = ["name", "oib", "kind", "experience", "founding_year"]
    list_filter = ["kind", "experience"]
    search_fields = ["name", "oib", "registry_number"]
    list_export = ["name", "oib", "kind", "registry_number", "founding_year", "experience", "municipality"]
    export_filename = "organizacije"
    edit_handler = ObjectList(
        [
            FieldPanel("name"),
            FieldRowPanel([FieldPanel("oib"), FieldPanel("registry_number")]),
            FieldRowPanel([FieldPanel("kind"), FieldPanel("experience"), FieldPanel("founding_year")]),
            FieldRowPanel([FieldPanel("address"), FieldPanel("municipality")]),
            FieldPanel("description"),
            FieldPanel("expertise"),
        ],
        base_form_class=OrganisationForm,
    )


class MembershipViewSet(ModelViewSet):
    model = OrganisationMembership
    icon = "user"
    menu_label = _("Memberships")
    add_to_admin_menu = False
    list_display = ["user", "organisation", "role", "mentor_capacity"]
    list_filter = ["organisation", "role"]
    search_fields = ["user__first_name", "user__last_name", "user__email", "organisation__name"]
    list_export = ["user", "organisation", "role", "mentor_capacity", "joined_on"]
    export_filename = "clanstva"
    form_fields = ["user", "organisation", "role", "mentor_capacity", "joined_on"]


class ProgrammeViewSet(ModelViewSet):
    model = Programme
    icon = "date"
    menu_label = _("Programmes")
    add_to_admin_menu = False
    list_display = ["name", "cohort", "start_date", "end_date", "coordinator"]
    list_filter = ["cohort"]
    search_fields = ["name", "cohort"]
    list_export = ["name", "cohort", "start_date", "end_date", "coordinator", "funder"]
    export_filename = "programi"
    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("cohort")]),
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("start_date", widget=AdminDateInput), FieldPanel("end_date", widget=AdminDateInput)]),
        FieldPanel("coordinator"),
        FieldPanel("instrument"),
        FieldPanel("funder"),
        FieldPanel("certificate_template"),
    ]


class PairingViewSet(ModelViewSet):
    model = Pairing
    icon = "link"
    menu_label = _("Mentoring pairs")
    add_to_admin_menu = False
    list_display = ["__str__", "programme", "state", "start_date", "end_date"]
    list_filter = ["programme", "state", "mentor_organisation", "mentee_organisation"]
    search_fields = ["mentor_organisation__name", "mentee_organisation__name"]
    list_export = [
        "pk",
        "programme",
        "mentor_organisation",
        "mentee_organisation",
        "state",
        "start_date",
        "end_date",
        "closure_reason",
    ]
    export_headings = {"pk": "ID"}
    export_filename = "mentorski-parovi"
    panels = [
        FieldPanel("programme"),
        FieldRowPanel([FieldPanel("mentor_organisation"), FieldPanel("mentee_organisation")]),
        FieldPanel("mentors"),
        MultiFieldPanel(
            [
                FieldPanel("state", read_only=True),
                FieldRowPanel(
                    [FieldPanel("start_date", widget=AdminDateInput), FieldPanel("end_date", widget=AdminDateInput)]
                ),
                FieldPanel("closure_reason"),
            ],
            heading=_("State and dates"),
            help_text=_("The state is changed on the pairing page, where only allowed changes are offered."),
        ),
    ]

    def get_queryset(self, request):
        return Pairing.objects.select_related("programme", "mentor_organisation", "mentee_organisation")


class MeetingViewSet(ModelViewSet):
    model = Meeting
    icon = "calendar"
    menu_label = _("Meetings")
    add_to_admin_menu = False
    list_display = ["starts_at", "pairing", "duration_minutes", "format", "planned", "confirmed_at"]
    list_filter = ["pairing__programme", "pairing", "format", "planned"]
    list_export = [
        "pairing",
        "starts_at",
        "duration_minutes",
        "format",
        "planned",
        "topics",
        "next_steps",
        "confirmed_at",
    ]
    export_filename = "sastanci"
    form_fields = [
        "pairing",
        "starts_at",
        "duration_minutes",
        "format",
        "planned",
        "location",
        "topics",
        "notes",
        "next_steps",
        "attendees",
    ]

    def get_queryset(self, request):
        return Meeting.objects.select_related(
            "pairing__mentor_organisation", "pairing__mentee_organisation", "pairing__programme"
        )


class AssessmentViewSet(ModelViewSet):
    model = Assessment
    icon = "form"
    menu_label = _("Capacity assessments")
    add_to_admin_menu = False
    inspect_view_enabled = True
    list_display = ["organisation", "round", "date", "pairing"]
    list_filter = ["round", "organisation"]
    list_export = ["organisation", "pairing", "round", "date"]
    export_filename = "procjene-kapaciteta"
    form_fields = ["organisation", "pairing", "instrument", "round", "date"]


class CapacityInstrumentViewSet(ModelViewSet):
    model = CapacityInstrument
    icon = "list-ul"
    menu_label = _("Capacity instruments")
    add_to_admin_menu = False
    list_display = ["name", "is_default"]
    panels = [
        FieldPanel("name"),
        FieldPanel("description"),
        FieldPanel("is_default"),
        InlinePanel("areas", heading=_("Capacity areas"), label=_("Capacity area")),
    ]


class MentoringGroup(ModelViewSetGroup):
    menu_label = _("Mentoring")
    menu_icon = "group"
    menu_order = 250
    items = (
        OrganisationViewSet("organisations", url_prefix="mentoring/organisations"),
        MembershipViewSet("memberships", url_prefix="mentoring/memberships"),
        ProgrammeViewSet("programmes", url_prefix="mentoring/programmes"),
        PairingViewSet("pairings", url_prefix="mentoring/pairings"),
        MeetingViewSet("meetings", url_prefix="mentoring/meetings"),
        AssessmentViewSet("assessments", url_prefix="mentoring/assessments"),
        CapacityInstrumentViewSet("capacity_instruments", url_prefix="mentoring/instruments"),
    )


@hooks.register("register_admin_viewset")
def register_mentoring_viewsets():
    return MentoringGroup()
