import datetime
import json

import pytest
from django.core.files.storage import storages
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from accounts import privacy
from accounts.models import User
from mentoring import models
from mentoring.models import Meeting, Organisation, OrganisationMembership, Pairing, Programme
from mentoring.validators import is_valid_oib

from .factories import MeetingFactory, mentor_with_pairing

pytestmark = pytest.mark.django_db


def _counts():
    return [
        m.objects.count()
        for m in (
            Organisation,
            OrganisationMembership,
            Programme,
            Pairing,
            Meeting,
            models.Goal,
            models.Task,
            models.Assessment,
        )
    ]


def test_demo_is_idempotent():
    before = _counts()
    call_command("load_demo", verbosity=0)
    assert _counts() == before


def test_demo_organisations_follow_the_project_facts():
    organisations = {o.name: o for o in Organisation.objects.all()}
    for name in [
        "Udruga PET PLUS",
        "LAG Vallis Colapis",
        "KUD Kravarsko",
        "Udruga umirovljenika općine Kravarsko",
        "Savjet mladih Općine Kravarsko",
        "Općina Kravarsko",
    ]:
        assert name in organisations
        assert is_valid_oib(organisations[name].oib)
    assert organisations["Općina Kravarsko"].kind == Organisation.Kind.LOCAL_GOVERNMENT
    assert not organisations["Općina Kravarsko"].is_cso
    assert organisations["Savjet mladih Općine Kravarsko"].founding_year == timezone.localdate().year
    assert organisations["Udruga PET PLUS"].experience == Organisation.Experience.EXPERIENCED
    youth_pairing = Pairing.objects.get(mentee_organisation__name="Savjet mladih Općine Kravarsko")
    assert youth_pairing.mentors.filter(email="mentor@kok.test").exists()
    assert OrganisationMembership.objects.filter(
        user__email="clan@kok.test", organisation__name__startswith="Savjet"
    ).exists()
    assert Programme.objects.get().coordinator.email == "koordinator@kok.test"


@pytest.mark.parametrize(
    ("email", "visible", "hidden"),
    [
        ("mentor@kok.test", "Savjet mladih Općine Kravarsko", "LAG Vallis Colapis → KUD Kravarsko"),
        ("clan@kok.test", "Savjet mladih Općine Kravarsko", "LAG Vallis Colapis → KUD Kravarsko"),
        ("koordinator@kok.test", "LAG Vallis Colapis → KUD Kravarsko", "Još niste u mentorskom paru"),
    ],
)
def test_demo_accounts_dashboards(client, email, visible, hidden):
    client.force_login(User.objects.get(email=email))
    html = client.get(reverse("mentoring:dashboard")).content.decode()
    assert visible in html
    assert hidden not in html
    assert "Kasni" in html or email == "koordinator@kok.test" or "kasni" in html


def test_demo_pairing_page_shows_everything(client):
    client.force_login(User.objects.get(email="mentor@kok.test"))
    pairing = Pairing.objects.get(mentee_organisation__name="Savjet mladih Općine Kravarsko")
    html = client.get(reverse("mentoring:pairing_detail", args=[pairing.pk])).content.decode()
    for text in [
        "Mentorski sporazum",
        "Donijeti program rada Savjeta mladih",
        "Anketa među mladima",
        "Dnevnik sastanaka",
        "početna procjena",
        "srednja procjena",
        "<svg",
        "Područja za jačanje i tečajevi koji pomažu",
        "aktivan",
    ]:
        assert text in html, text


def test_privacy_export_and_erase():
    mentor, member, pairing = mentor_with_pairing()
    meeting = MeetingFactory(pairing=pairing, topics="Volonterski rad")
    meeting.attendees.set([mentor, member])
    meeting.confirmed_by = member
    meeting.save()
    data = privacy.providers()
    provider = next(p for p in data if p.label == "mentoring")
    exported = provider.export(member)
    json.dumps(exported)
    assert exported["memberships"][0]["organisation"] == pairing.mentee_organisation.name
    assert exported["meetings"][0]["topics"] == "Volonterski rad"
    assert exported["meetings"][0]["confirmed_by_me"]
    assert provider.export(mentor)["pairings_as_mentor"][0]["pairing"] == pairing.pk
    provider.erase(mentor)
    provider.erase(member)
    meeting.refresh_from_db()
    assert not meeting.attendees.exists()
    assert meeting.confirmed_by is None
    assert not pairing.mentors.exists()
    assert not OrganisationMembership.objects.filter(user__in=[mentor, member]).exists()
    assert Meeting.objects.filter(pk=meeting.pk).exists()  # the organisation's record stays


def test_every_mentoring_model_with_a_user_fk_is_covered_by_the_provider():
    from django.contrib.auth import get_user_model

    covered = privacy.covered_models()
    for model in (
        models.OrganisationMembership,
        models.Pairing,
        models.Programme,
        models.MentoringAgreement,
        models.Meeting,
        models.Assessment,
    ):
        assert model in covered
    user_model = get_user_model()
    for model in [m for m in models.__dict__.values() if isinstance(m, type) and hasattr(m, "_meta")]:
        if getattr(model._meta, "app_label", None) != "mentoring" or model._meta.abstract:
            continue
        if any(getattr(f, "related_model", None) is user_model for f in model._meta.get_fields()):
            assert model in covered, model


def test_pairing_report_pdf_is_rendered_by_the_task_and_downloaded(client, django_capture_on_commit_callbacks):
    client.force_login(User.objects.get(email="mentor@kok.test"))
    pairing = Pairing.objects.get(mentee_organisation__name="Savjet mladih Općine Kravarsko")
    url = reverse("mentoring:pairing_report", args=[pairing.pk])
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = client.get(url)
    assert response.status_code == 202
    assert "Izvješće se priprema" in response.content.decode()
    for callback in callbacks:
        callback()  # the immediate task backend renders the PDF now
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    pdf = b"".join(response.streaming_content)
    assert pdf.startswith(b"%PDF")
    assert len(pdf) > 5000


def test_programme_report_pdf_for_the_coordinator(client, django_capture_on_commit_callbacks):
    from mentoring.reports import programme_report_context, render_programme_report

    programme = Programme.objects.get(name="Mentorski program za udruge Kravarskoga")
    context = programme_report_context(programme=programme)
    assert context["summary"].meetings == 12
    assert len([c for c in context["charts"] if c["chart"]]) == 3
    pdf = render_programme_report(programme=programme)
    assert pdf.startswith(b"%PDF")
    client.force_login(User.objects.get(email="koordinator@kok.test"))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.get(reverse("mentoring:programme_report", args=[programme.pk]))
    assert response.status_code in (200, 202)
    response = client.get(reverse("mentoring:programme_report", args=[programme.pk]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_report_html_has_croatian_figures_and_radar():
    from django.template.loader import render_to_string

    from mentoring.reports import pairing_report_context

    pairing = Pairing.objects.get(mentee_organisation__name="KUD Kravarsko")
    html = render_to_string(
        "mentoring/report_pairing_pdf.html", {**pairing_report_context(pairing=pairing), "title": "x"}
    )
    assert "<svg" in html
    assert "završna procjena" in html
    assert "9,5" in html  # hours of the completed demo pairing


def test_past_dates_of_demo_meetings():
    assert (
        Meeting.objects.filter(planned=False, starts_at__gt=timezone.now() + datetime.timedelta(hours=1)).count() == 0
    )
    assert storages["private"] is not None


def test_a_new_report_replaces_the_old_file():
    from mentoring.reports import REPORT_DIR, store

    storage = storages["private"]
    store(f"{REPORT_DIR}/mentorski-par-99-aaaa.pdf", b"%PDF-old")
    store(f"{REPORT_DIR}/mentorski-par-999-cccc.pdf", b"%PDF-other")
    store(f"{REPORT_DIR}/mentorski-par-99-bbbb.pdf", b"%PDF-new")
    assert not storage.exists(f"{REPORT_DIR}/mentorski-par-99-aaaa.pdf")
    assert storage.exists(f"{REPORT_DIR}/mentorski-par-99-bbbb.pdf")
    assert storage.exists(f"{REPORT_DIR}/mentorski-par-999-cccc.pdf")


def test_programme_area_change_compares_the_same_organisations():
    from mentoring.selectors import programme_overview

    coordinator = User.objects.get(email="koordinator@kok.test")
    summary = next(
        s for s in programme_overview(user=coordinator) if s.programme.name.startswith("Mentorski program za")
    )
    for area in summary.areas:
        assert area.latest is not None
        assert area.latest >= area.baseline


def test_demo_without_accounts_builds_the_programme_without_people():
    from mentoring import demo

    Pairing.objects.all().delete()
    Programme.objects.all().delete()
    OrganisationMembership.objects.all().delete()
    demo.load(log=lambda message: None, with_accounts=False)
    programme = Programme.objects.get(name=demo.PROGRAMME_NAME)
    assert programme.coordinator is None
    assert programme.pairings.count() == 3
    assert not OrganisationMembership.objects.exists()
    assert Meeting.objects.filter(pairing__programme=programme, planned=False).count() == 12
