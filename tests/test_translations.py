from pathlib import Path

import polib
from django.utils import translation

CATALOGUE = Path(__file__).resolve().parent.parent / "locale/hr/LC_MESSAGES/django.po"


def test_croatian_catalogue_has_no_gaps():
    catalogue = polib.pofile(str(CATALOGUE))
    missing = [entry.msgid for entry in catalogue.untranslated_entries() + catalogue.fuzzy_entries()]
    assert missing == []


def test_croatian_dates_use_the_genitive_month():
    import datetime

    from django.utils.formats import date_format

    with translation.override("hr"):
        assert date_format(datetime.date(2026, 11, 26)) == "26. studenoga 2026."


def test_croatian_number_grouping():
    from django.template import Context, Template

    with translation.override("hr"):
        rendered = Template('{{ value|floatformat:"2g" }}').render(Context({"value": 1989272.02}))
    assert rendered == "1.989.272,02"
