"""Browser tests: Playwright (sync API) driving Debian's Chromium against pytest-django's live server.

Database state, and why this file restores it
---------------------------------------------
``live_server`` makes every test that uses it *transactional* (pytest-django requests
``transactional_db`` for it): the live server answers from another thread, on its own database
connection, so the test cannot wrap its work in a transaction that is rolled back afterwards.
Django's ``TransactionTestCase`` instead **flushes every table** when such a test ends. That wipes
not only the demo content that ``tests/conftest.py`` loads once per session, but also what the
migrations put there (Wagtail's root page and site, the role groups, the default capacity
instrument), and a flush does not bring those back.

pytest-django runs every non-transactional database test of a process before the transactional
ones (it sorts the items the way Django's runner does; with ``pytest-xdist --dist loadfile`` each
worker receives its files in that order), and ``pytest_collection_modifyitems`` below puts the
browser tests first among the transactional ones, so when the first browser test of a process
starts, the database still holds migrations + demo. We therefore:

1. take a snapshot of the whole database (as JSON, like ``serialize_db_to_string``) the first time a browser
   test runs in the process (session fixture ``demo_snapshot``); if the demo is already gone at
   that point, some other transactional test flushed it first, and we fail loudly instead of
   testing an empty site;
2. before each browser test, restore the snapshot if the previous test's flush emptied the
   database (flush without post-migrate signals, load the snapshot, reset the PostgreSQL
   sequences so new rows get fresh primary keys);
3. after the last test of each module, restore it once more, so whatever runs next in this
   process finds the database as the session fixture left it.

Each browser test thus starts from exactly migrations + demo, whatever the previous one changed.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.conf import settings

from .browser import DESKTOP, require_tool

# Playwright's sync API runs an event loop in this thread; Django's ORM refuses to run while an
# event loop is running unless told it is safe. It is: nothing here is actually asynchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

DEMO_PASSWORD = "kok-demo-2026"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _transactional(item) -> bool:
    marker = item.get_closest_marker("django_db")
    if marker and (
        marker.kwargs.get("transaction") or marker.kwargs.get("reset_sequences") or marker.args[:1] == (True,)
    ):
        return True
    names = getattr(item, "fixturenames", ())
    return "transactional_db" in names or "live_server" in names


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """Mark the browser tests ``e2e`` and run them first among the transactional tests.

    pytest-django has already put every transactional test after the ordinary database tests
    (this hook runs after its sort). Another app's transactional test (e.g. the certificates
    concurrency test on PostgreSQL) flushes the database too; running ours before it means the
    demo is still there when ``demo_snapshot`` is taken.
    """
    here = Path(__file__).parent
    ours = [item for item in items if here in item.path.parents]
    if not ours:
        return
    for item in ours:
        item.add_marker(pytest.mark.e2e)
    first = items.index(ours[0])
    others = [item for item in items if here not in item.path.parents]
    position = next(
        (index for index, item in enumerate(others) if _transactional(item)),
        sum(1 for item in items[:first] if here not in item.path.parents),
    )
    items[:] = others[:position] + ours + others[position:]


# --- Database ---------------------------------------------------------------------------------


def _demo_present() -> bool:
    from accounts.models import User
    from home.models import HomePage

    return HomePage.objects.exists() and User.objects.filter(email="polaznik@kok.test").exists()


def _serialize() -> str:
    """The whole database as JSON, content types and permissions first.

    Django's ``serialize_db_to_string`` walks the apps in INSTALLED_APPS order, where ours come
    first; saving a page while loading would then create its content type row ahead of the
    snapshot's own, with another primary key, and the snapshot's row would collide with it.
    """
    from io import StringIO

    from django.apps import apps
    from django.core import serializers
    from django.db import connection, router
    from django.db.migrations.loader import MigrationLoader

    migrated = MigrationLoader(connection).migrated_apps
    first = ["contenttypes", "auth"]
    configs = sorted(
        (config for config in apps.get_app_configs() if config.models_module is not None and config.label in migrated),
        key=lambda config: first.index(config.label) if config.label in first else len(first),
    )

    def objects():
        for config in configs:
            for model in config.get_models():
                if model._meta.can_migrate(connection) and router.allow_migrate_model(connection.alias, model):
                    yield from model._base_manager.using(connection.alias).order_by(model._meta.pk.name).iterator()

    out = StringIO()
    serializers.serialize("json", objects(), stream=out)
    return out.getvalue()


def _restore(snapshot: str) -> None:
    from django.apps import apps
    from django.core.cache import caches
    from django.core.management import call_command
    from django.core.management.color import no_style
    from django.db import connection

    call_command("flush", interactive=False, inhibit_post_migrate=True, verbosity=0)
    connection.creation.deserialize_db_from_string(snapshot)
    statements = connection.ops.sequence_reset_sql(no_style(), apps.get_models(include_auto_created=True))
    if statements:
        with connection.cursor() as cursor:
            for sql in statements:
                cursor.execute(sql)
    for cache in caches.all():
        cache.clear()


@pytest.fixture(scope="session")
def demo_snapshot(django_db_setup, django_db_blocker) -> str:
    with django_db_blocker.unblock():
        if not _demo_present():
            pytest.fail(
                "The demo content is missing before the first browser test: another transactional test "
                "flushed the database earlier in this process. See tests/e2e/conftest.py."
            )
        return _serialize()


@pytest.fixture(scope="module", autouse=True)
def _leave_demo_behind(demo_snapshot, django_db_blocker) -> Iterator[None]:
    yield
    with django_db_blocker.unblock():
        _restore(demo_snapshot)


@pytest.fixture(autouse=True)
def _demo_database(transactional_db, demo_snapshot) -> None:
    if not _demo_present():
        _restore(demo_snapshot)


# --- Browser ----------------------------------------------------------------------------------


def _chromium_path() -> str | None:
    for candidate in (os.environ.get("KOK_CHROMIUM"), "/usr/bin/chromium", "chromium", "chromium-browser"):
        if not candidate:
            continue
        found = shutil.which(candidate) if not os.path.isabs(candidate) else candidate
        if found and os.access(found, os.X_OK):
            return found
    return None


@pytest.fixture(scope="session")
def browser():
    executable = _chromium_path()
    if executable is None:
        require_tool("Chromium was not found (install Debian's `chromium` package or set KOK_CHROMIUM).")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def base_url(live_server) -> str:
    return live_server.url


@pytest.fixture
def new_context(browser, base_url):
    """Factory of browser contexts: ``new_context(user=..., viewport=PHONE, javascript=False)``."""
    contexts = []

    def make(*, user=None, viewport=DESKTOP, javascript: bool = True):
        context = browser.new_context(
            base_url=base_url,
            viewport=viewport,
            java_script_enabled=javascript,
            locale="hr-HR",
            timezone_id="Europe/Zagreb",
            accept_downloads=True,
        )
        context.set_default_timeout(20_000)
        if user is not None:
            login_context(context, user, base_url)
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()


def login_context(context, user, base_url: str) -> None:
    """Put a logged-in session cookie into the browser (what the login form would do)."""
    from django.test import Client

    client = Client()
    client.force_login(user, backend="accounts.backends.AccountBackend")
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": base_url}])
