"""Writes for volunteering. Every refusal is a ValidationError with a Croatian message and saves nothing."""

import datetime
import uuid
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from accounts import services as account_services
from accounts.services import age_on
from certificates.models import CertificateTemplate
from certificates.services import certificate_issue
from kok_learn.names import clean_person_name
from organisations.models import Organisation

from .models import (
    AnnualReportFiling,
    Application,
    Confirmation,
    Contract,
    HourEntry,
    HourEntryChange,
    KeyCompetence,
    OpportunityPage,
    VolunteeringConsent,
    VolunteeringIndexPage,
    VolunteerProfile,
    VulnerableGroupsCheck,
)

CONSENT_SALT = "volunteering.guardian-consent"
ADULT_AGE = 18
MIN_AGE = 15  # below this only "odgoj za volontiranje" (the Act's rules on minors; docs/volunteering.md)

# The Act's contract elements (Art. 27 per volunteer centres' guidance; docs/volunteering.md) with texts the organiser may change before accepting.
DEFAULT_RIGHTS = (
    "Volonter ima pravo na pisanu potvrdu o volontiranju, na upoznavanje s aktivnostima i uvjetima volontiranja, "
    "na odgovarajuću obuku, na naknadu ugovorenih troškova, na zaštitu osobnih podataka i na odbijanje aktivnosti "
    "koje se protive njegovim moralnim ili vjerskim načelima. Volonter je dužan volontirati prema dogovoru, čuvati "
    "povjerljive podatke, poštivati upute organizatora i pravovremeno ga obavijestiti o nemogućnosti volontiranja."
)
DEFAULT_SAFETY = (
    "Organizator upoznaje volontera s mogućim rizicima, osigurava zaštitnu opremu kad je potrebna i uvjete "
    "sigurne za život i zdravlje, u skladu s propisima o zaštiti na radu."
)
DEFAULT_SECURING = (
    "Prava volontera osiguravaju se kroz ovaj ugovor, imenovanu kontakt osobu organizatora i mogućnost prigovora "
    "predsjedniku organizatora; sporovi se rješavaju sporazumno, a ako to nije moguće, pred nadležnim sudom."
)
DEFAULT_TERMINATION = (
    "Ugovor prestaje istekom vremena na koje je sklopljen, sporazumom stranaka ili otkazom bilo koje strane "
    "uz pisanu obavijest; organizator ga može raskinuti bez roka ako volonter teže povrijedi svoje dužnosti."
)


def _refuse(message: str, field: str | None = None):
    raise ValidationError({field: message} if field else message)


def age_today(profile: VolunteerProfile, today: datetime.date | None = None) -> int:
    return age_on(profile.date_of_birth, today or timezone.localdate())


def eligibility_error(*, opportunity: OpportunityPage, profile: VolunteerProfile, today=None) -> str | None:
    """Why this person may not apply, in Croatian, or None (the Act's rules on minors)."""
    age = age_today(profile, today)
    if age < MIN_AGE and not opportunity.volunteering_education:
        return _(
            "Children under 15 may volunteer only in education for volunteering organised by a school or a "
            "social-welfare institution. This opportunity is not one of them."
        )
    if age < ADULT_AGE and opportunity.adults_only:
        return _(
            "Minors may not volunteer where there is increased risk or abroad. This opportunity is for adults only."
        )
    if age < opportunity.minimum_age:
        return _("This opportunity is for people aged %(age)d or more.") % {"age": opportunity.minimum_age}
    return None


@transaction.atomic
def volunteer_profile_save(*, user, date_of_birth, sex, citizenship, county, address, phone="") -> VolunteerProfile:
    profile = VolunteerProfile.objects.filter(user=user).first() or VolunteerProfile(user=user)
    profile.date_of_birth = date_of_birth
    profile.sex = sex
    profile.citizenship = (citizenship or "").strip()
    profile.county = county
    profile.address = (address or "").strip()
    profile.phone = (phone or "").strip()
    profile.full_clean()
    profile.save()
    return profile


# --- Applications and guardians' consent ---------------------------------------------------------


@transaction.atomic
def application_create(
    *,
    user,
    opportunity: OpportunityPage,
    motivation: str = "",
    contract_requested: bool = False,
    competences_wanted: bool = False,
    guardian_name: str = "",
    guardian_email: str = "",
    request=None,
) -> Application:
    """Apply once per opportunity; a repeat (double submit) returns the existing application."""
    guardian_name = clean_person_name(guardian_name)
    existing = Application.objects.filter(volunteer=user, opportunity=opportunity).first()
    if existing is not None:
        return existing
    profile = VolunteerProfile.objects.filter(user=user).first()
    if profile is None:
        _refuse(_("Fill in your volunteer profile first."))
    error = eligibility_error(opportunity=opportunity, profile=profile)
    if error:
        _refuse(error)
    minor = age_today(profile) < ADULT_AGE
    if competences_wanted and not opportunity.long_term:
        _refuse(
            _("A confirmation of competences can be asked for only for long-term volunteering."),
            "competences_wanted",
        )
    if minor and not (guardian_name.strip() and guardian_email.strip()):
        _refuse(
            _(
                "Volunteers under 18 need the written consent of a parent or guardian: give their name and e-mail address."
            )
        )
    application = Application(
        volunteer=user,
        opportunity=opportunity,
        organisation_id=opportunity.organiser_id,
        state=Application.State.AWAITING_CONSENT if minor else Application.State.PENDING,
        motivation=(motivation or "").strip(),
        contract_requested=contract_requested,
        competences_wanted=competences_wanted,
        volunteer_key=profile.key,
        sex=profile.sex,
        birth_year=profile.date_of_birth.year,
        citizenship=profile.citizenship,
        county=profile.county,
        foreign_national=profile.is_foreign_national,
        minor_at_application=minor,
    )
    application.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():
            application.save()
    except IntegrityError:
        return Application.objects.get(volunteer=user, opportunity=opportunity)
    if minor:
        consent = VolunteeringConsent(
            application=application, guardian_name=guardian_name.strip(), guardian_email=guardian_email.strip().lower()
        )
        consent.full_clean()
        consent.save()
        consent_send(consent=consent, request=request)
    return application


# The signed link, its expiry and the voiding of older links are accounts' (accounts.services.consent_link_*).
ConsentLinkInvalid = account_services.ConsentLinkInvalid
ConsentLinkExpired = account_services.ConsentLinkExpired


def consent_token(*, consent: VolunteeringConsent) -> str:
    # As accounts' guardian consent: the send counter is in the token, so a re-sent link voids older ones.
    return account_services.consent_link_token(
        salt=CONSENT_SALT, payload={"c": consent.pk, "a": consent.application_id, "n": consent.times_sent}
    )


def consent_from_token(*, token: str) -> VolunteeringConsent:
    payload, expired = account_services.consent_link_payload(salt=CONSENT_SALT, token=token)
    consent = (
        VolunteeringConsent.objects.select_related("application__opportunity__organiser", "application__volunteer")
        .filter(pk=payload.get("c"), application_id=payload.get("a"))
        .first()
    )
    return account_services.consent_link_check(
        consent=consent, payload=payload, expired=expired, confirmed=consent is not None and bool(consent.confirmed_at)
    )


@transaction.atomic
def consent_send(*, consent: VolunteeringConsent, request=None) -> VolunteeringConsent:
    consent.times_sent += 1
    consent.last_sent_at = timezone.now()
    consent.save(update_fields=["times_sent", "last_sent_at"])
    path = reverse("volunteering:consent", args=[consent_token(consent=consent)])
    link = (
        request.build_absolute_uri(path) if request is not None else settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path
    )
    application = consent.application
    context = {
        "guardian_name": consent.guardian_name,
        "child_name": application.volunteer.get_full_name() if application.volunteer else "",
        "opportunity": application.opportunity.title,
        "organiser": application.opportunity.organiser.name,
        "link": link,
        "valid_days": settings.KOK_GUARDIAN_LINK_MAX_AGE // 86400,
    }
    with translation.override(settings.LANGUAGE_CODE):
        subject = render_to_string("volunteering/email/consent_subject.txt", context).strip()
        body = render_to_string("volunteering/email/consent_message.txt", context)
    email = consent.guardian_email
    transaction.on_commit(lambda: send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [email]))
    return consent


@transaction.atomic
def consent_resend(*, application: Application, request=None) -> VolunteeringConsent:
    """The volunteer (or the parent, from an expired link) asks for a new link: a new e-mail to the same
    parent or guardian; every older link stops working. Only while the consent is still awaited."""
    consent = (
        VolunteeringConsent.objects.select_for_update(of=("self",))
        .select_related("application__opportunity__organiser", "application__volunteer")
        .filter(application=application)
        .first()
    )
    if consent is None or consent.confirmed_at or consent.application.state != Application.State.AWAITING_CONSENT:
        _refuse(_("This application is not waiting for the consent of a parent or guardian."))
    return consent_send(consent=consent, request=request)


@transaction.atomic
def consent_confirm(*, consent: VolunteeringConsent, ip: str | None, user_agent: str) -> VolunteeringConsent:
    consent = (
        VolunteeringConsent.objects.select_for_update(of=("self",)).select_related("application").get(pk=consent.pk)
    )
    if consent.confirmed_at:
        return consent
    consent.confirmed_at = timezone.now()
    consent.confirmed_ip = ip or None
    consent.confirmed_user_agent = (user_agent or "")[:400]
    consent.full_clean()
    consent.save()
    application = consent.application
    if application.state == Application.State.AWAITING_CONSENT:
        application.state = Application.State.PENDING
        application.save(update_fields=["state"])
    return consent


# --- Organiser's decisions ------------------------------------------------------------------------


def _contract_defaults(application: Application) -> dict:
    opportunity = application.opportunity
    return {
        "place": opportunity.place,
        "start_date": max(opportunity.start_date or timezone.localdate(), timezone.localdate()),
        "end_date": opportunity.end_date,
        "activities": opportunity.what_you_will_do,
        "rights_and_duties": DEFAULT_RIGHTS,
        "safety_measures": DEFAULT_SAFETY,
        "securing_rights": DEFAULT_SECURING,
        "termination": DEFAULT_TERMINATION,
    }


@transaction.atomic
def application_accept(*, application: Application, by) -> Application:
    application = (
        Application.objects.select_for_update(of=("self",)).select_related("opportunity").get(pk=application.pk)
    )
    if application.state == Application.State.AWAITING_CONSENT:
        _refuse(_("The application is still waiting for the consent of a parent or guardian."))
    if application.state != Application.State.PENDING:
        return application
    application.state = Application.State.ACCEPTED
    application.decided_at = timezone.now()
    application.decided_by = by
    application.save(update_fields=["state", "decided_at", "decided_by"])
    if application.contract_required and not hasattr(application, "contract"):
        contract = Contract(application=application, **_contract_defaults(application))
        contract.full_clean()
        contract.save()
    if application.opportunity.vulnerable_groups:
        VulnerableGroupsCheck.objects.get_or_create(application=application)
    application.event_note = _register_for_event(application)
    return application


def _register_for_event(application: Application) -> str:
    """An opportunity linked to an event of the programme: the accepted volunteer is registered for it
    as a volunteer (``events.services.volunteer_registration_ensure``: the event's seats and waiting list
    and its approval, not its audience's age limit). Acceptance stands even when the event cannot take
    the registration (already held, unpublished); the coordinator is told why. Returns the note for the
    coordinator, "" when the opportunity has no event."""
    from events.models import RegistrationRole, RegistrationStatus
    from events.services import volunteer_registration_ensure

    event = application.opportunity.event
    if event is None or application.volunteer is None:
        return ""
    try:
        with transaction.atomic():
            # The role before is read under the event's lock (held to the end of the transaction).
            ensured = volunteer_registration_ensure(user=application.volunteer, event=event)
            registration, role_before = ensured.registration, ensured.role_before
            # The person's accepted applications for this event share one registration, so they keep one
            # value: what the registration was before volunteering first touched it.
            others = Application.objects.filter(
                volunteer=application.volunteer, opportunity__event=event, state=Application.State.ACCEPTED
            ).exclude(pk=application.pk)
            if role_before == RegistrationRole.VOLUNTEER:
                # Already a volunteer's: another accepted application made or found it; take what it recorded.
                recorded = next(
                    (role for role in others.values_list("event_role_before", flat=True) if role is not None), None
                )
                role_before = role_before if recorded is None else recorded
            else:
                # A registration volunteering had not touched (new, or the person's own): the others, whose
                # registration was cancelled meanwhile, now share this one.
                others.filter(event_role_before__isnull=False).update(event_role_before=role_before)
            application.event_role_before = role_before
            application.save(update_fields=["event_role_before"])
    except ValidationError as error:
        return _("The volunteer could not be registered for the event %(event)s: %(reason)s") % {
            "event": event.title,
            "reason": " ".join(error.messages),
        }
    if registration.status == RegistrationStatus.WAITLISTED:
        return _(
            "The event %(event)s is full: the volunteer is on its waiting list (place %(position)s) and moves up "
            "automatically when a seat is freed."
        ) % {"event": event.title, "position": registration.waitlist_position}
    if registration.status == RegistrationStatus.PENDING:
        return _("The volunteer's registration for the event %(event)s waits for the event's approval.") % {
            "event": event.title
        }
    return _("The volunteer has been registered for the event %(event)s.") % {"event": event.title}


def _release_event_registration(application: Application, reason: str) -> None:
    """An accepted application ends (declined or withdrawn): the event registration its acceptance created is
    cancelled (``events.services.volunteer_registration_release``: the waiting list moves up); one the
    person had before stays. Nothing changes while another accepted application of theirs needs the event."""
    from events.services import event_lock, volunteer_registration_release

    event = application.opportunity.event
    if event is None or application.volunteer is None or application.event_role_before is None:
        return
    # Under the event's lock: two of the person's applications ending at once see each other's outcome.
    event_lock(event=event)
    if (
        Application.objects.filter(
            volunteer=application.volunteer, state=Application.State.ACCEPTED, opportunity__event=event
        )
        .exclude(pk=application.pk)
        .exists()
    ):
        return
    # Only this application's own value: what the registration was before volunteering touched it (kept
    # in step across the person's accepted applications for the event by ``_register_for_event``).
    volunteer_registration_release(
        user=application.volunteer, event=event, role_before=application.event_role_before, reason=reason
    )


@transaction.atomic
def application_decline(*, application: Application, by, reason: str) -> Application:
    reason = (reason or "").strip()
    if not reason:
        _refuse(_("Give the reason for declining."), "decline_reason")
    application = (
        Application.objects.select_for_update(of=("self",)).select_related("opportunity").get(pk=application.pk)
    )
    if application.state == Application.State.ACCEPTED:
        _release_event_registration(application, _("The volunteering application was declined."))
    application.state = Application.State.DECLINED
    application.decided_at = timezone.now()
    application.decided_by = by
    application.decline_reason = reason[:500]
    application.full_clean(validate_constraints=False)
    application.save()
    return application


@transaction.atomic
def application_withdraw(*, application: Application) -> Application:
    """The volunteer withdraws an application (waiting or accepted); an accepted one gives up the event
    registration its acceptance created. Hours already approved stay in the organiser's reports."""
    application = (
        Application.objects.select_for_update(of=("self",)).select_related("opportunity").get(pk=application.pk)
    )
    if application.state in (Application.State.DECLINED, Application.State.WITHDRAWN):
        _refuse(_("This application has already ended."))
    if application.state == Application.State.ACCEPTED:
        _release_event_registration(application, _("The volunteer withdrew the application."))
    application.state = Application.State.WITHDRAWN
    application.save(update_fields=["state"])
    return application


@transaction.atomic
def contract_accept(*, contract: Contract, by, as_organiser: bool) -> Contract:
    contract = Contract.objects.select_for_update(of=("self",)).select_related("application").get(pk=contract.pk)
    now = timezone.now()
    if as_organiser:
        if contract.organiser_accepted_at is None:
            contract.organiser_accepted_at = now
            contract.organiser_accepted_by = by
    else:
        if contract.application.volunteer_id != by.pk:
            raise PermissionDenied
        if contract.volunteer_accepted_at is None:
            contract.volunteer_accepted_at = now
    contract.save(update_fields=["organiser_accepted_at", "organiser_accepted_by", "volunteer_accepted_at"])
    return contract


@transaction.atomic
def statement_sign(*, application: Application, ip: str | None) -> VulnerableGroupsCheck:
    check, _created = VulnerableGroupsCheck.objects.select_for_update().get_or_create(application=application)
    if check.statement_signed_at is None:
        check.statement_signed_at = timezone.now()
        check.statement_ip = ip or None
        check.save(update_fields=["statement_signed_at", "statement_ip"])
    return check


@transaction.atomic
def criminal_record_seen(*, application: Application, seen_on: datetime.date, by) -> VulnerableGroupsCheck:
    today = timezone.localdate()
    if seen_on > today or seen_on < today - datetime.timedelta(days=365):
        _refuse(_("The date the certificate was seen must be within the last year and not in the future."), "seen_on")
    check, _created = VulnerableGroupsCheck.objects.select_for_update().get_or_create(application=application)
    check.certificate_seen_on = seen_on
    check.certificate_checked_by = by
    check.save(update_fields=["certificate_seen_on", "certificate_checked_by"])
    return check


# --- Hours ------------------------------------------------------------------------------------------


def hours_block_reason(application: Application) -> str | None:
    """Why no hours can be logged under this application yet (None when they can)."""
    if application.state != Application.State.ACCEPTED:
        return _("Hours can be logged only after the organiser has accepted the application.")
    if application.contract_required:
        contract = getattr(application, "contract", None)
        if contract is None or not contract.is_accepted:
            return _("This volunteering needs a contract: hours can be logged once both sides have accepted it.")
    if application.opportunity.vulnerable_groups:
        check = getattr(application, "vulnerable_check", None)
        if check is None or not check.is_complete:
            return _(
                "Work with vulnerable groups starts after your signed statement and the organiser's check of a "
                "criminal-record certificate."
            )
    return None


def _snapshot(entry: HourEntry) -> dict:
    return {
        "date": entry.date.isoformat() if entry.date else None,
        "hours": f"{Decimal(entry.hours):.1f}",
        "activity": entry.activity,
        "note": entry.note,
        "state": entry.state,
        "decline_reason": entry.decline_reason,
    }


def _validate_date(date: datetime.date) -> None:
    today = timezone.localdate()
    if date > today:
        _refuse(_("Hours can be logged only for days that have passed."), "date")
    if date < today - datetime.timedelta(days=730):
        _refuse(_("Hours older than two years can no longer be logged."), "date")


@transaction.atomic
def hours_log(
    *,
    application: Application,
    by,
    date: datetime.date,
    hours: Decimal,
    activity: str,
    note: str = "",
    submission: uuid.UUID | None = None,
) -> HourEntry:
    """A pending entry. The same form submitted twice (same `submission`) creates one entry."""
    if submission is not None:
        existing = HourEntry.objects.filter(submission=submission).first()
        if existing is not None:
            return existing
    reason = hours_block_reason(application)
    if reason:
        _refuse(reason)
    _validate_date(date)
    entry = HourEntry(
        application=application,
        organisation_id=application.organisation_id,
        area=application.opportunity.area,
        activity_type=application.opportunity.activity_type,
        date=date,
        hours=hours,
        activity=(activity or "").strip(),
        note=(note or "").strip(),
        recorded_by=by,
        submission=submission,
    )
    entry.full_clean(validate_unique=False)
    try:
        with transaction.atomic():
            entry.save()
    except IntegrityError:
        return HourEntry.objects.get(submission=submission)
    HourEntryChange.objects.create(entry=entry, changed_by=by, before={}, after=_snapshot(entry))
    return entry


@transaction.atomic
def hours_from_attendance(*, application: Application, by) -> int:
    """Sessions of the opportunity's event that the volunteer attended (registered as a volunteer)
    become pending entries for the coordinator to approve; each attendance once."""
    from events.models import ATTENDED_STATUSES, RegistrationRole
    from events.selectors import past_attendance_for_user

    event_id = application.opportunity.event_id
    if not event_id or application.volunteer is None or application.state != Application.State.ACCEPTED:
        return 0
    known = set(
        HourEntry.objects.filter(application=application)
        .exclude(attendance_id=None)
        .values_list("attendance_id", flat=True)
    )
    created = 0
    for attendance in past_attendance_for_user(user=application.volunteer, limit=1000):
        session = attendance.session
        if (
            session.page_id != event_id
            or attendance.status not in ATTENDED_STATUSES
            or attendance.registration.role != RegistrationRole.VOLUNTEER
            or attendance.pk in known
        ):
            continue
        length = Decimal((session.end - session.start).total_seconds()) / Decimal(3600)
        hours = min(max((length * 2).to_integral_value() / 2, Decimal("0.5")), Decimal("16"))
        entry = HourEntry(
            application=application,
            organisation_id=application.organisation_id,
            area=application.opportunity.area,
            activity_type=application.opportunity.activity_type,
            date=timezone.localtime(session.start).date(),
            hours=hours,
            activity=str(session)[:200],
            note=str(_("From the attendance at the event.")),
            attendance_id=attendance.pk,
            recorded_by=by,
        )
        entry.full_clean(validate_unique=False)
        entry.save()
        HourEntryChange.objects.create(entry=entry, changed_by=by, before={}, after=_snapshot(entry))
        created += 1
    return created


@transaction.atomic
def hours_update(*, entry: HourEntry, by, **changes) -> HourEntry:
    entry = HourEntry.objects.select_for_update().get(pk=entry.pk)
    if entry.state == HourEntry.State.APPROVED:
        _refuse(_("Approved hours can no longer be changed; record a correction as a new entry."))
    before = _snapshot(entry)
    for field in ("date", "hours", "activity", "note"):
        if field in changes:
            setattr(entry, field, changes[field])
    _validate_date(entry.date)
    entry.state = HourEntry.State.PENDING
    entry.full_clean(validate_unique=False)
    entry.save()
    HourEntryChange.objects.create(entry=entry, changed_by=by, before=before, after=_snapshot(entry))
    return entry


@transaction.atomic
def hours_delete(*, entry: HourEntry, by) -> None:
    entry = HourEntry.objects.select_for_update().get(pk=entry.pk)
    if entry.state == HourEntry.State.APPROVED:
        _refuse(_("Approved hours can no longer be deleted; record a correction as a new entry."))
    entry.delete()


@transaction.atomic
def hours_decide(*, entry: HourEntry, by, approve: bool, reason: str = "") -> HourEntry:
    entry = HourEntry.objects.select_for_update().get(pk=entry.pk)
    if entry.state != HourEntry.State.PENDING:
        return entry
    reason = (reason or "").strip()
    if not approve and not reason:
        _refuse(_("Give the reason for declining the hours."), "decline_reason")
    before = _snapshot(entry)
    entry.state = HourEntry.State.APPROVED if approve else HourEntry.State.DECLINED
    entry.decline_reason = "" if approve else reason[:500]
    entry.decided_by = by
    entry.decided_at = timezone.now()
    entry.save(update_fields=["state", "decline_reason", "decided_by", "decided_at"])
    HourEntryChange.objects.create(entry=entry, changed_by=by, before=before, after=_snapshot(entry))
    return entry


@transaction.atomic
def hours_approve_many(*, entries, by) -> int:
    count = 0
    for entry in entries:
        if entry.state == HourEntry.State.PENDING:
            hours_decide(entry=entry, by=by, approve=True)
            count += 1
    return count


# --- Confirmations -----------------------------------------------------------------------------------


def _template(kind: str) -> CertificateTemplate:
    if kind == Confirmation.Kind.COMPETENCES:
        name, heading = "Potvrda o kompetencijama stečenim volontiranjem", "Potvrda o kompetencijama"
        body = "stekao/la je volontiranjem u organizaciji {izdavatelj} kompetencije: {naziv}."
    else:
        name, heading = "Potvrda o volontiranju", "Potvrda o volontiranju"
        body = "volontirao/la je u organizaciji {izdavatelj}: {naziv}, ukupno {sati} odobrenog volonterskog rada."
    template, _created = CertificateTemplate.objects.get_or_create(
        name=name, defaults={"heading": heading, "intro": "Ovu potvrdu dobiva", "body": body}
    )
    return template


@transaction.atomic
def confirmation_request(
    *, application: Application, kind: str, period_start: datetime.date, period_end: datetime.date
) -> Confirmation:
    if period_end < period_start:
        _refuse(_("The end of the period cannot be before its start."), "period_end")
    if period_end > timezone.localdate() or period_start < datetime.date(2000, 1, 1):
        _refuse(_("The period must lie in the past."), "period_end")
    if kind == Confirmation.Kind.COMPETENCES and not (
        application.competences_wanted and application.opportunity.long_term
    ):
        _refuse(
            _(
                "A confirmation of competences is issued only for long-term volunteering whose volunteer asked for it "
                "when applying; it cannot be asked for later."
            )
        )
    if application.state != Application.State.ACCEPTED:
        _refuse(_("A confirmation can be asked for only under an accepted application."))
    confirmation, _created = Confirmation.objects.get_or_create(
        application=application, kind=kind, period_start=period_start, period_end=period_end
    )
    return confirmation


def approved_hours(*, application: Application, start: datetime.date, end: datetime.date) -> Decimal:
    from django.db.models import Sum

    total = HourEntry.objects.filter(
        application=application, state=HourEntry.State.APPROVED, date__gte=start, date__lte=end
    ).aggregate(total=Sum("hours"))["total"]
    return total or Decimal("0")


def _issuer(organisation: Organisation) -> str:
    parts = [organisation.name, f"OIB {organisation.oib}"]
    if organisation.address:
        parts.append(organisation.address)
    return ", ".join(parts)[:200]


@transaction.atomic
def confirmation_issue(*, confirmation: Confirmation, by, competences: dict | None = None) -> Confirmation:
    confirmation = (
        Confirmation.objects.select_for_update(of=("self",))
        .select_related("application__opportunity", "application__organisation", "application__volunteer")
        .get(pk=confirmation.pk)
    )
    if confirmation.certificate_id:
        return confirmation
    application = confirmation.application
    if application.volunteer is None:
        _refuse(_("The volunteer has deleted their account; no confirmation can be issued."))
    hours = approved_hours(application=application, start=confirmation.period_start, end=confirmation.period_end)
    period = f"{confirmation.period_start:%d.%m.%Y.} – {confirmation.period_end:%d.%m.%Y.}"
    if confirmation.kind == Confirmation.Kind.COMPETENCES:
        competences = {
            k: (v or "").strip()[:1000]
            for k, v in (competences or confirmation.competences).items()
            if (v or "").strip()
        }
        valid = set(KeyCompetence.values)
        if not competences or not set(competences) <= valid:
            _refuse(_("Describe at least one of the key competences the volunteer showed."))
        confirmation.competences = competences
        names = ", ".join(str(KeyCompetence(key).label) for key in competences)
        title = f"{application.opportunity.title} ({period}): {names}"
    else:
        if hours <= 0:
            _refuse(_("There are no approved hours in this period; a confirmation cannot be issued."))
        title = f"{application.opportunity.title}, {period}"
    subject = f"volunteering:{application.volunteer_id}:{application.organisation_id}:{confirmation.period_start:%Y%m%d}-{confirmation.period_end:%Y%m%d}"
    if confirmation.kind == Confirmation.Kind.COMPETENCES:
        subject = subject.replace("volunteering:", "volunteering-competences:", 1)
    details = None
    if confirmation.kind == Confirmation.Kind.COMPETENCES:
        # Each filled competence with what the volunteer showed, in the order of the Recommendation.
        with translation.override(settings.LANGUAGE_CODE):
            details = {
                "heading": _("Competences gained through volunteering"),
                "items": [
                    {"label": str(label), "text": confirmation.competences[key]}
                    for key, label in KeyCompetence.choices
                    if confirmation.competences.get(key)
                ],
            }
    certificate = certificate_issue(
        recipient=application.volunteer,
        subject_key=subject,
        title=title,
        hours=hours,
        template=_template(confirmation.kind),
        issuer=_issuer(application.organisation),
        details=details,
    )
    confirmation.certificate = certificate
    confirmation.issued_by = by
    confirmation.save(update_fields=["certificate", "issued_by", "competences"])
    return confirmation


# --- Annual report -----------------------------------------------------------------------------------


@transaction.atomic
def annual_report_mark_filed(*, organisation: Organisation, year: int, by) -> AnnualReportFiling:
    filing, _created = AnnualReportFiling.objects.get_or_create(
        organisation=organisation, year=year, defaults={"filed_by": by}
    )
    return filing


# Site set-up -----------------------------------------------------------------------------------


def opportunities_index_setup(*, home, log=None) -> VolunteeringIndexPage | None:
    """The volunteering opportunities (/volontiranje/) under the home page; idempotent.

    Called by `manage.py setup_site` through the ``kok_setup_site`` hook (volunteering/wagtail_hooks.py).
    """
    index = VolunteeringIndexPage.objects.first()
    if index is None and home is not None:
        with transaction.atomic():
            index = VolunteeringIndexPage(
                title="Volontiranje",
                slug="volontiranje",
                intro="Pomozite u svojoj zajednici: prilike za volontiranje kod udruga u našoj općini.",
                show_in_menus=True,
            )
            home.add_child(instance=index)
            index.save_revision().publish()
        if log:
            log("Created the volunteering opportunities at /volontiranje/")
    return index
