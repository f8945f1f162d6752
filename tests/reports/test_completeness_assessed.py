"""An entry form's completeness follows the indicator set the project reports under: forms saved before the
household questions existed, and every form when the set changes, are assessed again; "Moje učenje" asks for
the form while a question is unanswered, but not again once someone chose "prefer not to say"."""

from importlib import import_module

import pytest
from django.apps import apps
from django.urls import reverse

from reports.models import ParticipantRecord

from .factories import NO_HOUSEHOLD, make_participant, use_indicator_set
from .test_forms import ENTRY

pytestmark = pytest.mark.django_db

ASKED = "Ispunite ulazni obrazac"


def _dashboard(client, record) -> str:
    client.force_login(record.user)
    return client.get(reverse("courses:dashboard")).content.decode()


def test_a_form_saved_before_the_household_questions_is_incomplete_and_asked_for_again(client):
    record = make_participant(household=NO_HOUSEHOLD)
    # As saved before migration 0004: no household answers, yet "complete".
    ParticipantRecord.objects.filter(pk=record.pk).update(
        household_jobless="",
        household_dependent_children="",
        household_single_adult="",
        is_complete=True,
        answers_missing=False,
    )
    assert ASKED not in _dashboard(client, record)
    import_module("reports.migrations.0005_participantrecord_answers_missing").assess_again(apps, None)
    record.refresh_from_db()
    assert (record.is_complete, record.answers_missing) == (False, True)
    assert ASKED in _dashboard(client, record)


def test_prefer_not_to_say_leaves_the_form_incomplete_but_is_not_asked_again(person_client, person):
    declined = {**ENTRY, "household_jobless": "prefer_not"}
    assert person_client.post(reverse("reports:entry_form"), declined).status_code == 302
    record = ParticipantRecord.objects.get(user=person)
    assert (record.is_complete, record.answers_missing) == (False, False)  # counted in the grand total only
    assert ASKED not in person_client.get(reverse("courses:dashboard")).content.decode()


def test_changing_the_indicator_set_assesses_every_form_again(django_capture_on_commit_callbacks):
    without_household = make_participant()  # ESF+ asks no household questions
    answered = make_participant(household=NO_HOUSEHOLD)
    assert not ParticipantRecord.objects.get(pk=without_household.pk).is_complete
    with django_capture_on_commit_callbacks(execute=True):
        use_indicator_set("esf2021")
    assert ParticipantRecord.objects.get(pk=without_household.pk).is_complete
    assert not ParticipantRecord.objects.get(pk=without_household.pk).answers_missing
    with django_capture_on_commit_callbacks(execute=True):
        use_indicator_set("esf2014")
    back = ParticipantRecord.objects.get(pk=without_household.pk)
    assert (back.is_complete, back.answers_missing) == (False, True)
    assert ParticipantRecord.objects.get(pk=answered.pk).is_complete
