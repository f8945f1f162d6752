"""Fixtures shared by every app's tests. App-specific fixtures live in tests/<app>/conftest.py."""

import pytest
from django.core.management import call_command


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
