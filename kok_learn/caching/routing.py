"""Page routing in one query instead of two per level of the tree.

Wagtail routes ``/tecajevi/tecaj/modul-1/lekcija-1/`` by walking down from the site root, one
child query and one ``.specific`` query per level: ten queries for a lesson before it is even
served. The site root's ``route()`` uses :func:`route_from_root` instead. It remembers, in the
cache, which page the standard walk found for a path, and on the next request fetches that page
directly, with one query whose SQL is built once per process (kok_learn/prepared_query.py).

A remembered answer is checked against the page it names: the page must still exist, still have
that URL path and still be live, otherwise the standard walk runs again. Moves, renamed slugs,
unpublishing and deletion therefore never need purging from this cache. View restrictions are not
routing: Wagtail checks them when the page is served, for this page and its ancestors, from the
database. Only plain results are
remembered (a page answering for its own path, no sub-route arguments), so pages that route
sub-paths themselves (``RoutablePageMixin``) keep working through the standard walk.
"""

from __future__ import annotations

import functools
import logging

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from wagtail.models import Page
from wagtail.url_routing import RouteResult

from kok_learn.prepared_query import PreparedQuery

logger = logging.getLogger(__name__)

CACHE_PREFIX = "kok:route:"
# Routes only go stale through the checks above, so they can live long; the timeout bounds memory.
CACHE_SECONDS = 24 * 60 * 60


def _cache_key(url_path: str) -> str:
    return CACHE_PREFIX + url_path


@functools.cache
def _page_by_id(model: type[Page]) -> PreparedQuery:
    """The page of class `model` with an id: its SQL (some forty columns, two tables) built once per process."""
    return PreparedQuery(lambda pk: model.objects.filter(pk=pk).order_by(), placeholders=(int,))


def _remembered_page(url_path: str) -> Page | None:
    try:
        remembered = cache.get(_cache_key(url_path))
    except Exception:  # a cache that is down costs the full walk, never the page
        logger.warning("Route cache unavailable", exc_info=True)
        return None
    if remembered is None:
        return None
    content_type_id, page_id = remembered
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    if model is None:
        return None
    # Unordered: ordered by the tree path, SQLite walks the path index instead of looking the id up.
    pages = _page_by_id(model).run(page_id)
    if not pages:
        return None
    page = pages[0]
    if page.url_path != url_path or not page.live:
        return None
    return page


def route_from_root(root: Page, request, path_components: list[str]) -> RouteResult:
    """Route a request below the site root `root` (see the module docstring)."""
    if not path_components:
        if root.get_deferred_fields():  # the site's root as the site look-up gives it: fetch it whole to serve it
            root = type(root).objects.get(pk=root.pk)
        return Page.route(root, request, path_components)
    url_path = root.url_path + "/".join(path_components) + "/"
    page = _remembered_page(url_path)
    if page is not None:
        return RouteResult(page)
    result = Page.route(root, request, path_components)
    page, args, kwargs = result
    if not args and not kwargs and page.url_path == url_path:
        try:
            cache.set(_cache_key(url_path), (page.content_type_id, page.pk), CACHE_SECONDS)
        except Exception:
            logger.warning("Route cache unavailable", exc_info=True)
    return result
