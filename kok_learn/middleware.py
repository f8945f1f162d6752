from django.conf import settings
from django.db import DatabaseError
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.utils.functional import SimpleLazyObject


class ExplicitLanguageMiddleware:
    """Croatian unless the visitor picked another language with the switcher in the footer.

    Django's LocaleMiddleware would follow the browser's Accept-Language, which turns the site
    English for anyone whose phone happens to be set to English; this community site is Croatian
    first, so only an explicit choice (the language cookie set by `set_language`) changes it.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.available = {code for code, _name in settings.LANGUAGES}

    def __call__(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        language = chosen if chosen in self.available else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        return response


def _site_with_specific_root(request):
    from wagtail.models import Site

    site = Site._find_for_request(request)
    if site is not None:
        site.root_page = site.root_page.specific
    return site


def _cached_site(request):
    from django.http.request import split_domain_port

    from .content_cache import remember

    # The same host and port Wagtail's own look-up uses.
    hostname = split_domain_port(request._get_raw_host())[0]
    port = request.get_port()
    try:
        return remember("site", lambda: _site_with_specific_root(request), hostname, port)
    except DatabaseError:
        return None  # the health check reports the database as down; pages fail on their own


class CachedSiteMiddleware:
    """Finds the request's Wagtail site, with its root page, in the content cache, when asked.

    Wagtail looks the site up with a query on every request (Site.find_for_request, which keeps
    the answer on the request as ``_wagtail_site``) and routing then loads the specific root page
    with another; the site query costs more than any other on a lesson page. Sites change almost
    never, and saving a site or publishing a page purges the content cache (kok_learn/page_cache.py).
    The look-up is lazy, so views that never ask for the site (the health check, pages answered
    from the page cache) do not pay for it. The root page kept here is used to route below it; the
    home page itself is served from a fresh copy (kok_learn/routing.py).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request._wagtail_site = SimpleLazyObject(lambda: _cached_site(request))
        return self.get_response(request)


class PrivateNoStoreMiddleware:
    """Every response to a signed-in person is ``Cache-Control: private, no-store``.

    Their pages carry personal data (the profile with the birth date, pairings, calendar feeds,
    dashboards, the admin), which neither a shared cache nor the browser's disk cache may keep. A
    view that knows better decorates itself with ``kok_learn.http.keep_cache_control``. Anonymous
    responses are left alone, so the page cache's shareable headers stay (kok_learn/page_cache.py).
    Goes right after AuthenticationMiddleware.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if getattr(response, "kok_keep_cache_control", False):
            return response
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            patch_cache_control(response, private=True, no_store=True)
        return response
