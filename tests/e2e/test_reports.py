"""ESF forms and reports in a real browser, with axe-core on every new page.

* A person without a participant record enrols in a course, lands on the entry form, fills it in,
  answers every special-category question with "ne želim odgovoriti", and is back on the course.
* The demo learner opens her due exit form; the coordinator opens the indicator and project reports.
"""

from __future__ import annotations

import pytest
from django.utils import translation
from django.utils.translation import gettext

from .browser import PHONE, assert_accessible, screenshot
from .conftest import DESKTOP

pytestmark = pytest.mark.e2e


def hr(msgid: str) -> str:
    with translation.override("hr"):
        return gettext(msgid)


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone-360", "desktop-1280"])
def test_entry_form_with_prefer_not_to_say_answers(new_context, viewport):
    from accounts.models import User
    from courses.models import CoursePage
    from reports.models import ParticipantRecord, Participation

    person = User.objects.get(email="mentor@kok.test")
    assert not ParticipantRecord.objects.filter(user=person).exists()
    course = CoursePage.objects.live().exclude(enrolments__user=person).order_by("path").first()
    page = new_context(user=person, viewport=viewport).new_page()

    page.goto(course.url)
    page.get_by_role("button", name=hr("Enrol in the course")).first.click()
    page.wait_for_url("**/sudionik/ulazni-obrazac/**")
    assert_accessible(page, "entry form")
    page.get_by_label(hr("Male"), exact=True).check()
    page.locator("input[name=date_of_birth]").fill("1979-03-14")
    page.get_by_label(hr("Employed, including self-employed"), exact=True).check()
    page.locator("select[name=isced]").select_option("6")
    page.locator("select[name=county]").select_option("Zagrebačka")
    page.locator("input[name=rural][value=yes]").check()
    # The household questions (ESF 2014–2020, the demo's set): core data, answered yes or no.
    for name in ("household_jobless", "household_dependent_children", "household_single_adult"):
        page.locator(f"input[name={name}][value=no]").check()
    page.get_by_role("button", name=hr("Save and continue")).click()

    page.wait_for_url("**/sudionik/posebne-kategorije/**")
    assert_accessible(page, "special categories")
    # Submitting without answers: a Croatian error, nothing saved.
    page.get_by_role("button", name=hr("Save the answers")).click()
    page.get_by_text(hr("Choose an answer (you may choose “Prefer not to say”).")).first.wait_for()
    assert_accessible(page, "special categories with errors")
    for radio in page.locator("input[type=radio][value=prefer_not]").all():
        radio.check()
    screenshot(page, f"reports-special-categories-{viewport['width']}")
    page.get_by_role("button", name=hr("Save the answers")).click()
    page.wait_for_url(f"**{course.url}")

    record = ParticipantRecord.objects.get(user=person)
    assert record.is_complete and record.sex == "male" and record.isced == 6 and record.rural is True
    assert (record.household_jobless, record.household_single_adult) == ("no", "no")
    answers = record.special_categories
    assert {answers.disability, answers.migrant, answers.minority, answers.homeless} == {"prefer_not"}
    assert Participation.objects.filter(record=record, activity_key=f"course:{course.pk}").exists()


def test_exit_form_and_coordinator_reports_are_accessible(new_context):
    from accounts.models import User
    from reports.models import ExitRecord, Participation

    learner = User.objects.get(email="polaznik@kok.test")
    participation = Participation.objects.filter(record__user=learner, ended_on__isnull=False).first()
    page = new_context(user=learner).new_page()
    page.goto("/moje-ucenje/")
    assert_accessible(page, "my learning with the forms panel")
    page.get_by_role("link", name=hr("Exit form: %(activity)s") % {"activity": participation.activity_label}).click()
    assert_accessible(page, "exit form")
    page.get_by_label(hr("I am looking for work"), exact=True).check()
    page.get_by_label(hr("I am in education or training")).check()
    page.get_by_role("button", name=hr("Save the exit form")).click()
    page.wait_for_url("**/moje-ucenje/")
    exit_record = ExitRecord.objects.get(participation=participation)
    assert exit_record.job_searching and exit_record.in_education and not exit_record.employed

    coordinator = User.objects.get(email="koordinator@kok.test")
    page = new_context(user=coordinator).new_page()
    for path, name in (("/izvjestaji/pokazatelji/", "indicator report"), ("/izvjestaji/projekt/", "project report")):
        response = page.goto(path)
        assert response is not None and response.ok, path
        assert_accessible(page, name)
    assert page.locator("svg.bar-chart").count() >= 1
