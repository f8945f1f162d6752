"""What a participant sees: the entry form after enrolling, special categories, the exit form, the panel."""

import datetime

import pytest
from django.urls import reverse

from reports.models import ExitRecord, ParticipantRecord, Participation, SpecialCategoryAccess
from tests.courses.factories import make_course

from .factories import use_indicator_set


def _enrol(client, course):
    return client.post(reverse("courses:enrol", args=[course.pk]))


ENTRY = {
    "filled_by": "self",
    "sex": "female",
    "date_of_birth": "1958-05-17",
    "employment_status": "unemployed",
    "unemployed_months": "20",
    "isced": "3",
    "county": "Zagrebačka",
    "rural": "yes",
    # Asked (and core data) only under ESF 2014–2020, the demo's set; other sets' forms ignore them.
    "household_jobless": "no",
    "household_dependent_children": "no",
    "household_single_adult": "no",
}


@pytest.mark.django_db
def test_enrolling_asks_for_the_entry_form_once_and_comes_back_to_the_course(person_client, person):
    course, second = make_course(), make_course()
    response = _enrol(person_client, course)
    assert response.status_code == 302
    assert response.url.startswith(reverse("reports:entry_form"))
    page = person_client.get(response.url).content.decode()
    assert "Ulazni obrazac za sudionike" in page
    assert "Upisani ste" in page  # the enrolment message is still shown

    response = person_client.post(reverse("reports:entry_form"), {**ENTRY, "next": course.url})
    assert response.status_code == 302 and response.url.startswith(reverse("reports:special_categories"))
    record = ParticipantRecord.objects.get(user=person)
    assert record.is_complete and record.unemployed_months == 20 and record.rural is True
    assert Participation.objects.filter(record=record, activity_key=f"course:{course.pk}").exists()

    page = person_client.get(response.url).content.decode()
    assert "Ne želim odgovoriti" in page and "članak 9" in page.lower()
    answers = dict.fromkeys(
        ("disability", "migrant", "foreign_background", "minority", "homeless", "other_disadvantaged"), "prefer_not"
    )
    response = person_client.post(response.url, {**answers, "next": course.url})
    assert response.status_code == 302 and response.url == course.url
    assert record.special_categories.disability == "prefer_not"
    assert SpecialCategoryAccess.objects.filter(user=person, action="edit").exists()

    # The second enrolment is not interrupted, and both courses count as participation.
    response = _enrol(person_client, second)
    assert response.status_code == 302 and response.url == second.url
    assert set(Participation.objects.filter(record=record).values_list("activity_key", flat=True)) == {
        f"course:{course.pk}",
        f"course:{second.pk}",
    }


@pytest.mark.django_db
def test_later_leaves_an_incomplete_record_and_the_dashboard_asks_again(person_client, person):
    course = make_course()
    _enrol(person_client, course)
    response = person_client.post(reverse("reports:entry_form"), {"later": "1", "next": course.url})
    assert response.status_code == 302 and response.url == course.url
    record = ParticipantRecord.objects.get(user=person)
    assert not record.is_complete
    assert person_client.get(course.url).status_code == 200  # learning goes on
    dashboard = person_client.get(reverse("courses:dashboard")).content.decode()
    assert "Ispunite ulazni obrazac" in dashboard


@pytest.mark.django_db
def test_a_date_of_birth_in_the_future_is_refused_in_croatian(person_client, person):
    future = (datetime.date.today() + datetime.timedelta(days=3)).isoformat()
    response = person_client.post(reverse("reports:entry_form"), {**ENTRY, "date_of_birth": future})
    assert response.status_code == 400
    assert "stvarni datum rođenja" in response.content.decode()
    assert not ParticipantRecord.objects.filter(user=person).exists()


@pytest.mark.django_db
def test_special_categories_require_an_answer_for_each_question(person_client, person):
    person_client.post(reverse("reports:entry_form"), ENTRY)
    response = person_client.post(reverse("reports:special_categories"), {"disability": "no"})
    assert response.status_code == 400
    assert "Ne želim odgovoriti" in response.content.decode()
    assert not hasattr(ParticipantRecord.objects.get(user=person), "special_categories")


@pytest.mark.django_db
def test_exit_form_is_due_after_leaving_and_saves_one_situation(person_client, person):
    person_client.post(reverse("reports:entry_form"), ENTRY)
    record = ParticipantRecord.objects.get(user=person)
    participation = Participation.objects.create(
        record=record,
        kind="courses",
        activity_key="course:999",
        activity_label="Poduzetništvo za početnike",
        started_on=datetime.date.today() - datetime.timedelta(days=40),
        ended_on=datetime.date.today() - datetime.timedelta(days=3),
        end_reason="completed",
    )
    dashboard = person_client.get(reverse("courses:dashboard")).content.decode()
    assert "Izlazni obrazac: Poduzetništvo za početnike" in dashboard
    url = reverse("reports:exit_form", args=[participation.pk])
    assert person_client.post(url, {}).status_code == 400
    response = person_client.post(url, {"situation": "employed", "qualification": "on"})
    assert response.status_code == 302
    exit_record = ExitRecord.objects.get(participation=participation)
    assert (exit_record.employed, exit_record.job_searching, exit_record.qualification) == (True, False, True)
    assert "Izlazni obrazac:" not in person_client.get(reverse("courses:dashboard")).content.decode()


@pytest.mark.django_db
def test_someone_elses_exit_form_is_not_found(person_client, demo_user):
    other = Participation.objects.filter(record__user=demo_user, ended_on__isnull=False).first()
    assert person_client.get(reverse("reports:exit_form", args=[other.pk])).status_code == 404


HOUSEHOLD = ("household_jobless", "household_dependent_children", "household_single_adult")


@pytest.mark.django_db
def test_esf_2014_entry_form_asks_the_household_questions_with_prefer_not_to_say(person_client, person):
    use_indicator_set("esf2014")
    page = person_client.get(reverse("reports:entry_form")).content.decode()
    assert "Vaše kućanstvo" in page and "Nitko u vašem kućanstvu nema posao" in page
    for name in HOUSEHOLD:
        assert f'name="{name}" value="prefer_not"' in page
    answers = {"household_jobless": "yes", "household_dependent_children": "prefer_not"}
    response = person_client.post(reverse("reports:entry_form"), {**ENTRY, **answers})
    assert response.status_code == 302
    record = ParticipantRecord.objects.get(user=person)
    assert (record.household_jobless, record.household_dependent_children, record.household_single_adult) == (
        "yes",
        "prefer_not",
        "no",
    )
    # Under 2014–2020 the household answers are core data: a refusal or a gap leaves the record incomplete.
    assert not record.is_complete
    answers = {"household_jobless": "yes", "household_dependent_children": "no", "household_single_adult": "no"}
    assert person_client.post(reverse("reports:entry_form"), {**ENTRY, **answers}).status_code == 302
    assert ParticipantRecord.objects.get(user=person).is_complete


@pytest.mark.django_db
def test_a_bad_household_answer_is_refused_and_nothing_is_saved(person_client, person):
    use_indicator_set("esf2014")
    response = person_client.post(reverse("reports:entry_form"), {**ENTRY, "household_jobless": "maybe"})
    assert response.status_code == 400
    assert "Odaberite jedan od ponuđenih odgovora." in response.content.decode()
    assert not ParticipantRecord.objects.filter(user=person).exists()


@pytest.mark.django_db
def test_esf_plus_entry_form_does_not_ask_about_the_household(person_client, person):
    use_indicator_set("esf2021")
    page = person_client.get(reverse("reports:entry_form")).content.decode()
    assert "household_jobless" not in page and "kućanstv" not in page
    response = person_client.post(reverse("reports:entry_form"), {**ENTRY, "household_jobless": "yes"})
    assert response.status_code == 302
    assert ParticipantRecord.objects.get(user=person).household_jobless == ""


@pytest.mark.django_db
def test_the_dashboard_asks_for_the_entry_form_of_someone_enrolled_without_one_but_not_while_only_pending(
    person_client, person
):
    """Enrolled by a coordinator (no hook asked yet): the dashboard asks for the entry form; the enrolments it
    has already read tell it that the person takes part. A pending enrolment alone is no participation."""
    from courses import services
    from courses.models import Enrolment, EnrolmentStatus

    enrolment = services.enrolment_create(user=person, course=make_course())
    assert not ParticipantRecord.objects.filter(user=person).exists()
    assert "Ispunite ulazni obrazac" in person_client.get(reverse("courses:dashboard")).content.decode()
    Enrolment.objects.filter(pk=enrolment.pk).update(status=EnrolmentStatus.PENDING)
    assert "Ispunite ulazni obrazac" not in person_client.get(reverse("courses:dashboard")).content.decode()
