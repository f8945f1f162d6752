"""The production URLs plus the bench-only views, which come first so Wagtail's catch-all cannot shadow them."""

from django.urls import path

from kok_learn.urls import urlpatterns as production_urlpatterns

from . import views

urlpatterns = [
    path("__bench__/bare/", views.bare, name="bench_bare"),
    path("__bench__/write/", views.write_probe, name="bench_write"),
    *production_urlpatterns,
]
