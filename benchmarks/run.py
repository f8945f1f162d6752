#!/usr/bin/env python
"""`make bench`: seed a separate database, serve it with gunicorn, load each page with wrk.

Per page it reports requests/s, p50/p95 latency (wrk, a fixed time at a fixed number of
connections), SQL queries per request (Django's test client with CaptureQueriesContext on the
same database) and the ratio to the bare view served by the same gunicorn in the same run.
Then it checks SQLite under 16 concurrent writers. Results go to var/bench/latest.json and to
the table in docs/performance.md. See docs/performance.md for the method; `--help` for options.
"""

from __future__ import annotations

import argparse
import datetime
import http.client
import json
import os
import platform
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
BENCH_DIR = BASE_DIR / "var" / "bench"
DOCS = BASE_DIR / "docs" / "performance.md"
LUA = Path(__file__).resolve().parent / "report.lua"
START_MARKER = "<!-- bench:results:start -->"
END_MARKER = "<!-- bench:results:end -->"
LOCKED = "database is locked"


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=float, default=10, help="seconds of measured load per page (default 10)")
    parser.add_argument("--warmup", type=float, default=2, help="seconds of unmeasured load per page first (default 2)")
    parser.add_argument("--connections", type=int, default=8, help="concurrent wrk connections (default 8)")
    parser.add_argument("--wrk-threads", type=int, default=2, help="wrk threads (default 2)")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn worker processes (default 2)")
    parser.add_argument(
        "--threads", type=int, default=None, help="gunicorn threads per worker (default: deploy/gunicorn.conf.py's)"
    )
    parser.add_argument(
        "--worker-class", default=None, help="gunicorn worker class (default: deploy/gunicorn.conf.py's)"
    )
    parser.add_argument("--pages", default="", help="comma-separated page and measurement names to run (default: all)")
    parser.add_argument("--writers", type=int, default=16, help="concurrent writers in the SQLite check (default 16)")
    parser.add_argument(
        "--writers-duration", type=float, default=30, help="seconds of the SQLite writer check (0 skips it)"
    )
    parser.add_argument("--scale", type=float, default=1.0, help="seed population factor (default 1 = full scale)")
    parser.add_argument("--reseed", action="store_true", help="rebuild the bench database even if it is current")
    parser.add_argument(
        "--database-url",
        default=os.environ.get("BENCH_DATABASE_URL", f"sqlite:///{BENCH_DIR / 'db.sqlite3'}"),
        help="bench database (default: SQLite in var/bench/; a PostgreSQL database must be dedicated to the bench)",
    )
    parser.add_argument(
        "--redis-url",
        default=os.environ.get("BENCH_REDIS_URL", ""),
        help="cache (default: none, i.e. the per-process local-memory cache)",
    )
    parser.add_argument("--output", type=Path, default=BENCH_DIR / "latest.json")
    parser.add_argument("--no-extra", action="store_true", help="skip the other benchmarks/*_bench.py scripts")
    parser.add_argument(
        "--update-docs",
        type=Path,
        metavar="LATEST_JSON",
        help="only copy the table of a finished run (e.g. var/bench/latest.json) into docs/performance.md",
    )
    return parser.parse_args(argv)


def bench_environment(args) -> dict[str, str]:
    """Production settings (+ the bench URLconf) pointed at the bench database, on loopback, plain HTTP."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "GUNICORN_"))}
    env.update(
        DJANGO_SETTINGS_MODULE="benchmarks.settings",
        DJANGO_SECRET_KEY="bench-only-secret-key-not-for-production-0123456789abcdefghijklmnop",
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost,testserver",
        DJANGO_SECURE_SSL_REDIRECT="false",
        DJANGO_LOG_LEVEL="WARNING",
        WAGTAILADMIN_BASE_URL="http://127.0.0.1",
        KOK_VAR_DIR=str(BENCH_DIR),
        DATABASE_URL=args.database_url,
        PYTHONPATH=str(BASE_DIR),
    )
    env.pop("REDIS_URL", None)
    env.pop("FRONTEND_CACHE_PURGE_URL", None)
    env.pop("AWS_STORAGE_BUCKET_NAME", None)
    for key in ("DJANGO_STATIC_ROOT", "DJANGO_MEDIA_ROOT", "DJANGO_PRIVATE_MEDIA_ROOT"):
        env.pop(key, None)
    if args.redis_url:
        env.update(REDIS_URL=args.redis_url, CACHE_KEY_PREFIX="kokbench")
    return env


def log(message: str) -> None:
    print(f"bench: {message}", flush=True)


# --- seeding ----------------------------------------------------------------------------------


def prepare_database(args, scale) -> dict:
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection

    from benchmarks import seed

    marker = BENCH_DIR / "seed.json"
    wanted = {**seed.signature(scale), "database_url": args.database_url}
    current = json.loads(marker.read_text()) if marker.exists() else None
    is_sqlite = connection.vendor == "sqlite"

    call_command("collectstatic", interactive=False, verbosity=0)
    if not args.reseed and current and current.get("signature") == wanted:
        call_command("migrate", interactive=False, verbosity=0)
        log(f"seed is current ({marker.relative_to(BASE_DIR)}); --reseed rebuilds it")
        return current["result"]

    log("building the bench database")
    if is_sqlite:
        connection.close()
        db_path = Path(settings.DATABASES["default"]["NAME"])
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db_path}{suffix}").unlink(missing_ok=True)
    else:
        with connection.cursor() as cursor:
            cursor.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public;")
    started = time.perf_counter()
    call_command("migrate", interactive=False, verbosity=0)
    call_command("load_demo", force=True, verbosity=0)
    result = seed.run(scale, log=lambda m: log(f"seed: {m}"))
    result["seconds"] = round(time.perf_counter() - started, 1)
    marker.write_text(json.dumps({"signature": wanted, "result": result}, indent=2))
    return result


# --- sessions and query counts ----------------------------------------------------------------

AUTH_BACKEND = "accounts.backends.AccountBackend"


def session_cookie(user) -> str:
    """A logged-in session for `user` in the bench database, as a Cookie header value."""
    from importlib import import_module

    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY

    store = import_module(settings.SESSION_ENGINE).SessionStore()
    store[SESSION_KEY] = str(user.pk)
    store[BACKEND_SESSION_KEY] = AUTH_BACKEND
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store.save()
    return f"{settings.SESSION_COOKIE_NAME}={store.session_key}"


MISS_PARAMETER = "bench-miss"


def miss_path(path: str, tag: str) -> str:
    """`path` with a query parameter the page cache has never seen (as report.lua's "miss" mode)."""
    return f"{path}{'&' if '?' in path else '?'}{MISS_PARAMETER}={tag}"


def count_queries(path: str, user, *, miss: bool = False) -> tuple[int, int]:
    """(queries, status) of the second request for `path` (the first one warms caches); with
    `miss`, both requests carry a query string never sent before, so the page cache cannot answer."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="127.0.0.1")
    if user is not None:
        client.force_login(user, backend=AUTH_BACKEND)
    client.get(miss_path(path, "warm") if miss else path)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(miss_path(path, "counted") if miss else path)
    return len(captured.captured_queries), response.status_code


# --- gunicorn and wrk -------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Gunicorn:
    def __init__(
        self, env: dict[str, str], *, workers: int, threads: int | None, log_path: Path, worker_class: str | None = None
    ):
        self.port = free_port()
        self.env = {
            **env,
            "GUNICORN_BIND": f"127.0.0.1:{self.port}",
            "GUNICORN_WORKERS": str(workers),
            "GUNICORN_ACCESS_LOG": "",
            "GUNICORN_LOG_LEVEL": "warning",
            # Production recycles a worker every ~2,000 requests (a leak guard). At bench rates that
            # is every few seconds, and each new worker starts with empty caches: measure the steady
            # state instead.
            "GUNICORN_MAX_REQUESTS": "0",
        }
        if threads:
            self.env["GUNICORN_THREADS"] = str(threads)
        if worker_class:
            self.env["GUNICORN_WORKER_CLASS"] = worker_class
        self.log_path = log_path
        self.process = None

    def __enter__(self) -> Gunicorn:
        self.log_offset = self.log_path.stat().st_size if self.log_path.exists() else 0
        self.log_file = self.log_path.open("ab")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "kok_learn.wsgi", "--config", "deploy/gunicorn.conf.py"],
            cwd=BASE_DIR,
            env=self.env,
            stdout=self.log_file,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited with {self.process.returncode}; see {self.log_path}")
            try:
                if self.get("/healthz/")[0] == 200:
                    return self
            except OSError:
                pass
            time.sleep(0.5)
        raise RuntimeError(f"gunicorn did not answer /healthz/ within 90 s; see {self.log_path}")

    def __exit__(self, *exc) -> None:
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        self.log_file.close()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def get(self, path: str, cookie: str = "") -> tuple[int, int]:
        """(status, body bytes) of one request, redirects not followed."""
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            conn.request("GET", path, headers={"Cookie": cookie} if cookie else {})
            response = conn.getresponse()
            return response.status, len(response.read())
        finally:
            conn.close()

    def log_since_start(self) -> str:
        with self.log_path.open("rb") as handle:
            handle.seek(self.log_offset)
            return handle.read().decode("utf-8", "replace")


def wrk(url: str, *, seconds: float, connections: int, threads: int, headers=(), script_args=()) -> dict:
    """Run wrk with report.lua; `script_args` go to its init() (see report.lua)."""
    command = ["wrk", "-t", str(min(threads, connections)), "-c", str(connections), "-d", f"{max(1, round(seconds))}s"]
    command += ["--timeout", "10s", "-s", str(LUA)]
    for header in headers:
        command += ["-H", header]
    command.append(url)
    if script_args:
        command += ["--", *script_args]
    result = subprocess.run(command, capture_output=True, text=True, timeout=seconds + 60)
    for line in result.stdout.splitlines():
        if line.startswith("BENCH_JSON "):
            return json.loads(line.removeprefix("BENCH_JSON "))
    raise RuntimeError(f"wrk gave no result: {result.stdout}\n{result.stderr}")


def summarise(raw: dict) -> dict:
    seconds = raw["duration_us"] / 1e6
    statuses = raw["statuses"]
    ok = sum(count for status, count in statuses.items() if 200 <= int(status) < 300)
    latency = raw["latency_us"]
    return {
        "requests": raw["requests"],
        "seconds": round(seconds, 2),
        "requests_per_s": round(raw["requests"] / seconds, 1) if seconds else 0.0,
        "p50_ms": round(latency["p50"] / 1000, 1),
        "p95_ms": round(latency["p95"] / 1000, 1),
        "p99_ms": round(latency["p99"] / 1000, 1),
        "max_ms": round(latency["max"] / 1000, 1),
        "ok_responses": ok,
        "statuses": statuses,
        "socket_errors": {k: v for k, v in raw["errors"].items() if k != "status" and v},
    }


# --- the run ------------------------------------------------------------------------------------


def wanted_names(args) -> set[str]:
    """Names given to --pages (pages of benchmarks/pages.py and measurements of benchmarks/measurements.py)."""
    return {name.strip() for name in args.pages.replace(" ", ",").split(",") if name.strip()}


def measure_pages(args, env) -> tuple[list[dict], list[dict]]:
    """Every page (hit and miss for the ones the page cache keeps), between two runs of the bare view."""
    from benchmarks.pages import BARE, PAGES, BenchContext, Unavailable

    wanted = wanted_names(args)
    if wanted and not any(page.name in wanted for page in PAGES):
        return [], []  # only non-page measurements asked for
    ctx = BenchContext()
    runs, skipped = [], []
    for page in PAGES:
        if page is BARE or (wanted and page.name not in wanted):
            continue
        try:
            paths = page.paths(ctx)
            user = ctx.user_for(page.who)
        except Unavailable as reason:
            skipped.append({"name": page.name, "title": page.title, "reason": str(reason)})
            log(f"{page.name}: skipped ({reason})")
            continue
        variants = [("hit", page.budget), ("miss", page.miss_budget)] if page.cached else [("none", page.budget)]
        for cache, budget in variants:
            queries, status = count_queries(paths[0], user, miss=cache == "miss")
            if status != 200:
                raise RuntimeError(f"{page.name} ({paths[0]}) answered {status} to the test client, not 200")
            runs.append(
                {"page": page, "paths": paths, "user": user, "queries": queries, "cache": cache, "budget": budget}
            )
    bare_paths = BARE.paths(ctx)
    runs = (
        [{"page": BARE, "paths": bare_paths, "user": None, "queries": 0, "cache": "none", "budget": None}]
        + runs
        + [{"page": BARE, "paths": bare_paths, "user": None, "queries": 0, "cache": "none", "budget": None, "after": 1}]
    )

    results = []
    with Gunicorn(
        env,
        workers=args.workers,
        threads=args.threads,
        worker_class=args.worker_class,
        log_path=BENCH_DIR / "gunicorn.log",
    ) as server:
        for number, item in enumerate(runs):
            page = item["page"]
            cookie = session_cookie(item["user"]) if item["user"] is not None else ""
            for path in item["paths"]:
                status, size = server.get(path, cookie)
                if status != 200:
                    raise RuntimeError(f"{page.name} ({path}) answered {status} through gunicorn, not 200")
            paths_file = BENCH_DIR / f"paths-{number}.txt"
            paths_file.write_text("\n".join(item["paths"]) + "\n")
            script_args = ["get", str(paths_file)] + (["miss"] if item["cache"] == "miss" else [])
            headers = [f"Cookie: {cookie}"] if cookie else []
            common = {
                "connections": args.connections,
                "threads": args.wrk_threads,
                "headers": headers,
                "script_args": script_args,
            }
            url = server.url(item["paths"][0])
            if args.warmup:
                wrk(url, seconds=args.warmup, **common)
            stats = summarise(wrk(url, seconds=args.duration, **common))
            paths_file.unlink()
            name = page.name + ("_after" if item.get("after") else "")
            result = {
                "name": name,
                "title": page.title + (", again after the pages" if item.get("after") else ""),
                "who": page.who,
                "path": item["paths"][0],
                "paths": item["paths"],
                "cache": item["cache"],
                "response_bytes": size,
                "queries": item["queries"],
                **stats,
            }
            if item["budget"]:
                result["_budget"] = item["budget"]
            results.append(result)
            log(
                f"{name:<18} {item['cache']:<4} {stats['requests_per_s']:>8.1f} req/s  p50 {stats['p50_ms']:>6.1f} ms  "
                f"p95 {stats['p95_ms']:>6.1f} ms  {item['queries']:>3} queries"
            )
        server_log = server.log_since_start()
    bares = [r["requests_per_s"] for r in results if r["name"] in ("bare", "bare_after") and r["requests_per_s"]]
    bare = sum(bares) / len(bares) if bares else None
    for result in results:
        result["ratio_to_bare"] = round(result["requests_per_s"] / bare, 3) if bare else None
        budget = result.pop("_budget", None)
        if budget:
            result["budget"] = budget.describe()
            result["budget_met"] = budget.check(
                ratio=result["ratio_to_bare"], p95_ms=result["p95_ms"], queries=result["queries"]
            )
        errors = sum(v for k, v in result["statuses"].items() if int(k) >= 500)
        if errors:
            log(f"{result['name']}: {errors} server errors; see {BENCH_DIR / 'gunicorn.log'}")
    if "Traceback" in server_log:
        log(f"gunicorn logged tracebacks during the page runs; see {BENCH_DIR / 'gunicorn.log'}")
    return results, skipped


def sqlite_writers(args, env) -> dict:
    from django.db import connection
    from django.middleware.csrf import _get_new_csrf_string

    from benchmarks.pages import WRITERS, BenchContext, Unavailable

    if args.writers_duration <= 0:
        return {"skipped": "--writers-duration 0"}
    if connection.vendor != "sqlite":
        return {"skipped": f"the bench database is {connection.vendor}; the check is about SQLite"}
    ctx = BenchContext()
    reasons = []
    for writer in WRITERS:
        try:
            requests = writer.prepare(ctx, args.writers)
            break
        except Unavailable as reason:
            reasons.append(f"{writer.name}: {reason}")
    else:
        return {"skipped": "; ".join(reasons)}

    from django.conf import settings

    lines = []
    for request in requests:
        token = _get_new_csrf_string()
        cookie = f"{session_cookie(request.user)}; {settings.CSRF_COOKIE_NAME}={token}"
        lines.append("\t".join([request.path, cookie, token, request.body]))
    requests_file = BENCH_DIR / "writers.tsv"
    requests_file.write_text("\n".join(lines) + "\n")
    writer.cleanup()
    before = writer.count_rows()

    # Every writer gets its own request thread: workers × threads ≥ writers, so all of them are
    # inside SQLite at the same time instead of queueing in gunicorn.
    threads = -(-args.writers // args.workers)
    log(f"SQLite writers: {args.writers} connections for {args.writers_duration:g} s against {writer.name}")
    with Gunicorn(env, workers=args.workers, threads=threads, log_path=BENCH_DIR / "gunicorn.log") as server:
        raw = wrk(
            server.url("/"),
            seconds=args.writers_duration,
            connections=args.writers,
            threads=min(args.wrk_threads, args.writers),
            script_args=[str(requests_file)],
        )
        time.sleep(1)  # let requests that were in flight when wrk stopped finish
        server_log = server.log_since_start()
    stats = summarise(raw)
    rows = writer.count_rows() - before
    writer.cleanup()
    locked = server_log.count(LOCKED)
    server_errors = sum(v for k, v in stats["statuses"].items() if int(k) >= 500)
    succeeded = stats["statuses"].get(str(writer.success_status), 0)
    distinct = len({(r.user.pk, r.path) for r in requests})
    low, high = writer.expected_rows(distinct, succeeded, args.writers)
    result = {
        "writer": writer.name,
        "description": writer.description,
        "writers": args.writers,
        "gunicorn": f"{args.workers} workers × {threads} threads",
        **stats,
        "succeeded": succeeded,
        "rows_written": rows,
        "rows_expected": [low, high],
        "database_locked_errors": locked,
        "server_errors": server_errors,
    }
    # Honest bookkeeping: every request answered as a successful write, and the rows are there.
    result["ok"] = locked == 0 and server_errors == 0 and succeeded == stats["requests"] and low <= rows <= high
    log(
        f"SQLite writers: {stats['requests_per_s']:.1f} writes/s, p95 {stats['p95_ms']} ms, {rows} rows, "
        f"{locked} 'database is locked', {server_errors} server errors -> {'OK' if result['ok'] else 'FAILED'}"
    )
    return result


# Scripts whose measurements run inside `make bench` on the bench database (benchmarks/measurements.py).
WIRED_IN = {"reports_bench.py"}


def extra_benchmarks(args, environment: dict[str, str]) -> list[dict]:
    """Other engineers' benchmark scripts (benchmarks/<app>_bench.py) run after ours, each in the
    environment `make bench` was started with (not the bench server's settings and database)."""
    results = []
    if args.no_extra:
        return results
    for script in sorted(Path(__file__).resolve().parent.glob("*_bench.py")):
        if script.name in WIRED_IN:
            continue
        log(f"running {script.relative_to(BASE_DIR)}")
        started = time.perf_counter()
        completed = subprocess.run([sys.executable, str(script)], cwd=BASE_DIR, env=environment, timeout=1800)
        results.append(
            {
                "script": str(script.relative_to(BASE_DIR)),
                "returncode": completed.returncode,
                "seconds": round(time.perf_counter() - started, 1),
            }
        )
    return results


def machine() -> dict:
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    import django
    import wagtail

    return {
        "cpus": os.cpu_count(),
        "cpu_model": cpu,
        "load_average_at_start": [round(x, 2) for x in os.getloadavg()],
        "python": platform.python_version(),
        "django": django.get_version(),
        "wagtail": wagtail.__version__,
        "wrk": subprocess.run(["wrk", "--version"], capture_output=True, text=True).stdout.split(" [")[0].strip(),
    }


def git_revision() -> str:
    result = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=BASE_DIR, capture_output=True, text=True)
    return result.stdout.strip() or "unknown"


def markdown(report: dict) -> str:
    cfg = report["config"]
    mach = report["machine"]
    load = " / ".join(str(x) for x in mach["load_average_at_start"]) + " at the start"
    if "load_average_at_end" in mach:
        load += ", " + " / ".join(str(x) for x in mach["load_average_at_end"]) + " at the end"
    lines = [
        f"Run of {report['finished_at']} (UTC), revision `{report['revision']}`, with:",
        "",
        "```sh",
        report["command"],
        "```",
        "",
        f"Machine: {mach['cpus']} CPUs ({mach['cpu_model'] or 'unknown model'}), load average {load} "
        f"(the machine is shared); Python {mach['python']}, Django {mach['django']}, Wagtail {mach['wagtail']}, "
        f"{mach['wrk']}.",
        f"Server: gunicorn {cfg['gunicorn']}, production settings, {cfg['database']} database, {cfg['cache']} cache. "
        f"Load: wrk, {cfg['connections']} connections, {cfg['warmup_s']:g} s warm-up + {cfg['duration_s']:g} s per page.",
        "",
        "The share of bare is against the mean of the two bare runs, before and after the pages. "
        "*cache*: `hit` is the same URL again (the page cache answers), `miss` a new query string each "
        "time (the page is rendered), `none` a page the page cache never keeps.",
        "",
        "| page | who | cache | req/s | p50 ms | p95 ms | SQL queries | vs bare | budget |",
        "|---|---|---|---:|---:|---:|---:|---:|---|",
    ]
    for r in report["pages"]:
        ratio = f"{r['ratio_to_bare']:.1%}" if r.get("ratio_to_bare") is not None else "–"
        budget = r.get("budget", "")
        if budget:
            budget = f"{budget}: {'met' if r['budget_met'] else '**not met**'}"
        more = f" and {len(r['paths']) - 1} more" if len(r.get("paths", [])) > 1 else ""
        lines.append(
            f"| {r['title']} (`{r['path']}`{more}) | {r['who']} | {r.get('cache', 'none')} | "
            f"{r['requests_per_s']:.1f} | {r['p50_ms']:.1f} | "
            f"{r['p95_ms']:.1f} | {r['queries']} | {ratio} | {budget} |"
        )
    if report.get("measurements"):
        lines += [
            "",
            "Reports, computed in-process on the bench database (median of the runs; *queries* at the seeded "
            "size and at a small one: equal means constant):",
            "",
            "| measurement | data | median s | max s | SQL queries (large / small) | budget |",
            "|---|---|---:|---:|---:|---|",
        ]
        for m in report["measurements"]:
            queries = f"{m['queries']} / {m['queries_small']}" if "queries_small" in m else "–"
            lines.append(
                f"| {m['title']} | {m['size']} | {m['median_s']:.3f} | {m['max_s']:.3f} | {queries} | "
                f"{m['budget']}: {'met' if m['budget_met'] else '**not met**'} |"
            )
    if report["skipped"]:
        lines += ["", "Not measured yet:", ""]
        lines += [f"- {s['title']} (`{s['name']}`): {s['reason']}." for s in report["skipped"]]
    w = report["sqlite_writers"]
    lines.append("")
    if "skipped" in w:
        lines.append(f"SQLite writer check: skipped ({w['skipped']}).")
    else:
        verdict = "passed" if w["ok"] else "**FAILED**"
        lines.append(
            f"SQLite writer check ({verdict}): {w['writers']} concurrent writers for {w['seconds']:g} s against "
            f"gunicorn ({w['gunicorn']}) on SQLite, {w['description']}: {w['requests']} requests, "
            f"{w['requests_per_s']:.1f} writes/s, p50 {w['p50_ms']:.1f} ms, p95 {w['p95_ms']:.1f} ms, "
            f'{w["rows_written"]} rows written, {w["database_locked_errors"]} "database is locked" errors, '
            f"{w['server_errors']} server errors."
        )
    seed = report["seed"]
    seeded = ", ".join(f"{k} {v:,}" for step in seed.get("steps", []) for k, v in step["counts"].items())
    lines += ["", f"Seeded population: {seeded or 'nothing'}."]
    if seed.get("skipped"):
        lines.append(
            "Seed steps not available yet: " + "; ".join(f"{s['step']} ({s['reason']})" for s in seed["skipped"]) + "."
        )
    return "\n".join(lines)


def write_docs(text: str) -> None:
    content = DOCS.read_text() if DOCS.exists() else "# Performance\n"
    block = f"{START_MARKER}\n{text}\n{END_MARKER}"
    if START_MARKER in content and END_MARKER in content:
        content = re.sub(re.escape(START_MARKER) + r".*?" + re.escape(END_MARKER), lambda _: block, content, flags=re.S)
    else:
        content = content.rstrip("\n") + f"\n\n## Results\n\n{block}\n"
    DOCS.write_text(content)


def update_docs(path: Path) -> None:
    """`make bench-docs`: the table of `path` (a latest.json) into docs/performance.md."""
    write_docs(markdown(json.loads(path.read_text())))


def main(argv=None) -> int:
    args = parse_args(argv)
    if args.update_docs:
        update_docs(args.update_docs)
        log(f"wrote the table of {args.update_docs} into {DOCS.relative_to(BASE_DIR)}")
        return 0
    if not shutil.which("wrk"):
        print("bench: wrk is not installed (apt-get install wrk, or run `make bench`)", file=sys.stderr)
        return 2
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    env = bench_environment(args)
    original_environment = dict(os.environ)
    os.environ.clear()
    os.environ.update(env)
    sys.path.insert(0, str(BASE_DIR))
    started = datetime.datetime.now(datetime.UTC)
    mach = machine()

    import django

    django.setup()
    from django.conf import settings
    from django.db import connection

    from benchmarks.seed import Scale

    if not (BASE_DIR / "locale" / "hr" / "LC_MESSAGES" / "django.mo").exists():
        from django.core.management import call_command

        call_command("compilemessages", ignore_patterns=[".venv"], verbosity=0)
    scale = Scale().scaled(args.scale)
    seed_result = prepare_database(args, scale)
    pages, skipped = measure_pages(args, env)
    from benchmarks.measurements import run_measurements

    measurements, not_measured = run_measurements(wanted_names(args), log=log)
    skipped += not_measured
    writers = sqlite_writers(args, env)
    threads = args.threads or int(os.environ.get("GUNICORN_THREADS", "1"))
    worker_class = args.worker_class or os.environ.get("GUNICORN_WORKER_CLASS", "sync")
    if worker_class == "sync" and threads > 1:
        worker_class = "gthread"  # as gunicorn itself does
    mach["load_average_at_end"] = [round(x, 2) for x in os.getloadavg()]
    report = {
        "started_at": started.isoformat(timespec="seconds"),
        "finished_at": datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M"),
        "command": "make bench" + (f' BENCH_ARGS="{" ".join(argv or sys.argv[1:])}"' if (argv or sys.argv[1:]) else ""),
        "revision": git_revision(),
        "machine": mach,
        "config": {
            "database": connection.vendor,
            "cache": settings.CACHES["default"]["BACKEND"].rsplit(".", 1)[-1],
            "gunicorn": f"{args.workers} {worker_class} workers" + (f" × {threads} threads" if threads > 1 else ""),
            "connections": args.connections,
            "wrk_threads": args.wrk_threads,
            "duration_s": args.duration,
            "warmup_s": args.warmup,
            "scale": args.scale,
        },
        "seed": seed_result,
        "pages": pages,
        "measurements": measurements,
        "skipped": skipped,
        "sqlite_writers": writers,
    }
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    log(f"wrote {args.output}; `make bench-docs` copies the table into {DOCS.relative_to(BASE_DIR)}")
    # The other benchmarks come last, so a slow or failing one cannot cost us our results.
    report["extra"] = extra_benchmarks(args, original_environment)
    if report["extra"]:
        args.output.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    failed = writers.get("ok") is False or any(r["statuses"] and r["ok_responses"] != r["requests"] for r in pages)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
