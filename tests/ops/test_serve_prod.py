"""`make serve-prod` / `make worker` in miniature: gunicorn with the production settings and the
production gunicorn configuration, and `db_worker` running a task queued in the database."""

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

BASE_DIR = Path(__file__).resolve().parent.parent.parent


@pytest.fixture
def production_env(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "KOK_", "GUNICORN_"))}
    for key in ("DATABASE_URL", "REDIS_URL", "FRONTEND_CACHE_PURGE_URL", "AWS_STORAGE_BUCKET_NAME"):
        env.pop(key, None)
    env.update(
        DJANGO_SETTINGS_MODULE="kok_learn.settings.production",
        DJANGO_SECRET_KEY="ops-test-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz-ABCDEFG",
        DJANGO_ALLOWED_HOSTS="127.0.0.1",
        WAGTAILADMIN_BASE_URL="https://127.0.0.1",
        KOK_VAR_DIR=str(tmp_path / "var"),
        DJANGO_LOG_LEVEL="WARNING",
    )
    (tmp_path / "var").mkdir()
    return env


def _manage(*args, env, timeout=300):
    result = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=BASE_DIR, env=env, capture_output=True, text=True, timeout=timeout
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def _get(url, headers=None):
    opener = urllib.request.build_opener(_NoRedirect)
    try:
        with opener.open(urllib.request.Request(url, headers=headers or {}), timeout=20) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def test_gunicorn_serves_health_https_redirect_and_compressed_static_files(production_env, tmp_path):
    _manage("collectstatic", "--no-input", "-v", "0", env=production_env)
    manifest = json.loads((tmp_path / "var" / "static" / "staticfiles.json").read_text())
    stylesheet = manifest["paths"]["css/site.css"]
    assert stylesheet != "css/site.css", "the manifest storage fingerprints file names"

    port = _free_port()
    env = {**production_env, "GUNICORN_BIND": f"127.0.0.1:{port}", "GUNICORN_WORKERS": "1", "GUNICORN_ACCESS_LOG": ""}
    log = (tmp_path / "gunicorn.log").open("wb")
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "kok_learn.wsgi", "--config", "deploy/gunicorn.conf.py"],
        cwd=BASE_DIR,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while True:
            assert server.poll() is None, (tmp_path / "gunicorn.log").read_text()
            try:
                status, headers, body = _get(f"{base}/healthz/")
                break
            except OSError:
                assert time.monotonic() < deadline, "gunicorn did not start"
                time.sleep(0.5)
        # The load balancer's probe: plain HTTP is fine for /healthz/ only.
        assert status == 200
        assert json.loads(body) == {"status": "ok", "database": "ok", "cache": "ok"}

        status, headers, _ = _get(f"{base}/o-projektu/")
        assert status == 301
        assert headers["Location"] == f"https://127.0.0.1:{port}/o-projektu/"

        status, headers, _ = _get(f"{base}/healthz/", {"X-Forwarded-Proto": "https"})
        assert "max-age=31536000" in headers["Strict-Transport-Security"]

        status, headers, body = _get(
            f"{base}/static/{stylesheet}", {"X-Forwarded-Proto": "https", "Accept-Encoding": "br, gzip"}
        )
        assert status == 200
        assert headers["Content-Encoding"] in {"br", "gzip"}
        assert "immutable" in headers["Cache-Control"]
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
        log.close()
    assert "Traceback" not in (tmp_path / "gunicorn.log").read_text()


def test_db_worker_runs_a_task_queued_in_the_database(production_env, tmp_path):
    _manage("migrate", "django_tasks_database", "--no-input", "-v", "0", env=production_env)
    mark = tmp_path / "mark.txt"
    enqueue = subprocess.run(
        [
            sys.executable,
            "-c",
            "import django; django.setup();"
            "from tests.ops.tasks import leave_mark;"
            f"print(leave_mark.enqueue({str(mark)!r}, 'Potvrda je izrađena.').status)",
        ],
        cwd=BASE_DIR,
        env=production_env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert enqueue.returncode == 0, enqueue.stderr
    assert enqueue.stdout.strip().endswith("READY"), "production settings queue tasks instead of running them"
    assert not mark.exists()

    # The same options as `make worker` and the systemd unit, plus --batch to stop when the queue is empty.
    _manage("db_worker", "--queue-name", "*", "--no-reload", "--batch", "--no-startup-delay", env=production_env)
    assert mark.read_text(encoding="utf-8") == "Potvrda je izrađena."
