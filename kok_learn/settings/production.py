"""Production: everything comes from the environment (see .env.example and docs/deployment.md)."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import caches_from_env, env_bool, env_list, trusted_proxy_count

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    raise ImproperlyConfigured(
        "DJANGO_SECRET_KEY is not set. Production settings refuse to start without it; "
        "generate one with `python -c 'import secrets; print(secrets.token_urlsafe(50))'`."
    )

DEBUG = False
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS")
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("DJANGO_ALLOWED_HOSTS is not set (comma-separated host names).")

KOK_ALLOW_DEMO = False
KOK_PRODUCTION = True  # kok_learn/caching/checks.py warns about a per-process cache here

# Every process of the node sees the same cache: Redis with REDIS_URL, else files (docs/caching.md).
CACHES = caches_from_env(shared=True)

STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "kok_learn.caching.static_files.StaticFilesStorage"},
}

# Background jobs go to the database queue; `manage.py db_worker` runs them.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# HTTPS. A proxy in front terminates TLS and sets X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
SECURE_REDIRECT_EXEMPT = [r"^healthz/$"]
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_SECURE_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("DJANGO_SECURE_HSTS_PRELOAD", True)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"

# Coordinators and Wagtail admin users must set up a TOTP second factor (docs/security.md).
KOK_REQUIRE_MFA_FOR_STAFF = env_bool("KOK_REQUIRE_MFA_FOR_STAFF", True)
# Behind the TLS proxy: one trusted hop in X-Forwarded-For gives the real client address to axes,
# allauth's rate limits and ours (kok_learn.http.client_ip).
KOK_TRUSTED_PROXY_COUNT = trusted_proxy_count("1")
ALLAUTH_TRUSTED_PROXY_COUNT = KOK_TRUSTED_PROXY_COUNT
SESSION_COOKIE_AGE = int(os.environ.get("DJANGO_SESSION_COOKIE_AGE", str(14 * 24 * 3600)))

EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
ADMINS = [("Admin", address) for address in env_list("DJANGO_ADMINS")]

if os.environ.get("AWS_STORAGE_BUCKET_NAME"):
    # Shared media for several web nodes (S3-compatible object storage via django-storages).
    STORAGES["default"] = {"BACKEND": "storages.backends.s3.S3Storage"}
    STORAGES["private"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {"location": "private", "default_acl": "private", "querystring_auth": True},
    }
