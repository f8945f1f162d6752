"""Authentication backends: brute-force protection for every login form (the site's allauth login and
Wagtail's admin login), and allauth's e-mail login with a cheaper load of the signed-in user."""

from allauth.account.auth_backends import AuthenticationBackend
from axes.backends import AxesStandaloneBackend
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError

from kok_learn.prepared_query import PreparedQuery


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


def _user_by_id(pk):
    return get_user_model()._default_manager.filter(pk=pk).order_by()


USER_BY_ID = PreparedQuery(_user_by_id, placeholders=(int,))


class AccountBackend(AuthenticationBackend):
    """allauth's backend (log in with the e-mail address), loading the signed-in user more cheaply.

    Every request of a signed-in person loads the user; here that query's SQL is built once per
    process (kok_learn/prepared_query.py). The row is read on every request, and the same checks
    as Django's ``ModelBackend.get_user`` apply (an inactive user is nobody).
    """

    def get_user(self, user_id):
        model = get_user_model()
        try:
            pk = model._meta.pk.to_python(user_id)
        except ValidationError:
            return None
        found = USER_BY_ID.run(pk)
        return found[0] if found and self.user_can_authenticate(found[0]) else None
