"""A server-side cache of public Wagtail pages for anonymous visitors (docs/performance.md).

Django's cache middleware does the work: the key is the full URL, the active language and the
request headers the response varies on (``Vary: Cookie``); it stores and answers the responses.
The two subclasses here narrow it to what is safe to share:

- A request may be answered from the cache only if it is a GET or HEAD without cookies other than
  the language choice (no session, messages or CSRF cookie), without ``Authorization`` and not one
  of Wagtail's preview requests.
- A response is stored only if a page whose class carries ``page_cache = PageCache(...)`` allowed
  it in ``before_serve_page`` (the page's own view, no view restriction, no preview, only query
  parameters the page lists) and it is a 200 that sets no cookie and is not private.

Stored responses say ``Cache-Control: public, max-age=0, s-maxage=PAGE_CACHE_HTTP_SECONDS``: the
HTTP cache in front may keep them, browsers must ask again (someone who logs in must not see an
anonymous page from their browser's cache). Responses to requests with a session cookie are
marked private.

Purge: each stored page is stamped with the content generation current when its request came in
(kok_learn/caching/generation.py), and a cached page with another stamp counts as a miss. The
cache is shared by every process (the file cache or Redis), so a purge reaches all of them at once.
"""

import logging
from dataclasses import dataclass

from django.conf import settings
from django.middleware.cache import FetchFromCacheMiddleware, UpdateCacheMiddleware
from django.utils.cache import patch_cache_control

from .generation import current_generation

logger = logging.getLogger(__name__)

UNSHAREABLE = ("private", "no-cache", "no-store")


@dataclass(frozen=True)
class PageCache:
    """On a page class, ``page_cache = PageCache()`` lets anonymous views of its pages be cached.

    ``query_params`` names the query-string parameters the page may still be cached with (filters,
    page number). Any other parameter with a value (a search text, a tracking tag) leaves the
    response uncached, so made-up query strings cannot fill the cache with pages nobody asks for
    twice. Empty values do not count: a GET form sends all its fields.
    """

    query_params: tuple[str, ...] = ()

    def allows(self, query) -> bool:
        return all(name in self.query_params for name, value in query.items() if value)


def allow_page(page, request, serve_args, serve_kwargs) -> None:
    """``before_serve_page`` hook: let this page's response be stored if its class allows it."""
    policy = getattr(page, "page_cache", None)
    if (
        isinstance(policy, PageCache)
        and getattr(request, "_cache_update_cache", False)  # a request the cache may answer (_may_share)
        and not serve_args
        and not serve_kwargs  # the page itself, not a sub-route
        and not getattr(request, "is_preview", False)
        and policy.allows(request.GET)
        # Wagtail turns anonymous visitors away from restricted pages, but a restriction an
        # anonymous request could pass must still keep the page out of a shared cache.
        and not page.get_view_restrictions().exists()
    ):
        request._page_cache_allowed = True


def _may_share(request) -> bool:
    return (
        request.method in ("GET", "HEAD")
        and set(request.COOKIES) <= {settings.LANGUAGE_COOKIE_NAME}
        and "HTTP_AUTHORIZATION" not in request.META
        and not getattr(request, "is_dummy", False)  # Wagtail's preview request, with the editor's cookies
    )


class UpdatePageCacheMiddleware(UpdateCacheMiddleware):
    """Stores the pages :func:`allow_page` allowed; marks responses to signed-in visitors private.

    Goes above SessionMiddleware, so that it sees the session's ``Vary: Cookie`` and cookies.
    """

    def __init__(self, get_response):
        super().__init__(get_response)
        self.page_timeout = settings.PAGE_CACHE_SECONDS

    def _should_update_cache(self, request, response):
        cache_control = response.get("Cache-Control", "").lower()
        return (
            super()._should_update_cache(request, response)
            and getattr(request, "_page_cache_allowed", False)
            and self.page_timeout > 0
            and response.status_code == 200
            and not response.streaming
            and not response.cookies
            and not any(directive in cache_control for directive in UNSHAREABLE)
        )

    def process_response(self, request, response):
        if settings.SESSION_COOKIE_NAME in request.COOKIES:
            patch_cache_control(response, private=True)
            return response
        if not self._should_update_cache(request, response):
            return response
        patch_cache_control(response, public=True, max_age=0, s_maxage=settings.PAGE_CACHE_HTTP_SECONDS)
        response.page_cache_generation = request._page_cache_generation
        try:
            return super().process_response(request, response)
        except Exception:  # a cache that is down must not take the pages down with it
            logger.warning("Page cache: could not store %s", request.path, exc_info=True)
            return response


class FetchPageCacheMiddleware(FetchFromCacheMiddleware):
    """Answers shareable requests from the cache; goes last but for axes (see settings)."""

    def process_request(self, request):
        if not _may_share(request):
            request._cache_update_cache = False
            return None
        try:
            request._page_cache_generation = current_generation(request)
            response = super().process_request(request)
        except Exception:  # a cache that is down must not take the pages down with it
            logger.warning("Page cache: could not read %s", request.path, exc_info=True)
            request._cache_update_cache = False
            return None
        if response is not None and getattr(response, "page_cache_generation", None) != request._page_cache_generation:
            request._cache_update_cache = True  # stored before the last purge: render it again
            return None
        return response
