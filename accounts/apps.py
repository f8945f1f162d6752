from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Accounts")

    def ready(self):
        from . import privacy
        from .models import GuardianConsent

        privacy.register(
            privacy.PrivacyProvider(
                label="accounts", export=privacy.export_user, erase=privacy.erase_user, models=[GuardianConsent]
            )
        )
        # allauth's addresses and second factors, Wagtail's per-user admin data.
        privacy.register_third_party_providers()
