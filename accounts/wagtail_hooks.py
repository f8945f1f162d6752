from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from kok_learn.viewsets import ModelViewSet

from .models import GuardianConsent


class GuardianConsentViewSet(ModelViewSet):
    """Coordinators see who consented for which minor, when and how. Read-only: consent is given by link."""

    model = GuardianConsent
    menu_label = _("Guardians' consents")
    icon = "user"
    add_to_admin_menu = True
    menu_order = 900
    inspect_view_enabled = True
    list_display = ["user", "guardian_email", "requested_at", "confirmed_at", "method"]
    list_filter = ["confirmed_at", "method", "requested_at"]
    search_fields = ["user__email", "user__first_name", "user__last_name", "guardian_email"]
    list_export = [
        "user",
        "guardian_email",
        "child_date_of_birth",
        "requested_at",
        "times_sent",
        "last_sent_at",
        "confirmed_at",
        "method",
        "confirmed_ip",
        "confirmed_user_agent",
    ]
    export_filename = "suglasnosti-roditelja"
    form_fields = ["guardian_email"]
    copy_view_enabled = False


guardian_consent_viewset = GuardianConsentViewSet("guardian_consents")


@hooks.register("register_admin_viewset")
def register_guardian_consent_viewset():
    return guardian_consent_viewset
