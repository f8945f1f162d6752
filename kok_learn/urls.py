from django.conf import settings
from django.urls import include, path
from django.views.decorators.csrf import csrf_exempt
from django.views.i18n import set_language
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from . import views

urlpatterns = [
    path("healthz/", views.healthz, name="healthz"),
    path("admin/", include(wagtailadmin_urls)),
    path("dokumenti/", include(wagtaildocs_urls)),
    # Without CSRF: the footer's language form then carries no token, so anonymous pages set no
    # cookie and can be cached (kok_learn/page_cache.py). Choosing a language changes nothing worth
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
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Wagtail's page tree answers everything else, so it comes last.
urlpatterns += [path("", include(wagtail_urls))]
