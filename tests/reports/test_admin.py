"""The coordinator's admin: entering a paper entry form, targets snippet, the access log."""

import pytest
from django.urls import reverse

from reports.models import ParticipantRecord, ProjectTarget

from .factories import UserFactory


@pytest.mark.django_db
def test_coordinator_enters_a_paper_entry_form(coordinator_client):
    person = UserFactory()
    assert coordinator_client.get(reverse("esf_participants:index")).status_code == 200
    response = coordinator_client.post(
        reverse("esf_participants:add"),
        {
            "user": person.pk,
            "filled_by": "coordinator",
            "sex": "male",
            "date_of_birth": "1949-02-11",
            "employment_status": "inactive_other",
            "isced": "2",
            "county": "Zagrebačka",
            "rural": "true",
            # The demo's set is ESF 2014–2020, where the household answers are core data.
            "household_jobless": "yes",
            "household_dependent_children": "no",
            "household_single_adult": "yes",
            "entered_on": "2026-10-01",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    record = ParticipantRecord.objects.get(user=person)
    assert record.filled_by == "coordinator" and record.is_complete


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


def _use_set(key: str) -> None:
    from wagtail.models import Site

    from reports.models import ReportingSettings

    settings = ReportingSettings.for_site(Site.objects.get(is_default_site=True))
    settings.indicator_set = key
    settings.save()


@pytest.mark.django_db
def test_paper_entry_form_has_the_household_questions_only_under_esf_2014(coordinator_client):
    person = UserFactory()
    _use_set("esf2021")
    assert "household_jobless" not in coordinator_client.get(reverse("esf_participants:add")).content.decode()
    _use_set("esf2014")
    page = coordinator_client.get(reverse("esf_participants:add")).content.decode()
    assert 'name="household_jobless"' in page and "Ne želim odgovoriti" in page
    response = coordinator_client.post(
        reverse("esf_participants:add"),
        {
            "user": person.pk,
            "filled_by": "coordinator",
            "sex": "female",
            "date_of_birth": "1985-02-11",
            "employment_status": "unemployed",
            "isced": "3",
            "county": "Zagrebačka",
            "rural": "true",
            "household_jobless": "yes",
            "household_dependent_children": "yes",
            "household_single_adult": "prefer_not",
            "entered_on": "2026-10-01",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    record = ParticipantRecord.objects.get(user=person)
    assert (record.household_jobless, record.household_single_adult) == ("yes", "prefer_not")
    assert not record.is_complete  # "prefer not to say" to a household question: the grand total only
