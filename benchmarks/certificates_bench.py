#!/usr/bin/env python
"""Certificate PDF benchmark (run by `make bench`, or on its own).

    .venv/bin/python benchmarks/certificates_bench.py                 # defaults: N=30, 1,000 via 2 workers
    .venv/bin/python benchmarks/certificates_bench.py --renders 50 --certificates 200 --workers 1

1. Warm renders in one process: the default certificate (demo template, QR code, logos, EU
   emblem, PDF/A-3a) N times, the same certificate with its Open Badges credential built,
   signed (eddsa-rdfc-2022) and embedded N times, and a one-paragraph document in the same font
   and variant N times, interleaved; prints the medians (wall and CPU time), the certificate /
   paragraph ratio and what signing adds (target <= 20 %).
2. The worker path: issues M certificates (the DatabaseBackend queues one render task per
   certificate, exactly as in production), then runs `manage.py db_worker --batch` processes until
   the queue is empty; prints the wall time, the throughput and each worker's memory growth
   (resident set size after its first tasks vs. its peak).

Everything happens in a throw-away SQLite database under a temporary folder; nothing touches var/.
Results are printed and written to var/bench/certificates.json.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
RESULT_FILE = BASE_DIR / "var" / "bench" / "certificates.json"

PARAGRAPH = (
    "<!DOCTYPE html><html lang='hr'><head><meta charset='utf-8'><title>Odlomak</title></head><body>"
    "<p>Polaznici iz Kravarskoga uče raditi na računalu, pisati e-poštu i služiti se e-Građanima: "
    "čćđšž ČĆĐŠŽ.</p></body></html>"
)


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--renders", type=int, default=30, help="warm renders of each document (default 30)")
    parser.add_argument("--certificates", type=int, default=1000, help="certificates through the worker (default 1000)")
    parser.add_argument("--workers", type=int, default=2, help="db_worker processes (default 2, one per core)")
    parser.add_argument("--skip-worker", action="store_true", help="only the warm-render comparison")
    parser.add_argument("--keep", action="store_true", help="keep the temporary database and PDFs for inspection")
    return parser.parse_args(argv)


def write_settings(folder: Path) -> str:
    """A settings module: development settings, our own database and the production task backend."""
    module = "kok_certificates_bench_settings"
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
            TASKS = {{"default": {{"BACKEND": "django_tasks_db.DatabaseBackend"}}}}
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


def rss_kb(pid: int) -> int | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        return None
    return None


def cpu_seconds(pid: int) -> float | None:
    """User + system CPU time of a process so far (from /proc/<pid>/stat)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def median_ms(values) -> float:
    return round(statistics.median(values) * 1000, 1)


def warm_renders(n: int) -> dict:
    from certificates.models import CertificateTemplate
    from certificates.rendering import certificate_pdf_bytes, sample_certificate
    from kok_learn.pdf import PdfMetadata, render_html_to_pdf

    template = CertificateTemplate.objects.prefetch_related("signatories", "logos").get(is_default=True)
    certificate = sample_certificate(template)
    metadata = PdfMetadata(title="Odlomak")

    def certificate_render():
        return certificate_pdf_bytes(certificate)

    from django.utils import timezone

    from certificates.credentials.build import identity_hash, unsigned_credential
    from certificates.credentials.keys import iso_utc, signing_key, verification_method_id
    from certificates.credentials.proof import sign

    certificate.subject_salt = "0" * 32
    certificate.subject_identity_hash = identity_hash("bench@kok.test", certificate.subject_salt)
    certificate.status_index = 1

    def signed_render():
        # What the worker does per certificate: load the key, build, sign, embed, render.
        key, private_key = signing_key()
        credential = sign(
            unsigned_credential(certificate),
            private_key=private_key,
            verification_method=verification_method_id(key),
            created=iso_utc(timezone.now()),
        )
        return certificate_pdf_bytes(certificate, credential_json=json.dumps(credential, ensure_ascii=False, indent=2))

    def paragraph_render():
        return render_html_to_pdf(PARAGRAPH, metadata=metadata)

    # Warm-up: fonts merged and loaded, stylesheets parsed, templates compiled.
    for _ in range(3):
        certificate_render()
        signed_render()
        paragraph_render()
    timings = {"certificate": ([], []), "signed": ([], []), "paragraph": ([], [])}
    sizes = {}
    for _ in range(n):
        for name, render in (
            ("certificate", certificate_render),
            ("signed", signed_render),
            ("paragraph", paragraph_render),
        ):
            wall, cpu = time.perf_counter(), time.process_time()
            data = render()
            timings[name][0].append(time.perf_counter() - wall)
            timings[name][1].append(time.process_time() - cpu)
            sizes[name] = len(data)
    result = {
        name: {"median_ms": median_ms(walls), "median_cpu_ms": median_ms(cpus), "bytes": sizes[name]}
        for name, (walls, cpus) in timings.items()
    }
    result["ratio"] = round(result["certificate"]["median_ms"] / result["paragraph"]["median_ms"], 2)
    result["ratio_cpu"] = round(result["certificate"]["median_cpu_ms"] / result["paragraph"]["median_cpu_ms"], 2)
    result["signing_overhead"] = round(result["signed"]["median_ms"] / result["certificate"]["median_ms"] - 1, 3)
    result["renders"] = n
    return result


def issue_certificates(count: int) -> None:
    from django.db import transaction

    from accounts.models import User
    from certificates.services import certificate_issue

    users = User.objects.bulk_create(
        [
            User(email=f"bench-{i}@kok.test", first_name="Polaznica", last_name=f"Kravarska {i}", is_active=True)
            for i in range(count)
        ]
    )
    for user in users:
        with transaction.atomic():  # one commit per completion, as in production
            certificate_issue(
                recipient=user,
                subject_key="course:bench",
                title="Osnove rada na računalu",
                hours=12,
                issuer="Udruga PET PLUS",
            )


def run_workers(*, workers: int, env: dict, expected: int) -> dict:
    from certificates.models import Certificate

    started = time.perf_counter()
    processes = [
        subprocess.Popen(
            [sys.executable, "manage.py", "db_worker", "--batch", "--no-startup-delay", "--no-reload", "-v", "0"],
            cwd=BASE_DIR,
            env=env,
        )
        for _ in range(workers)
    ]
    samples: dict[int, list[tuple[int, int]]] = {p.pid: [] for p in processes}
    cpu: dict[int, float] = {}
    while any(p.poll() is None for p in processes):
        done = Certificate.objects.exclude(pdf_name="").count()
        for process in processes:
            if process.poll() is None and (rss := rss_kb(process.pid)):
                samples[process.pid].append((done, rss))
                cpu[process.pid] = cpu_seconds(process.pid) or cpu.get(process.pid, 0.0)
        time.sleep(0.25)
    elapsed = time.perf_counter() - started
    rendered = Certificate.objects.exclude(pdf_name="").count()
    memory = []
    for points in samples.values():
        # Baseline: the worker's size once it has rendered its first few certificates (warm).
        warm = [rss for done, rss in points if done >= min(expected, 10 * workers)]
        if warm:
            memory.append(
                {"warm_kb": warm[0], "peak_kb": max(warm), "growth_mb": round((max(warm) - warm[0]) / 1024, 1)}
            )
    return {
        "certificates": expected,
        "rendered": rendered,
        "workers": workers,
        "seconds": round(elapsed, 1),
        "per_second": round(rendered / elapsed, 1) if elapsed else None,
        "memory": memory,
        "max_growth_mb": max((m["growth_mb"] for m in memory), default=None),
        # CPU seconds each worker used (start-up included): what the wall time would be per worker
        # on an otherwise idle machine with a core per worker.
        "worker_cpu_seconds": [round(value, 1) for value in cpu.values()],
        "returncodes": [p.returncode for p in processes],
    }


def main(argv=None) -> int:
    args = parse_args(argv)
    folder = Path(tempfile.mkdtemp(prefix="kok-certificates-bench-"))
    module = write_settings(folder)
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": module,
        "PYTHONPATH": os.pathsep.join([str(folder), str(BASE_DIR), os.environ.get("PYTHONPATH", "")]),
        "KOK_VAR_DIR": str(folder),
    }
    os.environ.update({k: env[k] for k in ("DJANGO_SETTINGS_MODULE", "KOK_VAR_DIR")})
    sys.path[:0] = [str(folder), str(BASE_DIR)]

    print(f"certificates bench: database and files in {folder}", flush=True)
    subprocess.run([sys.executable, "manage.py", "migrate", "-v", "0"], cwd=BASE_DIR, env=env, check=True)

    import django

    django.setup()
    from certificates import demo

    demo.load(log=lambda message: None, with_accounts=False)

    renders = warm_renders(args.renders)
    print(
        f"warm renders (n={args.renders}): certificate {renders['certificate']['median_ms']} ms "
        f"(CPU {renders['certificate']['median_cpu_ms']} ms, {renders['certificate']['bytes']} bytes), "
        f"one paragraph {renders['paragraph']['median_ms']} ms (CPU {renders['paragraph']['median_cpu_ms']} ms); "
        f"ratio {renders['ratio']} (CPU {renders['ratio_cpu']}); target <= 3",
        flush=True,
    )
    print(
        f"with the signed credential embedded: {renders['signed']['median_ms']} ms "
        f"(CPU {renders['signed']['median_cpu_ms']} ms, {renders['signed']['bytes']} bytes); "
        f"signing adds {renders['signing_overhead']:.1%} (target <= 20 %)",
        flush=True,
    )
    report = {"renders": renders, "load_average": [round(x, 2) for x in os.getloadavg()], "cpus": os.cpu_count()}

    if not args.skip_worker:
        issue_started = time.perf_counter()
        issue_certificates(args.certificates)
        issued_in = round(time.perf_counter() - issue_started, 1)
        worker = run_workers(workers=args.workers, env=env, expected=args.certificates)
        worker["issue_seconds"] = issued_in
        report["worker"] = worker
        print(
            f"worker path: {worker['rendered']}/{worker['certificates']} PDFs by {worker['workers']} db_worker "
            f"process(es) in {worker['seconds']} s ({worker['per_second']}/s; target < 90 s); "
            f"CPU per worker {worker['worker_cpu_seconds']} s; "
            f"memory growth per worker {[m['growth_mb'] for m in worker['memory']]} MB (target < 30 MB); "
            f"issuing took {issued_in} s",
            flush=True,
        )

    RESULT_FILE.parent.mkdir(parents=True, exist_ok=True)
    RESULT_FILE.write_text(json.dumps(report, indent=2))
    print(f"written to {RESULT_FILE.relative_to(BASE_DIR)}")
    if not args.keep:
        shutil.rmtree(folder, ignore_errors=True)
    ok = report.get("worker", {}).get("rendered", args.certificates) == args.certificates or args.skip_worker
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
