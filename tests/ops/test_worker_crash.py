"""A worker killed in the middle of a task: with deploy/requeue_tasks.py (run by the systemd unit
before the worker starts) the abandoned task runs again and every task's work is done once."""

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent.parent
WORKER_ID = "kok-test-1"


def _env(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "KOK_"))}
    for key in ("DATABASE_URL", "REDIS_URL"):
        env.pop(key, None)
    env.update(
        DJANGO_SETTINGS_MODULE="kok_learn.settings.production",
        DJANGO_SECRET_KEY="crash-test-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz-ABCDEFG",
        DJANGO_ALLOWED_HOSTS="127.0.0.1",
        KOK_VAR_DIR=str(tmp_path),
        DJANGO_LOG_LEVEL="WARNING",
    )
    return env


def _run(args, env, timeout=180):
    result = subprocess.run(args, cwd=BASE_DIR, env=env, capture_output=True, text=True, timeout=timeout)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def _statuses(db_path):
    with sqlite3.connect(db_path) as conn:
        return [row[0] for row in conn.execute("SELECT status FROM django_tasks_database_dbtaskresult ORDER BY id")]


def test_killed_worker_task_is_requeued_and_every_task_done_once(tmp_path):
    env = _env(tmp_path)
    db_path = tmp_path / "db.sqlite3"
    _run([sys.executable, "manage.py", "migrate", "django_tasks_database", "--no-input", "-v", "0"], env)
    marks = [tmp_path / f"potvrda-{n}.txt" for n in range(3)]
    enqueue = "import django; django.setup(); from tests.ops.tasks import slow_mark\n" + "".join(
        f"slow_mark.enqueue({str(mark)!r}, 'gotovo', 4)\n" for mark in marks
    )
    _run([sys.executable, "-c", enqueue], env)
    assert _statuses(db_path) == ["READY"] * 3

    worker_command = [
        sys.executable,
        "manage.py",
        "db_worker",
        "--queue-name",
        "*",
        "--no-reload",
        "--no-startup-delay",
        "--worker-id",
        WORKER_ID,
    ]
    worker = subprocess.Popen(
        worker_command,
        cwd=BASE_DIR,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    deadline = time.monotonic() + 60
    while "RUNNING" not in _statuses(db_path):
        assert time.monotonic() < deadline, "the worker never claimed a task"
        time.sleep(0.2)
    os.killpg(worker.pid, signal.SIGKILL)  # no chance to clean up, as with the OOM killer
    worker.wait(timeout=10)
    assert _statuses(db_path).count("RUNNING") == 1

    # Without the requeue step the abandoned task is never picked up again.
    _run([*worker_command, "--batch"], env)
    assert _statuses(db_path).count("RUNNING") == 1

    out = _run([sys.executable, "deploy/requeue_tasks.py", "--worker-id", WORKER_ID], env)
    assert "1 abandoned task(s) requeued" in out
    _run([*worker_command, "--batch"], env)

    assert _statuses(db_path) == ["SUCCESSFUL"] * 3
    for mark in marks:
        assert mark.read_text(encoding="utf-8") == "gotovo\n", f"{mark.name} was not written exactly once"


def test_requeue_by_age_leaves_recent_tasks_alone(tmp_path):
    env = _env(tmp_path)
    db_path = tmp_path / "db.sqlite3"
    _run([sys.executable, "manage.py", "migrate", "django_tasks_database", "--no-input", "-v", "0"], env)
    _run(
        [
            sys.executable,
            "-c",
            "import django; django.setup(); from tests.ops.tasks import slow_mark\n"
            f"slow_mark.enqueue({str(tmp_path / 'x.txt')!r}, 'x', 0)\n"
            f"slow_mark.enqueue({str(tmp_path / 'y.txt')!r}, 'y', 0)\n",
        ],
        env,
    )
    with sqlite3.connect(db_path) as conn:
        conn.execute(
            "UPDATE django_tasks_database_dbtaskresult SET status='RUNNING', worker_ids='[\"gone\"]', "
            "started_at=datetime('now', '-2 hours') WHERE id = (SELECT min(id) FROM django_tasks_database_dbtaskresult)"
        )
        conn.execute(
            "UPDATE django_tasks_database_dbtaskresult SET status='RUNNING', worker_ids='[\"busy\"]', "
            "started_at=datetime('now') WHERE id = (SELECT max(id) FROM django_tasks_database_dbtaskresult)"
        )
    out = _run([sys.executable, "deploy/requeue_tasks.py", "--older-than", "30"], env)
    assert "1 abandoned task(s) requeued" in out
    assert _statuses(db_path) == ["READY", "RUNNING"]
