"""The coordinator's reports: screens, XLSX, PDF, the publication rule, targets, individual exports."""

import datetime
import io
import re

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from reports import selectors
from reports.indicators import esf2014
from reports.models import ProjectTarget, SpecialCategoryAccess

from .factories import PERIOD, household_population, known_population, make_participant, use_indicator_set

QUERY = {"start": PERIOD[0].isoformat(), "end": PERIOD[1].isoformat(), "activity": ""}


@pytest.mark.django_db
def test_indicator_screen_shows_exact_counts_by_sex(coordinator_client):
    use_indicator_set("esf2014")
    known_population()
    page = coordinator_client.get(reverse("reports:indicators"), QUERY).content.decode()
    row = re.search(r'<tr data-code="CO19">(.*?)</tr>', page, re.S).group(1)
    assert re.findall(r'<td class="number">([^<]*)</td>', row) == ["2", "1", "3"]
    assert "Žene" in page and "Nebinarne" not in page
    assert "1 zapis s nepotpunim osnovnim podacima" in page


@pytest.mark.django_db
def test_indicator_xlsx_has_the_exact_figures_for_the_funder(coordinator_client):
    from openpyxl import load_workbook

    use_indicator_set("esf2021")
    known_population()
    response = coordinator_client.get(reverse("reports:indicators_xlsx"), QUERY)
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = {row[0]: row[2:6] for row in sheet.iter_rows(values_only=True) if row and row[0]}
    assert rows["EECO01"] == (2, 2, 1, 6)
    assert rows["EECO14"] == (0, 0, 1, 1)  # a single person: exact, not "< 5", in the funder's export
    assert rows["EECR01"] == (0, 2, 0, 2)


@pytest.mark.django_db
def test_bad_period_is_refused_in_croatian(coordinator_client):
    response = coordinator_client.get(reverse("reports:indicators"), {"start": "2020-05-01", "end": "2020-01-01"})
    assert response.status_code == 400
    assert "Početak razdoblja ne smije biti nakon njegova kraja." in response.content.decode()


@pytest.mark.django_db
def test_indicator_pdf_is_rendered_in_the_worker(coordinator_client, django_capture_on_commit_callbacks):
    known_population()
    with django_capture_on_commit_callbacks(execute=True):
        first = coordinator_client.get(reverse("reports:indicators_pdf"), QUERY)
    assert first.status_code == 202
    second = coordinator_client.get(reverse("reports:indicators_pdf"), QUERY)
    assert second.status_code == 200 and second["Content-Type"] == "application/pdf"
    assert "private" in second["Cache-Control"]


def _pdf_text(data: bytes) -> str:
    from pypdf import PdfReader

    return " ".join(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages).split())


@pytest.mark.django_db
def test_project_report_pdf_has_the_screens_figures_and_hides_small_cells(coordinator_client):
    from reports.project_report import render_project_report

    use_indicator_set("esf2014")
    known_population()
    ProjectTarget.objects.create(title="Sudionici iz 2019.", measure="reports.participants", target=12)
    screen = coordinator_client.get(reverse("reports:project_report"), {"start": QUERY["start"], "end": QUERY["end"]})
    html = screen.content.decode()
    row = re.search(r'<tr data-code="CO19">(.*?)</tr>', html, re.S).group(1)
    assert re.findall(r'<td class="number">([^<]*)</td>', row) == ["&lt; 5", "&lt; 5", "&lt; 5"]
    target_row = re.search(r"Sudionici iz 2019\.</th>(.*?)</tr>", html, re.S).group(1)
    assert ">6<" in target_row and "50 %" in target_row
    figures = dict(re.findall(r'<dd data-figure="(\w+)">([^<]*)</dd>', html))

    text = _pdf_text(render_project_report(start=PERIOD[0], end=PERIOD[1]))
    assert "Sudionici iz 2019." in text and "50 %" in text
    assert "< 5" in text
    assert "Sufinancira Europska unija" in text
    for name in ("pairings", "organisations", "meetings"):
        assert figures[name] in text
    assert figures["hours"].replace("&lt;", "<") in text


@pytest.mark.django_db
def test_targets_follow_the_records_and_show_on_the_admin_home(coordinator_client):
    make_participant()
    target = ProjectTarget.objects.create(title="Dva sudionika 2019.", measure="reports.participants", target=2)
    progress = {item.target.pk: item for item in selectors.target_progress(start=PERIOD[0], end=PERIOD[1])}
    assert progress[target.pk].percent == 50
    make_participant(sex="male")  # a correction anywhere shows up in the next report
    progress = {item.target.pk: item for item in selectors.target_progress(start=PERIOD[0], end=PERIOD[1])}
    assert progress[target.pk].percent == 100
    admin_home = coordinator_client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Ciljevi projekta" in admin_home and "Dva sudionika 2019." in admin_home
    assert "Izlazni obrasci koje treba ispuniti" in admin_home


@pytest.mark.django_db
def test_target_with_an_unknown_measure_is_refused():
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as error:
        ProjectTarget(title="Nepoznato", measure="nema.takve", target=3).full_clean()
    assert "Odaberite mjeru s popisa." in str(error.value)


@pytest.mark.django_db
def test_individual_export_needs_the_permission_and_special_categories_are_logged(client):
    from openpyxl import load_workbook

    from accounts.models import User

    coordinator = User.objects.get(email="koordinator@kok.test")
    client.force_login(coordinator)
    assert client.get(reverse("reports:records_export")).status_code == 404
    coordinator.user_permissions.add(Permission.objects.get(codename="export_participant_records"))
    coordinator = User.objects.get(pk=coordinator.pk)
    client.force_login(coordinator)
    sheet = load_workbook(io.BytesIO(client.get(reverse("reports:records_export")).content)).active
    header = next(sheet.iter_rows(values_only=True))
    assert "osoba s invaliditetom" not in header
    assert "nitko u vašem kućanstvu nema posao" in header  # household answers are not special categories
    assert not SpecialCategoryAccess.objects.filter(user=coordinator).exists()

    coordinator.user_permissions.add(Permission.objects.get(codename="view_special_categories"))
    coordinator = User.objects.get(pk=coordinator.pk)
    client.force_login(coordinator)
    sheet = load_workbook(io.BytesIO(client.get(reverse("reports:records_export")).content)).active
    assert "osoba s invaliditetom" in next(sheet.iter_rows(values_only=True))
    log = SpecialCategoryAccess.objects.get(user=coordinator, action="export")
    assert log.who == "koordinator@kok.test"

    # A record's special categories are read in the admin (ESF participants → Posebne kategorije), logged.
    record = make_participant(special={"disability": "yes"})
    page = client.get(reverse("esf_participants:special_categories", args=[record.pk])).content.decode()
    assert re.search(r'name="disability" value="yes"[^>]*checked', page)
    assert client.get(f"/izvjestaji/sudionici/{record.pk}/posebne-kategorije/").status_code == 404  # the old copy
    assert SpecialCategoryAccess.objects.filter(user=coordinator, action="view", what__contains=str(record.pk)).exists()


@pytest.mark.django_db
def test_indicator_report_runs_a_constant_number_of_queries(django_assert_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    counts = []
    for extra in (3, 150):
        for index in range(extra):
            make_participant(
                sex=("female", "male", "non_binary")[index % 3],
                isced=index % 9,
                special={"disability": "yes"} if index % 2 else None,
                exit={"employed": True} if index % 4 == 0 else None,
            )
        with CaptureQueriesContext(connection) as queries:
            selectors.indicator_report(start=PERIOD[0], end=PERIOD[1], indicator_set=esf2014.INDICATOR_SET)
        counts.append(len(queries))
    assert counts[0] == counts[1] <= 3, counts


@pytest.mark.django_db
def test_participation_sync_reads_a_constant_number_of_queries():
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from reports.services import participation_sync

    counts = []
    for _ in range(2):
        with CaptureQueriesContext(connection) as queries:
            participation_sync()
        counts.append(len(queries))
    assert counts[0] <= 8 and counts[1] <= 8, counts


@pytest.mark.django_db
def test_small_cell_rule():
    assert [selectors.small_cell(n) for n in (0, 1, 4, 5, 12)] == ["0", "< 5", "< 5", "5", "12"]


def test_period_dates_are_bounded():
    from reports.forms import ReportForm

    form = ReportForm(
        {"start": "2013-12-31", "end": (datetime.date.today() + datetime.timedelta(days=800)).isoformat()}
    )
    assert not form.is_valid()
    assert "Odaberite datum između 1. siječnja 2014." in str(form.errors)


@pytest.mark.django_db
def test_household_indicators_on_the_screen_in_the_xlsx_and_in_the_pdf(coordinator_client):
    from openpyxl import load_workbook

    from reports.project_report import render_indicator_report

    use_indicator_set("esf2014")
    household_population()
    page = coordinator_client.get(reverse("reports:indicators"), QUERY).content.decode()
    cells = {
        code: re.findall(
            r'<td class="number">([^<]*)</td>', re.search(rf'<tr data-code="{code}">(.*?)</tr>', page, re.S).group(1)
        )
        for code in ("CO12", "CO13", "CO14")
    }
    assert cells == {"CO12": ["2", "0", "3"], "CO13": ["1", "0", "2"], "CO14": ["1", "1", "2"]}
    assert "Sudionici koji žive u kućanstvima bez zaposlenih" in page

    sheet = load_workbook(io.BytesIO(coordinator_client.get(reverse("reports:indicators_xlsx"), QUERY).content)).active
    rows = {row[0]: row[2:5] for row in sheet.iter_rows(values_only=True) if row and row[0]}
    assert (rows["CO12"], rows["CO13"], rows["CO14"]) == ((2, 0, 3), (1, 0, 2), (1, 1, 2))

    text = _pdf_text(
        render_indicator_report(start=PERIOD[0], end=PERIOD[1], activity="", activity_label="Cijeli projekt")
    )
    assert "CO12" in text and "CO14" in text and "kućanstvima bez zaposlenih" in text


@pytest.mark.django_db
def test_esf_plus_report_has_no_household_rows(coordinator_client):
    use_indicator_set("esf2021")
    household_population()
    page = coordinator_client.get(reverse("reports:indicators"), QUERY).content.decode()
    assert 'data-code="CO12"' not in page and "kućanstv" not in page
