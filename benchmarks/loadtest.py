#!/usr/bin/env python
"""Load test: simulated learners study the demo courses against gunicorn + db_worker on PostgreSQL.

    .venv/bin/python benchmarks/loadtest.py                 # 50 learners for 60 s
    .venv/bin/python benchmarks/loadtest.py --users 10 --duration 20

It rebuilds a dedicated PostgreSQL database (default `kok_loadtest` on 127.0.0.1), loads the
demo courses, creates the learners with logged-in sessions, starts gunicorn (production
settings, the bench URLconf) and one `db_worker`, and runs locust headless with
`benchmarks/locustfile.py`. It passes when no request failed or got a server error, and, once
the worker has drained the queue, every completed course has exactly one certificate and every
certificate has its PDF. Results: var/loadtest/latest.json.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
OUT = BASE_DIR / "var" / "loadtest"


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--spawn-rate", type=float, default=10)
    parser.add_argument("--duration", type=int, default=60, help="seconds")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
    parser.add_argument(
        "--database-url",
        default=os.environ.get("LOADTEST_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/kok_loadtest"),
        help="a PostgreSQL database dedicated to the load test (it is emptied)",
    )
    parser.add_argument("--redis-url", default=os.environ.get("LOADTEST_REDIS_URL", ""))
    parser.add_argument("--drain-timeout", type=int, default=300, help="seconds to wait for the worker queue")
    parser.add_argument(
        "--head-start",
        type=int,
        default=2,
        help="each learner starts enrolled in one course with all but this many lessons done (0: from scratch)",
    )
    return parser.parse_args(argv)


def ensure_database(url: str) -> None:
    import psycopg

    server, name = url.rsplit("/", 1)
    with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
        if not admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            admin.execute(f'CREATE DATABASE "{name}"')


def head_start(*, user, course, lessons: list, remaining: int) -> int:
    """Study all but the last `remaining` lessons through the courses services; returns where to continue."""
    import uuid

    from courses import services

    services.enrolment_create(user=user, course=course)
    stop = max(0, len(lessons) - remaining)
    for lesson in lessons[:stop]:
        quizzes = lesson.quizzes()
        if not quizzes:
            services.lesson_complete(user=user, lesson=lesson, course=course)
        for quiz in quizzes:
            answers = {
                question["id"]: [choice["id"] for choice in question["choices"] if choice["correct"]]
                for question in quiz.questions
            }
            services.quiz_attempt_submit(
                user=user, lesson=lesson, course=course, quiz_id=quiz.id, answers=answers, submission_token=uuid.uuid4()
            )
    return stop


def build_plan(users: int, remaining: int) -> dict:
    from django.conf import settings
    from django.middleware.csrf import _get_new_csrf_string
    from django.urls import reverse

    from accounts.models import User
    from benchmarks.run import session_cookie
    from benchmarks.seed import Scale, seed_learners
    from courses.models import CourseIndexPage, CoursePage, LessonPage

    seed_learners(Scale(learners=users), lambda message: print(f"loadtest: {message}"))
    courses = []
    course_pages = []
    index = CourseIndexPage.objects.first()
    for course in CoursePage.objects.child_of(index).live().order_by("path"):
        lessons = []
        lesson_pages = list(LessonPage.objects.live().filter(path__startswith=course.path).order_by("path"))
        course_pages.append((course, lesson_pages))
        for lesson in lesson_pages:
            lesson._course_pass_mark = course.pass_mark
            quizzes = [
                {
                    "submit_url": reverse("courses:quiz_submit", args=[course.pk, lesson.pk, quiz.id]),
                    "answers": {
                        question["id"]: [choice["id"] for choice in question["choices"] if choice["correct"]]
                        for question in quiz.questions
                    },
                }
                for quiz in lesson.quizzes()
            ]
            lessons.append(
                {
                    "url": lesson.get_url(),
                    "complete_url": reverse("courses:lesson_complete", args=[course.pk, lesson.pk]),
                    "quizzes": quizzes,
                }
            )
        courses.append(
            {
                "title": course.title,
                "url": course.get_url(),
                "enrol_url": reverse("courses:enrol", args=[course.pk]),
                "lessons": lessons,
            }
        )
    learners = []
    for number, user in enumerate(User.objects.filter(email__startswith="polaznik").order_by("email")[:users]):
        session = session_cookie(user).split("=", 1)[1]
        learner = {"email": user.email, "session": session, "csrf": _get_new_csrf_string()}
        if remaining:
            course, lesson_pages = course_pages[number % len(course_pages)]
            position = head_start(user=user, course=course, lessons=lesson_pages, remaining=remaining)
            learner["start"] = {"course": number % len(course_pages), "position": position}
        learners.append(learner)
    return {
        "session_cookie_name": settings.SESSION_COOKIE_NAME,
        "csrf_cookie_name": settings.CSRF_COOKIE_NAME,
        "dashboard_url": reverse("courses:dashboard"),
        "learners": learners,
        "courses": courses,
    }


def read_locust_stats(prefix: Path) -> dict:
    rows = list(csv.DictReader(prefix.with_name(prefix.name + "_stats.csv").open()))
    by_name = {
        row["Name"]: {
            "requests": int(row["Request Count"]),
            "failures": int(row["Failure Count"]),
            "median_ms": float(row["Median Response Time"] or 0),
            "p95_ms": float(row["95%"] or 0) if row.get("95%") not in (None, "N/A") else None,
            "requests_per_s": round(float(row["Requests/s"] or 0), 1),
        }
        for row in rows
    }
    failures = list(csv.DictReader(prefix.with_name(prefix.name + "_failures.csv").open()))
    return {"requests": by_name, "failures": failures}


def main(argv=None) -> int:
    args = parse_args(argv)
    OUT.mkdir(parents=True, exist_ok=True)
    sys.path.insert(0, str(BASE_DIR))
    from benchmarks.run import Gunicorn, bench_environment

    bench_args = argparse.Namespace(database_url=args.database_url, redis_url=args.redis_url)
    env = {**bench_environment(bench_args), "KOK_VAR_DIR": str(OUT)}
    os.environ.clear()
    os.environ.update(env)
    ensure_database(args.database_url)

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    print("loadtest: rebuilding the load-test database")
    with connection.cursor() as cursor:
        cursor.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public;")
    call_command("migrate", interactive=False, verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    call_command("load_demo", force=True, verbosity=0)
    # Studying ahead issues no certificate yet, so nothing waits for the worker before the run.
    plan = build_plan(args.users, args.head_start)
    plan_path = OUT / "plan.json"
    plan_path.write_text(json.dumps(plan))
    connection.close()

    from django_tasks_db.models import DBTaskResult

    from certificates.models import Certificate
    from courses.models import Enrolment, EnrolmentStatus

    worker_log = (OUT / "worker.log").open("ab")
    worker = subprocess.Popen(
        [sys.executable, "manage.py", "db_worker", "--queue-name", "*", "--no-reload", "--interval", "0.5"],
        cwd=BASE_DIR,
        env=env,
        stdout=worker_log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    prefix = OUT / "locust"
    try:
        with Gunicorn(env, workers=args.workers, threads=None, log_path=OUT / "gunicorn.log") as server:
            print(f"loadtest: {args.users} learners for {args.duration} s against {server.url('/')}")
            subprocess.run(
                [
                    str(Path(sys.executable).with_name("locust")),
                    "-f",
                    str(BASE_DIR / "benchmarks" / "locustfile.py"),
                    "--headless",
                    "--users",
                    str(args.users),
                    "--spawn-rate",
                    str(args.spawn_rate),
                    "--run-time",
                    f"{args.duration}s",
                    "--host",
                    server.url(""),
                    "--csv",
                    str(prefix),
                    "--only-summary",
                    "--stop-timeout",
                    "10",
                ],
                cwd=BASE_DIR,
                env={**env, "KOK_LOADTEST_PLAN": str(plan_path)},
                timeout=args.duration + 120,
                check=False,
            )
            server_log = server.log_since_start()
        deadline = time.monotonic() + args.drain_timeout
        while DBTaskResult.objects.filter(status__in=["READY", "RUNNING"]).exists() and time.monotonic() < deadline:
            time.sleep(2)
        pending = DBTaskResult.objects.filter(status__in=["READY", "RUNNING"]).count()
        failed_tasks = DBTaskResult.objects.filter(status="FAILED").count()
    finally:
        os.killpg(worker.pid, signal.SIGTERM)
        worker.wait(timeout=150)
        worker_log.close()

    stats = read_locust_stats(prefix)
    total = stats["requests"].get("Aggregated", {"requests": 0, "failures": 0})
    server_errors = sum(
        int(f["Occurrences"]) for f in stats["failures"] if any(f" {code}" in f["Error"] for code in range(500, 600))
    )
    completed = Enrolment.objects.filter(status=EnrolmentStatus.COMPLETED).count()
    course_certificates = Certificate.objects.filter(subject_key__startswith="course:")
    result = {
        "users": args.users,
        "duration_s": args.duration,
        "database": "postgresql",
        "requests": stats["requests"],
        "failures": stats["failures"],
        "server_errors": server_errors,
        "tracebacks_in_server_log": server_log.count("Traceback"),
        "completed_courses": completed,
        "course_certificates": course_certificates.count(),
        "certificates_without_pdf": course_certificates.filter(pdf_rendered_at__isnull=True).count(),
        "tasks_pending_after_drain": pending,
        "tasks_failed": failed_tasks,
    }
    result["ok"] = (
        total["requests"] > 0
        and total["failures"] == 0
        and result["tracebacks_in_server_log"] == 0
        and completed == result["course_certificates"]
        and result["certificates_without_pdf"] == 0
        and pending == 0
        and failed_tasks == 0
    )
    (OUT / "latest.json").write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n")
    print(
        f"loadtest: {total['requests']} requests, {total['failures']} failures, {server_errors} server errors; "
        f"{completed} completed courses, {result['course_certificates']} certificates, "
        f"{result['certificates_without_pdf']} without PDF -> {'OK' if result['ok'] else 'FAILED'}"
    )
    return 0 if result["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
