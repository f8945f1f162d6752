from django.apps import AppConfig
from django.db.models.signals import post_save
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "reports"
    verbose_name = _("ESF reporting")

    def ready(self):
        from accounts import privacy

        from . import privacy as reports_privacy
        from .models import ParticipantRecord, ReportingSettings, SpecialCategoryAccess

        privacy.register(
            privacy.PrivacyProvider(
                label="reports",
                export=reports_privacy.export_user,
                erase=reports_privacy.erase_user,
                models=[ParticipantRecord, SpecialCategoryAccess],
                erase_first=True,
            )
        )
        post_save.connect(_indicator_set_saved, sender=ReportingSettings, dispatch_uid="reports-indicator-set-saved")


def _indicator_set_saved(sender, instance, raw=False, **kwargs):
    """A different indicator set asks different core questions: every entry form is assessed again.
    (Not for rows loaded as they are, e.g. restoring a database: their forms were assessed when saved.)"""
    from django.db import transaction
    from wagtail.models import Site

    from . import services
    from .indicators import get_set

    if not raw and Site.objects.filter(pk=instance.site_id, is_default_site=True).exists():
        questions = get_set(instance.indicator_set).household_questions
        transaction.on_commit(lambda: services.records_assess(household_questions=questions))
