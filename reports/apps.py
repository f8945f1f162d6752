from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "reports"
    verbose_name = _("ESF reporting")

    def ready(self):
        from accounts import privacy

        from . import privacy as reports_privacy
        from .models import ParticipantRecord, SpecialCategoryAccess

        privacy.register(
            privacy.PrivacyProvider(
                label="reports",
                export=reports_privacy.export_user,
                erase=reports_privacy.erase_user,
                models=[ParticipantRecord, SpecialCategoryAccess],
                erase_first=True,
            )
        )
