"""Security middleware: Permissions-Policy, the admin's Content Security Policy, required staff MFA."""

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _

ADMIN_PREFIX = "/admin/"


class PermissionsPolicyMiddleware:
    """Adds `Permissions-Policy`: the site needs no camera, microphone, location or payment API."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        policy = getattr(settings, "KOK_PERMISSIONS_POLICY", "")
        if policy and "Permissions-Policy" not in response:
            response["Permissions-Policy"] = policy
        return response


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware with a second, wider policy for the Wagtail admin.

    The public site runs under ``CONTENT_SECURITY_POLICY`` (no inline script). Under ``/admin/``
    Wagtail's editor needs inline scripts and styles, so the admin gets
    ``KOK_ADMIN_CONTENT_SECURITY_POLICY`` instead — it still forbids plugins and foreign framing.
    """

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and request.path_info.startswith(ADMIN_PREFIX):
            return PolicyParts(
                config=settings.KOK_ADMIN_CONTENT_SECURITY_POLICY,
                update=None,
                replace=None,
                nonce=parts.nonce,
            )
        return parts


def user_needs_mfa(user) -> bool:
    """Coordinators and everyone who may open the Wagtail admin must have a second factor."""
    if not user.is_authenticated:
        return False
    from accounts.roles import is_coordinator, may_access_admin

    # The role names are read once per request and reused by the views (roles.user_has_role); the
    # admin permission is one small question instead of loading all the user's permissions.
    return user.is_staff or user.is_superuser or is_coordinator(user) or may_access_admin(user)


def user_has_totp(user) -> bool:
    from allauth.mfa.models import Authenticator

    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


ADMIN_LOGIN_PATH = "/admin/login/"
ADMIN_PASSWORD_RESET_PREFIX = "/admin/password_reset/"


class StaffMFAMiddleware:
    """One login for the admin too, and with ``KOK_REQUIRE_MFA_FOR_STAFF`` a second factor before it.

    The second factor is required on ``KOK_MFA_PROTECTED_PREFIXES``: the admin and the site's pages
    where coordinators see other people's data (mentoring, certificate downloads).

    Wagtail's own login form at /admin/login/ would skip allauth's second-factor stage, so every
    request to it (GET or POST) is sent to the site's login, keeping ``next``. Then, staff without
    TOTP are sent to set it up before any admin page.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info == ADMIN_LOGIN_PATH:
            target = request.GET.get("next") or ADMIN_PREFIX
            if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
                target = ADMIN_PREFIX
            return redirect(f"{settings.LOGIN_URL}?{urlencode({'next': target})}")
        if request.path_info.startswith(ADMIN_PASSWORD_RESET_PREFIX):
            # One password-reset flow (allauth's, rate-limited, without account enumeration).
            return redirect("account_reset_password")
        if (
            getattr(settings, "KOK_REQUIRE_MFA_FOR_STAFF", False)
            and request.path_info.startswith(tuple(settings.KOK_MFA_PROTECTED_PREFIXES))
            and user_needs_mfa(request.user)
            and not user_has_totp(request.user)
        ):
            messages.warning(
                request,
                _("Before you use the administration, set up two-factor authentication with an authenticator app."),
            )
            return redirect(reverse("mfa_activate_totp"))
        return self.get_response(request)
