"""The sign-in sheet (potpisna lista) of a session: names, a signature column, the EU funding notice.

Rendered in a worker (``events.tasks.render_signin_sheet``) with the shared renderer and kept in
private storage under a name carrying a fingerprint of the list, so a new registration gives a new
sheet and a stale one is never served.
"""

import hashlib

from django.core.files.storage import storages
from django.utils import timezone

from kok_learn.operator import funding_notice

from . import selectors
from .models import EventSession

SHEET_DIR = "events/potpisne-liste"


def _funding_notice() -> dict | None:
    """The site's EU funding notice, as the footer and certificates show it (kok_learn.operator)."""
    notice = funding_notice()
    if not notice.show:
        return None
    return {
        "project_name": notice.project_name,
        "emblem_text": notice.emblem_text,
        "fund_name": notice.fund_name,
        "disclaimer": notice.disclaimer,
    }


def signin_sheet_name(*, session: EventSession) -> str:
    rows = [(row.registration.pk, row.name) for row in selectors.attendance_sheet(session=session)]
    parts = repr((session.page.title, session.start, session.end, session.cancelled, rows))
    fingerprint = hashlib.sha256(parts.encode("utf-8")).hexdigest()[:16]
    return f"{SHEET_DIR}/potpisna-lista-{session.pk}-{fingerprint}.pdf"


def signin_sheet_render(*, session: EventSession) -> bytes:
    from django.utils.translation import gettext as _

    from kok_learn.pdf import PdfMetadata, render_pdf, static_uri

    context = {
        "session": session,
        "event": session.page,
        "place": session.effective_place,
        "rows": selectors.attendance_sheet(session=session),
        "blank_rows": range(5),
        "funding": _funding_notice(),
        "eu_emblem_src": static_uri("img/eu-emblem.svg"),
        "generated_on": timezone.localdate(),
    }
    return render_pdf(
        "events/signin_sheet_pdf.html",
        context,
        metadata=PdfMetadata(title=f"{_('Sign-in sheet')}: {session.page.title}", subject=_("Sign-in sheet")),
    )


def signin_sheet_store(*, session: EventSession) -> str:
    from kok_learn.pdf import write_atomically

    storage = storages["private"]
    name = signin_sheet_name(session=session)
    if not storage.exists(name):
        write_atomically(name, signin_sheet_render(session=session), storage=storage)
    prefix = f"potpisna-lista-{session.pk}-"
    try:
        _dirs, files = storage.listdir(SHEET_DIR)
    except FileNotFoundError:
        return name
    for other in files:
        if other.startswith(prefix) and other != name.rsplit("/", 1)[1]:
            storage.delete(f"{SHEET_DIR}/{other}")
    return name


def signin_sheet_schedule(*, session: EventSession) -> None:
    from django.db import transaction

    from .tasks import render_signin_sheet

    session_id = session.pk
    transaction.on_commit(lambda: render_signin_sheet.enqueue(session_id))
