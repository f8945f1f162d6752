"""XLSX files: the funder's indicator export (aggregated, exact counts) and, with the dedicated
permission, the individual participant records (logged)."""

from __future__ import annotations

import io

from django.utils.translation import gettext as _

from .selectors import IndicatorReport


def _safe(value):
    """Text that a spreadsheet would read as a formula is written as plain text."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def indicator_report_xlsx(report: IndicatorReport, *, activity_label: str) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    sheet.title = _("Indicators")
    sheet.append([str(report.indicator_set.label)])
    sheet.append([_("Period"), report.start.strftime("%d. %m. %Y."), report.end.strftime("%d. %m. %Y.")])
    sheet.append([_("Activity"), _safe(activity_label)])
    sheet.append([])
    header = [_("Code"), _("Indicator"), *report.columns, _("Total"), _("Source")]
    for title, rows in (
        (_("Common output indicators"), report.outputs),
        (_("Immediate result indicators"), report.results),
    ):
        sheet.append([title])
        sheet.cell(row=sheet.max_row, column=1).font = Font(bold=True)
        sheet.append(header)
        for row in rows:
            sheet.append(
                [
                    row.indicator.code,
                    str(row.indicator.label),
                    *row.cell_list(report.indicator_set.sexes),
                    row.indicator.source,
                ]
            )
        sheet.append([])
    sheet.append(
        [_("Records with missing core data (counted in the total number of participants only)"), report.incomplete]
    )
    sheet.column_dimensions["B"].width = 70
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def participant_records_xlsx(*, records, with_special: bool) -> bytes:
    from openpyxl import Workbook

    from .indicators import HOUSEHOLD_QUESTIONS
    from .models import ParticipantRecord, SpecialCategories

    special_fields = ["disability", "migrant", "foreign_background", "minority", "homeless", "other_disadvantaged"]
    book = Workbook()
    sheet = book.active
    sheet.title = _("Participants")
    header = [
        _("Record"),
        _("E-mail"),
        _("Sex"),
        _("Date of birth"),
        _("Employment status"),
        _("Months without work"),
        "ISCED",
        _("County"),
        _("Rural"),
        _("Date of entry"),
        _("Complete"),
        *[str(ParticipantRecord._meta.get_field(name).verbose_name) for name in HOUSEHOLD_QUESTIONS],
    ]
    if with_special:
        header += [str(SpecialCategories._meta.get_field(name).verbose_name) for name in special_fields]
    sheet.append(header)
    for record in records:
        row = [
            record.pk,
            _safe(record.user.email if record.user else ""),
            record.sex,
            record.date_of_birth,
            record.employment_status,
            record.unemployed_months,
            record.isced,
            record.county,
            {True: _("Yes"), False: _("No")}.get(record.rural, ""),
            record.entered_on,
            _("Yes") if record.is_complete else _("No"),
            *[getattr(record, name) for name in HOUSEHOLD_QUESTIONS],
        ]
        if with_special:
            special = getattr(record, "special_categories", None)
            row += [getattr(special, name, "") if special else "" for name in special_fields]
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
