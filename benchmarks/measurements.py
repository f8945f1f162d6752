"""What `make bench` measures besides pages: reports computed in-process on the bench database.

Each measurement times a report at the seeded (large) size and counts its SQL queries there and at
a small size: "constant queries" means both counts are equal. A measurement raises
`pages.Unavailable` while its app or data does not exist yet. The ESF figures are
benchmarks/reports_bench.py's own functions, run on the bench database instead of its private one.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass

from .pages import BenchContext, Unavailable

RUNS = 5


@dataclass(frozen=True)
class Measurement:
    name: str
    title: str
    measure: Callable[[BenchContext, int], dict]
    max_seconds: float
    constant_queries: bool = True


def verdict(measurement: Measurement, result: dict) -> dict:
    """The budget as text and whether it is met: median time, and equal query counts if asked."""
    budget = f"≤ {measurement.max_seconds:g} s" + (", constant queries" if measurement.constant_queries else "")
    met = result["median_s"] <= measurement.max_seconds
    if measurement.constant_queries:
        met = met and result["queries"] == result["queries_small"]
    return {"budget": budget, "budget_met": met}


def _timed(function: Callable[[], object], runs: int) -> tuple[list[float], int, object]:
    """Timings of `runs` calls and the query count of the last one."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    timings, queries, value = [], 0, None
    for _ in range(runs):
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            value = function()
            timings.append(time.perf_counter() - started)
        queries = len(captured)
    return timings, queries, value


def _summary(timings: list[float]) -> dict:
    return {"median_s": round(statistics.median(timings), 3), "max_s": round(max(timings), 3), "runs": len(timings)}


def _annual_report(ctx: BenchContext, runs: int) -> dict:
    from .seed import BENCH_ORGANISER, SMALL_ORGANISER, annual_report_year

    organisation_model = ctx.model("organisations.Organisation")
    ctx.model("volunteering.HourEntry")
    from volunteering import selectors

    big = organisation_model.objects.filter(name=BENCH_ORGANISER).first()
    small = organisation_model.objects.filter(name=SMALL_ORGANISER).first()
    if big is None or small is None:
        raise Unavailable("the volunteering seed step has not run")
    year = annual_report_year()
    timings, queries, report = _timed(lambda: selectors.annual_report(organisation=big, year=year), runs)
    _, queries_small, small_report = _timed(lambda: selectors.annual_report(organisation=small, year=year), 1)
    return {
        **_summary(timings),
        "queries": queries,
        "queries_small": queries_small,
        "size": f"{report.volunteers:,} volunteers, {float(report.hours):,.0f} approved hours in {year}",
        "size_small": f"{small_report.volunteers} volunteers",
    }


def _indicator_report(ctx: BenchContext, runs: int) -> dict:
    ctx.model("reports.ParticipantRecord")
    from reports import selectors
    from reports.indicators import esf2014, esf2021

    from .reports_bench import PERIOD, bench_indicators

    measured = bench_indicators(runs)  # both indicator sets over the whole period
    worst = max(measured.values(), key=lambda r: r["median_ms"])
    if not worst["participants"]:
        raise Unavailable("no participant records in the bench period (reports seed step)")
    one_day = (PERIOD[0], PERIOD[0])
    small = {
        s.key: _timed(lambda s=s: selectors.indicator_report(start=one_day[0], end=one_day[1], indicator_set=s), 1)
        for s in (esf2014.INDICATOR_SET, esf2021.INDICATOR_SET)
    }
    return {
        "median_s": round(worst["median_ms"] / 1000, 3),
        "max_s": round(max(r["max_ms"] for r in measured.values()) / 1000, 3),
        "runs": runs,
        "queries": max(r["queries"] for r in measured.values()),
        "queries_small": max(queries for _, queries, _ in small.values()),
        "size": f"{worst['participants']:,} participants, both indicator sets ({', '.join(measured)})",
        "size_small": f"{max(report.participants for _, _, report in small.values())} participants (one day)",
        "per_set": measured,
    }


def _project_report_pdf(ctx: BenchContext, runs: int) -> dict:
    ctx.model("reports.ParticipantRecord")
    from .reports_bench import bench_project_pdf

    result = bench_project_pdf(max(1, min(runs, 3)))
    return {
        "median_s": result["median_s"],
        "max_s": result["max_s"],
        "runs": max(1, min(runs, 3)),
        "size": f"{result['bytes']:,} bytes",
    }


MEASUREMENTS: list[Measurement] = [
    Measurement("annual_report", "Volunteering annual report (one organiser, one year)", _annual_report, max_seconds=2),
    Measurement("indicator_report", "ESF indicator report (whole period)", _indicator_report, max_seconds=1),
    Measurement(
        "project_report_pdf",
        "ESF project report PDF (rendered in-process as in the worker)",
        _project_report_pdf,
        max_seconds=10,
        constant_queries=False,
    ),
]


def run_measurements(wanted: set[str], *, runs: int = RUNS, log: Callable[[str], None] = print):
    """(results, skipped) of the measurements named in `wanted` (all when empty), in Croatian."""
    from django.utils import translation

    ctx = BenchContext()
    results, skipped = [], []
    for measurement in MEASUREMENTS:
        if wanted and measurement.name not in wanted:
            continue
        try:
            with translation.override("hr"):
                result = measurement.measure(ctx, runs)
        except Unavailable as reason:
            skipped.append({"name": measurement.name, "title": measurement.title, "reason": str(reason)})
            log(f"{measurement.name}: skipped ({reason})")
            continue
        result = {"name": measurement.name, "title": measurement.title, **result, **verdict(measurement, result)}
        results.append(result)
        log(
            f"{measurement.name:<18} median {result['median_s']:.3f} s, {result.get('queries', '–')} queries "
            f"({result.get('queries_small', '–')} small) -> {'met' if result['budget_met'] else 'NOT MET'}"
        )
    return results, skipped
