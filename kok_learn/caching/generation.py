"""The content generation: one value in the shared ``pages`` cache that every cached page and
fragment is stamped with. A new generation makes all of them stale at once, in every process that
shares the cache.

A new generation starts when pages are published, unpublished, moved or deleted, when a view
restriction, a site or an image changes, when the settings and snippets shown on pages are saved
(:func:`purge_on_change`), and after every ``migrate`` (a deploy), so HTML rendered by the previous
release is never served by the new one. Generations are random (not 1, 2, ...), so a generation
lost to eviction can never come back and revive pages stored under it.
"""

from __future__ import annotations

import logging
import secrets

from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.db.models.signals import post_delete, post_save

logger = logging.getLogger(__name__)

GENERATION_KEY = "page-cache:generation"


def store():
    """The shared cache that holds pages, fragments and the generation (``CACHES["pages"]``)."""
    return caches[settings.CACHE_MIDDLEWARE_ALIAS]


def current_generation(request=None) -> str:
    """The generation now; for a GET or HEAD ``request``, the one its first read found.

    A page asks for it once per fragment: reading it once per request spares those cache reads, and
    everything the request keeps is stamped with the generation it started with, as the page cache
    does (a purge meanwhile only makes that stale). Requests that write read it afresh every time.
    """
    if request is not None and request.method in ("GET", "HEAD"):
        generation = getattr(request, "_kok_generation", None)
        if generation is None:
            generation = request._kok_generation = _read_generation()
        return generation
    return _read_generation()


def _read_generation() -> str:
    cache = store()
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, secrets.token_hex(8), timeout=None)
        generation = cache.get(GENERATION_KEY)
    return generation


def new_generation() -> None:
    try:
        store().set(GENERATION_KEY, secrets.token_hex(8), timeout=None)
    except Exception:
        logger.exception("Cache: could not start a new generation")


def purge() -> None:
    """Make every cached page and fragment stale.

    Now, and again once the transaction commits: a page rendered from the old rows in between
    would otherwise be stored under the new generation. (The first one also covers transactions
    that never commit, such as tests'.)
    """
    new_generation()
    transaction.on_commit(new_generation, robust=True)


def on_migrate(sender, **kwargs) -> None:
    """``post_migrate``: a deploy starts a new generation (sent once per app with models; cheap)."""
    new_generation()


def _purge_receiver(**kwargs) -> None:
    purge()


def purge_on_change(*models) -> None:
    """Purge when any of ``models`` (settings and snippets shown on cached pages) is saved or deleted.

    Call once, from an ``AppConfig.ready()``.
    """
    uid = "kok_page_cache_purge"
    for model in models:
        post_save.connect(_purge_receiver, sender=model, dispatch_uid=uid)
        post_delete.connect(_purge_receiver, sender=model, dispatch_uid=uid)


def purge_on_page_changes() -> None:
    """Purge on publish, unpublish, move and delete, and when a view restriction, site or image changes."""
    from wagtail.images import get_image_model
    from wagtail.models import Page, PageViewRestriction, Site
    from wagtail.signals import page_published, page_unpublished, post_page_move

    uid = "kok_page_cache_purge"
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(_purge_receiver, dispatch_uid=uid)
    post_delete.connect(_purge_receiver, sender=Page, dispatch_uid=uid)
    purge_on_change(PageViewRestriction, Site, get_image_model())
