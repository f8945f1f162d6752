"""Rows of a listing rendered once and kept in the content cache, all fetched in one round trip.

A dashboard shows the same kind of row many times (a course card, a mentoring pair). A row's HTML
depends only on a few plain values (a course's title and its progress in percent, a pair's
figures), so it is rendered once for those values and kept under a key made from them
(kok_learn/caching/content_cache.py: ``remember_many``, with the site, the language and the content
generation, so a publish or a move makes it stale).

The caller names everything the row shows in ``key`` (everything but page URLs, which only change
with a new content generation). The template gets only ``context``, never the request's user or
session, so two people with the same values get the same row (tests/courses/test_dashboard_cache.py,
tests/mentoring/test_dashboard_cache.py). The values themselves are always read from the database
by the caller: a cache here saves template work, it never decides what is shown or to whom.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable

from django.template.loader import get_template
from django.utils.safestring import SafeString, mark_safe

from .content_cache import remember_many


def fragment_key(*parts) -> str:
    """A short, stable cache key for plain values (strings, numbers, dates, None, tuples of them)."""
    return hashlib.blake2b(repr(parts).encode(), digest_size=16).hexdigest()


def render_rows(
    name: str,
    template_name: str,
    rows: Iterable[tuple[tuple, dict]],
    *,
    request,
    prepare: Callable[[list[dict]], None] | None = None,
) -> list[SafeString]:
    """The HTML of each ``(key, context)`` row, in order: from the content cache, or rendered with
    ``template_name`` and ``context`` (plus the request, for ``{% pageurl %}`` only) and kept.

    ``prepare(contexts)``, when given, is called once with the contexts of the rows that must be
    rendered, before rendering them: it can load in one query what only rendering needs (pages
    for their URLs), so a warm listing needs none of it.
    """
    rows = list(rows)
    if not rows:
        return []
    keys = [fragment_key(name, template_name, *key) for key, _context in rows]
    contexts = dict(zip(keys, (context for _key, context in rows), strict=True))

    def render_missing(missing: list[str]) -> dict[str, str]:
        template = get_template(template_name)
        if prepare is not None:
            prepare([contexts[key] for key in missing])
        return {key: str(template.render({**contexts[key], "request": request})) for key in missing}

    html = remember_many(f"rows:{name}", list(dict.fromkeys(keys)), render_missing, request=request)
    return [mark_safe(html[key]) for key in keys]  # noqa: S308 - our own templates' output
