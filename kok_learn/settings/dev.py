"""Local development: `make run`. SQLite, local-memory cache, e-mail to the console."""

import os

from .base import *  # noqa: F403
from .base import env_bool, env_list

DEBUG = env_bool("DJANGO_DEBUG", True)
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY") or "dev-only-insecure-key-not-for-production"
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "*")

# The demo command may create the demo accounts only where this is true.
KOK_ALLOW_DEMO = True

# runserver serves static files straight from the source folders.
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True

# Every demo role can be tried without setting up a second factor (on in production).
KOK_REQUIRE_MFA_FOR_STAFF = False
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "http"

# Templates change under runserver: render every page afresh unless asked (kok_learn/caching/page_cache.py).
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "0"))
