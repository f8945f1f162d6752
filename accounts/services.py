"""Writes for accounts: minors' guardian consent, profile, personal-data export and erasure."""

import datetime
import logging

from django.conf import settings
from django.contrib.sessions.models import Session
from django.core import signing
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from . import privacy
from .models import GuardianConsent, User

logger = logging.getLogger(__name__)

CONSENT_SALT = "accounts.guardian-consent"


class ConsentLinkInvalid(Exception):
    """The link was tampered with or does not belong to a pending consent."""


class ConsentLinkExpired(Exception):
    """The link is genuine but older than KOK_GUARDIAN_LINK_MAX_AGE; it carries the consent for a re-send."""

    def __init__(self, consent: GuardianConsent):
        super().__init__("expired")
        self.consent = consent


def age_on(date_of_birth: datetime.date, today: datetime.date) -> int:
    """Full years between the birth date and ``today``."""
    before_birthday = (today.month, today.day) < (date_of_birth.month, date_of_birth.day)
    return today.year - date_of_birth.year - before_birthday


def needs_guardian_consent(date_of_birth: datetime.date | None, *, today: datetime.date | None = None) -> bool:
    if date_of_birth is None:
        return False
    return age_on(date_of_birth, today or timezone.localdate()) < settings.KOK_DIGITAL_CONSENT_AGE


# --- Guardian consent ---------------------------------------------------------------------------


# Signed consent links, shared with other consents to a minor's activity (volunteering's guardian consent):
# the payload names the consent and carries its send counter ("n"), so re-sending a link voids the older
# ones; a link older than KOK_GUARDIAN_LINK_MAX_AGE is "expired" (genuine, offers a re-send), anything
# else that does not verify is "invalid".


def consent_link_token(*, salt: str, payload: dict) -> str:
    return signing.TimestampSigner(salt=salt).sign_object(payload)


def consent_link_payload(*, salt: str, token: str) -> tuple[dict, bool]:
    """``(payload, expired)`` of a genuine link; raises ConsentLinkInvalid otherwise."""
    signer = signing.TimestampSigner(salt=salt)
    try:
        payload = signer.unsign_object(token, max_age=settings.KOK_GUARDIAN_LINK_MAX_AGE)
        expired = False
    except signing.SignatureExpired:
        payload = signer.unsign_object(token)  # genuine, only too old
        expired = True
    except signing.BadSignature as error:
        raise ConsentLinkInvalid from error
    if not isinstance(payload, dict):
        raise ConsentLinkInvalid
    return payload, expired


def consent_link_check(*, consent, payload: dict, expired: bool, confirmed: bool):
    """The consent a link's payload names, if the link is its latest; raises ConsentLinkInvalid for an older
    (voided) or unknown one and ConsentLinkExpired for an expired link of a consent still pending."""
    if consent is None or consent.times_sent != payload.get("n"):
        raise ConsentLinkInvalid
    if expired and not confirmed:
        raise ConsentLinkExpired(consent)
    return consent


def guardian_consent_token(*, consent: GuardianConsent) -> str:
    # The send counter is part of the token: re-sending a link makes the older links useless.
    return consent_link_token(
        salt=CONSENT_SALT, payload={"c": consent.pk, "u": consent.user_id, "n": consent.times_sent}
    )


def guardian_consent_from_token(*, token: str) -> GuardianConsent:
    """The pending consent a link is for. Raises ConsentLinkInvalid or ConsentLinkExpired."""
    payload, expired = consent_link_payload(salt=CONSENT_SALT, token=token)
    consent = (
        GuardianConsent.objects.select_related("user").filter(pk=payload.get("c"), user_id=payload.get("u")).first()
    )
    return consent_link_check(
        consent=consent, payload=payload, expired=expired, confirmed=consent is not None and consent.is_confirmed
    )


def _absolute_url(path: str, request=None) -> str:
    if request is not None:
        return request.build_absolute_uri(path)
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


@transaction.atomic
def guardian_consent_send(*, consent: GuardianConsent, request=None) -> GuardianConsent:
    """E-mail the guardian a new confirmation link (older links stop working)."""
    consent.times_sent += 1
    consent.last_sent_at = timezone.now()
    consent.full_clean()
    consent.save(update_fields=["times_sent", "last_sent_at"])
    token = guardian_consent_token(consent=consent)
    context = {
        "child_name": consent.user.get_full_name() or consent.user.email,
        "child_email": consent.user.email,
        "link": _absolute_url(reverse("accounts:guardian_consent", args=[token]), request),
        "valid_days": settings.KOK_GUARDIAN_LINK_MAX_AGE // 86400,
    }
    with translation.override(settings.LANGUAGE_CODE):
        subject = render_to_string("accounts/email/guardian_consent_subject.txt", context).strip()
        body = render_to_string("accounts/email/guardian_consent_message.txt", context)
    transaction.on_commit(
        lambda: send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [consent.guardian_email], fail_silently=False)
    )
    return consent


@transaction.atomic
def guardian_consent_request(*, user: User, guardian_email: str, request=None) -> GuardianConsent:
    """Record that ``user`` is a minor waiting for consent, deactivate the account and mail the guardian."""
    consent = GuardianConsent(
        user=user, guardian_email=guardian_email.strip().lower(), child_date_of_birth=user.date_of_birth
    )
    consent.full_clean()
    consent.save()
    if user.is_active:
        user.is_active = False
        user.save(update_fields=["is_active"])
    return guardian_consent_send(consent=consent, request=request)


@transaction.atomic
def guardian_consent_prepare(*, user: User, guardian_email: str) -> GuardianConsent:
    """At sign-up: note the guardian's address; nobody is mailed until the minor verifies their own
    address (guardian_consent_after_verification), so a sign-up with someone else's address mails
    no guardian and the answer is the same as for every sign-up."""
    consent = GuardianConsent(
        user=user, guardian_email=guardian_email.strip().lower(), child_date_of_birth=user.date_of_birth
    )
    consent.full_clean()
    consent.save()
    return consent


@transaction.atomic
def guardian_consent_after_verification(*, user: User, request=None) -> GuardianConsent | None:
    """The minor has verified their own address: the account waits for the guardian, who is mailed now."""
    consent = GuardianConsent.objects.filter(user=user, confirmed_at__isnull=True, times_sent=0).first()
    if consent is None:
        return None
    if user.is_active:
        user.is_active = False
        user.save(update_fields=["is_active"])
    return guardian_consent_send(consent=consent, request=request)


def pending_minor_release(*, email: str) -> int:
    """Delete sign-ups of minors for ``email`` whose own address was never verified.

    Such an account proves nothing about who owns the address, so it must not keep the owner from
    signing up or resetting a password: the owner's sign-up or reset replaces it.
    """
    users = (
        User.objects.filter(email__iexact=email, guardian_consent__confirmed_at__isnull=True)
        .exclude(emailaddress__verified=True)
        .distinct()
    )
    count = 0
    for user in users:
        account_erase(user=user, delete=True)
        count += 1
    return count


@transaction.atomic
def guardian_consent_confirm(*, consent: GuardianConsent, ip: str | None, user_agent: str) -> GuardianConsent:
    """The guardian agreed: record who, when and how, and activate the child's account."""
    consent = GuardianConsent.objects.select_for_update().select_related("user").get(pk=consent.pk)
    if consent.is_confirmed:
        return consent
    consent.confirmed_at = timezone.now()
    consent.method = GuardianConsent.Method.EMAIL_LINK
    consent.confirmed_ip = ip or None
    consent.confirmed_user_agent = (user_agent or "")[:400]
    consent.full_clean()
    consent.save()
    user = consent.user
    user.is_active = True
    user.save(update_fields=["is_active"])
    return consent


@transaction.atomic
def unconfirmed_minors_purge(*, now: datetime.datetime | None = None, days: int | None = None) -> int:
    """Delete accounts of minors whose guardian has not confirmed within ``days`` (default 30)."""
    days = settings.KOK_UNCONFIRMED_MINOR_RETENTION_DAYS if days is None else days
    cutoff = (now or timezone.now()) - datetime.timedelta(days=days)
    # Inactive (waiting for the guardian) or never verified their own address (still active).
    users = User.objects.filter(
        guardian_consent__confirmed_at__isnull=True,
        guardian_consent__requested_at__lt=cutoff,
    )
    count = 0
    for user in users:
        account_erase(user=user, delete=True)
        count += 1
    return count


def login_records_purge(*, now: datetime.datetime | None = None, days: int | None = None) -> int:
    """Delete django-axes' login records older than ``days`` (KOK_LOGIN_RECORD_RETENTION_DAYS)."""
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog

    days = settings.KOK_LOGIN_RECORD_RETENTION_DAYS if days is None else days
    cutoff = (now or timezone.now()) - datetime.timedelta(days=days)
    count = 0
    for model in (AccessLog, AccessFailureLog, AccessAttempt):
        deleted, _per_model = model.objects.filter(attempt_time__lt=cutoff).delete()
        count += deleted
    return count


# --- Personal data --------------------------------------------------------------------------------


def personal_data_export(*, user: User) -> dict:
    """Everything every app holds about ``user``, keyed by provider label."""
    data = {
        "generated_at": timezone.now().isoformat(),
        "account": user.email,
    }
    for provider in privacy.providers():
        data[provider.label] = provider.export(user)
    return data


def _providers_in_erase_order() -> list[privacy.PrivacyProvider]:
    # The account itself goes last: other providers may still need the user's data while erasing.
    providers = privacy.providers()
    first = [p for p in providers if p.erase_first and p.label != "accounts"]
    rest = [p for p in providers if not p.erase_first and p.label != "accounts"]
    return first + rest + [p for p in providers if p.label == "accounts"]


@transaction.atomic
def account_erase(*, user: User, delete: bool = False) -> None:
    """Erase or anonymise ``user`` through every provider and end all of their sessions.

    ``delete=True`` removes the user row afterwards (used for never-activated minors' accounts,
    which hold nothing worth keeping).
    """
    user_pk = user.pk
    for provider in _providers_in_erase_order():
        provider.erase(user)
    _end_sessions(user_pk)
    if delete:
        User.objects.filter(pk=user_pk).delete()
    logger.info("Account %s erased (%s)", user_pk, "deleted" if delete else "anonymised")


def _end_sessions(user_pk: int) -> None:
    """Delete the database sessions that belong to the user (others' sessions are untouched)."""
    for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator():
        if str(session.get_decoded().get("_auth_user_id")) == str(user_pk):
            session.delete()
