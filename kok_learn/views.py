import logging

from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

logger = logging.getLogger(__name__)


def _database_status() -> str:
    try:
        connection.ensure_connection()
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:
        logger.exception("Health check: database unavailable")
        return "error"
    return "ok"


def _cache_status() -> str:
    try:
        cache.set("healthz", "ok", timeout=10)
        if cache.get("healthz") != "ok":
            return "error"
    except Exception:
        logger.exception("Health check: cache unavailable")
        return "error"
    return "ok"


@never_cache
@require_GET
def healthz(request):
    """For load balancers and monitoring: 200 when the database answers, 503 when it does not.

    A cache failure is reported but does not fail the check: the site still works, only slower.
    """
    checks = {"database": _database_status(), "cache": _cache_status()}
    healthy = checks["database"] == "ok"
    return JsonResponse({"status": "ok" if healthy else "error", **checks}, status=200 if healthy else 503)


# Folders of MEDIA_ROOT that are never served as files: documents go through Wagtail's serve view
# (/dokumenti/…, with the lesson's privacy and an attachment header); deploy/nginx.conf.example
# closes the same folder.
PRIVATE_MEDIA_FOLDERS = ("documents/",)


def public_media(request, path: str):
    """Development server only (DEBUG): public media, like nginx's /media/ location."""
    from django.conf import settings
    from django.http import Http404
    from django.views.static import serve

    normalised = path.lstrip("/").replace("\\", "/")
    if any(normalised.lower().startswith(folder) for folder in PRIVATE_MEDIA_FOLDERS) or ".." in normalised:
        raise Http404("Not public")
    return serve(request, normalised, document_root=settings.MEDIA_ROOT)
