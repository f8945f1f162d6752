"""Personal data held by mentoring: memberships, pairings mentored, meetings, confirmations, assessments."""

from django.db.models import Q

from .models import Assessment, Meeting, MentoringAgreement, OrganisationMembership, Pairing, Programme


def export_user(user) -> dict:
    memberships = OrganisationMembership.objects.filter(user=user).select_related("organisation")
    mentored = Pairing.objects.filter(mentors=user).select_related("mentor_organisation", "mentee_organisation")
    meetings = (
        Meeting.objects.filter(Q(attendees=user) | Q(recorded_by=user) | Q(changed_by=user) | Q(confirmed_by=user))
        .distinct()
        .select_related("pairing__mentee_organisation")
        .order_by("starts_at")
    )
    return {
        "memberships": [
            {
                "organisation": m.organisation.name,
                "role": m.get_role_display(),
                "mentor_capacity": m.mentor_capacity,
                "joined_on": m.joined_on.isoformat() if m.joined_on else None,
            }
            for m in memberships
        ],
        "pairings_as_mentor": [
            {
                "pairing": p.pk,
                "mentor_organisation": p.mentor_organisation.name,
                "mentee_organisation": p.mentee_organisation.name,
            }
            for p in mentored
        ],
        "programmes_coordinated": list(Programme.objects.filter(coordinator=user).values_list("name", flat=True)),
        "meetings": [
            {
                "pairing": m.pairing_id,
                "mentee_organisation": m.pairing.mentee_organisation.name,
                "starts_at": m.starts_at.isoformat(),
                "duration_minutes": m.duration_minutes,
                "format": m.get_format_display(),
                "topics": m.topics,
                "attended": m.attendees.filter(pk=user.pk).exists(),
                "recorded_by_me": m.recorded_by_id == user.pk,
                "last_changed_by_me": m.changed_by_id == user.pk,
                "confirmed_by_me": m.confirmed_by_id == user.pk,
            }
            for m in meetings
        ],
        "agreements_accepted": [
            {"pairing": a.pairing_id, "as_mentor": a.accepted_by_mentor_id == user.pk}
            for a in MentoringAgreement.objects.filter(Q(accepted_by_mentor=user) | Q(accepted_by_mentee=user))
        ],
        "assessments_made": [
            {"organisation": a.organisation.name, "round": a.get_round_display(), "date": a.date.isoformat()}
            for a in Assessment.objects.filter(assessed_by=user).select_related("organisation")
        ],
    }


def erase_user(user) -> None:
    """Remove the person from organisations and pairings; the organisations' records stay, unnamed."""
    OrganisationMembership.objects.filter(user=user).delete()
    for pairing in Pairing.objects.filter(mentors=user):
        pairing.mentors.remove(user)
    for meeting in Meeting.objects.filter(attendees=user):
        meeting.attendees.remove(user)
    Meeting.objects.filter(recorded_by=user).update(recorded_by=None)
    Meeting.objects.filter(changed_by=user).update(changed_by=None)
    Meeting.objects.filter(confirmed_by=user).update(confirmed_by=None)
    MentoringAgreement.objects.filter(accepted_by_mentor=user).update(accepted_by_mentor=None)
    MentoringAgreement.objects.filter(accepted_by_mentee=user).update(accepted_by_mentee=None)
    Assessment.objects.filter(assessed_by=user).update(assessed_by=None)
    Programme.objects.filter(coordinator=user).update(coordinator=None)
