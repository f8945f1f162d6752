import datetime
from decimal import Decimal
from unittest import mock

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from mentoring import services
from mentoring.models import Assessment, AssessmentScore, CapacityStatement, Meeting, MentoringAgreement, Pairing

from .factories import GoalFactory, MeetingFactory, TaskFactory, UserFactory, mentor_with_pairing

pytestmark = pytest.mark.django_db


def _meeting_kwargs(**overrides):
    data = {
        "starts_at": timezone.now() - datetime.timedelta(days=2),
        "duration_minutes": 90,
        "format": Meeting.Format.ONLINE,
        "topics": "Proračun udruge",
        "notes": "Prošli smo proračun stavku po stavku.",
        "next_steps": "Poslati nacrt proračuna.",
    }
    data.update(overrides)
    return data


def test_allowed_transitions_move_the_state():
    mentor, _member, pairing = mentor_with_pairing(state=Pairing.State.PROPOSED)
    pairing = services.pairing_transition(pairing=pairing, to_state=Pairing.State.ACTIVE, by=mentor)
    assert pairing.state == Pairing.State.ACTIVE
    pairing = services.pairing_transition(pairing=pairing, to_state=Pairing.State.PAUSED, by=mentor)
    pairing = services.pairing_transition(pairing=pairing, to_state=Pairing.State.ACTIVE, by=mentor)
    assert Pairing.objects.get(pk=pairing.pk).state == Pairing.State.ACTIVE


@pytest.mark.parametrize(
    ("start", "target"),
    [
        (Pairing.State.PROPOSED, Pairing.State.COMPLETED),
        (Pairing.State.PROPOSED, Pairing.State.PAUSED),
        (Pairing.State.COMPLETED, Pairing.State.ACTIVE),
        (Pairing.State.ENDED_EARLY, Pairing.State.ACTIVE),
        (Pairing.State.ACTIVE, Pairing.State.PROPOSED),
    ],
)
def test_disallowed_transitions_are_refused_in_croatian(start, target):
    extra = {"closure_reason": "Udruga je prestala s radom."} if start == Pairing.State.ENDED_EARLY else {}
    mentor, _member, pairing = mentor_with_pairing(state=start, **extra)
    with pytest.raises(ValidationError) as error:
        services.pairing_transition(pairing=pairing, to_state=target, by=mentor)
    assert "ne može prijeći u stanje" in error.value.messages[0]
    assert Pairing.objects.get(pk=pairing.pk).state == start


def test_ending_early_needs_a_reason():
    mentor, _member, pairing = mentor_with_pairing()
    with pytest.raises(ValidationError) as error:
        services.pairing_transition(pairing=pairing, to_state=Pairing.State.ENDED_EARLY, by=mentor, reason="  ")
    assert error.value.message_dict["closure_reason"] == ["Navedite razlog prijevremenoga završetka mentorstva."]
    assert Pairing.objects.get(pk=pairing.pk).state == Pairing.State.ACTIVE
    pairing = services.pairing_transition(
        pairing=pairing, to_state=Pairing.State.ENDED_EARLY, by=mentor, reason="Mentorica se odselila."
    )
    assert pairing.closure_reason == "Mentorica se odselila."
    assert pairing.end_date == timezone.localdate()


def test_completing_a_pairing_issues_a_certificate_to_each_mentee_member():
    mentor, member, pairing = mentor_with_pairing()
    second = UserFactory()
    from .factories import MembershipFactory

    MembershipFactory(user=second, organisation=pairing.mentee_organisation)
    MeetingFactory(pairing=pairing, duration_minutes=90, confirmed_at=timezone.now())
    MeetingFactory(pairing=pairing, duration_minutes=60, confirmed_at=timezone.now())
    MeetingFactory(pairing=pairing, duration_minutes=300)  # not confirmed by the other side: no hours
    MeetingFactory(
        pairing=pairing, duration_minutes=600, planned=True, starts_at=timezone.now() + datetime.timedelta(days=3)
    )
    with mock.patch("certificates.services.certificate_issue") as issue:
        services.pairing_complete(pairing=pairing, by=mentor)
    assert issue.call_count == 2
    recipients = {call.kwargs["recipient"] for call in issue.call_args_list}
    assert recipients == {member, second}
    call = issue.call_args_list[0].kwargs
    assert call["subject_key"] == f"pairing:{pairing.pk}"
    assert call["hours"] == Decimal("2.5")
    assert call["title"] == pairing.programme.name
    assert call["template"] is None
    assert call["issuer"] == pairing.mentor_organisation.name


def test_completing_a_pairing_really_creates_certificates():
    from certificates.models import Certificate

    mentor, member, pairing = mentor_with_pairing()
    MeetingFactory(pairing=pairing, duration_minutes=120, confirmed_at=timezone.now())
    services.pairing_complete(pairing=pairing, by=mentor)  # the PDF render waits for a commit that never comes
    certificate = Certificate.objects.get(subject_key=f"pairing:{pairing.pk}")
    assert certificate.recipient == member
    assert certificate.hours == Decimal("2.0")


def test_meeting_log_saves_a_meeting_with_attendees():
    mentor, member, pairing = mentor_with_pairing()
    meeting = services.meeting_log(pairing=pairing, by=mentor, attendees=[mentor, member], **_meeting_kwargs())
    assert meeting.recorded_by == mentor
    assert set(meeting.attendees.all()) == {mentor, member}


@pytest.mark.parametrize(
    ("minutes", "message"), [(0, "najmanje jednu minutu"), (601, "600 minuta"), (100000, "600 minuta")]
)
def test_absurd_meeting_durations_are_refused(minutes, message):
    mentor, _member, pairing = mentor_with_pairing()
    with pytest.raises(ValidationError) as error:
        services.meeting_log(pairing=pairing, by=mentor, **_meeting_kwargs(duration_minutes=minutes))
    assert message in error.value.message_dict["duration_minutes"][0]
    assert not Meeting.objects.filter(pairing=pairing).exists()


def test_negative_duration_is_refused():
    mentor, _member, pairing = mentor_with_pairing()
    with pytest.raises(ValidationError):
        services.meeting_log(pairing=pairing, by=mentor, **_meeting_kwargs(duration_minutes=-30))
    assert not Meeting.objects.filter(pairing=pairing).exists()


@pytest.mark.parametrize("state", [Pairing.State.COMPLETED, Pairing.State.ENDED_EARLY])
def test_no_meetings_on_a_closed_pairing(state):
    mentor, _member, pairing = mentor_with_pairing(state=state, closure_reason="Razlog")
    with pytest.raises(ValidationError) as error:
        services.meeting_log(pairing=pairing, by=mentor, **_meeting_kwargs())
    assert "zatvoren" in error.value.messages[0]
    assert not Meeting.objects.filter(pairing=pairing).exists()


def test_attendees_from_outside_the_pairing_are_refused_and_nothing_is_saved():
    mentor, _member, pairing = mentor_with_pairing()
    stranger = UserFactory()
    with pytest.raises(ValidationError):
        services.meeting_log(pairing=pairing, by=mentor, attendees=[stranger], **_meeting_kwargs())
    assert not Meeting.objects.filter(pairing=pairing).exists()


def test_the_mentee_side_confirms_what_the_mentor_recorded():
    mentor, member, pairing = mentor_with_pairing()
    meeting = MeetingFactory(pairing=pairing, recorded_by=mentor)
    with pytest.raises(ValidationError):
        services.meeting_confirm(meeting=meeting, by=mentor)
    with pytest.raises(PermissionDenied):
        services.meeting_confirm(meeting=meeting, by=UserFactory())
    services.meeting_confirm(meeting=meeting, by=member)
    meeting.refresh_from_db()
    assert meeting.confirmed_by == member
    assert meeting.confirmed_at is not None


def test_changing_a_confirmed_meeting_needs_a_new_confirmation():
    mentor, member, pairing = mentor_with_pairing()
    meeting = MeetingFactory(pairing=pairing, recorded_by=mentor)
    services.meeting_confirm(meeting=meeting, by=member)
    services.meeting_update(meeting=meeting, by=mentor, duration_minutes=240)
    meeting.refresh_from_db()
    assert meeting.duration_minutes == 240
    assert meeting.confirmed_at is None


def test_agreement_needs_both_sides():
    mentor, member, pairing = mentor_with_pairing()
    agreement = services.agreement_save(
        pairing=pairing,
        by=mentor,
        goals="Strateški plan i prva prijava.",
        meeting_frequency=MentoringAgreement.Frequency.MONTHLY,
    )
    services.agreement_accept(agreement=agreement, user=mentor)
    assert not agreement.is_accepted
    services.agreement_accept(agreement=agreement, user=member)
    assert agreement.is_accepted
    with pytest.raises(PermissionDenied):
        services.agreement_accept(agreement=agreement, user=UserFactory())
    agreement = services.agreement_save(pairing=pairing, by=mentor, goals="Novi ciljevi.", meeting_frequency="mjesecno")
    assert not agreement.is_accepted


def test_goal_progress_from_tasks_or_by_hand():
    from mentoring.selectors import goal_list

    mentor, _member, pairing = mentor_with_pairing()
    goal = GoalFactory(pairing=pairing)
    TaskFactory(goal=goal, done=True)
    TaskFactory(goal=goal, done=False)
    TaskFactory(goal=goal, done=False)
    TaskFactory(goal=goal, done=True)
    assert goal_list(pairing=goal.pairing)[0].progress == 50
    services.goal_progress_set(goal=goal, by=mentor, progress=80)
    assert goal_list(pairing=goal.pairing)[0].progress == 80
    with pytest.raises(ValidationError):
        services.goal_progress_set(goal=goal, by=mentor, progress=150)
    services.goal_progress_set(goal=goal, by=mentor, progress=None)
    task = goal.tasks.filter(done=False).first()
    services.task_set_done(task=task, by=mentor, done=True)
    assert goal_list(pairing=goal.pairing)[0].progress == 75


def _scores(value=3):
    return dict.fromkeys(
        CapacityStatement.objects.filter(area__instrument__is_default=True).values_list("pk", flat=True),
        (value, "Pregled dokumentacije"),
    )


def test_assessment_submit_saves_every_score():
    mentor, _member, pairing = mentor_with_pairing()
    assessment = services.assessment_submit(
        organisation=pairing.mentee_organisation,
        pairing=pairing,
        round="pocetna",
        date=timezone.localdate(),
        scores=_scores(2),
        by=mentor,
    )
    assert assessment.scores.count() == len(_scores())
    assert set(assessment.scores.values_list("score", flat=True)) == {2}


@pytest.mark.parametrize("bad", [0, 6, -1, "pet", None])
def test_scores_outside_1_to_5_save_nothing(bad):
    mentor, _member, pairing = mentor_with_pairing()
    scores = _scores(3)
    first = next(iter(scores))
    scores[first] = (bad, "")
    with pytest.raises(ValidationError) as error:
        services.assessment_submit(
            organisation=pairing.mentee_organisation,
            pairing=pairing,
            by=mentor,
            round="pocetna",
            date=timezone.localdate(),
            scores=scores,
        )
    assert "ocjena mora biti između 1 i 5" in error.value.messages[0]
    assert not Assessment.objects.filter(pairing=pairing).exists()
    assert not AssessmentScore.objects.filter(assessment__pairing=pairing).exists()


def test_incomplete_assessment_and_repeated_round_are_refused():
    mentor, _member, pairing = mentor_with_pairing()
    scores = _scores(3)
    scores.pop(next(iter(scores)))
    with pytest.raises(ValidationError) as error:
        services.assessment_submit(
            organisation=pairing.mentee_organisation,
            pairing=pairing,
            by=mentor,
            round="pocetna",
            date=timezone.localdate(),
            scores=scores,
        )
    assert "nedostaje ih 1" in error.value.messages[0]
    services.assessment_submit(
        organisation=pairing.mentee_organisation,
        pairing=pairing,
        by=mentor,
        round="pocetna",
        date=timezone.localdate(),
        scores=_scores(),
    )
    with pytest.raises(ValidationError):
        services.assessment_submit(
            organisation=pairing.mentee_organisation,
            pairing=pairing,
            by=mentor,
            round="pocetna",
            date=timezone.localdate(),
            scores=_scores(),
        )
    assert Assessment.objects.filter(pairing=pairing).count() == 1


def test_score_check_constraint_holds_in_the_database():
    from django.db import IntegrityError, transaction

    mentor, _member, pairing = mentor_with_pairing()
    assessment = services.assessment_submit(
        organisation=pairing.mentee_organisation,
        pairing=pairing,
        by=mentor,
        round="pocetna",
        date=timezone.localdate(),
        scores=_scores(),
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        AssessmentScore.objects.filter(assessment=assessment).update(score=9)
