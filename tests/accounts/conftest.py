import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    """allauth's rate limits and our re-send counter live in the cache; every test starts clean."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def learner(db):
    from accounts.models import User

    return User.objects.get(email="polaznik@kok.test")


@pytest.fixture
def coordinator(db):
    from accounts.models import User

    return User.objects.get(email="koordinator@kok.test")


DEMO_PASSWORD = "kok-demo-2026"
