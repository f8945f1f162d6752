"""The benchmark harness: its seed works with today's models, every page it measures answers 200
for the user it is measured as, its writer really writes, and its wrk/report plumbing works."""

import shutil
import subprocess
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from benchmarks import measurements, pages, run, seed

TINY = seed.Scale(
    learners=40,
    courses=2,
    lessons_per_course=4,
    completions=40,
    certificates=3,
    pairings=3,
    bench_learner_enrolments=2,
    events=3,
    registrations_per_event=3,
    opportunities=4,
    volunteers=10,
    hour_entries=60,
    participants=30,
)


@pytest.fixture
def seeded(db, settings):
    settings.ROOT_URLCONF = "benchmarks.urls"
    settings.KOK_VERIFY_RATE_LIMIT = (10**9, 600)
    result = seed.run(TINY, log=lambda message: None)
    return result


def test_every_seed_step_runs_against_the_current_models(seeded):
    from accounts.models import User

    assert seeded["skipped"] == [], seeded["skipped"]
    counts = {name: value for step in seeded["steps"] for name, value in step["counts"].items()}
    assert counts["learners"] == TINY.learners
    assert counts["courses"] == TINY.courses
    assert counts["lessons"] == TINY.courses * TINY.lessons_per_course
    assert counts["lesson_completions"] == TINY.completions
    assert counts["certificates"] == counts["completed_enrolments"] >= TINY.certificates
    assert counts["pairings"] == TINY.pairings
    learner = User.objects.get(email=seed.BENCH_LEARNER_EMAIL)
    assert learner.check_password(seed.BENCH_PASSWORD)
    assert learner.enrolments.count() == TINY.bench_learner_enrolments


def test_bench_certificates_name_the_operator_of_the_site_settings(seeded):
    from certificates.models import Certificate
    from kok_learn.operator import organisation_name

    issuers = set(
        Certificate.objects.filter(recipient__email__endswith=f"@{seed.BENCH_EMAIL_DOMAIN}").values_list(
            "issuer", flat=True
        )
    )
    assert issuers == {organisation_name()}


def test_programme_volunteering_and_reports_are_seeded_at_the_scale(seeded):
    counts = {name: value for step in seeded["steps"] for name, value in step["counts"].items()}
    assert counts["events"] == TINY.events
    assert counts["event_sessions"] == TINY.events * seed.SESSIONS_PER_EVENT
    assert counts["registrations"] == TINY.events * TINY.registrations_per_event
    assert counts["opportunities"] == TINY.opportunities
    assert counts["volunteers"] == TINY.volunteers
    assert counts["hour_entries"] == TINY.hour_entries
    assert counts["participant_records"] >= TINY.participants


def test_report_measurements_run_on_the_seeded_data_in_constant_queries(seeded):
    results, skipped = measurements.run_measurements(set(), runs=1, log=lambda message: None)
    assert skipped == []
    by_name = {result["name"]: result for result in results}
    assert set(by_name) == {"annual_report", "indicator_report", "project_report_pdf"}
    annual = by_name["annual_report"]
    assert annual["queries"] == annual["queries_small"]
    assert annual["size"].startswith(f"{TINY.volunteers} volunteers")
    assert by_name["indicator_report"]["queries"] == by_name["indicator_report"]["queries_small"]
    assert by_name["project_report_pdf"]["size"].endswith("bytes")


def test_measurement_verdict():
    timed = measurements.Measurement("x", "X", lambda ctx, runs: {}, max_seconds=2)
    assert measurements.verdict(timed, {"median_s": 1.5, "queries": 2, "queries_small": 2}) == {
        "budget": "≤ 2 s, constant queries",
        "budget_met": True,
    }
    assert not measurements.verdict(timed, {"median_s": 1.5, "queries": 3, "queries_small": 2})["budget_met"]
    assert not measurements.verdict(timed, {"median_s": 2.5, "queries": 2, "queries_small": 2})["budget_met"]
    untimed = measurements.Measurement("y", "Y", lambda ctx, runs: {}, max_seconds=10, constant_queries=False)
    assert measurements.verdict(untimed, {"median_s": 4})["budget_met"]


def test_pages_option_names_pages_and_measurements_and_reports_bench_is_not_run_twice(monkeypatch):
    args = run.parse_args(["--pages", "program, annual_report"])
    assert run.wanted_names(args) == {"program", "annual_report"}
    names = {page.name for page in pages.PAGES} | {m.name for m in measurements.MEASUREMENTS}
    assert {"program", "volunteering", "annual_report", "indicator_report", "project_report_pdf"} <= names
    ran = []
    monkeypatch.setattr(run.subprocess, "run", lambda command, **kwargs: ran.append(command[1]) or _Done())
    run.extra_benchmarks(run.parse_args([]), {})
    assert not any(script.endswith("reports_bench.py") for script in ran)


class _Done:
    returncode = 0


def test_seeding_twice_adds_nothing(seeded):
    again = seed.run(TINY, log=lambda message: None)
    counts = {name: value for step in again["steps"] for name, value in step["counts"].items()}
    assert counts["learners"] == TINY.learners
    assert counts["courses"] == TINY.courses
    assert counts["lesson_completions"] == TINY.completions


def test_every_page_is_located_and_answers_200_to_its_user(seeded, client):
    ctx = pages.BenchContext()
    for page in pages.PAGES:
        user = ctx.user_for(page.who)
        client.logout()
        if user is not None:
            client.force_login(user, backend=run.AUTH_BACKEND)
        for path in page.paths(ctx) + ([run.miss_path(page.paths(ctx)[0], "test")] if page.cached else []):
            response = client.get(path)
            assert response.status_code == 200, f"{page.name} {path}: {response.status_code}"


def test_the_bare_view_is_only_in_the_bench_urlconf(client, db):
    assert client.get("/__bench__/bare/").status_code == 404


def test_lesson_complete_writer_writes_through_the_real_view(seeded, client):
    writer = pages.WRITERS[0]
    assert writer.name == "lesson_complete"
    requests = writer.prepare(pages.BenchContext(), 3)
    assert len({r.user.pk for r in requests}) == 3
    writer.cleanup()
    assert writer.count_rows() == 0
    for request in requests:
        client.force_login(request.user, backend=run.AUTH_BACKEND)
        response = client.post(request.path, request.body, content_type="application/x-www-form-urlencoded")
        assert response.status_code == writer.success_status
    distinct = len({(r.user.pk, r.path) for r in requests})
    assert writer.count_rows() == distinct
    writer.cleanup()
    assert writer.count_rows() == 0


def test_write_probe_counts_its_rows(seeded, client):
    writer = pages.WRITE_PROBE
    requests = writer.prepare(pages.BenchContext(), 2)
    for request in requests:
        response = client.post(request.path, request.body, content_type="application/x-www-form-urlencoded")
        assert response.status_code == 200
    assert writer.count_rows() == 2
    writer.cleanup()
    assert writer.count_rows() == 0


def test_budgets():
    budget = pages.Budget(min_ratio=0.1, max_p95_ms=50, max_queries=12)
    assert budget.check(ratio=0.2, p95_ms=40, queries=12)
    assert not budget.check(ratio=0.05, p95_ms=40, queries=12)
    assert not budget.check(ratio=0.2, p95_ms=60, queries=12)
    assert not budget.check(ratio=0.2, p95_ms=40, queries=13)
    assert budget.describe() == "≥ 10% of bare, p95 ≤ 50 ms, ≤ 12 queries"


def _report():
    page = {
        "name": "lesson",
        "title": "Lesson page",
        "who": "learner",
        "path": "/tecajevi/x/",
        "paths": ["/tecajevi/x/", "/tecajevi/y/"],
        "cache": "none",
        "requests_per_s": 120.5,
        "p50_ms": 12.0,
        "p95_ms": 30.0,
        "queries": 9,
        "ratio_to_bare": 0.25,
        "budget": "≥ 10% of bare",
        "budget_met": True,
    }
    return {
        "finished_at": "2026-11-26 09:00",
        "revision": "abc1234",
        "command": "make bench",
        "machine": {
            "cpus": 2,
            "cpu_model": "x",
            "load_average_at_start": [1.0, 1.0, 1.0],
            "python": "3.11",
            "django": "5.2",
            "wagtail": "8.0",
            "wrk": "wrk 4.1",
        },
        "config": {
            "gunicorn": "2 workers × 4 threads (gthread)",
            "database": "sqlite",
            "cache": "LocMemCache",
            "connections": 8,
            "warmup_s": 2,
            "duration_s": 10,
        },
        "pages": [page],
        "measurements": [
            {
                "name": "annual_report",
                "title": "Volunteering annual report",
                "size": "2,000 volunteers",
                "median_s": 0.25,
                "max_s": 0.3,
                "queries": 2,
                "queries_small": 2,
                "budget": "≤ 2 s, constant queries",
                "budget_met": True,
            }
        ],
        "skipped": [{"name": "verification", "title": "Certificate verification", "reason": "no certificate"}],
        "sqlite_writers": {"skipped": "--writers-duration 0"},
        "seed": {"steps": [{"name": "learners", "counts": {"learners": 10000}}], "skipped": []},
    }


def test_results_go_between_the_markers_and_nothing_else_changes(tmp_path, monkeypatch):
    docs = tmp_path / "performance.md"
    docs.write_text(
        f"# Performance\n\nIntro.\n\n{run.START_MARKER}\nold\n{run.END_MARKER}\n\n## Certificates\n\nTheirs.\n"
    )
    monkeypatch.setattr(run, "DOCS", docs)
    run.write_docs(run.markdown(_report()))
    text = docs.read_text()
    assert "old" not in text
    assert text.startswith("# Performance\n\nIntro.\n")
    assert text.endswith("## Certificates\n\nTheirs.\n")
    assert (
        "| Lesson page (`/tecajevi/x/` and 1 more) | learner | none | 120.5 | 12.0 | 30.0 | 9 | 25.0% | ≥ 10% of bare: met |"
        in text
    )
    assert "Certificate verification (`verification`): no certificate." in text
    assert "learners 10,000" in text
    assert (
        "| Volunteering annual report | 2,000 volunteers | 0.250 | 0.300 | 2 / 2 | ≤ 2 s, constant queries: met |"
        in text
    )


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        pass  # wrk drops its connections when the time is up; that is not an error here


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 - http.server's naming
        status = 404 if self.path == "/missing/" else 200
        self.send_response(status)
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"ok")

    def log_message(self, *args):
        pass


def test_wrk_report_script_gives_latency_percentiles_and_status_counts():
    assert shutil.which("wrk"), "wrk is not installed (`make test` installs it: deploy/system-packages.txt)"
    server = _QuietServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        port = server.server_address[1]
        ok = run.summarise(run.wrk(f"http://127.0.0.1:{port}/", seconds=1, connections=2, threads=1))
        missing = run.wrk(f"http://127.0.0.1:{port}/missing/", seconds=1, connections=1, threads=1)
    finally:
        server.shutdown()
    assert ok["requests"] > 0
    assert ok["ok_responses"] == ok["requests"]
    assert 0 < ok["p50_ms"] <= ok["p95_ms"] <= ok["p99_ms"]
    assert set(missing["statuses"]) == {"404"}


def test_lua_script_reads_post_requests_from_a_file(tmp_path):
    assert shutil.which("wrk"), "wrk is not installed (`make test` installs it: deploy/system-packages.txt)"
    received = []

    class PostHandler(_Handler):
        def do_POST(self):  # noqa: N802
            length = int(self.headers["Content-Length"])
            received.append((self.path, self.headers["Cookie"], self.headers["X-CSRFToken"], self.rfile.read(length)))
            self.send_response(302)
            self.send_header("Content-Length", "0")
            self.end_headers()

    requests_file = tmp_path / "requests.tsv"
    requests_file.write_text("/a/\tsessionid=1\ttok1\tx=1\n/b/\tsessionid=2\ttok2\tx=2\n")
    server = _QuietServer(("127.0.0.1", 0), PostHandler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        port = server.server_address[1]
        raw = run.wrk(
            f"http://127.0.0.1:{port}/", seconds=1, connections=1, threads=1, script_args=[str(requests_file)]
        )
    finally:
        server.shutdown()
    assert set(raw["statuses"]) == {"302"}
    assert ("/a/", "sessionid=1", "tok1", b"x=1") in received
    assert ("/b/", "sessionid=2", "tok2", b"x=2") in received


def test_make_bench_help_runs_without_django():
    result = subprocess.run(
        [str(Path(run.BASE_DIR) / ".venv" / "bin" / "python"), "benchmarks/run.py", "--help"],
        cwd=run.BASE_DIR,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0
    assert "--duration" in result.stdout


def test_lua_script_cycles_through_paths_and_makes_every_miss_unique(tmp_path):
    assert shutil.which("wrk"), "wrk is missing: make test installs it (deploy/system-packages.txt)"
    seen = []

    class RecordingHandler(_Handler):
        def do_GET(self):  # noqa: N802
            seen.append(self.path)
            super().do_GET()

    paths_file = tmp_path / "paths.txt"
    paths_file.write_text("/a/\n/b/?stranica=2\n")
    server = _QuietServer(("127.0.0.1", 0), RecordingHandler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/a/"
        run.wrk(url, seconds=1, connections=1, threads=1, script_args=["get", str(paths_file)])
        hits = list(seen)
        seen.clear()
        run.wrk(url, seconds=1, connections=1, threads=1, script_args=["get", str(paths_file), "miss"])
    finally:
        server.shutdown()
    assert set(hits) == {"/a/", "/b/?stranica=2"}
    assert len(seen) == len(set(seen)) > 2  # every miss is a URL never requested before
    assert any(path.startswith("/a/?bench-miss=") for path in seen)
    assert any(path.startswith("/b/?stranica=2&bench-miss=") for path in seen)
