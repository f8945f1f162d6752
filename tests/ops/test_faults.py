"""Faults the production setup must survive. Bounded and loopback only.

A PostgreSQL restart, from the application's side, is every open connection dropping at once.
The PostgreSQL server on a development or CI machine is shared, so instead of restarting it this
test terminates every backend of a scratch database while gunicorn holds persistent connections
to it (CONN_MAX_AGE=60), which is what the web processes see when the server restarts. With
CONN_HEALTH_CHECKS the next requests must all succeed; without them the first request on each
stale connection would fail.
"""

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path

import pytest

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def _postgres_url() -> str:
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        pytest.skip("DATABASE_URL is not PostgreSQL")
    return url


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _health(base: str) -> int:
    try:
        with urllib.request.urlopen(f"{base}/healthz/", timeout=20) as response:
            assert json.loads(response.read())["database"] == "ok"
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


@pytest.mark.postgres
def test_dropped_database_connections_are_survived(tmp_path):
    import psycopg

    base_url = _postgres_url()
    scratch = f"kok_ops_fault_{uuid.uuid4().hex[:8]}"
    server_url = base_url.rsplit("/", 1)[0]
    with psycopg.connect(f"{server_url}/postgres", autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{scratch}"')
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "KOK_", "GUNICORN_"))}
    env.pop("REDIS_URL", None)
    env.update(
        DJANGO_SETTINGS_MODULE="kok_learn.settings.production",
        DJANGO_SECRET_KEY="fault-test-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz-ABCDEFG",
        DJANGO_ALLOWED_HOSTS="127.0.0.1",
        KOK_VAR_DIR=str(tmp_path),
        DATABASE_URL=f"{server_url}/{scratch}",
        DATABASE_CONN_MAX_AGE="60",
        GUNICORN_BIND=f"127.0.0.1:{port}",
        GUNICORN_WORKERS="2",
        GUNICORN_THREADS="2",
        GUNICORN_ACCESS_LOG="",
        DJANGO_LOG_LEVEL="WARNING",
    )
    log_path = tmp_path / "gunicorn.log"
    log = log_path.open("wb")
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
            assert server.poll() is None, log_path.read_text()
            try:
                if _health(base) == 200:
                    break
            except OSError:
                pass
            assert time.monotonic() < deadline, "gunicorn did not start"
            time.sleep(0.5)
        # Open persistent connections in every worker thread.
        assert [_health(base) for _ in range(20)] == [200] * 20

        with psycopg.connect(f"{server_url}/postgres", autocommit=True) as admin:
            killed = admin.execute(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = %s",
                [scratch],
            ).fetchone()[0]
        assert killed >= 1, "gunicorn held no persistent connection to terminate"

        assert [_health(base) for _ in range(20)] == [200] * 20
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
        log.close()
        with psycopg.connect(f"{server_url}/postgres", autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{scratch}" WITH (FORCE)')
