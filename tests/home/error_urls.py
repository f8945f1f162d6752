"""A urlconf for tests/home/test_error_pages.py: the site's URLs plus views that fail on purpose."""

from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.urls import path
from django.utils.translation import gettext as _

from kok_learn.urls import handler400, handler403, handler429  # noqa: F401  (Django reads them here)
from kok_learn.urls import urlpatterns as site_urlpatterns


def denied_with_reason(request):
    raise PermissionDenied(_("Only the mentor or the mentee organisation can confirm a meeting."))


def denied(request):
    raise PermissionDenied


def suspicious(request):
    raise SuspiciousOperation("test")


urlpatterns = [
    path("test-greske/razlog/", denied_with_reason),
    path("test-greske/zabranjeno/", denied),
    path("test-greske/sumnjivo/", suspicious),
    *site_urlpatterns,
]
