"""Demo ESF data: participant records for demo accounts, project targets, a rendered project report.

Idempotent: records are found by person, targets by title; the report file name carries a
fingerprint of its figures, so it is rendered again only when they change.
"""

import datetime

from django.utils import timezone

# email, sex, date of birth, employment, months without work, ISCED, rural, special-category answers
PARTICIPANTS = [
    (
        "polaznik@kok.test",
        "female",
        datetime.date(1961, 4, 12),
        "inactive_other",
        None,
        3,
        True,
        {
            "disability": "prefer_not",
            "migrant": "no",
            "foreign_background": "no",
            "minority": "no",
            "homeless": "no",
            "other_disadvantaged": "no",
        },
    ),
    (
        "clan@kok.test",
        "female",
        datetime.date(2004, 9, 3),
        "inactive_education",
        None,
        3,
        True,
        {
            "disability": "no",
            "migrant": "no",
            "foreign_background": "no",
            "minority": "prefer_not",
            "homeless": "no",
            "other_disadvantaged": "no",
        },
    ),
    ("luka.babic@kok.test", "male", datetime.date(2000, 1, 20), "unemployed", 14, 3, True, None),
    ("josip.matic@kok.test", "male", datetime.date(1968, 6, 30), "employed", None, 4, True, None),
    # Incomplete (education not given): counted in the total number of participants only.
    ("dragica.vukovic@kok.test", "female", datetime.date(1955, 11, 2), "inactive_other", None, None, True, None),
]

TARGETS = [
    ("120 stanovnika završava tečaj rada na računalu", "courses.completers:racunalne-vjestine", 120),
    ("8 organizacija u mentorstvu", "mentoring.organisations", 8),
    ("60 sati mentorskih sastanaka", "mentoring.hours", 60),
    ("150 izdanih potvrda", "certificates.issued", 150),
    ("200 sudionika ESF-a s ulaznim obrascem", "reports.participants", 200),
]


def load(*, log, with_accounts: bool) -> None:
    from django.contrib.auth import get_user_model

    from . import services
    from .models import FilledBy, ParticipantRecord, Participation, ProjectTarget

    for order, (title, measure, target) in enumerate(TARGETS):
        ProjectTarget.objects.update_or_create(
            title=title, defaults={"measure": measure, "target": target, "sort_order": order}
        )
    log(f"{len(TARGETS)} project targets")
    if not with_accounts:
        return
    users = {user.email: user for user in get_user_model().objects.filter(email__in=[p[0] for p in PARTICIPANTS])}
    for email, sex, birth, employment, months, isced, rural, special in PARTICIPANTS:
        user = users.get(email)
        if user is None:
            continue
        record = ParticipantRecord.objects.filter(user=user).first()
        if record is None:
            record = services.record_save(
                user=user,
                filled_by=FilledBy.SELF,
                sex=sex,
                date_of_birth=birth,
                employment_status=employment,
                unemployed_months=months,
                isced=isced,
                county="Zagrebačka",
                rural=rural,
            )
        if special and not hasattr(record, "special_categories"):
            services.special_categories_save(record=record, by=user, **special)
    services.participation_sync()
    # Entry date: the day the person first took part.
    for record in ParticipantRecord.objects.filter(user__email__in=[p[0] for p in PARTICIPANTS]):
        first = Participation.objects.filter(record=record).order_by("started_on").first()
        if first and record.entered_on != first.started_on:
            ParticipantRecord.objects.filter(pk=record.pk).update(entered_on=first.started_on)
    log(f"{ParticipantRecord.objects.count()} ESF participant records")
    _render_report(log)


def _render_report(log) -> None:
    from django.core.files.storage import storages

    from .project_report import project_report_name, render_project_report, store
    from .selectors import project_period

    start, end = project_period()
    end = max(end, timezone.localdate())
    name = project_report_name(start=start, end=end)
    if not storages["private"].exists(name):
        store(name, render_project_report(start=start, end=end))
    log(f"Project report rendered: {name}")
