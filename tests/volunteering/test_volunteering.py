"""Volunteering as volunteers and coordinators see it: applying, minors, contracts, hours,
confirmations, the annual report, privacy and who may see what."""

import datetime
import uuid
from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from accounts import services as account_services
from certificates.models import Certificate
from volunteering import selectors, services
from volunteering.models import Application, Confirmation, County, HourEntry, Sex

from .factories import (
    accepted_application,
    approved_hours,
    coordinator_of,
    opportunity,
    volunteer,
)

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()
YESTERDAY = TODAY - datetime.timedelta(days=1)


def _post_apply(client, user, opp, **data):
    client.force_login(user)
    return client.post(reverse("volunteering:apply", args=[opp.pk]), data)


def test_index_and_opportunity_pages_show_the_rules(client):
    opp = opportunity(title="Pomoć starijima na tečaju", vulnerable_groups=True, long_term=True)
    index = client.get(opp.get_parent().url)
    assert "Pomoć starijima na tečaju" in index.content.decode()
    page = client.get(opp.url).content.decode()
    assert "ugovor o volontiranju" in page
    assert "potvrdu o nekažnjavanju" in page


def test_first_application_asks_for_the_profile_then_applies_once(client):
    opp = opportunity()
    user = volunteer(age=30)
    user.volunteer_profile.delete()
    client.force_login(user)
    response = client.get(reverse("volunteering:apply", args=[opp.pk]))
    assert response.status_code == 302 and reverse("volunteering:profile") in response["Location"]
    user = volunteer(age=30)
    first = _post_apply(client, user, opp, motivation="Rado pomažem.")
    second = _post_apply(client, user, opp, motivation="Rado pomažem.")
    assert first.status_code == 302 and second.status_code == 302
    assert Application.objects.filter(volunteer=user, opportunity=opp).count() == 1
    assert client.get(reverse("volunteering:my")).content.decode().count(opp.title) >= 1


def test_fourteen_year_old_is_refused_in_croatian_and_nothing_is_saved(client):
    opp = opportunity(minimum_age=15)
    child = volunteer(age=14)
    page = client.get(reverse("volunteering:apply", args=[opp.pk])) if client.force_login(child) is None else None
    assert "Djeca mlađa od 15 godina" in page.content.decode()
    response = _post_apply(client, child, opp)
    assert response.status_code == 400
    assert not Application.objects.filter(volunteer=child).exists()


def test_under_fifteen_may_join_education_for_volunteering():
    opp = opportunity(minimum_age=10, volunteering_education=True)
    child = volunteer(age=12)
    application = services.application_create(
        user=child, opportunity=opp, guardian_name="Ana Horvat", guardian_email="ana@primjer.test"
    )
    assert application.state == Application.State.AWAITING_CONSENT


@pytest.mark.parametrize("flag", ["increased_risk", "abroad"])
def test_minors_can_never_apply_for_risky_or_abroad(flag):
    opp = opportunity(minimum_age=18, **{flag: True})
    with pytest.raises(ValidationError) as error:
        services.application_create(
            user=volunteer(age=16), opportunity=opp, guardian_name="A", guardian_email="a@primjer.test"
        )
    assert "povećanog rizika ili u inozemstvu" in error.value.messages[0]


def test_sixteen_year_old_waits_for_the_guardians_consent(client, django_capture_on_commit_callbacks):
    opp = opportunity(minimum_age=15)
    teen = volunteer(age=16)
    response = _post_apply(client, teen, opp)
    assert response.status_code == 400  # guardian fields are required
    assert not Application.objects.filter(volunteer=teen).exists()
    with django_capture_on_commit_callbacks(execute=True):
        response = _post_apply(client, teen, opp, guardian_name="Marija Kovač", guardian_email="marija@primjer.test")
    assert response.status_code == 302
    application = Application.objects.get(volunteer=teen)
    assert application.state == Application.State.AWAITING_CONSENT
    assert "suglasnost" in client.get(reverse("volunteering:my")).content.decode().lower()
    with pytest.raises(ValidationError):
        services.application_accept(application=application, by=None)
    message = mail.outbox[-1]
    assert message.to == ["marija@primjer.test"]
    link = next(line for line in message.body.splitlines() if "/suglasnost/" in line).strip()
    path = link.split("testserver", 1)[-1]
    client.logout()
    assert "Slažem se" in client.get(path).content.decode()
    client.post(path, HTTP_USER_AGENT="Firefox", REMOTE_ADDR="10.1.2.3")
    application.refresh_from_db()
    assert application.state == Application.State.PENDING
    assert application.consent.confirmed_ip == "10.1.2.3"
    assert application.consent.confirmed_user_agent == "Firefox"
    assert client.get(path.replace("/suglasnost/", "/suglasnost/x")).status_code == 400


def test_expired_consent_link_is_refused(client, settings):
    opp = opportunity(minimum_age=15)
    application = services.application_create(
        user=volunteer(age=17), opportunity=opp, guardian_name="A B", guardian_email="ab@primjer.test"
    )
    token = services.consent_token(consent=application.consent)
    settings.KOK_GUARDIAN_LINK_MAX_AGE = -1
    assert client.post(reverse("volunteering:consent", args=[token])).status_code == 410
    application.refresh_from_db()
    assert application.state == Application.State.AWAITING_CONSENT


def _consent_path(message) -> str:
    link = next(line for line in message.body.splitlines() if "/suglasnost/" in line).strip()
    return link.split("testserver", 1)[-1]


def test_volunteer_asks_for_a_new_consent_link_which_voids_the_old_one(
    client, settings, django_capture_on_commit_callbacks
):
    from django.core.cache import cache

    cache.clear()
    opp = opportunity(minimum_age=15, title="Knjižnica za djecu")
    teen = volunteer(age=16)
    with django_capture_on_commit_callbacks(execute=True):
        _post_apply(client, teen, opp, guardian_name="Marija Kovač", guardian_email="marija@primjer.test")
    application = Application.objects.get(volunteer=teen)
    old_path = _consent_path(mail.outbox[-1])
    client.logout()
    settings.KOK_GUARDIAN_LINK_MAX_AGE = -1  # every link is now too old
    expired = client.get(old_path)
    assert expired.status_code == 410
    page = expired.content.decode()
    assert "Knjižnica za djecu" in page and "Pošalji poveznicu ponovno" in page  # what the parent can do
    client.force_login(teen)
    my_page = client.get(reverse("volunteering:my")).content.decode()
    resend_url = reverse("volunteering:consent_resend", args=[application.pk])
    assert resend_url in my_page
    sent = len(mail.outbox)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(resend_url, follow=True)
    assert "marija@primjer.test" in response.content.decode()
    assert len(mail.outbox) == sent + 1 and mail.outbox[-1].to == ["marija@primjer.test"]
    new_path = _consent_path(mail.outbox[-1])
    settings.KOK_GUARDIAN_LINK_MAX_AGE = 7 * 86400
    client.logout()
    assert client.get(old_path).status_code == 400  # the older link is void
    client.post(new_path, REMOTE_ADDR="10.9.8.7")
    application.refresh_from_db()
    assert application.state == Application.State.PENDING
    # Nothing left to re-send: a clear message, no e-mail.
    client.force_login(teen)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(resend_url, follow=True)
    assert "ne čeka suglasnost" in response.content.decode()
    assert len(mail.outbox) == sent + 1


def test_consent_link_resends_are_rate_limited_and_the_parent_can_resend_from_the_expired_page(
    client, settings, django_capture_on_commit_callbacks
):
    from django.core.cache import cache

    cache.clear()
    application = services.application_create(
        user=volunteer(age=17),
        opportunity=opportunity(minimum_age=15),
        guardian_name="A B",
        guardian_email="ab@primjer.test",
    )
    token = services.consent_token(consent=application.consent)
    settings.KOK_GUARDIAN_LINK_MAX_AGE = -1
    path = reverse("volunteering:consent", args=[token])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(path, {"action": "resend"})
    assert response.status_code == 200 and mail.outbox[-1].to == ["ab@primjer.test"]
    assert client.get(path).status_code == 400  # the parent's own old link is void now
    client.force_login(application.volunteer)
    resend_url = reverse("volunteering:consent_resend", args=[application.pk])
    for _ in range(4):
        client.post(resend_url)
    sent = len(mail.outbox)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(resend_url, follow=True)
    assert "Previše zahtjeva" in response.content.decode()
    assert len(mail.outbox) == sent
    application.consent.refresh_from_db()
    assert application.consent.times_sent == 6  # the first e-mail, then five re-sends (one budget) before the limit
    other = volunteer()
    client.force_login(other)
    assert client.post(resend_url).status_code == 404


def test_contract_blocks_hours_until_both_sides_accept(client):
    opp = opportunity(long_term=True)
    application = accepted_application(opp=opp)
    contract = application.contract
    assert contract.activities == opp.what_you_will_do
    client.force_login(application.volunteer)
    data = {"date": YESTERDAY.isoformat(), "hours": "3", "activity": "Pomoć", "submission": str(uuid.uuid4())}
    response = client.post(reverse("volunteering:hours", args=[application.pk]), data)
    assert response.status_code == 400
    assert "ugovor" in response.content.decode()
    assert not HourEntry.objects.filter(application=application).exists()
    client.post(reverse("volunteering:contract", args=[application.pk]))
    services.contract_accept(contract=contract, by=coordinator_of(opp.organiser), as_organiser=True)
    assert client.post(reverse("volunteering:hours", args=[application.pk]), data).status_code == 302
    assert client.post(reverse("volunteering:hours", args=[application.pk]), data).status_code == 302
    assert HourEntry.objects.filter(application=application).count() == 1


def test_foreign_national_or_request_needs_a_contract():
    assert accepted_application(user=volunteer(citizenship="Slovenija")).contract_required
    assert accepted_application(contract_requested=True).contract_required
    assert not accepted_application().contract_required


def test_contract_pdf_has_every_element_the_act_requires(client):
    import io

    from pypdf import PdfReader

    opp = opportunity(long_term=True, place="Društveni centar Kravarsko")
    application = accepted_application(opp=opp)
    client.force_login(application.volunteer)
    with pytest.MonkeyPatch.context():
        from volunteering.contract_pdf import contract_store

        contract_store(contract=application.contract)
    response = client.get(reverse("volunteering:contract_pdf", args=[application.pk]))
    assert response.status_code == 200
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(b"".join(response.streaming_content))).pages)
    for expected in (
        opp.organiser.oib,
        "Društveni centar Kravarsko",
        "Prava i dužnosti",
        "Mjere osobne sigurnosti",
        "Način osiguranja prava",
        "Prestanak ugovora",
        "Kravarsko 5",
    ):
        assert expected in text


def test_vulnerable_groups_need_statement_and_certificate_check(client):
    opp = opportunity(vulnerable_groups=True)
    application = accepted_application(opp=opp)
    services.contract_accept(contract=application.contract, by=application.volunteer, as_organiser=False)
    services.contract_accept(contract=application.contract, by=coordinator_of(opp.organiser), as_organiser=True)
    application.refresh_from_db()
    assert "nekažnjavanju" in services.hours_block_reason(application)
    client.force_login(application.volunteer)
    client.post(reverse("volunteering:statement", args=[application.pk]))
    coordinator = coordinator_of(opp.organiser)
    with pytest.raises(ValidationError):
        services.criminal_record_seen(
            application=application, seen_on=TODAY + datetime.timedelta(days=1), by=coordinator
        )
    services.criminal_record_seen(application=application, seen_on=TODAY, by=coordinator)
    application = Application.objects.get(pk=application.pk)
    assert services.hours_block_reason(application) is None
    assert application.vulnerable_check.certificate_checked_by == coordinator


def test_vulnerable_groups_statement_names_article_10_of_the_act(client):
    """The statement cites Art. 10 of the Act (its catalogue of offences barring work with vulnerable groups;
    docs/volunteering.md, Legal references) and is not the withdrawn "Article 14.a" text."""
    opp = opportunity(vulnerable_groups=True)
    application = accepted_application(opp=opp)
    client.force_login(application.volunteer)
    page = client.get(reverse("volunteering:my")).content.decode()
    assert "okolnost iz članka 10. Zakona o volonterstvu (NN 58/07, 22/13, 84/21)" in page
    assert "nisam pravomoćno osuđen/a niti se protiv mene vodi kazneni postupak" in page
    assert "14.a" not in page
    client.post(reverse("volunteering:statement", args=[application.pk]))
    page = client.get(reverse("volunteering:my")).content.decode()
    assert "Vaša je izjava zabilježena." in page
    assert "članka 10." not in page


def test_hours_pending_then_decided_approved_are_immutable_with_history():
    application = accepted_application()
    entry = services.hours_log(
        application=application, by=application.volunteer, date=YESTERDAY, hours=Decimal("2"), activity="A"
    )
    entry = services.hours_update(entry=entry, by=application.volunteer, hours=Decimal("3"))
    with pytest.raises(ValidationError) as error:
        services.hours_decide(entry=entry, by=None, approve=False, reason="")
    assert "razlog" in error.value.messages[0].lower()
    entry = services.hours_decide(entry=entry, by=None, approve=True)
    with pytest.raises(ValidationError):
        services.hours_update(entry=entry, by=application.volunteer, hours=Decimal("9"))
    with pytest.raises(ValidationError):
        services.hours_delete(entry=entry, by=application.volunteer)
    history = list(entry.changes.values_list("before", "after"))
    assert history[1][0]["hours"] == "2.0" and history[1][1]["hours"] == "3.0"
    assert history[2][1]["state"] == HourEntry.State.APPROVED
    with pytest.raises(ValidationError):
        services.hours_log(
            application=application,
            by=application.volunteer,
            date=TODAY + datetime.timedelta(days=1),
            hours=Decimal("2"),
            activity="A",
        )


def test_coordinator_bulk_approves_only_own_organisations_hours(client):
    mine = accepted_application()
    theirs = accepted_application()
    coordinator = coordinator_of(mine.organisation)
    e1 = services.hours_log(application=mine, by=mine.volunteer, date=YESTERDAY, hours=Decimal("2"), activity="A")
    e2 = services.hours_log(application=theirs, by=theirs.volunteer, date=YESTERDAY, hours=Decimal("2"), activity="B")
    client.force_login(coordinator)
    page = client.get(reverse("volunteering_work")).content.decode()
    assert mine.volunteer.get_full_name() in page
    client.post(reverse("volunteering_hours_decide"), {"entry": [e1.pk, e2.pk], "action": "approve"})
    e1.refresh_from_db(), e2.refresh_from_db()
    assert (e1.state, e2.state) == (HourEntry.State.APPROVED, HourEntry.State.PENDING)
    assert (
        client.post(reverse("volunteering_application_decide", args=[theirs.pk]), {"action": "accept"}).status_code
        == 404
    )
    assert (
        client.get(reverse("volunteering_annual_report", args=[theirs.organisation_id, TODAY.year])).status_code == 404
    )
    listing = client.get("/admin/volunteering/hours/").content.decode()
    assert "A" in listing and e2.activity not in listing.split("<tbody")[-1]


def test_confirmation_is_a_certificate_that_verifies(client):
    application = accepted_application()
    approved_hours(application, YESTERDAY, "4")
    client.force_login(application.volunteer)
    response = client.post(
        reverse("volunteering:confirmation_request", args=[application.pk]),
        {
            "kind": "volontiranje",
            "period_start": (YESTERDAY - datetime.timedelta(days=30)).isoformat(),
            "period_end": YESTERDAY.isoformat(),
        },
    )
    assert response.status_code == 302
    confirmation = Confirmation.objects.get(application=application)
    coordinator = coordinator_of(application.organisation)
    client.force_login(coordinator)
    client.post(reverse("volunteering_confirmation_issue", args=[confirmation.pk]))
    confirmation.refresh_from_db()
    certificate = confirmation.certificate
    assert certificate.subject_key.startswith(f"volunteering:{application.volunteer_id}:{application.organisation_id}:")
    assert certificate.hours == Decimal("4")
    page = client.get(certificate.get_verification_path()).content.decode()
    assert application.organisation.name in page and application.organisation.oib in page
    assert "4 sata" in page


def test_competence_confirmation_only_when_asked_at_the_start():
    short = accepted_application()
    with pytest.raises(ValidationError) as error:
        services.confirmation_request(
            application=short, kind=Confirmation.Kind.COMPETENCES, period_start=YESTERDAY, period_end=YESTERDAY
        )
    assert "kompetencij" in error.value.messages[0]
    long_term = opportunity(long_term=True)
    application = accepted_application(opp=long_term, competences_wanted=True)
    confirmation = services.confirmation_request(
        application=application, kind=Confirmation.Kind.COMPETENCES, period_start=YESTERDAY, period_end=YESTERDAY
    )
    confirmation = services.confirmation_issue(
        confirmation=confirmation, by=None, competences={"digitalna": "Vodila tečaj."}
    )
    assert "digitalna kompetencija" in confirmation.certificate.title


def test_competence_confirmation_pdf_prints_each_filled_competence_with_its_description(
    client, django_capture_on_commit_callbacks
):
    from tests.pdftools import pdf_page_sizes, pdf_text

    application = accepted_application(opp=opportunity(long_term=True), competences_wanted=True)
    client.force_login(application.volunteer)
    client.post(
        reverse("volunteering:confirmation_request", args=[application.pk]),
        {"kind": "kompetencije", "period_start": YESTERDAY.isoformat(), "period_end": YESTERDAY.isoformat()},
    )
    confirmation = Confirmation.objects.get(application=application)
    client.force_login(coordinator_of(application.organisation))
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("volunteering_confirmation_issue", args=[confirmation.pk]),
            {
                "competence_digitalna": "Samostalno je vodila tečaj rada na računalu za starije sumještane.",
                "competence_gradanska": "Pripremila je javnu raspravu o društvenom centru u Kravarskom.",
                "competence_jezici": "   ",
            },
        )
    confirmation.refresh_from_db()
    assert set(confirmation.competences) == {"digitalna", "gradanska"}
    client.force_login(application.volunteer)
    response = client.get(confirmation.certificate.get_download_path())
    assert response.status_code == 200
    pdf = b"".join(response.streaming_content)
    text = pdf_text(pdf)
    assert len(pdf_page_sizes(pdf)) == 2  # the statement, then the competences
    assert "Kompetencije stečene volontiranjem" in text
    assert "digitalna kompetencija" in text
    assert "Samostalno je vodila tečaj rada na računalu za starije sumještane." in text
    assert "građanska kompetencija" in text
    assert "Pripremila je javnu raspravu o društvenom centru u Kravarskom." in text
    assert "višejezična" not in text  # an empty competence is not printed
    assert confirmation.certificate.display_code in text


def test_annual_report_totals_split_exactly_at_new_year_in_constant_queries(django_assert_max_num_queries):
    year = TODAY.year - 1
    organisation_opp = opportunity(activity_type="kultura")
    a = accepted_application(opp=organisation_opp, user=volunteer(age=20, sex=Sex.MALE, county=County.KARLOVACKA))
    b = accepted_application(opp=organisation_opp, user=volunteer(age=70, sex=Sex.FEMALE))
    approved_hours(a, datetime.date(year, 12, 31), "3")
    approved_hours(b, datetime.date(year, 12, 31), "1.5")
    approved_hours(a, datetime.date(year + 1, 1, 1), "5")
    services.hours_log(
        application=b, by=b.volunteer, date=datetime.date(year, 12, 30), hours=Decimal("7"), activity="x"
    )
    organisation = a.organisation
    with django_assert_max_num_queries(3):
        report = selectors.annual_report(organisation=organisation, year=year)
    assert (report.volunteers, report.hours) == (2, Decimal("4.5"))
    assert {label: (v, h) for label, v, h in report.by_sex} == {
        "žensko": (1, Decimal("1.5")),
        "muško": (1, Decimal("3")),
    }
    assert report.opportunities[0]["hours"] == Decimal("4.5")
    nxt = selectors.annual_report(organisation=organisation, year=year + 1)
    assert (nxt.volunteers, nxt.hours) == (1, Decimal("5"))


def test_annual_report_xlsx_and_filing(client):
    import io

    from openpyxl import load_workbook

    application = accepted_application()
    approved_hours(application, YESTERDAY, "2")
    coordinator = coordinator_of(application.organisation)
    client.force_login(coordinator)
    url = reverse("volunteering_annual_report_download", args=[application.organisation_id, YESTERDAY.year, "xlsx"])
    sheet = load_workbook(io.BytesIO(client.get(url).content)).active
    values = list(sheet.iter_rows(values_only=True))
    assert application.organisation.oib in [r[1] for r in values]
    assert list(next(r for r in values if r[0] == "Ukupan broj volontera")[:2]) == ["Ukupan broj volontera", 1]
    client.post(reverse("volunteering_annual_report", args=[application.organisation_id, YESTERDAY.year]))
    assert selectors.annual_report(organisation=application.organisation, year=YESTERDAY.year).filed


def test_report_due_panel_from_january_to_march_until_filed():
    application = accepted_application()
    coordinator = coordinator_of(application.organisation)
    year = TODAY.year
    assert selectors.report_due_organisations(user=coordinator, today=datetime.date(year, 2, 1)) == [
        (application.organisation, year - 1)
    ]
    assert selectors.report_due_organisations(user=coordinator, today=datetime.date(year, 4, 1)) == []
    services.annual_report_mark_filed(organisation=application.organisation, year=year - 1, by=coordinator)
    assert selectors.report_due_organisations(user=coordinator, today=datetime.date(year, 2, 1)) == []


def test_erasure_keeps_past_annual_reports(client):
    application = accepted_application()
    approved_hours(application, YESTERDAY, "6")
    before = selectors.annual_report(organisation=application.organisation, year=YESTERDAY.year)
    exported = account_services.personal_data_export(user=application.volunteer)
    assert exported["volunteering"]["profile"]["address"] == "Kravarsko 5, 10413 Kravarsko"
    account_services.account_erase(user=application.volunteer, delete=True)
    after = selectors.annual_report(organisation=application.organisation, year=YESTERDAY.year)
    assert (after.volunteers, after.hours, after.by_sex, after.by_age) == (
        before.volunteers,
        before.hours,
        before.by_sex,
        before.by_age,
    )
    application.refresh_from_db()
    assert application.volunteer is None


def test_selectors_for_reports():
    application = accepted_application()
    approved_hours(application, YESTERDAY, "2")
    totals = selectors.approved_hours_in_period(start=YESTERDAY, end=YESTERDAY)
    assert totals["hours"] >= Decimal("2") and totals["volunteers"] >= 1
    assert application.volunteer_id in selectors.participant_user_ids(start=TODAY, end=TODAY)


def test_dashboard_panel_on_moje_ucenje(client):
    application = accepted_application()
    client.force_login(application.volunteer)
    response = client.get(reverse("courses:dashboard"))
    assert "Moje volontiranje" in response.content.decode()
    assert Certificate.objects.count() >= 0


def test_annual_report_pdf_is_rendered_by_the_worker_and_downloaded(client, django_capture_on_commit_callbacks):
    import io

    from pypdf import PdfReader

    application = accepted_application()
    approved_hours(application, YESTERDAY, "2")
    client.force_login(coordinator_of(application.organisation))
    url = reverse("volunteering_annual_report_download", args=[application.organisation_id, YESTERDAY.year, "pdf"])
    with django_capture_on_commit_callbacks(execute=True):
        pending = client.get(url)
    assert pending.status_code == 202  # as every stored PDF that is not ready yet
    response = client.get(url)
    assert response.status_code == 200 and response["Cache-Control"].startswith("private")
    text = PdfReader(io.BytesIO(response.content)).pages[0].extract_text()
    assert application.organisation.oib in text
    assert "Ukupan broj volontera" in text


def test_listing_and_my_page_in_constant_queries(client, django_assert_max_num_queries):
    opp = opportunity()
    for _ in range(3):
        opportunity(organiser=opp.organiser)
    user = volunteer()
    for page in (opportunity(organiser=opp.organiser), opportunity(organiser=opp.organiser)):
        application = accepted_application(opp=page, user=user)
        approved_hours(application, YESTERDAY)
    client.get(opp.get_parent().url)
    with django_assert_max_num_queries(12):
        assert client.get(opp.get_parent().url + "?x=1").status_code == 200
    client.force_login(user)
    with django_assert_max_num_queries(20):
        assert client.get(reverse("volunteering:my")).status_code == 200


def test_attended_event_sessions_become_hours_to_approve_once(client):
    from events.models import Attendance, AttendanceStatus, Registration, RegistrationRole
    from tests.events.factories import make_event

    event = make_event(title="Kulturna večer za test", sessions=((-26, 3), (-50, 1.5), (48, 2)))
    opp = opportunity(event=event)
    application = accepted_application(opp=opp)
    volunteer_seat = Registration.objects.get(event=event, user=application.volunteer)  # registered on acceptance
    assert volunteer_seat.role == RegistrationRole.VOLUNTEER
    past = list(event.sessions.order_by("start"))[:2]
    Attendance.objects.create(registration=volunteer_seat, session=past[0], status=AttendanceStatus.PRESENT)
    Attendance.objects.create(registration=volunteer_seat, session=past[1], status=AttendanceStatus.ABSENT)
    page = client.get(opp.url).content.decode()
    assert page.count("<time datetime=") >= 3  # the dates come from the event's sessions
    coordinator = coordinator_of(opp.organiser)
    client.force_login(coordinator)
    client.post(reverse("volunteering_hours_from_events"))
    client.post(reverse("volunteering_hours_from_events"))
    entries = list(HourEntry.objects.filter(application=application))
    assert [(e.hours, e.state) for e in entries] == [(Decimal("1.5"), HourEntry.State.PENDING)]


def _accept_over_http(client, application):
    client.force_login(coordinator_of(application.organisation))
    response = client.post(
        reverse("volunteering_application_decide", args=[application.pk]), {"action": "accept"}, follow=True
    )
    return " ".join(str(message) for message in response.context["messages"])


def test_accepting_registers_for_the_event_and_attended_sessions_end_as_approved_hours(
    client, django_capture_on_commit_callbacks
):
    from events.models import Registration, RegistrationRole, RegistrationStatus
    from tests.accounts.factories import UserFactory
    from tests.events.factories import make_event

    trainer = UserFactory()
    event = make_event(title="Večer tradicijskih plesova", sessions=((-26, 3), (48, 2)), trainers=[trainer])
    opp = opportunity(event=event)
    user = volunteer()
    _post_apply(client, user, opp, motivation="Rado pomažem.")
    application = Application.objects.get(volunteer=user)
    assert not Registration.objects.filter(user=user).exists()  # applying alone registers nobody
    with django_capture_on_commit_callbacks(execute=True):
        note = _accept_over_http(client, application)
    assert "prijavljen" in note and "Večer tradicijskih plesova" in note
    registration = Registration.objects.get(user=user, event=event)
    assert (registration.role, registration.status) == (RegistrationRole.VOLUNTEER, RegistrationStatus.BOOKED)
    assert any(user.email in message.to for message in mail.outbox)  # the event's confirmation e-mail
    client.force_login(user)
    assert "Večer tradicijskih plesova" in client.get(reverse("volunteering:my")).content.decode()
    # The trainer marks the past session; the coordinator turns it into hours and approves them.
    session = event.sessions.order_by("start").first()
    client.force_login(trainer)
    client.post(reverse("events:attendance", args=[session.pk]), {"registration": registration.pk, "status": "present"})
    coordinator = coordinator_of(opp.organiser)
    client.force_login(coordinator)
    client.post(reverse("volunteering_hours_from_events"))
    entry = HourEntry.objects.get(application=application)
    assert (entry.hours, entry.state) == (Decimal("3"), HourEntry.State.PENDING)
    client.post(reverse("volunteering_hours_decide"), {"entry": [entry.pk], "action": "approve"})
    client.force_login(user)
    page = client.get(reverse("volunteering:my")).content.decode()
    entry.refresh_from_db()
    assert entry.state == HourEntry.State.APPROVED, entry.state
    assert "Odobreni sati: 3" in page, page[page.find("Odobreni") :][:200]


def test_a_full_event_puts_the_accepted_volunteer_on_its_waiting_list(client):
    from events.models import Registration, RegistrationStatus
    from events.services import registration_create
    from tests.events.factories import make_event

    event = make_event(capacity=1, sessions=((48, 2),))
    registration_create(user=volunteer(), event=event)
    application = services.application_create(user=volunteer(), opportunity=opportunity(event=event))
    note = _accept_over_http(client, application)
    assert "lista čekanja" in note.lower() or "listi čekanja" in note.lower()
    registration = Registration.objects.get(user=application.volunteer, event=event)
    assert (registration.status, registration.waitlist_position) == (RegistrationStatus.WAITLISTED, 1)
    application.refresh_from_db()
    assert application.state == Application.State.ACCEPTED


def test_the_events_audience_age_limit_does_not_refuse_a_volunteer_but_a_past_event_is_explained(client):
    from events.models import Registration, RegistrationRole
    from events.services import registration_create
    from tests.events.factories import make_event

    children = make_event(title="Kreativna radionica za djecu", min_age=6, max_age=12, sessions=((48, 2),))
    adult = volunteer(age=40)
    with pytest.raises(ValidationError):  # as a participant, the audience's age limit applies
        registration_create(user=adult, event=children, date_of_birth=adult.volunteer_profile.date_of_birth)
    application = services.application_create(user=adult, opportunity=opportunity(event=children))
    _accept_over_http(client, application)
    assert Registration.objects.get(user=adult, event=children).role == RegistrationRole.VOLUNTEER
    held = make_event(title="Održana priredba", sessions=((-50, 2),))
    late = services.application_create(user=volunteer(), opportunity=opportunity(event=held))
    note = _accept_over_http(client, late)
    assert "nije moguće prijaviti" in note.lower() or "održan" in note.lower()
    late.refresh_from_db()
    assert late.state == Application.State.ACCEPTED and not Registration.objects.filter(event=held).exists()


def test_a_participant_who_is_accepted_as_a_volunteer_keeps_the_seat_and_becomes_a_volunteer(client):
    from events.models import Registration, RegistrationRole, RegistrationStatus
    from events.services import registration_create
    from tests.events.factories import make_event

    event = make_event(capacity=1, sessions=((48, 2),))
    user = volunteer()
    registration_create(user=user, event=event)
    _accept_over_http(client, services.application_create(user=user, opportunity=opportunity(event=event)))
    registration = Registration.objects.get(user=user, event=event)
    assert (registration.role, registration.status) == (RegistrationRole.VOLUNTEER, RegistrationStatus.BOOKED)


def test_listing_cards_come_from_the_content_cache_and_follow_every_change(client):
    from django.core.cache import caches
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    caches["pages"].clear()
    first = opportunity(title="Berba jabuka u voćnjaku")
    index = first.get_parent()
    page = client.get(index.url + "?a=1").content.decode()
    assert "Berba jabuka u voćnjaku" in page and f'href="{first.url}"' in page
    assert "kultura i umjetnost" in page  # the activity's label, in Croatian
    with CaptureQueriesContext(connection) as queries:
        again = client.get(index.url + "?a=2").content.decode()  # a page-cache miss, the cards cached
    assert "Berba jabuka u voćnjaku" in again
    assert not [q for q in queries.captured_queries if "volunteering_opportunitypage" in q["sql"]]
    # An organisation renamed, an opportunity published or unpublished: the cards follow at once.
    first.organiser.name = "Udruga Voćnjak Kravarsko"
    first.organiser.save()
    assert "Udruga Voćnjak Kravarsko" in client.get(index.url + "?a=3").content.decode()
    opportunity(title="Čišćenje potoka Kravaršćica", organiser=first.organiser).save_revision().publish()
    assert "Čišćenje potoka Kravaršćica" in client.get(index.url + "?a=4").content.decode()
    first.unpublish()
    assert "Berba jabuka u voćnjaku" not in client.get(index.url + "?a=5").content.decode()
