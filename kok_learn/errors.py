"""Croatian error pages in the site's layout: 400, 403 (with the reason raised), 405 and 429.

Django calls `handler400` and `handler403` of the root urlconf (kok_learn/urls.py); allauth's rate
limits call `handler429` there too. Django has no handler for 405: views decorated with
`require_POST`/`require_GET` return a bare `HttpResponseNotAllowed`, which
`MethodNotAllowedMiddleware` turns into the 405 page (keeping its `Allow` header).
"""

from __future__ import annotations

import logging

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse, HttpResponseNotAllowed
from django.template import loader
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)

# Used when the full layout cannot be rendered (e.g. a request with a host that is not allowed: the
# layout's site look-up would fail again). Self-contained, no database.
MINIMAL_TEMPLATE = "errors/minimal.html"


def _render(request, template_name: str, status: int, context: dict | None = None) -> HttpResponse:
    try:
        content = loader.render_to_string(template_name, context or {}, request=request)
    except Exception:
        logger.warning("Error page %s: rendering the site layout failed, using the minimal page", status, exc_info=True)
        content = loader.render_to_string(MINIMAL_TEMPLATE, {"status": status, **(context or {})})
    response = HttpResponse(content, status=status)
    patch_cache_control(response, private=True, no_store=True)
    return response


def bad_request(request, exception=None, template_name="400.html"):
    return _render(request, template_name, 400)


def permission_denied(request, exception=None, template_name="403.html"):
    """A PermissionDenied raised with a message (already translated where it was raised) shows it."""
    reason = ""
    if isinstance(exception, PermissionDenied) and exception.args:
        reason = str(exception.args[0])
    return _render(request, template_name, 403, {"reason": reason})


def csrf_failure(request, reason="", template_name="403.html"):
    """The CSRF check failed: usually an old form (the session expired) or cookies turned off."""
    message = _("The form has expired or your browser did not send its cookie. Go back, reload the page and try again.")
    return _render(request, template_name, 403, {"reason": message})


def too_many_requests(request, exception=None, template_name="429.html"):
    return _render(request, template_name, 429)


def method_not_allowed(request, allowed: list[str], template_name="405.html") -> HttpResponse:
    response = _render(request, template_name, 405)
    response["Allow"] = ", ".join(allowed)
    return response


class MethodNotAllowedMiddleware:
    """Renders the 405 page for the bare `HttpResponseNotAllowed` of `require_http_methods`."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if isinstance(response, HttpResponseNotAllowed) and not response.content:
            allowed = [method.strip() for method in response.get("Allow", "").split(",") if method.strip()]
            return method_not_allowed(request, allowed)
        return response
