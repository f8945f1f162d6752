from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Accounts")

    def ready(self):
        from . import privacy

        privacy.register(
            privacy.PrivacyProvider(label="accounts", export=privacy.export_user, erase=privacy.erase_user)
        )
