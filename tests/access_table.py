"""Expected HTTP status of a GET to every view of our apps, per role (see test_access_control.py).

Statuses are given in the order of ROLES. A view's path parameters come from ``kwargs``, a function
that looks up real ids and codes in the demo data (loaded once per test session).

Reading the numbers: 200 shown, 302 redirected (to the login page for anonymous visitors, or onwards
after an action), 403 refused, 404 hidden (not yours, or not found), 405 method not allowed (a
POST-only action requested with GET), 410 gone.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

ROLES = ("anonymous", "learner", "mentor", "cso_member", "coordinator", "editor")

USERS = {
    "learner": "polaznik@kok.test",
    "mentor": "mentor@kok.test",
    "cso_member": "clan@kok.test",
    "coordinator": "koordinator@kok.test",
    "editor": "urednik@kok.test",
}


def no_kwargs() -> dict:
    return {}


@dataclass(frozen=True)
class Entry:
    statuses: tuple[int, int, int, int, int, int]
    kwargs: Callable[[], dict] = field(default=no_kwargs)

    def expected(self) -> dict[str, int]:
        return dict(zip(ROLES, self.statuses, strict=True))


def same(status: int) -> tuple[int, ...]:
    return (status,) * len(ROLES)


LOGIN_REQUIRED = (302, 200, 200, 200, 200, 200)
LOGGED_IN_REDIRECTED = (200, 302, 302, 302, 302, 302)  # allauth sends logged-in people onwards


# --- Demo data look-ups -------------------------------------------------------------------------


def _signed_consent_token() -> dict:
    """A genuine link for a consent that does not exist any more (answers 'not valid')."""
    from django.core import signing

    return {"token": signing.TimestampSigner(salt="accounts.guardian-consent").sign_object({"c": 0, "u": 0, "n": 1})}


EXPECTED: dict[str, Entry] = {
    "healthz": Entry(same(200)),
    # accounts: Croatian aliases of allauth's views
    "account_login": Entry(LOGGED_IN_REDIRECTED),
    "account_signup": Entry(LOGGED_IN_REDIRECTED),
    "account_logout": Entry((302, 200, 200, 200, 200, 200)),  # GET asks; only POST logs out
    "account_inactive": Entry(same(200)),
    "account_email_verification_sent": Entry(same(200)),
    "account_confirm_email": Entry(same(200), lambda: {"key": "nevaljani-kljuc"}),
    "account_email": Entry(LOGIN_REQUIRED),
    "account_change_password": Entry(LOGIN_REQUIRED),
    "account_reauthenticate": Entry(LOGIN_REQUIRED),
    "account_reset_password": Entry(same(200)),
    "account_reset_password_done": Entry(same(200)),
    "account_reset_password_from_key": Entry(same(200), lambda: {"uidb36": "zz", "key": "nevaljani-kljuc"}),
    "account_reset_password_from_key_done": Entry(same(200)),
    # accounts: our views
    "accounts:profile": Entry(LOGIN_REQUIRED),
    "accounts:my_data": Entry(LOGIN_REQUIRED),
    "accounts:my_data_download": Entry(LOGIN_REQUIRED),
    "accounts:account_delete": Entry(LOGIN_REQUIRED),
    "accounts:guardian_consent": Entry(same(400), _signed_consent_token),
    "accounts:guardian_consent_resend": Entry(same(200)),
}
