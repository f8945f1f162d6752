"""Facts that belong to the organisation running this install, read from the site settings.

The organisation's name is printed on certificates, course handbooks, PDF metadata and the privacy
notice. It lives in the site settings the operator fills in with `manage.py setup_site` (and edits
later in the admin), never in code. The settings model is named in `KOK_OPERATOR_SETTINGS_MODEL`
("home.ContactSettings"), the way `AUTH_USER_MODEL` names the user model, so apps on lower import
floors read it without importing `home`.
"""

from __future__ import annotations

from django.apps import apps
from django.conf import settings


def operator_settings():
    """The operator's settings object of the default site, or None before `setup_site` has run."""
    from wagtail.models import Site

    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return None
    model = apps.get_model(getattr(settings, "KOK_OPERATOR_SETTINGS_MODEL", "home.ContactSettings"))
    return model.for_site(site)


def funding_notice():
    """The EU funding notice of the default site (emblem text, fund, disclaimer), as the footer shows it;
    the settings model is named in `KOK_FUNDING_NOTICE_MODEL` ("home.FundingNotice"). An unsaved default
    (the model's standard wording) before `setup_site`."""
    from wagtail.models import Site

    model = apps.get_model(getattr(settings, "KOK_FUNDING_NOTICE_MODEL", "home.FundingNotice"))
    site = Site.objects.filter(is_default_site=True).first()
    return model.for_site(site) if site else model()


def organisation_name() -> str:
    """The name of the organisation running the platform ("" before `setup_site`)."""
    found = operator_settings()
    return (found.organisation if found else "") or ""
