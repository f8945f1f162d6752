"""Test settings: fast hashing, in-memory e-mail, immediate background tasks."""

import atexit
import os
import shutil
import tempfile
from pathlib import Path

from .base import *  # noqa: F403
from .base import STORAGES

SECRET_KEY = "test-only-key"
DEBUG = False
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
WAGTAILADMIN_BASE_URL = "http://testserver"
KOK_ALLOW_DEMO = True

# Uploaded and generated files go to a throw-away folder, never into var/, removed when the process
# that made it exits (not by a forked child, e.g. a gunicorn worker of a test, which shares it).
_TEST_FILES = Path(tempfile.mkdtemp(prefix="kok-test-files-"))
_MADE_BY = os.getpid()


def _remove_test_files():
    if os.getpid() == _MADE_BY:
        shutil.rmtree(_TEST_FILES, ignore_errors=True)


atexit.register(_remove_test_files)
MEDIA_ROOT = _TEST_FILES / "media"
PRIVATE_MEDIA_ROOT = _TEST_FILES / "private"
# The demo's signing key (load_demo creates it) lives in the throw-away folder as well.
KOK_ISSUER_KEY_DIR = _TEST_FILES / "keys"
STORAGES = {
    **STORAGES,
    "private": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": PRIVATE_MEDIA_ROOT, "base_url": None},
    },
}

if not os.environ.get("DATABASE_URL"):
    DATABASES = {  # noqa: F811
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": _TEST_FILES / "test.sqlite3",
            "OPTIONS": {"transaction_mode": "IMMEDIATE", "timeout": 20},
            "TEST": {"NAME": str(_TEST_FILES / "test.sqlite3")},
        }
    }

LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "WARNING"}}

# Serve static files from the app folders; tests never run collectstatic.
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
