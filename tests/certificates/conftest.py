import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _fresh_cache():
    """The verification rate limit counts in the cache: every test starts clean."""
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


@pytest.fixture
def issue(db, django_capture_on_commit_callbacks):
    """Issue a certificate through the service and run the after-commit PDF render."""
    from certificates.services import certificate_issue

    def _issue(**kwargs):
        kwargs.setdefault("subject_key", "course:9001")
        kwargs.setdefault("title", "Osnove rada na računalu")
        kwargs.setdefault("hours", 12)
        kwargs.setdefault("issuer", "Udruga PET PLUS")
        with django_capture_on_commit_callbacks(execute=True):
            certificate = certificate_issue(**kwargs)
        certificate.refresh_from_db()
        return certificate

    return _issue


@pytest.fixture
def issuer_key(settings, tmp_path):
    """A fresh signing key in a throw-away folder (the demo's key is retired for the test)."""
    from certificates.credentials.keys import issuer_key_create

    settings.KOK_ISSUER_KEY_DIR = tmp_path / "keys"
    return issuer_key_create(rotate=True)
