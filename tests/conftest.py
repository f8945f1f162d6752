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


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Every test database starts with the demo content, loaded once per session."""
    with django_db_blocker.unblock():
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
