"""Bench-only views, reachable only under benchmarks.settings (never in production's URLconf)."""

import datetime

from django.contrib.sessions.models import Session
from django.db import transaction
from django.http import HttpResponse, HttpResponseBadRequest
from django.utils import timezone
from django.utils.crypto import get_random_string
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from accounts.models import User

BARE_HTML = (
    '<!DOCTYPE html><html lang="hr"><head><meta charset="utf-8"><title>Pokrenimo KOK!</title></head>'
    "<body><main><h1>Pokrenimo KOK!</h1><p>Gola stranica za mjerenje.</p></main></body></html>"
)
# Marks the rows the write probe creates, so the harness can count and remove exactly those.
WRITE_PROBE_MARKER = "kok-bench-write-probe"


def bare(request):
    """The ceiling: the full middleware stack around a view that does no work at all."""
    return HttpResponse(BARE_HTML)


@csrf_exempt
@require_POST
def write_probe(request):
    """A learner-shaped write for the SQLite concurrency check, used only while no real learner
    write endpoint can be driven: in one transaction, read the learner, insert a row and update
    the learner (the shape of "mark a lesson as done": read enrolment, insert completion, touch
    the enrolment). A read followed by a write in one transaction is exactly what fails with
    "database is locked" under SQLite's default deferred transactions.
    """
    try:
        learner_id = int(request.POST.get("learner", ""))
    except ValueError:
        return HttpResponseBadRequest("learner")
    now = timezone.now()
    with transaction.atomic():
        learner = User.objects.only("pk").get(pk=learner_id)
        Session.objects.create(
            session_key=get_random_string(40),
            session_data=WRITE_PROBE_MARKER,
            expire_date=now + datetime.timedelta(minutes=5),
        )
        User.objects.filter(pk=learner.pk).update(last_login=now)
    return HttpResponse("ok")
