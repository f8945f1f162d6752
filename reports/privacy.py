"""Personal data held by reports: the ESF entry and exit forms and the special categories.

Erasure anonymises the record and keeps it counted (the funder's totals must not change
retroactively); the privacy notice says so.
"""

from .indicators import HOUSEHOLD_QUESTIONS
from .models import ParticipantRecord, SpecialCategories


def export_user(user) -> dict | None:
    record = ParticipantRecord.objects.filter(user=user).first()
    if record is None:
        return None
    special = SpecialCategories.objects.filter(record=record).first()
    return {
        "sex": record.sex,
        "date_of_birth": record.date_of_birth.isoformat() if record.date_of_birth else None,
        "employment_status": record.employment_status,
        "unemployed_months": record.unemployed_months,
        "isced": record.isced,
        "county": record.county,
        "rural": record.rural,
        "entered_on": record.entered_on.isoformat(),
        "filled_by": record.filled_by,
        "complete": record.is_complete,
        **{name: getattr(record, name) for name in HOUSEHOLD_QUESTIONS},
        "special_categories": (
            {
                name: getattr(special, name)
                for name in (
                    "disability",
                    "migrant",
                    "foreign_background",
                    "minority",
                    "homeless",
                    "other_disadvantaged",
                )
            }
            if special
            else None
        ),
        "participations": [
            {
                "activity": p.activity_label,
                "started_on": p.started_on.isoformat(),
                "ended_on": p.ended_on.isoformat() if p.ended_on else None,
                "exit_form": (
                    {
                        "job_searching": p.exit_record.job_searching,
                        "in_education": p.exit_record.in_education,
                        "qualification": p.exit_record.qualification,
                        "employed": p.exit_record.employed,
                    }
                    if hasattr(p, "exit_record")
                    else None
                ),
            }
            for p in record.participations.select_related("exit_record").order_by("started_on", "pk")
        ],
    }


def erase_user(user) -> None:
    from .models import SpecialCategoryAccess
    from .services import record_anonymise

    record_anonymise(user=user)
    ParticipantRecord.objects.filter(entered_by=user).update(entered_by=None)
    SpecialCategoryAccess.objects.filter(user=user).update(user=None)
