"""PDF progress reports: one per pairing, and a programme report for the funder.

Rendering happens in a background task (``mentoring.tasks``); the file is kept in private
storage under a name that contains a fingerprint of the data, so a report is rendered again only
when something in it changed, and a download never waits for a stale file.
"""

import hashlib

from django.core.files.storage import storages
from django.utils import timezone
from django.utils.translation import gettext as _

from . import selectors
from .charts import radar_chart
from .models import Pairing, Programme

REPORT_DIR = "mentoring/reports"


def _fingerprint(*parts) -> str:
    return hashlib.sha256(repr(parts).encode("utf-8")).hexdigest()[:16]


def pairing_report_context(*, pairing: Pairing) -> dict:
    radar = selectors.radar_data(pairing=pairing)
    row = selectors.pairing_rows(pairings=[pairing])[0]
    goals = selectors.goal_list(pairing=pairing)
    meetings = list(selectors.meeting_list(pairing=pairing).filter(planned=False).order_by("starts_at"))
    return {
        "pairing": pairing,
        "row": row,
        "goals": goals,
        "meetings": meetings,
        "radar": radar,
        "chart": radar_chart(areas=radar["areas"], series=radar["series"]),
        "generated_on": timezone.localdate(),
    }


def _emblem() -> str:
    from kok_learn.pdf import static_uri

    return static_uri("img/eu-emblem.svg")


def pairing_report_name(*, pairing: Pairing) -> str:
    context = pairing_report_context(pairing=pairing)
    row = context["row"]
    fingerprint = _fingerprint(
        pairing.state,
        pairing.start_date,
        pairing.end_date,
        [m.display_name for m in pairing.mentors.all()],
        row.meetings,
        row.minutes,
        row.goals_done,
        row.goals_total,
        [(g.title, g.progress, g.due_date) for g in context["goals"]],
        [(m.pk, m.starts_at, m.duration_minutes, m.topics, m.confirmed_at) for m in context["meetings"]],
        context["radar"]["series"],
        context["generated_on"],
    )
    return f"{REPORT_DIR}/mentorski-par-{pairing.pk}-{fingerprint}.pdf"


def render_pairing_report(*, pairing: Pairing) -> bytes:
    from kok_learn.pdf import PdfMetadata, render_pdf

    context = pairing_report_context(pairing=pairing)
    title = _("Progress report: %(mentor)s → %(mentee)s") % {
        "mentor": pairing.mentor_organisation.name,
        "mentee": pairing.mentee_organisation.name,
    }
    return render_pdf(
        "mentoring/report_pairing_pdf.html",
        {**context, "title": title, "emblem_uri": _emblem()},
        metadata=PdfMetadata(title=title, author=pairing.mentor_organisation.name, subject=pairing.programme.name),
    )


def programme_report_context(*, programme: Programme) -> dict:
    pairings = selectors.pairing_list_for_user_all().filter(programme=programme)
    rows = selectors.pairing_rows(pairings=pairings)
    summary = selectors.ProgrammeSummary(programme=programme, rows=rows)
    charts = []
    for row in rows:
        radar = selectors.radar_data(pairing=row.pairing)
        charts.append(
            {"row": row, "radar": radar, "chart": radar_chart(areas=radar["areas"], series=radar["series"], size=300)}
        )
    return {"programme": programme, "summary": summary, "charts": charts, "generated_on": timezone.localdate()}


def programme_report_name(*, programme: Programme) -> str:
    context = programme_report_context(programme=programme)
    summary = context["summary"]
    fingerprint = _fingerprint(
        programme.name,
        programme.cohort,
        [
            (r.pairing.pk, r.pairing.state, r.meetings, r.minutes, r.goals_done, r.goals_total, r.baseline, r.latest)
            for r in summary.rows
        ],
        [(c["radar"]["series"]) for c in context["charts"]],
        context["generated_on"],
    )
    return f"{REPORT_DIR}/program-{programme.pk}-{fingerprint}.pdf"


def render_programme_report(*, programme: Programme) -> bytes:
    from kok_learn.pdf import PdfMetadata, render_pdf

    context = programme_report_context(programme=programme)
    title = _("Programme report: %(programme)s") % {"programme": programme.name}
    return render_pdf(
        "mentoring/report_programme_pdf.html",
        {**context, "title": title, "emblem_uri": _emblem()},
        metadata=PdfMetadata(title=title, subject=programme.funder or programme.name),
    )


def store(name: str, data: bytes) -> None:
    """Save the report and remove older versions of the same report (same prefix, other fingerprint)."""
    from kok_learn.pdf import write_atomically

    storage = storages["private"]
    if not storage.exists(name):
        write_atomically(name, data, storage=storage)
    directory, filename = name.rsplit("/", 1)
    prefix = filename.rsplit("-", 1)[0] + "-"
    try:
        _dirs, files = storage.listdir(directory)
    except FileNotFoundError:
        return
    for other in files:
        if other.startswith(prefix) and other != filename and other[len(prefix) :].count("-") == 0:
            storage.delete(f"{directory}/{other}")
