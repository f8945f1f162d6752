from django.conf import settings
from django.utils import translation


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
