"""Public verification and the permission-checked PDF download. Views stay thin."""

from django.conf import settings
from django.core.cache import cache
from django.core.files.storage import storages
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_GET

from accounts.roles import is_coordinator

from .codes import format_code, normalise_code
from .forms import VerifyForm
from .models import Certificate
from .rendering import format_hours
from .selectors import certificate_get_by_code

NOINDEX = "noindex, nofollow"


def _client_ip(request) -> str:
    """The client's address. Behind N trusted proxies (the same AXES_IPWARE_PROXY_COUNT that
    django-axes uses) it is the N-th address from the right of X-Forwarded-For, the one our own
    proxy appended; entries further left are whatever the client claimed and are ignored."""
    proxies = getattr(settings, "AXES_IPWARE_PROXY_COUNT", None) or 0
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    if proxies and len(forwarded) >= proxies:
        return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "") or "unknown"


def _rate_limited(request) -> bool:
    """A per-IP counter in the cache: at most KOK_VERIFY_RATE_LIMIT look-ups per window."""
    limit, window = getattr(settings, "KOK_VERIFY_RATE_LIMIT", (30, 600))
    key = f"certificates:verify:{_client_ip(request)}"
    if cache.add(key, 1, timeout=window):
        return False
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=window)
        count = 1
    return count > limit


def _public(response):
    response["X-Robots-Tag"] = NOINDEX
    patch_cache_control(response, private=True, no_store=True)
    return response


def _too_many(request):
    response = render(request, "certificates/rate_limited.html", status=429)
    response["Retry-After"] = str(getattr(settings, "KOK_VERIFY_RATE_LIMIT", (30, 600))[1])
    return _public(response)


@require_GET
def verify(request):
    """The form to type a code. A valid-looking code goes to its result page."""
    form = VerifyForm(request.GET or None)
    status = 200
    if request.GET:
        if _rate_limited(request):
            return _too_many(request)
        if form.is_valid():
            return redirect("certificates:verify_result", code=format_code(form.cleaned_data["kod"]))
        status = 400
    return _public(render(request, "certificates/verify.html", {"form": form}, status=status))


@require_GET
def verify_result(request, code: str):
    if _rate_limited(request):
        return _too_many(request)
    normalised = normalise_code(code)
    certificate = certificate_get_by_code(code=code) if normalised else None
    if certificate is None:
        return _public(render(request, "certificates/verify_not_found.html", {"form": VerifyForm()}, status=404))
    if code != certificate.display_code:
        return redirect("certificates:verify_result", code=certificate.display_code)
    context = {"certificate": certificate, "hours_text": format_hours(certificate.hours)}
    return _public(render(request, "certificates/verify_result.html", context))


def _may_download(user, certificate: Certificate) -> bool:
    if not user.is_authenticated:
        return False
    if is_coordinator(user):
        return True
    return certificate.recipient_id == user.pk and certificate.status != Certificate.Status.REVOKED


@require_GET
def download(request, code: str):
    """The PDF, for its holder and coordinators only; anyone else gets 404 (nothing to learn)."""
    certificate = certificate_get_by_code(code=code)
    if certificate is None or not _may_download(request.user, certificate):
        raise Http404
    storage = storages["private"]
    if not certificate.pdf_name or not storage.exists(certificate.pdf_name):
        # Not rendered yet, or a render failed: ask the worker again (once for many GETs) and tell
        # the person to wait, with the same 202 as every stored PDF (kok_learn/pdf.py).
        from kok_learn.pdf import enqueue_render_once, pending_response

        from .rendering import pdf_name_for
        from .tasks import render_certificate_pdf

        certificate_id = certificate.pk
        enqueue_render_once(pdf_name_for(certificate), lambda: render_certificate_pdf.enqueue(certificate_id))
        return pending_response(request, "certificates/pdf_pending.html", {"certificate": certificate})
    response = FileResponse(
        storage.open(certificate.pdf_name, "rb"),
        as_attachment=True,
        filename=f"potvrda-{certificate.display_code}.pdf",
        content_type="application/pdf",
    )
    patch_cache_control(response, private=True, no_store=True)
    response["X-Robots-Tag"] = NOINDEX
    return response
