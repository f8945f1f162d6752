from django.conf import settings
from django.db.models import Q
from django.http.request import split_domain_port
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.utils.functional import SimpleLazyObject

from kok_learn.prepared_query import PreparedQuery


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


def _site_candidates(hostname: str):
    from wagtail.models import Site

    return Site.objects.filter(Q(hostname=hostname) | Q(is_default_site=True)).select_related("root_page").order_by()


# Its SQL is built once per process (the rows are read on every request).
SITE_CANDIDATES = PreparedQuery(_site_candidates, placeholders=(str,))


def find_site(hostname: str, port: int):
    """Wagtail's ``get_site_for_hostname``, with the same answer from a plainer query.

    Wagtail ranks the candidate sites with a ``CASE`` expression in SQL; building that query costs
    more than running it (about 1 ms of a page's CPU). Here the candidates (the sites with this host
    name, and the default site: a handful of rows) come from a query whose SQL is built once per
    process (kok_learn/prepared_query.py) and are ranked in Python by the same rules. Read from the
    database on every request: the site look-up is never cached (docs/caching.md).
    """
    candidates = SITE_CANDIDATES.run(hostname)

    def rank(site) -> int:
        if site.hostname == hostname and site.port == port:
            return 0  # host name and port
        if site.hostname == hostname and site.is_default_site:
            return 1  # host name, and the default
        if site.is_default_site:
            return 2  # the default site, another host name
        return 3  # host name only

    sites = sorted(candidates, key=rank)
    if not sites:
        return None
    if len(sites) == 1 or rank(sites[0]) in (0, 1):
        site = sites[0]
    elif rank(sites[0]) == 2:
        site = sites[len(sites) == 2]  # the only other host-name match, else the default
    else:
        return None
    # Wagtail routes every request through ``site.root_page.specific.route()``: a query for the home
    # page's own fields, only to call its class's route(). The root page in its specific class with
    # those fields deferred (Wagtail's ``specific_deferred``) has the same route() and loads a field
    # only if something reads it; the home page itself is fetched whole when it is the page served
    # (kok_learn/caching/routing.py).
    site.root_page = site.root_page.specific_deferred
    return site


class SiteMiddleware:
    """Gives Wagtail the request's site (``request._wagtail_site``) from :func:`find_site`, when asked.

    Lazy: views that never ask for the site (the health check, pages answered from the page cache)
    do not look it up.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        def lookup():
            # The same host and port Wagtail's own look-up uses (no ALLOWED_HOSTS check here).
            return find_site(split_domain_port(request._get_raw_host())[0], request.get_port())

        request._wagtail_site = SimpleLazyObject(lookup)
        return self.get_response(request)


class PrivateNoStoreMiddleware:
    """Every response to a signed-in person is ``Cache-Control: private, no-store``.

    Their pages carry personal data (the profile with the birth date, pairings, calendar feeds,
    dashboards, the admin), which neither a shared cache nor the browser's disk cache may keep. A
    view that knows better decorates itself with ``kok_learn.http.keep_cache_control``. Anonymous
    responses are left alone, so the page cache's shareable headers stay (kok_learn/caching/page_cache.py).
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
