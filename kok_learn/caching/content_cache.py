"""Pieces of pages that are the same for every visitor of a site, kept until the content changes.

Signed-in learners cannot be served whole pages from the page cache (page_cache.py), but most of
what surrounds their lesson is shared: the main menu, the footer with the contact and EU-funding
settings, the breadcrumbs, the lesson text and the course outline. These are kept in the shared
``pages`` store under the content generation (generation.py), so publishing, moving or deleting a
page, a privacy change or saving the settings makes them stale together with the cached pages, in
every process at once. Every key holds the site, the active language and the generation.

What may go inside: docs/caching.md. Never anything per user, per session or per permission.

Python uses :func:`remember`; templates use the tags registered here (TEMPLATES "libraries":
``{% load content_cache %}``), which are Wagtail's ``{% wagtailcache %}`` and
``{% wagtailpagecache %}`` (no caching in previews) with the generation, the active language,
the store and the timeout filled in::

    {% contentcache "site-footer" %}...{% endcontentcache %}
    {% pagecontentcache "lesson-body" %}...{% endpagecontentcache %}

A cache that is down costs speed, never a page: everything here falls back to computing or
rendering the piece anew (the health check reports the cache, kok_learn/views.py).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TypeVar

from django import template
from django.conf import settings
from django.template import TemplateSyntaxError
from django.utils import translation
from wagtail.templatetags.wagtail_cache import WagtailCacheNode, WagtailPageCacheNode

from .generation import current_generation, store

logger = logging.getLogger(__name__)
register = template.Library()

T = TypeVar("T")


def _site_id(request) -> str:
    from wagtail.models import Site

    site = Site.find_for_request(request) if request is not None else None
    return str(site.pk) if site is not None else "-"


def remember(name: str, compute: Callable[[], T], *vary, request) -> T:
    """``compute()``'s value for ``name`` and ``vary`` on the request's site, once per content generation.

    ``vary`` must name everything the value depends on besides the site and the language; it must
    never depend on who asks (docs/caching.md).
    """
    try:
        parts = ["content", name, _site_id(request), translation.get_language() or "-", *map(str, vary)]
        key = ":".join([*parts, current_generation(request)])
        value = store().get(key)
    except Exception:
        logger.warning("Content cache unavailable; computing %s anew", name, exc_info=True)
        return compute()
    if value is None:
        value = compute()
        try:
            store().set(key, value, settings.PAGE_CACHE_SECONDS)
        except Exception:
            logger.warning("Content cache unavailable; %s not kept", name, exc_info=True)
    return value


def remember_many(name: str, keys: list, compute_missing: Callable[[list], dict], *, request) -> dict:
    """``remember()`` for several keys at once: one cache round trip, and ``compute_missing(keys)``
    computes every key that is not kept yet in one go (e.g. one query for 20 courses)."""
    prefix = ":".join(["content", name, _site_id(request), translation.get_language() or "-"])
    try:
        generation = current_generation(request)
        cache_keys = {key: f"{prefix}:{key}:{generation}" for key in keys}
        found = store().get_many(list(cache_keys.values()))
    except Exception:
        logger.warning("Content cache unavailable; computing %s anew", name, exc_info=True)
        return compute_missing(list(keys))
    values = {key: found[cache_key] for key, cache_key in cache_keys.items() if cache_key in found}
    missing = [key for key in keys if key not in values]
    if missing:
        computed = compute_missing(missing)
        values.update(computed)
        try:
            store().set_many({cache_keys[key]: value for key, value in computed.items()}, settings.PAGE_CACHE_SECONDS)
        except Exception:
            logger.warning("Content cache unavailable; %s not kept", name, exc_info=True)
    return values


class _Resolved:
    """Stands in for a template variable in Django's cache node: resolves to a computed value."""

    def __init__(self, get_value: Callable[[], object]):
        self.get_value = get_value

    def resolve(self, context):
        return self.get_value()


class _GenerationOfRequest:
    """Resolves to the content generation the request started with."""

    def resolve(self, context):
        return current_generation(context.get("request"))


class _SiteOfRequest:
    """Resolves to the id of the request's Wagtail site (looked up once per request by Wagtail)."""

    def resolve(self, context):
        return _site_id(context.get("request"))


class _ContentCacheMixin:
    def render(self, context):
        try:
            return super().render(context)
        except Exception:
            # Most likely the cache store is down; a template error simply happens again here.
            logger.warning("Content cache unavailable; rendering %s anew", self.fragment_name, exc_info=True)
            return self.nodelist.render(context)


class ContentCacheNode(_ContentCacheMixin, WagtailCacheNode):
    pass


class PageContentCacheNode(_ContentCacheMixin, WagtailPageCacheNode):
    pass


def _content_cache_tag(node_class):
    def tag(parser, token):
        tag_name, *arguments = token.split_contents()
        if not arguments or arguments[0][0] not in "\"'":
            raise TemplateSyntaxError(f"'{tag_name}' needs a quoted fragment name first.")
        nodelist = parser.parse((f"end{tag_name}",))
        parser.delete_first_token()
        vary_on = [parser.compile_filter(argument) for argument in arguments[1:]]
        vary_on += [_SiteOfRequest(), _Resolved(translation.get_language), _GenerationOfRequest()]
        return node_class(
            nodelist,
            _Resolved(lambda: settings.PAGE_CACHE_SECONDS),
            arguments[0][1:-1],
            vary_on,
            _Resolved(lambda: settings.CACHE_MIDDLEWARE_ALIAS),
        )

    return tag


register.tag("contentcache", _content_cache_tag(ContentCacheNode))
register.tag("pagecontentcache", _content_cache_tag(PageContentCacheNode))
