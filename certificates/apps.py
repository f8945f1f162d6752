from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CertificatesConfig(AppConfig):
    name = "certificates"
    verbose_name = _("Certificates")

    def ready(self):
        from accounts import privacy

        from . import privacy as certificates_privacy
        from .models import Certificate

        privacy.register(
            privacy.PrivacyProvider(
                label="certificates",
                export=certificates_privacy.export_user,
                erase=certificates_privacy.erase_user,
                models=[Certificate],
            )
        )
