"""`manage.py setup_site` without --no-input asks for the operator's facts (home/management/commands/setup_site.py)."""

import io

import pytest
from django.core.management import CommandError, call_command

from home.models import ContactSettings, FundingNotice

pytestmark = pytest.mark.django_db

VARIABLES = (
    "KOK_ORGANISATION_NAME",
    "KOK_ORGANISATION_ADDRESS",
    "KOK_CONTACT_EMAIL",
    "KOK_CONTACT_PHONE",
    "KOK_PROJECT_NAME",
    "KOK_EU_DISCLAIMER",
    "KOK_EU_FUNDING_NOTICE",
)


@pytest.fixture
def fresh_settings(monkeypatch):
    """An install whose site settings were never filled in, with nothing in the environment."""
    ContactSettings.objects.all().delete()
    FundingNotice.objects.all().delete()
    for variable in VARIABLES:
        monkeypatch.delenv(variable, raising=False)


def answer(monkeypatch, *answers) -> list[str]:
    questions, replies = [], iter(answers)

    def fake_input(question):
        questions.append(question)
        return next(replies)

    monkeypatch.setattr("builtins.input", fake_input)
    return questions


def test_the_answers_become_the_site_settings(fresh_settings, monkeypatch):
    questions = answer(
        monkeypatch,
        "Udruga Upitnik",
        "Trg slobode 1 | 10450 Jastrebarsko",
        "ured@upitnik.hr",
        "",
        "Projekt Upitnik",
        "",
    )
    call_command("setup_site", stdout=io.StringIO())
    assert len(questions) == 6
    assert questions[0].startswith("Organisation running the platform")
    contact = ContactSettings.objects.get()
    assert contact.organisation == "Udruga Upitnik"
    assert contact.address == "Trg slobode 1\n10450 Jastrebarsko"
    assert contact.email == "ured@upitnik.hr"
    assert contact.phone == ""
    notice = FundingNotice.objects.get()
    assert notice.project_name == "Projekt Upitnik"
    assert "Udruga Upitnik" in notice.disclaimer


def test_an_empty_answer_keeps_the_value_from_the_environment_shown_in_brackets(fresh_settings, monkeypatch):
    monkeypatch.setenv("KOK_ORGANISATION_NAME", "Udruga iz okoline")
    monkeypatch.setenv("KOK_CONTACT_EMAIL", "info@okolina.hr")
    questions = answer(monkeypatch, "", "", "", "", "", "")
    call_command("setup_site", stdout=io.StringIO())
    assert questions[0].endswith("[Udruga iz okoline]: ")
    assert questions[2].endswith("[info@okolina.hr]: ")
    contact = ContactSettings.objects.get()
    assert (contact.organisation, contact.email) == ("Udruga iz okoline", "info@okolina.hr")


def test_no_organisation_is_a_clear_error_and_saves_nothing(fresh_settings, monkeypatch):
    answer(monkeypatch, "", "", "", "", "", "")
    with pytest.raises(CommandError, match="KOK_ORGANISATION_NAME is required"):
        call_command("setup_site", stdout=io.StringIO())
    assert not ContactSettings.objects.exists()
    assert not FundingNotice.objects.exists()


def test_a_saved_organisation_is_not_asked_again(monkeypatch):
    saved = ContactSettings.objects.get().organisation
    questions = answer(monkeypatch, "", "", "", "", "")
    call_command("setup_site", stdout=io.StringIO())
    assert not any(question.startswith("Organisation") for question in questions)
    assert ContactSettings.objects.get().organisation == saved
