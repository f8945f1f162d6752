from django.conf import settings
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from . import views

urlpatterns = [
    path("healthz/", views.healthz, name="healthz"),
    path("admin/", include(wagtailadmin_urls)),
    path("dokumenti/", include(wagtaildocs_urls)),
    path("i18n/", include("django.conf.urls.i18n")),
    path("racun/", include("accounts.urls")),
    # django-allauth (login, sign-up, verification, password reset, second factor), Croatian paths
    path("racun/", include("accounts.allauth_urls")),
    path("", include("courses.urls")),
    path("", include("certificates.urls")),
    path("", include("mentoring.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Wagtail's page tree answers everything else, so it comes last.
urlpatterns += [path("", include(wagtail_urls))]
