#!/usr/bin/env python
"""ESF reporting benchmark, standalone on a throw-away database.

`make bench` runs the same measurements (`bench_indicators`, `bench_project_pdf`) on its own bench
database through benchmarks/measurements.py, so it does not run this script as an extra.

    .venv/bin/python benchmarks/reports_bench.py                     # 10,000 participants, 5 runs
    .venv/bin/python benchmarks/reports_bench.py --participants 2000 --runs 3

1. Seeds N participants (records, special categories for half, one participation each, exit forms
   for a quarter) in a throw-away SQLite database with the demo loaded, then times the indicator
   report for the whole project over the period (median of the runs, plus the query count), for
   both indicator sets. Goal: ≤ 1 s and a constant number of queries.
2. Renders the project report PDF for the same period in-process, as the worker does
   (``reports.tasks.project_report_render``), median of the runs. Goal: ≤ 10 s.

Results are printed and written to var/bench/reports.json.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import shutil
import statistics
import sys
import tempfile
import textwrap
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
RESULT_FILE = BASE_DIR / "var" / "bench" / "reports.json"
PERIOD = (datetime.date(2021, 1, 1), datetime.date(2021, 12, 31))


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--participants", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--keep", action="store_true", help="keep the temporary database")
    return parser.parse_args(argv)


def write_settings(folder: Path) -> str:
    module = "kok_reports_bench_settings"
    (folder / f"{module}.py").write_text(
        textwrap.dedent(
            f"""
            from kok_learn.settings.dev import *  # noqa
            DEBUG = False
            DATABASES = {{"default": {{
                "ENGINE": "django.db.backends.sqlite3",
                "NAME": {str(folder / "db.sqlite3")!r},
                "OPTIONS": SQLITE_OPTIONS,
            }}}}
            PRIVATE_MEDIA_ROOT = {str(folder / "private")!r}
            MEDIA_ROOT = {str(folder / "media")!r}
            STORAGES = {{**STORAGES, "private": {{
                "BACKEND": "django.core.files.storage.FileSystemStorage",
                "OPTIONS": {{"location": PRIVATE_MEDIA_ROOT, "base_url": None}},
            }}}}
            LOGGING = {{"version": 1, "disable_existing_loggers": False, "root": {{"level": "ERROR"}}}}
            """
        )
    )
    return module


def seed(n: int) -> None:
    from reports.models import ExitRecord, ParticipantRecord, Participation, SpecialCategories

    sexes = ["female", "male", "non_binary", "female", "male"]
    employment = ["employed", "unemployed", "inactive_education", "inactive_other"]
    records = [
        ParticipantRecord(
            sex=sexes[i % 5] if i % 37 else "",
            date_of_birth=datetime.date(1940 + i % 70, 1 + i % 12, 1 + i % 28),
            employment_status=employment[i % 4],
            unemployed_months=(i % 30) if i % 4 == 1 else None,
            isced=i % 9,
            rural=bool(i % 3),
            entered_on=PERIOD[0] + datetime.timedelta(days=i % 360),
            is_complete=bool(i % 37),
        )
        for i in range(n)
    ]
    ParticipantRecord.objects.bulk_create(records, batch_size=2000)
    records = list(ParticipantRecord.objects.filter(entered_on__year=2021).order_by("pk"))
    SpecialCategories.objects.bulk_create(
        [
            SpecialCategories(record=r, disability=("yes", "no", "prefer_not")[i % 3], minority=("no", "yes")[i % 2])
            for i, r in enumerate(records)
            if i % 2
        ],
        batch_size=2000,
    )
    participations = Participation.objects.bulk_create(
        [
            Participation(
                record=r,
                kind="courses",
                activity_key=f"course:{i % 3}",
                activity_label="Tečaj",
                started_on=r.entered_on,
                ended_on=r.entered_on + datetime.timedelta(days=30) if i % 4 == 0 else None,
            )
            for i, r in enumerate(records)
        ],
        batch_size=2000,
    )
    ExitRecord.objects.bulk_create(
        [
            ExitRecord(participation=p, employed=bool(i % 2), job_searching=not (i % 2), in_education=bool(i % 3))
            for i, p in enumerate(participations)
            if p.ended_on
        ],
        batch_size=2000,
    )


def bench_indicators(runs: int) -> dict:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from reports import selectors
    from reports.indicators import esf2014, esf2021

    result = {}
    for indicator_set in (esf2014.INDICATOR_SET, esf2021.INDICATOR_SET):
        timings, queries = [], []
        for _ in range(runs):
            with CaptureQueriesContext(connection) as captured:
                start = time.perf_counter()
                report = selectors.indicator_report(start=PERIOD[0], end=PERIOD[1], indicator_set=indicator_set)
                timings.append(time.perf_counter() - start)
            queries.append(len(captured))
        result[indicator_set.key] = {
            "median_ms": round(statistics.median(timings) * 1000, 1),
            "max_ms": round(max(timings) * 1000, 1),
            "queries": max(queries),
            "participants": report.participants,
        }
    return result


def bench_project_pdf(runs: int) -> dict:
    from reports.project_report import render_project_report

    timings, size = [], 0
    for _ in range(runs):
        start = time.perf_counter()
        size = len(render_project_report(start=PERIOD[0], end=PERIOD[1]))
        timings.append(time.perf_counter() - start)
    return {"median_s": round(statistics.median(timings), 2), "max_s": round(max(timings), 2), "bytes": size}


def main(argv=None) -> int:
    args = parse_args(argv)
    folder = Path(tempfile.mkdtemp(prefix="kok-reports-bench-"))
    try:
        sys.path.insert(0, str(folder))
        sys.path.insert(0, str(BASE_DIR))
        os.environ["DJANGO_SETTINGS_MODULE"] = write_settings(folder)
        os.environ.setdefault("DJANGO_SECRET_KEY", "bench-only")
        import django
        from django.core.management import call_command

        django.setup()
        call_command("migrate", verbosity=0)
        call_command("load_demo", verbosity=0)
        started = time.perf_counter()
        seed(args.participants)
        seeded = round(time.perf_counter() - started, 1)
        from django.utils import translation

        with translation.override("hr"):
            results = {
                "participants": args.participants,
                "seed_s": seeded,
                "indicator_report": bench_indicators(args.runs),
                "project_report_pdf": bench_project_pdf(max(1, min(args.runs, 3))),
                "goals": {"indicator_report_ms": 1000, "project_report_pdf_s": 10},
            }
        print(json.dumps(results, indent=2))
        RESULT_FILE.parent.mkdir(parents=True, exist_ok=True)
        RESULT_FILE.write_text(json.dumps(results, indent=2))
        return 0
    finally:
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
