from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VolunteeringConfig(AppConfig):
    name = "volunteering"
    verbose_name = _("Volunteering")

    def ready(self):
        from accounts import privacy
        from kok_learn.caching.generation import purge_on_change
        from organisations.models import Organisation

        from . import models
        from .privacy import erase_user, export_user

        privacy.register(
            privacy.PrivacyProvider(
                label="volunteering",
                export=export_user,
                erase=erase_user,
                models=[
                    models.VolunteerProfile,
                    models.Application,
                    models.Contract,
                    models.VulnerableGroupsCheck,
                    models.HourEntry,
                    models.HourEntryChange,
                    models.Confirmation,
                    models.AnnualReportFiling,
                ],
            )
        )
        # The organiser's name is on cached pages and in the opportunity cards' fragment.
        purge_on_change(Organisation)
