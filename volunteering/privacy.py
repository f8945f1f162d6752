"""Personal data held by volunteering. Erasure detaches the person but keeps the anonymous
snapshot (sex, year of birth, citizenship, county, a random key) and the approved hours, so the
organisers' past annual reports do not change."""

from .models import (
    AnnualReportFiling,
    Application,
    Confirmation,
    Contract,
    HourEntry,
    HourEntryChange,
    VolunteeringConsent,
    VolunteerProfile,
    VulnerableGroupsCheck,
)


def export_user(user) -> dict:
    profile = VolunteerProfile.objects.filter(user=user).first()
    applications = Application.objects.filter(volunteer=user).select_related("opportunity", "organisation")
    return {
        "profile": None
        if profile is None
        else {
            "date_of_birth": profile.date_of_birth.isoformat(),
            "sex": profile.get_sex_display(),
            "citizenship": profile.citizenship,
            "county": profile.get_county_display(),
            "address": profile.address,
            "phone": profile.phone,
        },
        "applications": [
            {
                "opportunity": a.opportunity.title,
                "organiser": a.organisation.name,
                "state": a.get_state_display(),
                "applied": a.created_at.isoformat(),
                "motivation": a.motivation,
                "guardian_consent": [
                    {
                        "guardian": c.guardian_name,
                        "email": c.guardian_email,
                        "confirmed": c.confirmed_at and c.confirmed_at.isoformat(),
                    }
                    for c in VolunteeringConsent.objects.filter(application=a)
                ],
                "contract": [
                    {"accepted_by_me": c.volunteer_accepted_at and c.volunteer_accepted_at.isoformat()}
                    for c in Contract.objects.filter(application=a)
                ],
                "hours": [
                    {
                        "date": e.date.isoformat(),
                        "hours": str(e.hours),
                        "activity": e.activity,
                        "note": e.note,
                        "state": e.get_state_display(),
                    }
                    for e in HourEntry.objects.filter(application=a)
                ],
                "confirmations": [
                    {
                        "kind": c.get_kind_display(),
                        "from": c.period_start.isoformat(),
                        "until": c.period_end.isoformat(),
                    }
                    for c in Confirmation.objects.filter(application=a)
                ],
            }
            for a in applications
        ],
    }


def erase_user(user) -> None:
    applications = Application.objects.filter(volunteer=user)
    VolunteeringConsent.objects.filter(application__in=applications).delete()
    VulnerableGroupsCheck.objects.filter(application__in=applications).update(statement_ip=None)
    HourEntry.objects.filter(application__in=applications).update(note="", activity="—")
    HourEntryChange.objects.filter(entry__application__in=applications).update(before={}, after={})
    HourEntryChange.objects.filter(changed_by=user).update(changed_by=None)
    applications.update(volunteer=None, motivation="")
    VolunteerProfile.objects.filter(user=user).delete()
    AnnualReportFiling.objects.filter(filed_by=user).update(filed_by=None)
