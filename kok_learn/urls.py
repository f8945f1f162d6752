from django.conf import settings
from django.urls import include, path, re_path
from django.views.decorators.csrf import csrf_exempt
from django.views.i18n import set_language
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from accounts.views import AdminLogoutView

from . import views

urlpatterns = [
    path("healthz/", views.healthz, name="healthz"),
    # Before Wagtail's admin: its logout view clears the session cookie even on a refused GET.
    path("admin/logout/", AdminLogoutView.as_view()),
    path("admin/", include(wagtailadmin_urls)),
    path("dokumenti/", include(wagtaildocs_urls)),
    # Without CSRF: the footer's language form then carries no token, so anonymous pages set no
    # cookie and can be cached (kok_learn/caching/page_cache.py). Choosing a language changes nothing worth
    # forging.
    path("i18n/setlang/", csrf_exempt(set_language), name="set_language"),
    path("racun/", include("accounts.urls")),
    # django-allauth (login, sign-up, verification, password reset, second factor), Croatian paths
    path("racun/", include("accounts.allauth_urls")),
    path("", include("events.urls")),
    path("", include("courses.urls")),
    path("", include("certificates.urls")),
    path("", include("mentoring.urls")),
    path("moje-volontiranje/", include("volunteering.urls")),
    path("", include("reports.urls")),
]

if settings.DEBUG:
    # Public media in development, never the documents (they go through /dokumenti/, as in nginx).
    urlpatterns += [re_path(r"^media/(?P<path>.*)$", views.public_media)]

# Croatian error pages in the site's layout (kok_learn/errors.py; 405 is a middleware there).
handler400 = "kok_learn.errors.bad_request"
handler403 = "kok_learn.errors.permission_denied"
handler429 = "kok_learn.errors.too_many_requests"  # allauth's rate limits look for it here

# Wagtail's page tree answers everything else, so it comes last.
urlpatterns += [path("", include(wagtail_urls))]
