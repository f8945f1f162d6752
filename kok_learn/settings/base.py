"""Settings shared by every environment.

Environment-specific modules (dev, test, production) import from here and override.
Everything that differs between machines is read from the environment; see `.env.example`.
"""

import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent
PROJECT_DIR = BASE_DIR / "kok_learn"
VAR_DIR = Path(os.environ.get("KOK_VAR_DIR", BASE_DIR / "var"))


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # Ours, in dependency order: accounts is the ground floor, home comes last.
    "accounts",
    "organisations",
    "certificates",
    "events",
    "courses",
    "mentoring",
    "volunteering",
    "reports",
    "home",
    # Accounts: sign-up, login, e-mail verification, password reset, TOTP; brute-force protection; CSP
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "axes",
    "csp",
    # Wagtail
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.frontend_cache",
    "kok_learn.caching",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    # Background jobs
    "django_tasks",
    "django_tasks_db",
    # Django
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "accounts.middleware.PermissionsPolicyMiddleware",
    "accounts.middleware.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # The page cache for anonymous visitors (kok_learn/caching/page_cache.py) stores responses here, above
    # everything that may still add a cookie or Vary to them, and answers from the cache below, after
    # every middleware that sees the request (the language above all: it is part of the key).
    "kok_learn.caching.page_cache.UpdatePageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "kok_learn.middleware.ExplicitLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "kok_learn.middleware.SiteMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Responses to signed-in people: Cache-Control: private, no-store (docs/security.md).
    "kok_learn.middleware.PrivateNoStoreMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # A bare 405 of require_POST/require_GET becomes the Croatian 405 page (kok_learn/errors.py).
    "kok_learn.errors.MethodNotAllowedMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "accounts.middleware.StaffMFAMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "kok_learn.caching.page_cache.FetchPageCacheMiddleware",
    # Axes turns a locked-out login attempt into the lock-out page; it must come last. (A page from
    # the cache skips it: cached pages are never the login.)
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "kok_learn.urls"
WSGI_APPLICATION = "kok_learn.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
            "libraries": {"content_cache": "kok_learn.caching.content_cache"},
        },
    },
]

# Database: SQLite under var/ unless DATABASE_URL points elsewhere (PostgreSQL in production).
SQLITE_PATH = VAR_DIR / "db.sqlite3"
SQLITE_OPTIONS = {
    # IMMEDIATE takes the write lock at BEGIN, so concurrent writers queue on the busy
    # timeout instead of failing with "database is locked" when a read turns into a write.
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
    "init_command": (
        "PRAGMA journal_mode=WAL;PRAGMA synchronous=NORMAL;PRAGMA busy_timeout=20000;PRAGMA foreign_keys=ON;"
    ),
}


def database_from_env(default_url: str) -> dict:
    config = dj_database_url.parse(
        os.environ.get("DATABASE_URL", default_url),
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
    if config["ENGINE"] == "django.db.backends.sqlite3":
        config["OPTIONS"] = {**SQLITE_OPTIONS, **config.get("OPTIONS", {})}
        # Connections persist (DATABASE_CONN_MAX_AGE) as for PostgreSQL: opening one and running the
        # PRAGMAs above costs about 2 ms, more than most queries of a page. Each request thread keeps
        # its own connection, and none holds a transaction open between requests.
    return config


DATABASES = {"default": database_from_env(f"sqlite:///{SQLITE_PATH}")}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"


def caches_from_env(*, shared: bool) -> dict:
    """The two caches (docs/caching.md): "default" (rate-limit counters, Wagtail's site root paths,
    routes) and "pages" (the page cache, fragments and the content generation), a cache of its own
    so that pages (any visitor can make up URLs) never evict the rest.

    With REDIS_URL both live in Redis. Without it, ``shared=True`` (production) puts them in files
    under KOK_CACHE_DIR, which every process of the node sees, so a publish or a privacy change
    reaches all gunicorn workers at once; ``shared=False`` (development, tests: one process) keeps
    them in local memory. KOK_RELEASE, when set, goes into every key, so a new release starts with
    an empty cache (``migrate`` also starts a new content generation).
    """
    release = os.environ.get("KOK_RELEASE", "")
    prefix = os.environ.get("CACHE_KEY_PREFIX", "kok") + (f"-{release}" if release else "")
    redis_url = os.environ.get("REDIS_URL")
    if redis_url:
        default = {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": redis_url,
            "KEY_PREFIX": prefix,
            "TIMEOUT": 600,
        }
        return {"default": default, "pages": {**default, "KEY_PREFIX": prefix + "-pages"}}
    if shared:
        cache_dir = Path(os.environ.get("KOK_CACHE_DIR", VAR_DIR / "cache"))
        file_cache = {"BACKEND": "django.core.cache.backends.filebased.FileBasedCache", "KEY_PREFIX": prefix}
        return {
            "default": {**file_cache, "LOCATION": str(cache_dir / "default"), "OPTIONS": {"MAX_ENTRIES": 5000}},
            "pages": {**file_cache, "LOCATION": str(cache_dir / "pages"), "OPTIONS": {"MAX_ENTRIES": 3000}},
        }
    return {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "kok-learn",
            "KEY_PREFIX": prefix,
        },
        "pages": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "kok-learn-pages",
            "KEY_PREFIX": prefix,
            "OPTIONS": {"MAX_ENTRIES": 1000},
        },
    }


CACHES = caches_from_env(shared=False)
CACHE_MIDDLEWARE_ALIAS = "pages"
# Seconds a page or fragment stays in "pages"; 0 turns the page cache off. Every purge reaches all
# processes at once (the cache is shared in production), so this only bounds memory.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "600"))
# s-maxage for the HTTP cache/CDN in front. Wagtail purges only a published page's own URL there
# (not the catalogue's filtered views, nor the home page listing it), so keep it short.
PAGE_CACHE_HTTP_SECONDS = int(os.environ.get("PAGE_CACHE_HTTP_SECONDS", "60"))

# Background jobs: run inline unless a worker backend is configured (production).
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "/racun/prijava/"
LOGIN_REDIRECT_URL = "/moje-ucenje/"
LOGOUT_REDIRECT_URL = "/"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Internationalisation: Croatian first, English available.
LANGUAGE_CODE = "hr"
LANGUAGES = [("hr", _("Croatian")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Zagreb"
USE_I18N = True
USE_TZ = True
FORMAT_MODULE_PATH = ["kok_learn.formats"]

# Static and media
STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", VAR_DIR / "static"))
STATICFILES_DIRS = [PROJECT_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", VAR_DIR / "media"))
# Files that must never be served by URL (certificate PDFs, data exports) live here and are
# streamed by permission-checked views.
PRIVATE_MEDIA_ROOT = Path(os.environ.get("DJANGO_PRIVATE_MEDIA_ROOT", VAR_DIR / "private"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": PRIVATE_MEDIA_ROOT, "base_url": None},
    },
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Wagtail
WAGTAIL_SITE_NAME = "KOK Learn"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# The public address printed in certificates' QR codes (the verification page). Falls back to
# WAGTAILADMIN_BASE_URL; set it when the admin lives on another host than the public site.
KOK_PUBLIC_BASE_URL = os.environ.get("KOK_PUBLIC_BASE_URL", "")
# Certificate verification look-ups allowed per client IP: (count, window in seconds).
KOK_VERIFY_RATE_LIMIT = (30, 600)
# Open Badges 3.0 credentials (docs/credentials.md). The issuer's private signing keys are PKCS#8
# files in this folder (never in the database or media); `manage.py issuer_key create` makes one.
KOK_ISSUER_KEY_DIR = Path(os.environ.get("KOK_ISSUER_KEY_DIR", VAR_DIR / "keys"))
WAGTAIL_I18N_ENABLED = False
WAGTAIL_CONTENT_LANGUAGES = [("hr", "Hrvatski")]
WAGTAILADMIN_PERMITTED_LANGUAGES = [("hr", "Hrvatski"), ("en", "English")]
WAGTAIL_ENABLE_UPDATE_CHECK = False
# Staff e-mail hashes never go to Gravatar: the admin shows initials or an uploaded avatar.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILEMBEDS_RESPONSIVE_HTML = True


def frontend_cache_from_env() -> dict:
    """Wagtail sends a PURGE for a page's URL on publish to the HTTP cache in front (deploy/nginx.conf.example)."""
    purge_url = os.environ.get("FRONTEND_CACHE_PURGE_URL")
    if not purge_url:
        return {}
    return {"default": {"BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend", "LOCATION": purge_url}}


WAGTAILFRONTENDCACHE = frontend_cache_from_env()

EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = os.environ.get("DJANGO_DEFAULT_FROM_EMAIL", "KOK Learn <noreply@kok.test>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        # One line per background task is noise in the console; failures still show.
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
    },
}

# --- Accounts (django-allauth), second factor, brute-force protection -------------------------
# See docs/security.md. Login is by e-mail only; there is no username.
AUTHENTICATION_BACKENDS = [
    # First: refuses attempts while an e-mail address or IP address is in its cool-off.
    "accounts.backends.LoginAttemptBackend",
    "accounts.backends.AccountBackend",
]
ACCOUNT_ADAPTER = "accounts.adapter.AccountAdapter"
ACCOUNT_FORMS = {"signup": "accounts.forms.SignupForm", "reset_password": "accounts.forms.ResetPasswordForm"}
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_LOGOUT_ON_GET = False
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_SESSION_REMEMBER = None
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Pokrenimo KOK!] "
# Tell people by e-mail when their password or address changes (so a takeover does not go unnoticed).
ACCOUNT_EMAIL_NOTIFICATIONS = True
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https"
ACCOUNT_RATE_LIMITS = {
    # allauth's own counters (per IP and per e-mail address); see docs/security.md
    "signup": "5/h/ip",
    "login": "30/m/ip",
    # django-axes locks an address out after 5 failures; this is only the outer fence.
    "login_failed": "30/m/ip,10/5m/key",
    "reset_password": "5/h/ip,3/h/key",
    "reset_password_from_key": "20/m/ip",
    "confirm_email": "1/3m/key",
    "change_password": "5/m/user",
    "manage_email": "10/m/user",
    "reauthenticate": "10/m/user",
}
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Pokrenimo KOK!"
# Coordinators and everyone who may open the Wagtail admin must set up a TOTP second factor
# before using the admin. On in production; off in dev and tests so a newcomer can try each role.
KOK_REQUIRE_MFA_FOR_STAFF = env_bool("KOK_REQUIRE_MFA_FOR_STAFF", False)
KOK_MFA_PROTECTED_PREFIXES = ["/admin/", "/mentorstvo/", "/potvrde/"]
# The Wagtail admin sends people to the site's login (second factor, lock-out, one form).
WAGTAILADMIN_LOGIN_URL = LOGIN_URL
WAGTAIL_FRONTEND_LOGIN_URL = LOGIN_URL

# Minors: Croatia's age of digital consent is 16 (Zakon o provedbi Opće uredbe o zaštiti podataka, čl. 19).
KOK_DIGITAL_CONSENT_AGE = 16
KOK_GUARDIAN_LINK_MAX_AGE = 7 * 24 * 3600  # seconds a guardian's confirmation link stays valid
KOK_UNCONFIRMED_MINOR_RETENTION_DAYS = 30

# django-axes: 5 failed logins for one e-mail address from one IP address (or 20 from one IP
# address for any e-mail) lock that pair out for 15 minutes; a success resets the counter.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = 0.25  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_USERNAME_CALLABLE = "accounts.backends.login_identifier"
AXES_LOCKOUT_TEMPLATE = "accounts/lockout.html"
AXES_HTTP_RESPONSE_CODE = 429
AXES_ENABLE_ADMIN = False
# Login records (e-mail, address, browser of each login and failed attempt) are deleted after this many
# days by `manage.py purge_login_records` (the maintenance timer); they are in the data export and
# erased with the account (accounts/privacy.py).
KOK_LOGIN_RECORD_RETENTION_DAYS = int(os.environ.get("KOK_LOGIN_RECORD_RETENTION_DAYS", "90"))
# The visitor's address comes from one helper (kok_learn.http.client_ip) for axes, allauth and our own
# rate limits and consent records; see KOK_TRUSTED_PROXY_COUNT below.
AXES_CLIENT_IP_CALLABLE = "kok_learn.http.client_ip"


def trusted_proxy_count(default: str) -> int:
    """KOK_TRUSTED_PROXY_COUNT (AXES_PROXY_COUNT is its older name): our own proxies in front of gunicorn."""
    return int(os.environ.get("KOK_TRUSTED_PROXY_COUNT", os.environ.get("AXES_PROXY_COUNT", default)))


# How many proxies of ours append to X-Forwarded-For (nginx: 1). 0 ignores the header: the
# client could write anything there. Used by kok_learn.http.client_ip and allauth's own look-ups.
KOK_TRUSTED_PROXY_COUNT = trusted_proxy_count("0")
ALLAUTH_TRUSTED_PROXY_COUNT = KOK_TRUSTED_PROXY_COUNT

# --- Security headers -------------------------------------------------------------------------
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
CSRF_FAILURE_VIEW = "kok_learn.errors.csrf_failure"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
# Sessions are read from the shared default cache and written through to the database: a signed-in
# page saves its session query. Every process reads the same cache, and logging out deletes the
# session from both (never delete session rows in SQL: the cached copy would outlive them).
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
KOK_PERMISSIONS_POLICY = (
    "accelerometer=(), autoplay=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), "
    "magnetometer=(), microphone=(), midi=(), payment=(), usb=(), interest-cohort=()"
)
# Content Security Policy (django-csp 4). The public site allows no inline script at all.
# The Wagtail admin gets its own, wider policy (accounts.middleware.ContentSecurityPolicyMiddleware):
# Wagtail's editor still needs inline styles and a few inline scripts.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
        "font-src": ["'self'"],
        "media-src": ["'self'", "blob:"],
        "frame-src": [
            "'self'",
            "https://www.youtube-nocookie.com",
            "https://www.youtube.com",
            "https://player.vimeo.com",
        ],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}
KOK_ADMIN_CONTENT_SECURITY_POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'", "'unsafe-inline'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],  # no Gravatar (WAGTAIL_GRAVATAR_PROVIDER_URL = None)
    "font-src": ["'self'", "data:"],
    "media-src": ["'self'", "blob:"],
    "frame-src": ["'self'", "https:"],
    "connect-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'self'"],
}

# --- Uploads ----------------------------------------------------------------------------------
# Images: no SVG (it can carry script); see WAGTAILIMAGES_EXTENSIONS above.
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "doc", "odt", "rtf", "txt", "xlsx", "xls", "ods", "csv", "pptx", "ppt", "odp"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
# Every document is downloaded (Content-Disposition: attachment), never rendered in the site's origin.
WAGTAILDOCS_INLINE_CONTENT_TYPES = []
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
