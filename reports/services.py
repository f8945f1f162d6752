"""Writes: participant records, special categories (logged), exit forms, participation sync, erasure."""

from __future__ import annotations

import logging

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from . import selectors
from .indicators import HOUSEHOLD_QUESTIONS
from .models import (
    ExitRecord,
    FilledBy,
    ParticipantRecord,
    Participation,
    SpecialCategories,
    SpecialCategoryAccess,
)

logger = logging.getLogger(__name__)

RECORD_FIELDS = (
    "sex",
    "date_of_birth",
    "employment_status",
    "unemployed_months",
    "isced",
    "county",
    "rural",
    *HOUSEHOLD_QUESTIONS,
)


@transaction.atomic
def record_save(
    *, user=None, record: ParticipantRecord | None = None, entered_by=None, filled_by: str = FilledBy.SELF, **fields
) -> ParticipantRecord:
    """Create or change a person's entry form. Anything may be left empty: the record is then incomplete."""
    if record is None:
        record = ParticipantRecord.objects.filter(user=user).first() or ParticipantRecord(user=user)
    for name, value in fields.items():
        if name not in RECORD_FIELDS:
            raise TypeError(f"Unknown field {name}")
        setattr(record, name, value)
    record.filled_by = filled_by
    if entered_by is not None and entered_by != record.user:
        record.entered_by = entered_by
    record.full_clean()
    record.assess(selectors.current_set().household_questions)
    created = record.pk is None
    record.save()
    if created and record.user_id:
        participation_sync(user_ids=[record.user_id])  # the activity that brought the person here
    return record


def record_skip(*, user) -> ParticipantRecord:
    """The person chose "later": an empty, incomplete record, so the form is not forced on them again."""
    try:
        with transaction.atomic():
            record, created = ParticipantRecord.objects.get_or_create(user=user)
    except IntegrityError:
        return ParticipantRecord.objects.get(user=user)
    if created:
        participation_sync(user_ids=[user.pk])
    return record


# The group for the named people who may read special categories and export individual records. Created
# by `manage.py setup_site` (hook ``kok_setup_site``) with no members: an administrator adds people.
SPECIAL_DATA_GROUP = "Podaci o sudionicima (posebne kategorije)"
SPECIAL_DATA_PERMISSIONS = (
    # the two dedicated permissions
    ("reports", "view_special_categories"),
    ("reports", "export_participant_records"),
    # what it takes to reach the screens: the admin, and the ESF participants listing to find a record
    ("wagtailadmin", "access_admin"),
    ("reports", "view_participantrecord"),
)


def special_data_group_setup(*, log=None):
    """Create the group with its permissions when missing; add a permission it lacks; never touch members."""
    from django.contrib.auth.models import Group, Permission

    group, created = Group.objects.get_or_create(name=SPECIAL_DATA_GROUP)
    query = Q()
    for app_label, codename in SPECIAL_DATA_PERMISSIONS:
        query |= Q(content_type__app_label=app_label, codename=codename)
    permissions = list(Permission.objects.filter(query))
    if len(permissions) != len(SPECIAL_DATA_PERMISSIONS):
        raise LookupError("A permission of the special-data group is missing: run `manage.py migrate` first.")
    group.permissions.add(*permissions)
    if created and log:
        log(f"Created the group “{SPECIAL_DATA_GROUP}” (no members: add the named people in the admin)")
    return group


def access_log(*, user, action: str, what: str) -> None:
    SpecialCategoryAccess.objects.create(
        user=user if user is not None and user.is_authenticated else None,
        who=getattr(user, "email", "") or "—",
        action=action,
        what=what[:300],
    )


@transaction.atomic
def special_categories_save(*, record: ParticipantRecord, by, what: str | None = None, **answers) -> SpecialCategories:
    """Save the answers and log the change (``what`` overrides the default description)."""
    special = SpecialCategories.objects.filter(record=record).first() or SpecialCategories(record=record)
    for name, value in answers.items():
        setattr(special, name, value)
    special.answered_at = timezone.now()
    special.full_clean()
    special.save()
    if what is None:
        what = _("Special categories of participant record %(pk)s") % {"pk": record.pk}
    access_log(user=by, action="edit", what=what)
    return special


ASSESSED_FIELDS = ("sex", "date_of_birth", "employment_status", "isced", *HOUSEHOLD_QUESTIONS)


@transaction.atomic
def records_assess(*, household_questions: tuple[str, ...] | None = None) -> int:
    """Every entry form's completeness again, under the current indicator set (or the questions given):
    run when the set changes, since the household questions are core data only under ESF 2014–2020."""
    if household_questions is None:
        household_questions = selectors.current_set().household_questions
    changed = []
    for record in ParticipantRecord.objects.only("pk", "is_complete", "answers_missing", *ASSESSED_FIELDS).iterator(
        chunk_size=2000
    ):
        before = (record.is_complete, record.answers_missing)
        record.assess(household_questions)
        if (record.is_complete, record.answers_missing) != before:
            changed.append(record)
    ParticipantRecord.objects.bulk_update(changed, ["is_complete", "answers_missing"], batch_size=1000)
    return len(changed)


@transaction.atomic
def exit_record_save(
    *,
    participation: Participation,
    job_searching: bool,
    in_education: bool,
    qualification: bool,
    employed: bool,
    filled_by: str = FilledBy.SELF,
) -> ExitRecord:
    if participation.ended_on is None:
        raise ValidationError(_("The exit form is filled in after leaving the activity."))
    exit_record = ExitRecord.objects.filter(participation=participation).first() or ExitRecord(
        participation=participation
    )
    exit_record.job_searching = job_searching
    exit_record.in_education = in_education
    exit_record.qualification = qualification
    exit_record.employed = employed
    exit_record.filled_by = filled_by
    exit_record.filled_at = timezone.now()
    exit_record.full_clean()
    exit_record.save()
    return exit_record


@transaction.atomic
def participation_sync(*, user_ids=None) -> int:
    """Copy participation spans from every app into ``Participation`` rows for people with a record.

    A fixed number of queries (one per kind of activity, one for what is stored, two writes).
    Rows are only added or updated, never removed: an erased person's enrolment is gone, but their
    participation must keep counting.
    """
    from .activities import ACTIVITY_KINDS

    records = ParticipantRecord.objects.filter(user__isnull=False)
    if user_ids is not None:
        records = records.filter(user_id__in=user_ids)
    record_ids = dict(records.values_list("user_id", "pk"))
    if not record_ids:
        return 0
    existing = {
        (row.record_id, row.activity_key): row
        for row in Participation.objects.filter(record_id__in=list(record_ids.values()))
    }
    to_create, to_update = [], []
    for kind in ACTIVITY_KINDS.values():
        for span in kind.spans(user_ids=list(record_ids)):
            record_id = record_ids.get(span.user_id)
            if record_id is None:
                continue
            current = existing.get((record_id, span.activity_key))
            if current is None:
                row = Participation(
                    record_id=record_id,
                    kind=kind.key,
                    activity_key=span.activity_key,
                    activity_label=span.label[:255],
                    started_on=span.started_on,
                    ended_on=span.ended_on,
                    end_reason=span.end_reason,
                )
                existing[(record_id, span.activity_key)] = row
                to_create.append(row)
            elif (current.started_on, current.ended_on, current.end_reason, current.activity_label) != (
                span.started_on,
                span.ended_on,
                span.end_reason,
                span.label[:255],
            ):
                current.started_on, current.ended_on = span.started_on, span.ended_on
                current.end_reason, current.activity_label = span.end_reason, span.label[:255]
                to_update.append(current)
    Participation.objects.bulk_create(to_create, batch_size=1000, ignore_conflicts=True)
    if to_update:
        Participation.objects.bulk_update(
            to_update, ["started_on", "ended_on", "end_reason", "activity_label"], batch_size=1000
        )
    return len(to_create) + len(to_update)


@transaction.atomic
def record_anonymise(*, user) -> None:
    """Erasure: the record loses the person (and the day of birth) but stays counted.

    The funder's totals must not change retroactively, so sex, the age on entry (the date of birth is
    replaced by one giving the same age), employment, education and the answers remain, no longer
    linked to anyone; participations are synced first because the person's enrolments are deleted next.
    """
    record = ParticipantRecord.objects.filter(user=user).first()
    if record is None:
        return
    participation_sync(user_ids=[user.pk])
    record.user = None
    record.entered_by = None
    record.county = ""
    if record.date_of_birth:
        record.date_of_birth = _same_age_birth(birth=record.date_of_birth, entered_on=record.entered_on)
    record.anonymised = True
    record.save()


def _same_age_birth(*, birth, entered_on):
    """A made-up date of birth with the same age on the day of entry as the real one."""
    from .indicators import age_on

    age = age_on(birth=birth, on=entered_on)
    try:
        return entered_on.replace(year=entered_on.year - age)
    except ValueError:  # 29 February
        return entered_on.replace(year=entered_on.year - age, day=28)


def exit_reminders_send(*, base_url: str, today=None) -> int:
    """One reminder e-mail per participant with an exit form due, ever (``exit_reminder_sent_at``)."""
    from django.conf import settings
    from django.core.mail import send_mail
    from django.template.loader import render_to_string
    from django.urls import reverse

    from .selectors import exits_due

    due: dict[int, list] = {}
    for participation in exits_due(today=today).filter(
        record__exit_reminder_sent_at__isnull=True, record__user__isnull=False, record__user__is_active=True
    ):
        due.setdefault(participation.record_id, []).append(participation)
    sent = 0
    for participations in due.values():
        record = participations[0].record
        urls = [f"{base_url.rstrip('/')}{reverse('reports:exit_form', args=[p.pk])}" for p in participations]
        context = {"user": record.user, "urls": urls}
        subject = render_to_string("reports/email/exit_reminder_subject.txt", context).strip()
        body = render_to_string("reports/email/exit_reminder_message.txt", context)
        with transaction.atomic():
            updated = ParticipantRecord.objects.filter(pk=record.pk, exit_reminder_sent_at__isnull=True).update(
                exit_reminder_sent_at=timezone.now()
            )
            if updated:
                send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [record.user.email], fail_silently=False)
                sent += 1
    return sent
