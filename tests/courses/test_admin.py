import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from accounts.models import User
from courses.models import CoursePage


@pytest.fixture
def coordinator_client(client):
    client.force_login(User.objects.get(email="koordinator@kok.test"))
    return client


@pytest.mark.django_db
def test_enrolment_listing_filters_and_exports_csv(coordinator_client):
    course = CoursePage.objects.get(slug="osnove-rada-na-racunalu")
    url = reverse("enrolments:index")
    response = coordinator_client.get(url, {"course": course.pk, "status": "completed"})
    assert response.status_code == 200
    assert "Osnove rada na računalu" in response.content.decode()
    export = coordinator_client.get(url, {"course": course.pk, "export": "csv"})
    assert export.status_code == 200
    rows = list(csv.reader(io.StringIO(b"".join(export.streaming_content).decode("utf-8-sig"))))
    assert rows[0][:3] == ["Polaznik", "E-pošta", "Tečaj"]
    assert any("polaznik@kok.test" in row for row in rows[1:])
    assert all(row[2] == "Osnove rada na računalu" for row in rows[1:])


@pytest.mark.django_db
def test_enrolment_listing_filters_by_date(coordinator_client):
    url = reverse("enrolments:index")
    response = coordinator_client.get(url, {"enrolled_at__gte": "2100-01-01"})
    assert response.status_code == 200
    assert "polaznik@kok.test" not in response.content.decode()


@pytest.mark.django_db
def test_course_statistics_report_and_xlsx_export(coordinator_client):
    response = coordinator_client.get(reverse("courses_course_stats"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Statistika tečajeva" in html
    assert "Stopa završetka" in html
    export = coordinator_client.get(reverse("courses_course_stats"), {"export": "xlsx"})
    assert export.status_code == 200
    sheet = load_workbook(io.BytesIO(b"".join(export.streaming_content))).active
    rows = {row[0]: row for row in sheet.iter_rows(values_only=True)}
    computer = rows["Osnove rada na računalu"]
    assert computer[1] >= 1  # enrolled
    assert computer[3] >= 1  # completed
    assert float(computer[5]) == 100.0  # the demo learner passed every quiz first time


@pytest.mark.django_db
def test_lesson_drop_off_report(coordinator_client):
    course = CoursePage.objects.get(slug="poduzetnistvo-za-pocetnike")
    response = coordinator_client.get(reverse("courses_course_drop_off", args=[course.pk]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Gdje polaznici zastaju" in html
    assert "Kupci i cijena" in html
    from courses.selectors import lesson_drop_off

    rows = lesson_drop_off(course=course)
    assert [row["stopped_here"] for row in rows][2] >= 1  # the demo learner stopped after lesson 3


@pytest.mark.django_db
def test_reports_are_closed_to_learners(client, demo_user):
    client.force_login(demo_user)
    response = client.get(reverse("courses_course_stats"))
    assert response.status_code in (302, 403)


@pytest.mark.django_db
def test_category_and_audience_snippets_are_in_the_admin(client):
    client.force_login(User.objects.get(email="koordinator@kok.test"))
    from django.contrib.auth.models import Permission

    admin = User.objects.filter(is_superuser=True).first() or User.objects.create_superuser(
        email="admin-courses@kok.test", password="lozinka-za-test-2026", first_name="A", last_name="B"
    )
    client.force_login(admin)
    assert Permission.objects.filter(codename="add_coursecategory").exists()
    response = client.get(reverse("wagtailsnippets_courses_coursecategory:list"))
    assert response.status_code == 200
    assert "Računalne vještine" in response.content.decode()
    response = client.get(reverse("wagtailsnippets_events_audience:list"))
    assert "starije osobe" in response.content.decode()


@pytest.mark.django_db
def test_lesson_drop_off_exports_csv(coordinator_client):
    course = CoursePage.objects.get(slug="poduzetnistvo-za-pocetnike")
    export = coordinator_client.get(reverse("courses_course_drop_off", args=[course.pk]), {"export": "csv"})
    assert export.status_code == 200
    rows = list(csv.reader(io.StringIO(b"".join(export.streaming_content).decode("utf-8-sig"))))
    assert rows[0] == ["Br.", "Lekcija", "Završili lekciju", "Udio upisanih (%)", "Zastali ovdje"]
    assert rows[3][1] == "Kupci i cijena" and rows[3][4] == "1"
    assert len(rows) == 9
