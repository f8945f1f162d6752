"""The coordinator's admin: entering a paper entry form, targets snippet, the access log."""

import pytest
from django.urls import reverse

from reports.models import ParticipantRecord, Participation, ProjectTarget

from .factories import UserFactory, use_indicator_set


def _paper_form(person, **answers) -> dict:
    """The admin's paper entry form for ``person``: a complete answer, changed by ``answers``.

    The demo's set is ESF 2014–2020, where the household answers are core data.
    """
    return {
        "user": person.pk,
        "filled_by": "coordinator",
        "sex": "male",
        "date_of_birth": "1949-02-11",
        "employment_status": "inactive_other",
        "isced": "2",
        "county": "Zagrebačka",
        "rural": "true",
        "household_jobless": "yes",
        "household_dependent_children": "no",
        "household_single_adult": "yes",
        "entered_on": "2026-10-01",
        **answers,
    }


@pytest.mark.django_db
def test_coordinator_enters_a_paper_entry_form(coordinator_client):
    person = UserFactory()
    assert coordinator_client.get(reverse("esf_participants:index")).status_code == 200
    response = coordinator_client.post(reverse("esf_participants:add"), _paper_form(person))
    assert response.status_code == 302, response.content.decode()[:2000]
    record = ParticipantRecord.objects.get(user=person)
    assert record.filled_by == "coordinator" and record.is_complete
    assert record.entered_by.email == "koordinator@kok.test"  # who typed the paper form in


@pytest.mark.django_db
def test_a_paper_entry_form_counts_the_persons_course_at_once(coordinator_client):
    """Saved like the person's own entry form: the course they are enrolled in is their participation."""
    from courses import services as course_services
    from tests.courses.factories import make_course

    person, course = UserFactory(), make_course()
    course_services.enrolment_create(user=person, course=course)
    response = coordinator_client.post(reverse("esf_participants:add"), _paper_form(person))
    assert response.status_code == 302, response.content.decode()[:2000]
    record = ParticipantRecord.objects.get(user=person)
    assert Participation.objects.filter(record=record, activity_key=f"course:{course.pk}").exists()

    # Corrected later (no household answers: incomplete under ESF 2014–2020), it stays counted.
    edit = coordinator_client.post(
        reverse("esf_participants:edit", args=[record.pk]), _paper_form(person, household_single_adult="")
    )
    assert edit.status_code == 302, edit.content.decode()[:2000]
    record.refresh_from_db()
    assert not record.is_complete and record.filled_by == "coordinator"
    assert Participation.objects.filter(record=record).count() == 1


@pytest.mark.django_db
def test_project_target_offers_the_measures_of_every_app(coordinator_client):
    page = coordinator_client.get(reverse("wagtailsnippets_reports_projecttarget:add")).content.decode()
    for key in ("courses.completers:racunalne-vjestine", "mentoring.organisations", "certificates.issued"):
        assert f'value="{key}"' in page
    response = coordinator_client.post(
        reverse("wagtailsnippets_reports_projecttarget:add"),
        {
            "title": "8 organizacija u mentorstvu (test)",
            "measure": "mentoring.organisations",
            "target": "8",
            "sort_order": "0",
        },
    )
    assert response.status_code == 302
    assert ProjectTarget.objects.filter(title="8 organizacija u mentorstvu (test)").exists()


@pytest.mark.django_db
def test_learner_cannot_open_the_participant_admin(client, demo_user):
    client.force_login(demo_user)
    assert client.get(reverse("esf_participants:index")).status_code in (302, 403)


@pytest.mark.django_db
def test_paper_entry_form_has_the_household_questions_only_under_esf_2014(coordinator_client):
    person = UserFactory()
    use_indicator_set("esf2021")
    assert "household_jobless" not in coordinator_client.get(reverse("esf_participants:add")).content.decode()
    use_indicator_set("esf2014")
    page = coordinator_client.get(reverse("esf_participants:add")).content.decode()
    assert 'name="household_jobless"' in page and "Ne želim odgovoriti" in page
    response = coordinator_client.post(
        reverse("esf_participants:add"),
        _paper_form(
            person,
            sex="female",
            date_of_birth="1985-02-11",
            employment_status="unemployed",
            isced="3",
            household_dependent_children="yes",
            household_single_adult="prefer_not",
        ),
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    record = ParticipantRecord.objects.get(user=person)
    assert (record.household_jobless, record.household_single_adult) == ("yes", "prefer_not")
    assert not record.is_complete  # "prefer not to say" to a household question: the grand total only
