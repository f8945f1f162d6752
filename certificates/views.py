"""Public verification, the permission-checked PDF and credential downloads, and the issuer's
published DID document and status lists. Views stay thin."""

import json

from django.conf import settings
from django.core.files.storage import storages
from django.db.models import Max
from django.http import FileResponse, Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_GET

from accounts.roles import is_coordinator
from kok_learn.http import rate_limited

from .codes import format_code, normalise_code
from .credentials.keys import KeyUnavailable
from .credentials.keys import did_document as build_did_document
from .credentials.status import LIST_SIZE
from .credentials.status_list import status_list_credential
from .credentials.verify import verify_credential
from .forms import VerifyForm
from .models import Certificate
from .rendering import format_hours
from .selectors import certificate_get_by_code

NOINDEX = "noindex, nofollow"


def _rate_limited(request) -> bool:
    """At most KOK_VERIFY_RATE_LIMIT look-ups per window from one visitor (kok_learn.http.client_ip)."""
    limit, window = getattr(settings, "KOK_VERIFY_RATE_LIMIT", (30, 600))
    return rate_limited(request, scope="certificates-verify", limit=limit, window=window)


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
    report = verify_credential(json.loads(certificate.credential_json)) if certificate.credential_json else None
    context = {"certificate": certificate, "hours_text": format_hours(certificate.hours), "credential_report": report}
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


@require_GET
def download_credential(request, code: str):
    """The signed Open Badges credential (JSON), for its holder only; 404 for anyone else."""
    certificate = certificate_get_by_code(code=code)
    if (
        certificate is None
        or not request.user.is_authenticated
        or certificate.recipient_id != request.user.pk
        or certificate.status == Certificate.Status.REVOKED
    ):
        raise Http404
    if not certificate.credential_json:
        # Signed when the PDF is rendered: wait for that render, like the PDF itself.
        from kok_learn.pdf import enqueue_render_once, pending_response

        from .rendering import pdf_name_for
        from .tasks import render_certificate_pdf

        certificate_id = certificate.pk
        enqueue_render_once(pdf_name_for(certificate), lambda: render_certificate_pdf.enqueue(certificate_id))
        return pending_response(request, "certificates/pdf_pending.html", {"certificate": certificate})
    response = HttpResponse(certificate.credential_json.encode("utf-8"), content_type="application/ld+json")
    response["Content-Disposition"] = f'attachment; filename="vjerodajnica-{certificate.display_code}.json"'
    patch_cache_control(response, private=True, no_store=True)
    response["X-Robots-Tag"] = NOINDEX
    return response


def _public_json(document: dict, *, seconds: int, content_type: str) -> HttpResponse:
    response = JsonResponse(document, json_dumps_params={"ensure_ascii": False}, content_type=content_type)
    patch_cache_control(response, public=True, max_age=seconds)
    response["Access-Control-Allow-Origin"] = "*"  # wallets and verifiers read it from other sites
    return response


@require_GET
def did_document(request):
    """``did:web`` resolution: the issuer's DID document with every key that is not revoked."""
    return _public_json(build_did_document(), seconds=300, content_type="application/did+json")


@require_GET
def status_list(request, number: int):
    """The signed Bitstring Status List credential (revocation) of list ``number``."""
    last_index = Certificate.objects.aggregate(last=Max("status_index"))["last"] or 0
    if number > last_index // LIST_SIZE:
        raise Http404
    try:
        document = status_list_credential(number)
    except KeyUnavailable:
        response = HttpResponse(status=503)
        response["Retry-After"] = "300"
        return response
    return _public_json(document, seconds=300, content_type="application/vc+ld+json")
