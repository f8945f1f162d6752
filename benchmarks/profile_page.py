#!/usr/bin/env python
"""Profile one bench page in-process against the seeded bench database (var/bench/, `make bench` first).

    .venv/bin/python benchmarks/profile_page.py lesson              # queries and CPU per request
    .venv/bin/python benchmarks/profile_page.py dashboard --cold    # every request with empty caches
    .venv/bin/python benchmarks/profile_page.py course --profile    # + cProfile's top functions
    .venv/bin/python benchmarks/profile_page.py catalogue --miss    # rendered every time, as the bench's miss

Same settings as the bench server (production + benchmarks/settings.py); the Django test client
instead of gunicorn, so the figures are CPU per request without the HTTP server.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import sys
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("page", help="a page name from benchmarks/pages.py")
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--cold", action="store_true", help="empty every cache before each request")
    parser.add_argument(
        "--miss", action="store_true", help="a query parameter never sent before on each request (the bench's miss)"
    )
    parser.add_argument("--profile", action="store_true", help="print cProfile's top functions")
    parser.add_argument("--sort", default="cumulative", help="cProfile's order: cumulative, tottime, ...")
    parser.add_argument("--top", type=int, default=40, help="how many of cProfile's functions to print")
    parser.add_argument("--pyinstrument", action="store_true", help="print pyinstrument's call tree")
    parser.add_argument("--sql", action="store_true", help="print the SQL of one request")
    args = parser.parse_args()

    from benchmarks.run import AUTH_BACKEND, bench_environment, miss_path, parse_args

    os.environ.update(bench_environment(parse_args([])))
    import django

    django.setup()
    from django.core.cache import caches
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from benchmarks.pages import PAGES, BenchContext

    page = next(p for p in PAGES if p.name == args.page)
    ctx = BenchContext()
    path = page.paths(ctx)[0]
    user = ctx.user_for(page.who)
    client = Client(HTTP_HOST="127.0.0.1")
    if user is not None:
        client.force_login(user, backend=AUTH_BACKEND)

    counter = iter(range(10**9))

    def url():
        return miss_path(path, f"profile-{next(counter)}") if args.miss else path

    def clear():
        if args.cold:
            for alias in caches:
                caches[alias].clear()

    clear()
    client.get(url())
    clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url())
    print(f"{page.name} {path}: {response.status_code}, {len(queries)} queries, {len(response.content)} bytes")
    if args.sql:
        for query in queries.captured_queries:
            sql = query["sql"]
            print(f"  {query['time']}s  {sql[:150]} ... {sql[sql.find(' FROM ') :][:250]}")
    if args.pyinstrument:
        from pyinstrument import Profiler

        with Profiler(interval=0.0002) as sampler:
            for _ in range(args.requests):
                clear()
                client.get(url())
        print(sampler.output_text(color=False, show_all=False))
        return 0
    # CPU time, not wall time: the figures stay comparable on a busy machine.
    profiler = cProfile.Profile(time.process_time) if args.profile else None
    total = 0.0
    for _ in range(args.requests):
        clear()
        started = time.process_time()
        if profiler:
            profiler.enable()
        client.get(url())
        if profiler:
            profiler.disable()
        total += time.process_time() - started
    print(f"CPU per request: {total / args.requests * 1000:.2f} ms over {args.requests} requests")
    if profiler:
        pstats.Stats(profiler).sort_stats(args.sort).print_stats(args.top)
    return 0


if __name__ == "__main__":
    sys.exit(main())
