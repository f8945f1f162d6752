"""The project report for a period (PDF for the funder and partners) and the indicator report PDF.

Both screens and PDFs take their figures from ``project_report_context`` / ``indicator_report``, so
the same numbers appear on both. PDFs are rendered in a worker (``reports.tasks``) and stored under a
name with a fingerprint of the figures: a correction anywhere gives a new file.
"""

from __future__ import annotations

import datetime
import hashlib

from django.core.files.storage import storages
from django.utils import timezone
from django.utils.translation import gettext as _

from . import selectors
from .charts import bar_chart

REPORT_DIR = "reports"


def _fingerprint(*parts) -> str:
    return hashlib.sha256(repr(parts).encode("utf-8")).hexdigest()[:16]


def project_report_context(*, start: datetime.date, end: datetime.date) -> dict:
    from certificates import selectors as certificate_selectors
    from courses import selectors as course_selectors
    from mentoring import selectors as mentoring_selectors

    from .services import participation_sync

    participation_sync()
    targets = selectors.target_progress(start=start, end=end)
    indicators = selectors.indicator_report(start=start, end=end)
    courses = course_selectors.course_figures_between(start=start, end=end)
    certificates = certificate_selectors.certificates_issued_between(start=start, end=end)
    mentoring = mentoring_selectors.mentoring_figures_between(start=start, end=end)
    capacity = mentoring_selectors.capacity_change_between(start=start, end=end)
    events = _events_figures(start=start, end=end)
    volunteering = _volunteering_figures(start=start, end=end)
    areas = [
        {"name": area.name, "baseline": area.baseline, "latest": area.latest, "change": area.change}
        for area in capacity.areas
    ]
    return {
        "start": start,
        "end": end,
        "indicators": indicators,
        "targets": targets,
        "targets_chart": bar_chart(
            bars=[
                {"label": t.target.title, "value": t.value, "max": t.target.target, "text": f"{t.percent} %"}
                for t in targets
            ]
        ),
        "courses": courses,
        "courses_total": {
            "enrolments": sum(c["enrolments"] for c in courses),
            "completions": sum(c["completions"] for c in courses),
            "certificates": certificates["count"],
        },
        "courses_chart": bar_chart(
            bars=[{"label": c["title"], "value": c["completions"], "text": str(c["completions"])} for c in courses]
        ),
        "mentoring": mentoring,
        "events": events,
        "volunteering": volunteering,
        "areas": areas,
        "areas_chart": bar_chart(
            bars=[
                {"label": a["name"], "value": a["latest"] or a["baseline"] or 0, "max": 5, "text": _area_text(a)}
                for a in areas
            ]
        ),
        "generated_on": timezone.localdate(),
    }


def _events_figures(*, start, end) -> dict:
    from events import selectors as event_selectors

    return {
        "events": len(event_selectors.events_held(start=start, end=end)),
        "sessions": event_selectors.sessions_held(start=start, end=end).count(),
        "hours": event_selectors.hours_delivered(start=start, end=end),
        "attendees": len(event_selectors.participant_user_ids(start=start, end=end)),
    }


def _volunteering_figures(*, start, end) -> dict:
    from volunteering import selectors as volunteering_selectors

    return volunteering_selectors.approved_hours_in_period(start=start, end=end)


def _area_text(area: dict) -> str:
    if area["baseline"] is None:
        return "—"
    if area["latest"] is None:
        return f"{area['baseline']:.1f}".replace(".", ",")
    return f"{area['baseline']:.1f} → {area['latest']:.1f}".replace(".", ",")


def project_report_figures(context: dict) -> tuple:
    """Everything printed in the report, for the fingerprint (and for tests comparing screen and PDF)."""
    indicators = context["indicators"]
    return (
        context["start"],
        context["end"],
        indicators.indicator_set.key,
        [(r.indicator.code, sorted(r.cells.items())) for r in indicators.outputs + indicators.results],
        [(t.target.pk, t.target.title, str(t.target.target), str(t.value), t.last_change) for t in context["targets"]],
        context["courses"],
        context["courses_total"],
        {k: str(v) for k, v in context["mentoring"].items()},
        {k: str(v) for k, v in context["events"].items()},
        {k: str(v) for k, v in context["volunteering"].items()},
        context["areas"],
        context["generated_on"],
    )


def project_report_name(*, start, end) -> str:
    fingerprint = _fingerprint(project_report_figures(project_report_context(start=start, end=end)))
    return f"{REPORT_DIR}/projektno-izvjesce-{start:%Y%m%d}-{end:%Y%m%d}-{fingerprint}.pdf"


def render_project_report(*, start, end) -> bytes:
    from kok_learn.pdf import PdfMetadata, render_pdf, static_uri

    context = project_report_context(start=start, end=end)
    title = _("Project report %(start)s – %(end)s") % {
        "start": start.strftime("%d. %m. %Y."),
        "end": end.strftime("%d. %m. %Y."),
    }
    return render_pdf(
        "reports/project_report_pdf.html",
        {**context, "title": title, "emblem_uri": static_uri("img/eu-emblem.svg"), "publication": True},
        metadata=PdfMetadata(title=title, subject=_("Project report")),
    )


def indicator_report_name(*, start, end, activity: str) -> str:
    from .services import participation_sync

    participation_sync()
    report = selectors.indicator_report(start=start, end=end, activity=activity)
    fingerprint = _fingerprint(
        report.indicator_set.key,
        [(r.indicator.code, sorted(r.cells.items())) for r in report.outputs + report.results],
        timezone.localdate(),
    )
    safe_activity = activity.replace(":", "-") or "projekt"
    return f"{REPORT_DIR}/pokazatelji-{safe_activity}-{start:%Y%m%d}-{end:%Y%m%d}-{fingerprint}.pdf"


def render_indicator_report(*, start, end, activity: str, activity_label: str) -> bytes:
    from kok_learn.pdf import PdfMetadata, render_pdf, static_uri

    report = selectors.indicator_report(start=start, end=end, activity=activity)
    title = _("ESF indicators: %(activity)s") % {"activity": activity_label}
    return render_pdf(
        "reports/indicator_report_pdf.html",
        {
            "report": report,
            "title": title,
            "activity_label": activity_label,
            "emblem_uri": static_uri("img/eu-emblem.svg"),
            "generated_on": timezone.localdate(),
        },
        metadata=PdfMetadata(title=title, subject=str(report.indicator_set.label)),
    )


def store(name: str, data: bytes) -> str:
    from kok_learn.pdf import write_atomically

    return write_atomically(name, data, storage=storages["private"])
