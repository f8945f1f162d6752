"""Brute-force protection for every login form (the site's allauth login and Wagtail's admin login)."""

from axes.backends import AxesStandaloneBackend


def login_identifier(request, credentials) -> str | None:
    """The e-mail address an attempt was made for, whichever form sent it.

    allauth authenticates with ``email=``, Wagtail's and Django's login forms with ``username=``;
    the lock-out check before a request reaches a form reads the POSTed ``login``/``username``.
    """
    for source in (credentials or {}, getattr(request, "POST", None) or {}):
        for key in ("email", "username", "login"):
            value = source.get(key)
            if value:
                return str(value).strip().lower()
    return None


class LoginAttemptBackend(AxesStandaloneBackend):
    """django-axes' lock-out check.

    A login without a request (Django's test client ``login()``, a management command) has no
    IP address to lock out and is no brute-force attempt over the web; it passes through to the
    next backend instead of failing, which axes would do.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)
