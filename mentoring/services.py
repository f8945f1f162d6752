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
from .permissions import can_manage, can_take_part, is_mentee_side, is_mentor_side

# --- the one check of every write -------------------------------------------------------------


def pairing_check_writable(*, pairing: Pairing, by, manage: bool = True) -> None:
    """Every write on a pairing goes through here: the pairing is open (not completed or ended
    early) and ``by`` may write — ``manage`` (mentors, coordinators) or, with ``manage=False``,
    take part (also the members of the mentee organisation).

    Raises ``PermissionDenied`` for a person without the right and a Croatian ``ValidationError``
    for a closed pairing.
    """
    allowed = can_manage if manage else can_take_part
    if by is None or not allowed(by, pairing):
        raise PermissionDenied(_("You cannot change this mentoring pair."))
    if not pairing.is_open:
        raise ValidationError(
            _("This pairing is closed (%(state)s): it can no longer be changed.")
            % {"state": pairing.get_state_display()},
            code="pairing_closed",
        )


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
def pairing_transition(*, pairing: Pairing, to_state: str, by, reason: str = "") -> Pairing:
    """Move a pairing to another state, if the state machine allows it and ``by`` manages the pairing."""
    pairing = Pairing.objects.select_for_update().get(pk=pairing.pk)
    if not can_manage(by, pairing):
        raise PermissionDenied(_("You cannot change this mentoring pair."))
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


def pairing_complete(*, pairing: Pairing, by) -> Pairing:
    return pairing_transition(pairing=pairing, to_state=Pairing.State.COMPLETED, by=by)


def pairing_hours(*, pairing: Pairing) -> Decimal:
    """Mentoring hours of a pairing: only meetings that took place and that the other side confirmed."""
    minutes = (
        Meeting.objects.filter(Meeting.COUNTED, pairing=pairing).aggregate(total=Sum("duration_minutes"))["total"] or 0
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
def agreement_save(*, pairing: Pairing, by, goals: str, meeting_frequency: str) -> MentoringAgreement:
    """Create or change the agreement; a change needs both sides to accept it again."""
    pairing_check_writable(pairing=pairing, by=by)
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
    pairing_check_writable(pairing=pairing, by=user, manage=False)
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
    by,
    title: str,
    description: str = "",
    due_date: datetime.date | None = None,
    capacity_area=None,
    manual_progress: int | None = None,
) -> Goal:
    pairing_check_writable(pairing=pairing, by=by)
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
def goal_progress_set(*, goal: Goal, by, progress: int | None) -> Goal:
    """Set progress by hand (0–100), or ``None`` to go back to progress from tasks."""
    pairing_check_writable(pairing=goal.pairing, by=by)
    goal.manual_progress = progress
    goal.full_clean()
    goal.save(update_fields=["manual_progress"])
    return goal


@transaction.atomic
def task_create(
    *,
    goal: Goal,
    by,
    title: str,
    due_date: datetime.date | None = None,
    is_milestone: bool = False,
    done: bool = False,
) -> Task:
    pairing_check_writable(pairing=goal.pairing, by=by)
    task = Task(goal=goal, title=title, due_date=due_date, is_milestone=is_milestone, done=done)
    if done:
        task.done_at = timezone.now()
    task.full_clean()
    task.save()
    return task


@transaction.atomic
def task_set_done(*, task: Task, by, done: bool) -> Task:
    """Mark a task done or not done: anyone who takes part in the pairing, while it is open."""
    pairing_check_writable(pairing=task.goal.pairing, by=by, manage=False)
    task.done = done
    task.done_at = timezone.now() if done else None
    task.save(update_fields=["done", "done_at"])
    return task


# --- meetings -------------------------------------------------------------------------------

MEETING_FIELDS = ("starts_at", "duration_minutes", "format", "planned", "location", "topics", "notes", "next_steps")


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
    pairing_check_writable(pairing=pairing, by=by, manage=False)
    unknown = set(fields) - set(MEETING_FIELDS)
    if unknown:
        raise TypeError(f"Unknown meeting fields: {sorted(unknown)}")
    meeting = Meeting(pairing=pairing, recorded_by=by, changed_by=by, **fields)
    meeting.full_clean()
    attendees = _check_attendees(pairing, attendees)
    meeting.save()
    meeting.attendees.set(attendees)
    return meeting


@transaction.atomic
def meeting_update(*, meeting: Meeting, by, attendees: Iterable | None = None, **fields) -> Meeting:
    pairing = Pairing.objects.select_for_update().get(pk=meeting.pairing_id)
    pairing_check_writable(pairing=pairing, by=by, manage=False)
    # Changes go onto the stored record, never onto a stale copy (that would drop a confirmation).
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    unknown = set(fields) - set(MEETING_FIELDS)
    if unknown:
        raise TypeError(f"Unknown meeting fields: {sorted(unknown)}")
    changed = False
    for name, value in fields.items():
        if getattr(meeting, name) != value:
            setattr(meeting, name, value)
            changed = True
    if attendees is not None:
        attendees = _check_attendees(pairing, attendees)
        if {person.pk for person in attendees} != set(meeting.attendees.values_list("pk", flat=True)):
            changed = True
    if changed:
        # Whoever changes the record is its author now: the other side has to confirm it (again).
        meeting.changed_by = by
        meeting.confirmed_at = None
        meeting.confirmed_by = None
    meeting.full_clean()
    meeting.save()
    if attendees is not None:
        meeting.attendees.set(attendees)
    return meeting


def pairing_sides(*, pairing: Pairing) -> dict[str, set[int]]:
    """The people of each side of a pairing (two queries, for a whole meeting log)."""
    return {
        "mentor": set(pairing.mentors.values_list("pk", flat=True)),
        "mentee": set(
            OrganisationMembership.objects.filter(organisation_id=pairing.mentee_organisation_id).values_list(
                "user_id", flat=True
            )
        ),
    }


def _sides_of(user_id, sides: dict[str, set[int]]) -> set[str]:
    return {side for side, people in sides.items() if user_id is not None and user_id in people}


def meeting_confirm_error(*, meeting: Meeting, by, sides: dict[str, set[int]] | None = None) -> str:
    """Why ``by`` cannot confirm the meeting, or an empty string when they can.

    Hours count only when the other side confirms them: a mentor confirms what the mentee
    organisation recorded or last changed, a member of the mentee organisation what the mentor
    side did. A record by someone on neither side (a coordinator) can be confirmed by either
    side; nobody confirms their own record.
    """
    if meeting.planned:
        return _("A planned meeting cannot be confirmed before it takes place.")
    if sides is None:
        sides = pairing_sides(pairing=meeting.pairing)
    mine = _sides_of(by.pk, sides)
    if not mine:
        return _("Only the mentor or the mentee organisation can confirm a meeting.")
    author_id = meeting.changed_by_id or meeting.recorded_by_id
    if author_id == by.pk or mine & _sides_of(author_id, sides):
        return _("The meeting must be confirmed by the other side than the one who recorded or last changed it.")
    return ""


@transaction.atomic
def meeting_confirm(*, meeting: Meeting, by) -> Meeting:
    """The other side confirms that the meeting took place as recorded; only then it counts as hours."""
    meeting = Meeting.objects.select_for_update().select_related("pairing").get(pk=meeting.pk)
    pairing_check_writable(pairing=meeting.pairing, by=by, manage=False)
    sides = pairing_sides(pairing=meeting.pairing)
    if not _sides_of(by.pk, sides):
        raise PermissionDenied(_("Only the mentor or the mentee organisation can confirm a meeting."))
    error = meeting_confirm_error(meeting=meeting, by=by, sides=sides)
    if error:
        raise ValidationError(error, code="confirm_not_allowed")
    if meeting.confirmed_at:
        return meeting
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
    if pairing is not None:
        pairing_check_writable(pairing=pairing, by=by)
    return assessment_import(
        organisation=organisation, round=round, date=date, scores=scores, by=by, pairing=pairing, instrument=instrument
    )


@transaction.atomic
def assessment_import(
    *,
    organisation: Organisation,
    round: str,
    date: datetime.date,
    scores: Mapping[int, tuple[int, str]],
    by=None,
    pairing: Pairing | None = None,
    instrument=None,
) -> Assessment:
    """``assessment_submit`` without the person check, for data the site loads itself (the demo)."""
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
