"""Dates on the programme's pages read as Croatian does: the day, then the month in the genitive."""

import pytest
from django.utils import formats, timezone, translation

from .factories import make_event

pytestmark = pytest.mark.django_db


def test_a_session_date_has_the_month_in_the_genitive(client):
    event = make_event(title="Radionica s datumom", sessions=((24 * 40, 2),))
    start = timezone.localtime(event.sessions.get().start)
    with translation.override("hr"):
        genitive = formats.date_format(start, "E")  # e.g. "prosinca"
        nominative = formats.date_format(start, "F")  # e.g. "Prosinac"
    html = client.get(event.url).content.decode()
    assert f"{start.day}. {genitive} {start.year}." in html
    assert f"{start.day}. {nominative}" not in html


def test_day_and_month_alone_take_the_genitive_too():
    with translation.override("hr"):
        assert formats.get_format("MONTH_DAY_FORMAT") == "j. E"
