"""Pieces of pages that are the same for every visitor, kept until the content changes.

Signed-in learners cannot be served whole pages from the page cache (kok_learn/page_cache.py),
but most of what surrounds their lesson is shared: the main menu, the footer with the contact
and EU-funding settings, the breadcrumbs, the lesson text. These are kept in the page cache's
store under its generation, so publishing, moving or deleting a page, or saving the settings,
makes them stale together with the cached pages (the same purge, see
:func:`kok_learn.page_cache.purge_on_change`), and PAGE_CACHE_SECONDS bounds how long another
process's local-memory copy can lag behind.

Templates use Wagtail's ``{% wagtailcache %}`` (which skips previews) with ``content_generation``
and ``content_cache_seconds`` from :func:`context`; Python uses :func:`remember`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from django.conf import settings
from django.core.cache import caches
from django.utils.functional import SimpleLazyObject

from .page_cache import current_generation

T = TypeVar("T")


def _store():
    return caches[settings.CACHE_MIDDLEWARE_ALIAS]


def remember(name: str, compute: Callable[[], T], *vary) -> T:
    """``compute()``'s value for ``name`` and ``vary``, computed once per content generation."""
    key = ":".join(["content", name, *(str(part) for part in vary), current_generation()])
    store = _store()
    value = store.get(key)
    if value is None:
        value = compute()
        store.set(key, value, settings.PAGE_CACHE_SECONDS)
    return value


def context(request) -> dict:
    """Context processor: what ``{% wagtailcache %}`` fragments need in their keys and timeouts."""
    return {
        "content_generation": SimpleLazyObject(current_generation),
        "content_cache_seconds": settings.PAGE_CACHE_SECONDS,
    }
