"""Writes for mentoring: pairings and their state machine, agreements, goals, meetings, assessments.

Every function is keyword-only, validates with ``full_clean()`` and runs in a transaction, so a
rejected input leaves nothing saved half-way.
"""

import datetime
from collections.abc import Iterable, Mapping
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import (
    Assessment,
    AssessmentScore,
    CapacityStatement,
    Goal,
    Meeting,
    MentoringAgreement,
    Organisation,
    OrganisationMembership,
    Pairing,
    Programme,
    Task,
    hours_from_minutes,
)
from .permissions import is_mentee_side, is_mentor_side

# --- pairings -------------------------------------------------------------------------------


@transaction.atomic
def pairing_create(
    *,
    programme: Programme,
    mentor_organisation: Organisation,
    mentee_organisation: Organisation,
    mentors: Iterable = (),
    start_date: datetime.date,
    end_date: datetime.date | None = None,
    state: str = Pairing.State.PROPOSED,
) -> Pairing:
    pairing = Pairing(
        programme=programme,
        mentor_organisation=mentor_organisation,
        mentee_organisation=mentee_organisation,
        start_date=start_date,
        end_date=end_date,
        state=state,
    )
    pairing.full_clean()
    pairing.save()
    pairing.mentors.set(list(mentors))
    return pairing


def _transition_error(pairing: Pairing, to_state: str) -> ValidationError:
    return ValidationError(
        _("A pairing that is “%(current)s” cannot become “%(target)s”.")
        % {"current": pairing.get_state_display(), "target": Pairing.State(to_state).label},
        code="transition_not_allowed",
    )


@transaction.atomic
def pairing_transition(*, pairing: Pairing, to_state: str, by=None, reason: str = "") -> Pairing:
    """Move a pairing to another state, if the state machine allows it."""
    pairing = Pairing.objects.select_for_update().get(pk=pairing.pk)
    if to_state not in Pairing.State.values or to_state not in pairing.allowed_transitions():
        raise _transition_error(pairing, to_state if to_state in Pairing.State.values else pairing.state)
    reason = (reason or "").strip()
    if to_state == Pairing.State.ENDED_EARLY and not reason:
        raise ValidationError(
            {"closure_reason": _("Please give the reason for ending the pairing early.")}, code="reason_required"
        )
    pairing.state = to_state
    pairing.state_changed_at = timezone.now()
    if to_state == Pairing.State.ENDED_EARLY:
        pairing.closure_reason = reason
    if to_state in Pairing.CLOSED_STATES and not pairing.end_date:
        pairing.end_date = max(timezone.localdate(), pairing.start_date)
    pairing.full_clean()
    pairing.save()
    if to_state == Pairing.State.COMPLETED:
        _issue_certificates(pairing)
    return pairing


def pairing_complete(*, pairing: Pairing, by=None) -> Pairing:
    return pairing_transition(pairing=pairing, to_state=Pairing.State.COMPLETED, by=by)


def pairing_hours(*, pairing: Pairing) -> Decimal:
    minutes = (
        Meeting.objects.filter(pairing=pairing, planned=False).aggregate(total=Sum("duration_minutes"))["total"] or 0
    )
    return hours_from_minutes(minutes)


def _issue_certificates(pairing: Pairing) -> None:
    """Every member of the mentee organisation gets a certificate for the completed programme."""
    from certificates.services import certificate_issue  # imported lazily: certificates knows no pairing

    hours = pairing_hours(pairing=pairing)
    programme = pairing.programme
    memberships = OrganisationMembership.objects.filter(organisation=pairing.mentee_organisation).select_related("user")
    for membership in memberships:
        if not membership.user.is_active:
            continue
        certificate_issue(
            recipient=membership.user,
            subject_key=f"pairing:{pairing.pk}",
            title=programme.name,
            hours=hours,
            template=programme.certificate_template,
            issuer=pairing.mentor_organisation.name,
            # The Open Badges credential: one achievement per programme (it has no public page).
            achievement_url=f"urn:kok:mentoring-programme:{programme.pk}",
            achievement_description=programme.description,
            criteria_narrative=programme.description,
        )


# --- agreement --------------------------------------------------------------------------------


@transaction.atomic
def agreement_save(*, pairing: Pairing, goals: str, meeting_frequency: str) -> MentoringAgreement:
    """Create or change the agreement; a change needs both sides to accept it again."""
    agreement = MentoringAgreement.objects.filter(pairing=pairing).first() or MentoringAgreement(pairing=pairing)
    changed = agreement.goals != goals or agreement.meeting_frequency != meeting_frequency
    agreement.goals = goals
    agreement.meeting_frequency = meeting_frequency
    if changed and agreement.pk:
        agreement.accepted_by_mentor_at = agreement.accepted_by_mentee_at = None
        agreement.accepted_by_mentor = agreement.accepted_by_mentee = None
    agreement.full_clean()
    agreement.save()
    return agreement


@transaction.atomic
def agreement_accept(*, agreement: MentoringAgreement, user) -> MentoringAgreement:
    """Record that the user's side (mentor or mentee organisation) accepts the agreement."""
    now = timezone.now()
    pairing = agreement.pairing
    if is_mentor_side(user, pairing):
        agreement.accepted_by_mentor_at, agreement.accepted_by_mentor = now, user
    elif is_mentee_side(user, pairing):
        agreement.accepted_by_mentee_at, agreement.accepted_by_mentee = now, user
    else:
        raise PermissionDenied(_("Only the mentor or the mentee organisation can accept the agreement."))
    agreement.save()
    return agreement


# --- goals and tasks ------------------------------------------------------------------------


@transaction.atomic
def goal_create(
    *,
    pairing: Pairing,
    title: str,
    description: str = "",
    due_date: datetime.date | None = None,
    capacity_area=None,
    manual_progress: int | None = None,
) -> Goal:
    goal = Goal(
        pairing=pairing,
        title=title,
        description=description,
        due_date=due_date,
        capacity_area=capacity_area,
        manual_progress=manual_progress,
        sort_order=pairing.goals.count(),
    )
    goal.full_clean()
    goal.save()
    return goal


@transaction.atomic
def goal_progress_set(*, goal: Goal, progress: int | None) -> Goal:
    """Set progress by hand (0–100), or ``None`` to go back to progress from tasks."""
    goal.manual_progress = progress
    goal.full_clean()
    goal.save(update_fields=["manual_progress"])
    return goal


@transaction.atomic
def task_create(
    *, goal: Goal, title: str, due_date: datetime.date | None = None, is_milestone: bool = False, done: bool = False
) -> Task:
    task = Task(goal=goal, title=title, due_date=due_date, is_milestone=is_milestone, done=done)
    if done:
        task.done_at = timezone.now()
    task.full_clean()
    task.save()
    return task


@transaction.atomic
def task_set_done(*, task: Task, done: bool) -> Task:
    task.done = done
    task.done_at = timezone.now() if done else None
    task.save(update_fields=["done", "done_at"])
    return task


# --- meetings -------------------------------------------------------------------------------

MEETING_FIELDS = ("starts_at", "duration_minutes", "format", "planned", "location", "topics", "notes", "next_steps")


def _check_pairing_open(pairing: Pairing) -> None:
    if not pairing.is_open:
        raise ValidationError(
            _("This pairing is closed (%(state)s): meetings can no longer be logged or changed.")
            % {"state": pairing.get_state_display()},
            code="pairing_closed",
        )


def _check_attendees(pairing: Pairing, attendees) -> list:
    attendees = list(attendees)
    allowed = set(pairing.mentors.values_list("pk", flat=True)) | set(
        OrganisationMembership.objects.filter(
            organisation_id__in=[pairing.mentor_organisation_id, pairing.mentee_organisation_id]
        ).values_list("user_id", flat=True)
    )
    strangers = [person for person in attendees if person.pk not in allowed]
    if strangers:
        raise ValidationError(
            {"attendees": _("Attendees must be mentors or members of the two organisations in this pairing.")},
            code="attendee_not_in_pairing",
        )
    return attendees


@transaction.atomic
def meeting_log(*, pairing: Pairing, by, attendees: Iterable = (), **fields) -> Meeting:
    """Log a meeting that took place (or plan one with ``planned=True``)."""
    pairing = Pairing.objects.select_for_update().get(pk=pairing.pk)
    _check_pairing_open(pairing)
    unknown = set(fields) - set(MEETING_FIELDS)
    if unknown:
        raise TypeError(f"Unknown meeting fields: {sorted(unknown)}")
    meeting = Meeting(pairing=pairing, recorded_by=by, **fields)
    meeting.full_clean()
    attendees = _check_attendees(pairing, attendees)
    meeting.save()
    meeting.attendees.set(attendees)
    return meeting


@transaction.atomic
def meeting_update(*, meeting: Meeting, by, attendees: Iterable | None = None, **fields) -> Meeting:
    pairing = Pairing.objects.select_for_update().get(pk=meeting.pairing_id)
    _check_pairing_open(pairing)
    unknown = set(fields) - set(MEETING_FIELDS)
    if unknown:
        raise TypeError(f"Unknown meeting fields: {sorted(unknown)}")
    changed = False
    for name, value in fields.items():
        if getattr(meeting, name) != value:
            setattr(meeting, name, value)
            changed = True
    if changed and meeting.confirmed_at:
        # The mentee side confirmed what the record said before; a changed record needs confirming again.
        meeting.confirmed_at = None
        meeting.confirmed_by = None
    meeting.full_clean()
    if attendees is not None:
        attendees = _check_attendees(pairing, attendees)
    meeting.save()
    if attendees is not None:
        meeting.attendees.set(attendees)
    return meeting


@transaction.atomic
def meeting_confirm(*, meeting: Meeting, by) -> Meeting:
    """The mentee organisation confirms that the meeting took place as recorded."""
    if not is_mentee_side(by, meeting.pairing):
        raise PermissionDenied(_("Only a member of the mentee organisation can confirm a meeting."))
    if meeting.planned:
        raise ValidationError(_("A planned meeting cannot be confirmed before it takes place."), code="planned")
    meeting.confirmed_at = timezone.now()
    meeting.confirmed_by = by
    meeting.save(update_fields=["confirmed_at", "confirmed_by"])
    return meeting


# --- assessments ----------------------------------------------------------------------------


@transaction.atomic
def assessment_submit(
    *,
    organisation: Organisation,
    round: str,
    date: datetime.date,
    scores: Mapping[int, tuple[int, str]],
    by=None,
    pairing: Pairing | None = None,
    instrument=None,
) -> Assessment:
    """Save a complete assessment: one score 1–5 (and an optional evidence note) per statement.

    ``scores`` maps a statement id to ``(score, evidence)``. Every statement of the instrument
    must be scored; anything wrong raises ``ValidationError`` and nothing is saved.
    """
    if instrument is None:
        instrument = pairing.programme.get_instrument() if pairing else None
    if instrument is None:
        from .models import CapacityInstrument

        instrument = CapacityInstrument.default()
    if pairing is not None and pairing.mentee_organisation_id != organisation.pk:
        raise ValidationError(_("The assessment must be of the mentee organisation of this pairing."))
    if pairing is not None and Assessment.objects.filter(pairing=pairing, round=round).exists():
        raise ValidationError(
            {"round": _("This pairing already has a %(round)s assessment.") % {"round": Assessment.Round(round).label}},
            code="round_exists",
        )
    assessment = Assessment(
        organisation=organisation, pairing=pairing, instrument=instrument, round=round, date=date, assessed_by=by
    )
    assessment.full_clean()
    statements = {s.pk: s for s in CapacityStatement.objects.filter(area__instrument=instrument)}
    missing = set(statements) - {int(pk) for pk in scores}
    if missing:
        raise ValidationError(_("Please score every statement (%(count)s are missing).") % {"count": len(missing)})
    rows = []
    errors = []
    for statement_id, (score, evidence) in scores.items():
        statement = statements.get(int(statement_id))
        if statement is None:
            raise ValidationError(_("A score refers to a statement that is not part of this instrument."))
        try:
            value = int(score)
        except (TypeError, ValueError):
            value = 0
        if not 1 <= value <= 5:
            errors.append(_("“%(statement)s”: the score must be between 1 and 5.") % {"statement": statement.text})
            continue
        rows.append(AssessmentScore(statement=statement, score=value, evidence=(evidence or "").strip()))
    if errors:
        raise ValidationError(errors)
    assessment.save()
    for row in rows:
        row.assessment = assessment
    AssessmentScore.objects.bulk_create(rows)
    return assessment
