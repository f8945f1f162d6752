from django.conf import settings
from django.utils import translation
from django.utils.cache import patch_cache_control


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
