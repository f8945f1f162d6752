"""Personal data: export of the participant record, erasure that keeps the funder's totals, reminders."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from accounts.services import account_erase, personal_data_export
from reports import selectors
from reports.indicators import esf2014, esf2021
from reports.models import ParticipantRecord, Participation
from reports.services import exit_reminders_send, participation_sync
from tests.courses.factories import make_course

from .factories import PERIOD, known_population, make_participant


@pytest.mark.django_db
def test_export_contains_the_record_answers_and_participation():
    record = make_participant(
        special={"disability": "prefer_not"}, household={"household_jobless": "yes"}, exit={"employed": True}
    )
    data = personal_data_export(user=record.user)["reports"]
    assert data["household_jobless"] == "yes" and data["household_single_adult"] == ""
    assert data["sex"] == "female" and data["isced"] == 3
    assert data["special_categories"]["disability"] == "prefer_not"
    assert data["participations"][0]["exit_form"]["employed"] is True


def _tables():
    return [
        [(r.indicator.code, sorted(r.cells.items())) for r in report.outputs + report.results]
        for report in (
            selectors.indicator_report(start=PERIOD[0], end=PERIOD[1], indicator_set=esf2014.INDICATOR_SET),
            selectors.indicator_report(start=PERIOD[0], end=PERIOD[1], indicator_set=esf2021.INDICATOR_SET),
        )
    ]


@pytest.mark.django_db
def test_erasure_anonymises_and_the_totals_do_not_change():
    known_population()
    before = _tables()
    for record in ParticipantRecord.objects.filter(entered_on__year=2019).select_related("user"):
        account_erase(user=record.user)
    assert _tables() == before
    anonymous = ParticipantRecord.objects.filter(entered_on__year=2019)
    assert all(r.user_id is None and r.anonymised and r.county == "" for r in anonymous)


@pytest.mark.django_db
def test_erasure_keeps_participation_whose_enrolment_is_deleted(person):
    from courses import services as course_services

    course = make_course()
    course_services.enrolment_create(user=person, course=course)
    ParticipantRecord.objects.create(user=person, sex="male", date_of_birth=datetime.date(1970, 1, 1))
    account_erase(user=person)  # courses deletes the enrolment; reports copied it first
    assert Participation.objects.filter(activity_key=f"course:{course.pk}", record__user__isnull=True).exists()


@pytest.mark.django_db
def test_one_exit_reminder_per_participant():
    today = timezone.localdate()
    record = make_participant(
        started_on=today - datetime.timedelta(days=30), ended_on=today - datetime.timedelta(days=2)
    )
    Participation.objects.create(
        record=record,
        kind="mentoring",
        activity_key="pairing:5",
        activity_label="Savjet mladih",
        started_on=today - datetime.timedelta(days=100),
        ended_on=today - datetime.timedelta(days=1),
    )
    mail.outbox.clear()
    assert exit_reminders_send(base_url="https://kok.example.hr") >= 1
    mine = [m for m in mail.outbox if m.to == [record.user.email]]
    assert len(mine) == 1
    assert mine[0].subject == "Molimo ispunite kratki izlazni obrazac"
    assert mine[0].body.count("https://kok.example.hr/sudionik/izlazni-obrazac/") == 2
    mail.outbox.clear()
    exit_reminders_send(base_url="https://kok.example.hr")
    assert not [m for m in mail.outbox if m.to == [record.user.email]]


@pytest.mark.django_db
def test_daily_command_syncs_and_reports(capsys):
    from django.core.management import call_command

    call_command("reports_daily", base_url="https://kok.example.hr")
    assert "Participations added or changed" in capsys.readouterr().out
    participation_sync()
