"""The organiser's annual report on volunteering (Pravilnik NN 109/2021) as XLSX and PDF."""

import io

from django.utils.translation import gettext as _

from .selectors import annual_report

REPORT_DIR = "volunteering/izvjesca"


def report_sections(report):
    return [
        (_("By sex"), report.by_sex),
        (_("By age"), report.by_age),
        (_("By citizenship"), report.by_citizenship),
        (_("By geographic area of volunteering (county)"), report.by_area),
        (_("By activity type"), report.by_activity),
        (_("In addition: by the volunteers' county of residence"), report.by_county),
    ]


def annual_report_xlsx(*, report) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = str(report.year)
    bold = Font(bold=True)
    organisation = report.organisation

    def row(*values, strong=False):
        sheet.append(list(values))
        for cell in sheet[sheet.max_row]:
            # openpyxl would store a string starting with "=" as a formula; user text stays text.
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"
            if strong:
                cell.font = bold

    row(_("Report on the services or activities of an organiser of volunteering"), strong=True)
    row(_("Year"), report.year)
    row(_("Organiser"), organisation.name)
    row("OIB", organisation.oib)
    row(_("Seat"), organisation.address or organisation.municipality)
    row(_("Registry number"), organisation.registry_number)
    row()
    row(_("Total number of volunteers"), report.volunteers, strong=True)
    row(_("Total number of volunteering hours"), float(report.hours), strong=True)
    for heading, rows in report_sections(report):
        row()
        row(heading, _("Volunteers"), _("Hours"), strong=True)
        for label, volunteers, hours in rows:
            row(label, volunteers, float(hours))
    row()
    row(_("Volunteering opportunities"), _("Activity type"), _("Volunteers"), _("Hours"), strong=True)
    for opportunity in report.opportunities:
        row(opportunity["title"], opportunity["activity"], opportunity["volunteers"], float(opportunity["hours"]))
    sheet.column_dimensions["A"].width = 60
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def annual_report_pdf_name(*, organisation_id: int, year: int, report) -> str:
    import hashlib

    fingerprint = hashlib.sha256(
        repr(
            (
                report.volunteers,
                report.hours,
                report.by_sex,
                report.by_age,
                report.by_area,
                report.by_county,
                report.by_activity,
                report.by_citizenship,
                report.opportunities,
                report.organisation.name,
                report.organisation.address,
            )
        ).encode()
    ).hexdigest()[:16]
    return f"{REPORT_DIR}/izvjesce-{organisation_id}-{year}-{fingerprint}.pdf"


def annual_report_render(*, report) -> bytes:
    from kok_learn.pdf import PdfMetadata, render_pdf

    return render_pdf(
        "volunteering/annual_report_pdf.html",
        {"report": report, "sections": report_sections(report)},
        metadata=PdfMetadata(
            title=_("Annual report on volunteering %(year)s") % {"year": report.year}, subject=report.organisation.name
        ),
    )


def annual_report_store(*, organisation_id: int, year: int) -> str:
    from django.core.files.storage import storages

    from kok_learn.pdf import write_atomically
    from organisations.models import Organisation

    organisation = Organisation.objects.filter(pk=organisation_id).first()
    if organisation is None:
        return ""
    report = annual_report(organisation=organisation, year=year)
    storage = storages["private"]
    name = annual_report_pdf_name(organisation_id=organisation_id, year=year, report=report)
    if not storage.exists(name):
        write_atomically(name, annual_report_render(report=report), storage=storage)
    return name
