"""Production settings must refuse to start half-configured and pass `check --deploy` when configured."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

BASE_DIR = Path(__file__).resolve().parent.parent

PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "kok_learn.settings.production",
    "DJANGO_SECRET_KEY": "a-long-random-production-secret-key-0123456789-abcdefghijklmnop",
    "DJANGO_ALLOWED_HOSTS": "ucenje.kok.test",
    "DJANGO_CSRF_TRUSTED_ORIGINS": "https://ucenje.kok.test",
    "WAGTAILADMIN_BASE_URL": "https://ucenje.kok.test",
}


def _manage(*args, env):
    clean = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_without_secret_key_fails_loudly():
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != "DJANGO_SECRET_KEY"}
    result = _manage("check", env=env)
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr


def test_check_deploy_is_clean_with_production_variables(tmp_path):
    result = _manage(
        "check", "--deploy", "--fail-level", "WARNING", env={**PRODUCTION_ENV, "KOK_VAR_DIR": str(tmp_path)}
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize(
    ("url", "engine"),
    [
        ("postgres://u:p@db.example:5432/kok", "django.db.backends.postgresql"),
        ("sqlite:////tmp/x.sqlite3", "django.db.backends.sqlite3"),
    ],
)
def test_database_url_selects_the_engine(monkeypatch, url, engine):
    from kok_learn.settings import base

    monkeypatch.setenv("DATABASE_URL", url)
    config = base.database_from_env("sqlite:///unused")
    assert config["ENGINE"] == engine
    assert config["CONN_HEALTH_CHECKS"] is True
    if engine.endswith("sqlite3"):
        assert config["OPTIONS"]["transaction_mode"] == "IMMEDIATE"
        assert "journal_mode=WAL" in config["OPTIONS"]["init_command"]


def test_redis_url_switches_the_cache(monkeypatch):
    from kok_learn.settings import base

    monkeypatch.delenv("REDIS_URL", raising=False)
    assert base.caches_from_env(shared=False)["default"]["BACKEND"].endswith("LocMemCache")
    monkeypatch.setenv("REDIS_URL", "redis://127.0.0.1:6379/1")
    for shared in (False, True):
        caches = base.caches_from_env(shared=shared)
        assert {config["BACKEND"] for config in caches.values()} == {"django.core.cache.backends.redis.RedisCache"}


def test_production_shares_its_cache_between_processes_without_redis(monkeypatch, tmp_path):
    from kok_learn.settings import base

    monkeypatch.delenv("REDIS_URL", raising=False)
    monkeypatch.setenv("KOK_CACHE_DIR", str(tmp_path))
    caches = base.caches_from_env(shared=True)
    assert {config["BACKEND"] for config in caches.values()} == {"django.core.cache.backends.filebased.FileBasedCache"}
    assert caches["pages"]["LOCATION"] != caches["default"]["LOCATION"]
    assert caches["pages"]["LOCATION"].startswith(str(tmp_path))


def test_a_release_id_goes_into_every_cache_key(monkeypatch):
    from kok_learn.settings import base

    monkeypatch.setenv("KOK_RELEASE", "2026-11-29-abc123")
    for shared in (False, True):
        for config in base.caches_from_env(shared=shared).values():
            if "KEY_PREFIX" in config:
                assert "2026-11-29-abc123" in config["KEY_PREFIX"]
    monkeypatch.setenv("REDIS_URL", "redis://127.0.0.1:6379/1")
    assert all("2026-11-29-abc123" in c["KEY_PREFIX"] for c in base.caches_from_env(shared=True).values())


def test_production_with_a_per_process_cache_gets_a_warning(settings):
    from kok_learn.caching.checks import check_shared_cache

    settings.KOK_PRODUCTION = True
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    warnings = check_shared_cache()
    assert [warning.id for warning in warnings] == ["kok_learn.W001"]
    assert "default" in warnings[0].msg
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.filebased.FileBasedCache", "LOCATION": "/x"}}
    assert check_shared_cache() == []
    settings.KOK_PRODUCTION = False
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    assert check_shared_cache() == []
