from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MentoringConfig(AppConfig):
    name = "mentoring"
    verbose_name = _("Mentoring")

    def ready(self):
        from accounts import privacy
        from kok_learn.caching.generation import purge_on_change

        from . import models
        from .privacy import erase_user, export_user

        privacy.register(
            privacy.PrivacyProvider(
                label="mentoring",
                export=export_user,
                erase=erase_user,
                models=[
                    models.OrganisationMembership,
                    models.Pairing,
                    models.Programme,
                    models.MentoringAgreement,
                    models.Meeting,
                    models.Assessment,
                ],
            )
        )
        # The dashboards keep each assessment's averages per area and each pair's capacity averages
        # (selectors.area_averages, selectors.capacity_averages).
        purge_on_change(models.Assessment, models.CapacityArea, models.CapacityStatement)
