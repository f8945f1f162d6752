"""Fixtures shared by every app's tests. App-specific fixtures live in tests/<app>/conftest.py."""

import pytest
from django.core.management import call_command

# The one reason a test may be skipped: it needs PostgreSQL and DATABASE_URL points elsewhere.
POSTGRES_ONLY = "DATABASE_URL is not PostgreSQL"


def pytest_terminal_summary(terminalreporter):
    """Say why tests were skipped: only the PostgreSQL-only tests may be, and only on SQLite."""
    skipped = terminalreporter.stats.get("skipped", [])
    postgres_only = [report for report in skipped if POSTGRES_ONLY in str(report.longrepr)]
    if postgres_only:
        terminalreporter.write_line(f"{len(postgres_only)} PostgreSQL-only tests skipped: {POSTGRES_ONLY}")
    if len(skipped) > len(postgres_only):
        terminalreporter.write_line(
            f"{len(skipped) - len(postgres_only)} tests skipped for another reason: nothing but PostgreSQL may skip",
            red=True,
        )


MIGRATED_DATA: dict[str, str] = {}


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Every test database starts with the demo content, loaded once per session."""
    from django.db import connection

    with django_db_blocker.unblock():
        # What the migrations created (pytest-django serializes it on PostgreSQL), to put back after a
        # transactional test (below). Kept here: a test may replace the connection object.
        if connection.vendor == "postgresql" and getattr(connection, "_test_serialized_contents", None):
            MIGRATED_DATA["default"] = connection._test_serialized_contents
        call_command("load_demo", verbosity=0)


def _is_transactional(item) -> bool:
    marker = item.get_closest_marker("django_db") if item is not None else None
    return bool(marker and marker.kwargs.get("transaction"))


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_call(item):
    item.kok_test_ran = True  # not skipped: its database fixture flushed the database at teardown
    yield


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """A transactional test ends with the database flushed (as Django's TransactionTestCase does). Before
    an ordinary test runs after it in this process, put back what the migrations created and the demo,
    which the session started with and other tests may rely on. PostgreSQL only: the concurrency tests
    run there; on SQLite the one transactional test (the organisations move) needs no restore after it."""
    yield
    ran = getattr(item, "kok_test_ran", False)
    if not ran or not _is_transactional(item) or nextitem is None or _is_transactional(nextitem):
        return
    from django.db import connection
    from pytest_django.plugin import blocking_manager_key
    from wagtail.models import Locale

    if "default" not in MIGRATED_DATA:
        return
    with item.config.stash[blocking_manager_key].unblock():
        if Locale.objects.exists():  # nothing was flushed
            return
        connection.creation.deserialize_db_from_string(MIGRATED_DATA["default"])
        call_command("load_demo", verbosity=0)


@pytest.fixture
def demo_user(db):
    from accounts.models import User

    return User.objects.get(email="polaznik@kok.test")


@pytest.fixture
def home_page(db):
    from home.models import HomePage

    return HomePage.objects.get()


@pytest.fixture(autouse=True)
def _empty_page_cache():
    """Pages, fragments, routes and Wagtail's site root paths cached by one test must not answer
    another (kok_learn/caching/): a rolled-back Site or page sends no signal that would purge them."""
    from django.core.cache import caches

    for cache in caches.all():
        cache.clear()
