"""Registry of personal-data providers (the same idea as Moodle's Privacy API).

Every app that stores data about a person registers a provider in its ``AppConfig.ready()``::

    privacy.register(PrivacyProvider(label="courses", export=export_user, erase=erase_user,
                                     models=[Enrolment, LessonCompletion]))

``export(user)`` returns JSON-serialisable data; ``erase(user)`` deletes or anonymises it and
keeps what must stay (aggregate statistics, the certificate register). ``models`` lists the
models with a foreign key to the user that the provider covers; a test checks that every such
model is covered by some provider.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth import get_user_model


@dataclass(frozen=True)
class PrivacyProvider:
    label: str
    export: Callable[[Any], Any]
    erase: Callable[[Any], None]
    models: Iterable[type] = field(default_factory=tuple)
    # Erased before the others (reports copies a person's participation before courses deletes it).
    erase_first: bool = False


_providers: dict[str, PrivacyProvider] = {}


def register(provider: PrivacyProvider) -> None:
    _providers[provider.label] = provider


def providers() -> list[PrivacyProvider]:
    return list(_providers.values())


def export_user(user) -> dict:
    return {
        "email": user.email,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "certificate_name": user.certificate_name,
        "date_of_birth": user.date_of_birth.isoformat() if user.date_of_birth else None,
        "municipality": user.municipality,
        "date_joined": user.date_joined.isoformat(),
        "last_login": user.last_login.isoformat() if user.last_login else None,
        "groups": sorted(user.groups.values_list("name", flat=True)),
        "guardian_consent": _guardian_consent_export(user),
    }


def _guardian_consent_export(user) -> dict | None:
    from .models import GuardianConsent

    consent = GuardianConsent.objects.filter(user=user).first()
    if consent is None:
        return None
    return {
        "guardian_email": consent.guardian_email,
        "requested_at": consent.requested_at.isoformat(),
        "confirmed_at": consent.confirmed_at.isoformat() if consent.confirmed_at else None,
        "method": consent.method,
    }


def erase_user(user) -> None:
    """Strip the account of everything that identifies the person; the row stays for history."""
    user.email = f"obrisano-{user.pk}@anonimno.invalid"
    user.first_name = ""
    user.last_name = ""
    user.certificate_name = ""
    user.date_of_birth = None
    user.municipality = ""
    user.is_active = False
    user.set_unusable_password()
    user.save()
    user.groups.clear()
    user.user_permissions.clear()
    # The guardian's address is a third person's data; with the account gone it has no purpose.
    from .models import GuardianConsent

    GuardianConsent.objects.filter(user=user).delete()


# --- Third-party apps with a foreign key to the user -------------------------------------------


def export_allauth(user) -> dict:
    from allauth.account.models import EmailAddress
    from allauth.mfa.models import Authenticator

    return {
        "email_addresses": [
            {"email": a.email, "verified": a.verified, "primary": a.primary}
            for a in EmailAddress.objects.filter(user=user).order_by("email")
        ],
        # Only which second factors exist, never their secrets.
        "second_factors": [
            {
                "type": a.type,
                "created_at": a.created_at.isoformat(),
                "last_used_at": a.last_used_at.isoformat() if a.last_used_at else None,
            }
            for a in Authenticator.objects.filter(user=user).order_by("created_at")
        ],
    }


def erase_allauth(user) -> None:
    from allauth.account.models import EmailAddress
    from allauth.mfa.models import Authenticator

    EmailAddress.objects.filter(user=user).delete()
    Authenticator.objects.filter(user=user).delete()


def _wagtail_models():
    from wagtail.admin.models import EditingSession, FormState
    from wagtail.models import APIToken, PageSubscription
    from wagtail.users.models import UserProfile

    return [UserProfile, EditingSession, FormState, APIToken, PageSubscription]


def export_wagtail(user) -> dict:
    from wagtail.models import Comment, PageSubscription
    from wagtail.users.models import UserProfile

    profile = UserProfile.objects.filter(user=user).first()
    return {
        "admin_preferences": (
            {
                "preferred_language": profile.preferred_language,
                "current_time_zone": profile.current_time_zone,
                "theme": profile.theme,
                "submitted_notifications": profile.submitted_notifications,
                "approved_notifications": profile.approved_notifications,
                "rejected_notifications": profile.rejected_notifications,
            }
            if profile
            else None
        ),
        "page_comment_subscriptions": list(
            PageSubscription.objects.filter(user=user).values_list("page_id", flat=True)
        ),
        "page_comments": [
            {"page_id": c.page_id, "text": c.text, "created_at": c.created_at.isoformat()}
            for c in Comment.objects.filter(user=user).order_by("created_at")
        ],
    }


def erase_wagtail(user) -> None:
    from wagtail.models import Page

    for model in _wagtail_models():
        model.objects.filter(user=user).delete()
    Page.objects.filter(locked_by=user).update(locked=False, locked_by=None, locked_at=None)


class _LazyModels:
    """Models resolved on first iteration (the registry is filled before every app is ready)."""

    def __init__(self, loader):
        self.loader = loader

    def __iter__(self):
        return iter(self.loader())


def _allauth_models():
    from allauth.account.models import EmailAddress
    from allauth.mfa.models import Authenticator

    return [EmailAddress, Authenticator]


def _login_identifiers(user) -> set[str]:
    from allauth.account.models import EmailAddress

    addresses = {user.email, *EmailAddress.objects.filter(user=user).values_list("email", flat=True)}
    return {address.lower() for address in addresses if address}


def _login_record_query(user):
    from django.db.models import Q

    query = Q(pk__in=[])
    for address in _login_identifiers(user):
        query |= Q(username__iexact=address)
    return query


def export_login_records(user) -> dict:
    """django-axes' records of logins and failed attempts for the person's addresses (no user FK there)."""
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog

    query = _login_record_query(user)

    def rows(model, time_field):
        return [
            {
                "time": getattr(row, time_field).isoformat() if getattr(row, time_field) else None,
                "ip_address": row.ip_address,
                "user_agent": row.user_agent,
            }
            for row in model.objects.filter(query).order_by(time_field)
        ]

    return {
        "logins": rows(AccessLog, "attempt_time"),
        "failed_attempts": rows(AccessFailureLog, "attempt_time"),
        "lockout_counters": rows(AccessAttempt, "attempt_time"),
    }


def erase_login_records(user) -> None:
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog

    query = _login_record_query(user)
    for model in (AccessLog, AccessFailureLog, AccessAttempt):
        model.objects.filter(query).delete()


def register_third_party_providers() -> None:
    # django-axes keeps e-mail, address and browser of every login; its rows name the person by
    # the address typed, not by a foreign key. They also expire (services.login_records_purge).
    register(PrivacyProvider(label="login_records", export=export_login_records, erase=erase_login_records))
    register(
        PrivacyProvider(
            label="allauth", export=export_allauth, erase=erase_allauth, models=_LazyModels(_allauth_models)
        )
    )
    register(
        PrivacyProvider(
            label="wagtail",
            export=export_wagtail,
            erase=erase_wagtail,
            models=_LazyModels(lambda: [*_wagtail_models(), _page_model()]),
        )
    )


def _page_model():
    from wagtail.models import Page

    return Page  # owner and locked_by: locks are released on erasure, ownership is in EXEMPT below


# Models with a foreign key to the user that no provider erases, and why. The user row itself
# stays (anonymised: no name, no address, unusable password), so these rows point to an account
# that identifies nobody. docs/privacy.md repeats this list.
EXEMPT = {
    "wagtailcore.Revision": "editorial history of pages and snippets; points to the anonymised account",
    "wagtailcore.PageLogEntry": "audit log of page changes; points to the anonymised account",
    "wagtailcore.ModelLogEntry": "audit log of admin changes; points to the anonymised account",
    "wagtailcore.WorkflowState": "moderation history; points to the anonymised account",
    "wagtailcore.TaskState": "moderation history; points to the anonymised account",
    "wagtailcore.Comment": "editors' comments on page drafts belong to the editorial record; anonymised author",
    "wagtailcore.CommentReply": "replies in editors' comment threads; anonymised author",
    "wagtailcore.UploadedFile": "temporary upload of the admin's multiple uploader; anonymised uploader",
    "wagtailimages.Image": "published images stay on pages; only the anonymised uploader is kept",
    "wagtaildocs.Document": "published documents stay on pages; only the anonymised uploader is kept",
}


def exempt_models() -> set[type]:
    from django.apps import apps

    return {apps.get_model(label) for label in EXEMPT}


def covered_models() -> set[type]:
    covered = {get_user_model()}
    for provider in _providers.values():
        covered.update(provider.models)
    return covered
