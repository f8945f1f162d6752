"""The annual report's breakdown by the geographic area of volunteering (Pravilnik NN 109/2021, Art. 5):
the county of the opportunity, not the volunteer's county of residence."""

import datetime
import io
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from accounts import services as account_services
from volunteering import selectors
from volunteering.models import ActivityType, County, OpportunityPage

from .factories import accepted_application, approved_hours, coordinator_of, index_page, opportunity, volunteer

pytestmark = pytest.mark.django_db

YEAR = datetime.date.today().year - 1


def _two_counties():
    """One organiser, two opportunities in two counties; a volunteer living in Karlovačka works in both."""
    kravarsko = opportunity(area=County.ZAGREBACKA, title="Kulturna večer u Kravarskom")
    lekenik = opportunity(organiser=kravarsko.organiser, area=County.SISACKO_MOSLAVACKA, title="Berba u Lekeniku")
    person = volunteer(county=County.KARLOVACKA)
    a = accepted_application(opp=kravarsko, user=person)
    b = accepted_application(opp=lekenik, user=person)
    other = accepted_application(opp=kravarsko, user=volunteer(county=County.GRAD_ZAGREB))
    approved_hours(a, datetime.date(YEAR, 12, 31), "3")
    approved_hours(b, datetime.date(YEAR, 1, 1), "2.5")
    approved_hours(b, datetime.date(YEAR + 1, 1, 1), "5")  # next year's report
    approved_hours(other, datetime.date(YEAR, 12, 31), "1.5")
    approved_hours(other, datetime.date(YEAR - 1, 12, 31), "4")  # last year's report
    return kravarsko.organiser, person


def _rows(rows):
    return {label: (volunteers, hours) for label, volunteers, hours in rows}


def test_report_counts_volunteers_and_hours_by_the_opportunitys_county(django_assert_max_num_queries):
    organisation, _person = _two_counties()
    with django_assert_max_num_queries(3):
        report = selectors.annual_report(organisation=organisation, year=YEAR)
    assert (report.volunteers, report.hours) == (2, Decimal("7"))
    assert _rows(report.by_area) == {
        "Zagrebačka": (2, Decimal("4.5")),
        "Sisačko-moslavačka": (1, Decimal("2.5")),
    }
    # The residence table stays, as an extra: the volunteer in two areas counts once there.
    assert _rows(report.by_county) == {"Karlovačka": (1, Decimal("5.5")), "Grad Zagreb": (1, Decimal("1.5"))}
    nxt = selectors.annual_report(organisation=organisation, year=YEAR + 1)
    assert _rows(nxt.by_area) == {"Sisačko-moslavačka": (1, Decimal("5"))}


def test_moving_an_opportunity_later_does_not_rewrite_a_past_report():
    """Hours count where and as what they were given; an opportunity moved or re-classified afterwards
    counts in its new county and type only for hours recorded after the change."""
    organisation, person = _two_counties()
    before = selectors.annual_report(organisation=organisation, year=YEAR)
    lekenik = OpportunityPage.objects.get(title="Berba u Lekeniku")
    lekenik.area = County.GRAD_ZAGREB
    lekenik.activity_type = ActivityType.SOCIAL
    lekenik.save_revision().publish()
    after = selectors.annual_report(organisation=organisation, year=YEAR)
    assert (after.by_area, after.by_activity) == (before.by_area, before.by_activity)
    later = approved_hours(lekenik.applications.get(), datetime.date(YEAR + 1, 6, 1), "2")
    assert (later.area, later.activity_type) == (County.GRAD_ZAGREB, ActivityType.SOCIAL)
    nxt = selectors.annual_report(organisation=organisation, year=YEAR + 1)
    assert _rows(nxt.by_area) == {"Sisačko-moslavačka": (1, Decimal("5")), "Grad Zagreb": (1, Decimal("2"))}


def test_erasure_does_not_change_the_area_breakdown():
    organisation, person = _two_counties()
    before = selectors.annual_report(organisation=organisation, year=YEAR)
    account_services.account_erase(user=person, delete=True)
    after = selectors.annual_report(organisation=organisation, year=YEAR)
    assert (after.volunteers, after.hours, after.by_area, after.by_county) == (
        before.volunteers,
        before.hours,
        before.by_area,
        before.by_county,
    )


def test_screen_and_xlsx_show_the_area_table_first_and_residence_as_an_extra(client):
    from openpyxl import load_workbook

    organisation, _person = _two_counties()
    client.force_login(coordinator_of(organisation))
    html = client.get(reverse("volunteering_annual_report", args=[organisation.pk, YEAR])).content.decode()
    area = html.index("Prema zemljopisnom području volontiranja (županija)")
    residence = html.index("Dodatno: prema županiji prebivališta volontera")
    assert area < residence
    assert "Sisačko-moslavačka" in html[area:residence]
    assert "Karlovačka" not in html[area:residence] and "Karlovačka" in html[residence:]

    url = reverse("volunteering_annual_report_download", args=[organisation.pk, YEAR, "xlsx"])
    values = list(load_workbook(io.BytesIO(client.get(url).content)).active.iter_rows(values_only=True))
    heading = next(i for i, r in enumerate(values) if r[0] == "Prema zemljopisnom području volontiranja (županija)")
    assert values[heading + 1][:3] == ("Zagrebačka", 2, 4.5)
    assert values[heading + 2][:3] == ("Sisačko-moslavačka", 1, 2.5)


def test_editors_must_choose_the_area_in_croatian(client):
    client.force_login(get_user_model().objects.create_superuser(email="urednik-podrucje@kok.test", password="x"))
    index = index_page()
    response = client.get(reverse("wagtailadmin_pages:add", args=["volunteering", "opportunitypage", index.pk]))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Područje volontiranja (županija)" in page
    assert "Županija u kojoj se volontira" in page

    form_class = OpportunityPage.get_edit_handler().get_form_class()
    form = form_class(
        data={
            "title": "Nova prilika",
            "slug": "nova-prilika",
            "what_you_will_do": "Pomažete.",
            "activity_type": "kultura",
            "place": "Kravarsko",
            "time_commitment": "Jedna večer",
            "minimum_age": 18,
        },
        instance=OpportunityPage(),
        parent_page=index,
        for_user=get_user_model().objects.get(email="urednik-podrucje@kok.test"),
    )
    assert not form.is_valid()
    assert "area" in form.errors


def test_pdf_prints_the_area_table():
    from pypdf import PdfReader

    from volunteering.annual_report import annual_report_render

    organisation, _person = _two_counties()
    report = selectors.annual_report(organisation=organisation, year=YEAR)
    pdf = PdfReader(io.BytesIO(annual_report_render(report=report)))
    text = " ".join(" ".join(page.extract_text().split()) for page in pdf.pages)
    assert "Prema zemljopisnom području volontiranja (županija)" in text
    assert "Sisačko-moslavačka" in text
    assert "Dodatno: prema županiji prebivališta volontera" in text


def test_the_migration_gives_recorded_hours_their_opportunitys_area_and_type():
    from importlib import import_module

    from django.apps import apps

    from volunteering.models import HourEntry

    migration = import_module("volunteering.migrations.0007_hourentry_area_activity_type")
    organisation, _person = _two_counties()
    HourEntry.objects.update(area="", activity_type="")
    migration.from_opportunities(apps, None)
    entries = HourEntry.objects.filter(organisation=organisation)
    assert set(entries.values_list("application__opportunity__title", "area", "activity_type")) == {
        ("Kulturna večer u Kravarskom", County.ZAGREBACKA, ActivityType.CULTURE),
        ("Berba u Lekeniku", County.SISACKO_MOSLAVACKA, ActivityType.CULTURE),
    }


def test_a_draft_saved_before_areas_existed_can_still_be_published():
    from importlib import import_module

    from django.apps import apps

    migration = import_module("volunteering.migrations.0008_revisions_area")
    page = opportunity(area=County.SISACKO_MOSLAVACKA, title="Stara skica")
    page.title = "Stara skica, ispravljena"
    revision = page.save_revision()
    revision.content.pop("area")  # as drafts saved before migration 0005 are
    revision.save(update_fields=["content"])
    migration.area_into_revisions(apps, None)
    revision.refresh_from_db()
    revision.publish()
    page.refresh_from_db()
    assert (page.title, page.area) == ("Stara skica, ispravljena", County.SISACKO_MOSLAVACKA)
