"""No cache decides who may see what, across processes: gunicorn with 2 workers and the default
production cache (the shared file cache, no Redis) serves a learner's lesson; another process
restricts the lesson to a group; the very next request is refused, whichever worker serves it.

Each worker is made to serve the lesson before and after the change (the access log names the
worker's pid), so both workers' caches are warm with the unrestricted lesson when it changes.
"""

import http.client
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent.parent
SETUP = """
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from wagtail.models import Site
from accounts.models import User
from courses.models import Enrolment, LessonPage

learner = User.objects.get(email="polaznik@kok.test")
enrolment = Enrolment.objects.filter(user=learner, status="active").first()
lesson = LessonPage.objects.live().descendant_of(enrolment.course).order_by("path").first()
session = SessionStore()
session[SESSION_KEY] = str(learner.pk)
session[BACKEND_SESSION_KEY] = "accounts.backends.AccountBackend"
session[HASH_SESSION_KEY] = learner.get_session_auth_hash()
session.save()
print(lesson.pk, lesson.get_url_parts()[2], session.session_key)
"""

RESTRICT = """
from django.contrib.auth.models import Group
from wagtail.models import PageViewRestriction

restriction = PageViewRestriction.objects.create(page_id=%s, restriction_type=PageViewRestriction.GROUPS)
restriction.groups.add(Group.objects.create(name="Samo odabrani"))
"""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _env(tmp_path, **extra) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "KOK_", "GUNICORN_", "DATABASE_"))}
    env.pop("REDIS_URL", None)
    env.update(
        DJANGO_SECRET_KEY="cache-workers-test-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz",
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
        DJANGO_SECURE_SSL_REDIRECT="false",
        KOK_VAR_DIR=str(tmp_path),
        DJANGO_LOG_LEVEL="WARNING",
        **extra,
    )
    return env


def _manage(env, *args, stdin=None) -> str:
    result = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=BASE_DIR, env=env, input=stdin, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def _get(port: int, path: str, cookie: str) -> tuple[int, str]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)  # a new connection each time
    try:
        connection.request("GET", path, headers={"Cookie": cookie, "Host": "localhost"})
        response = connection.getresponse()
        return response.status, response.read().decode()
    finally:
        connection.close()


def _serve_until_every_worker_answered(port, path, cookie, access_log: Path, workers: int) -> dict[str, list]:
    """Request `path` until each of the `workers` pids has answered it at least twice."""
    answers: dict[str, list] = {}
    for _ in range(200):
        seen = len(access_log.read_text().splitlines())
        status, body = _get(port, path, cookie)
        time.sleep(0.05)
        lines = access_log.read_text().splitlines()[seen:]
        pid = next(line.split()[0] for line in lines if path in line)
        answers.setdefault(pid, []).append((status, 'class="lesson' in body))
        if len(answers) == workers and all(len(a) >= 2 for a in answers.values()):
            return answers
    raise AssertionError(f"not every worker answered: {answers}")


def test_a_restriction_is_enforced_on_the_next_request_in_every_worker(tmp_path):
    port = _free_port()
    setup_env = _env(tmp_path, DJANGO_SETTINGS_MODULE="kok_learn.settings.dev")
    _manage(setup_env, "migrate", "--no-input", "-v", "0")
    _manage(setup_env, "load_demo")
    prod_env = _env(tmp_path, DJANGO_SETTINGS_MODULE="kok_learn.settings.production")
    _manage(prod_env, "collectstatic", "--no-input", "-v", "0")
    lesson_id, path, session_key = _manage(prod_env, "shell", stdin=SETUP).split()[-3:]
    cookie = f"sessionid={session_key}"
    access_log = tmp_path / "access.log"
    access_log.touch()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "kok_learn.wsgi",
            "--config",
            "deploy/gunicorn.conf.py",
            "--access-logfile",
            str(access_log),
            "--access-logformat",
            "%(p)s %(s)s %(r)s",
        ],
        cwd=BASE_DIR,
        env={
            **prod_env,
            "GUNICORN_BIND": f"127.0.0.1:{port}",
            "GUNICORN_WORKERS": "2",
            "GUNICORN_MAX_REQUESTS": "0",
            "GUNICORN_KEEPALIVE": "0",
        },
        stdout=(tmp_path / "gunicorn.log").open("wb"),
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 90
        while True:
            assert server.poll() is None, (tmp_path / "gunicorn.log").read_text()
            try:
                if _get(port, "/healthz/", "")[0] == 200:
                    break
            except OSError:
                pass
            assert time.monotonic() < deadline, "gunicorn did not start"
            time.sleep(0.5)

        before = _serve_until_every_worker_answered(port, path, cookie, access_log, workers=2)
        assert all(answer == (200, True) for answers in before.values() for answer in answers), before

        _manage(prod_env, "shell", stdin=RESTRICT % int(lesson_id))  # another process: neither worker made the change

        after = _serve_until_every_worker_answered(port, path, cookie, access_log, workers=2)
        assert set(after) == set(before)
        for pid, answers in after.items():
            for status, shows_lesson in answers:
                assert status != 200 and not shows_lesson, (pid, answers)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
