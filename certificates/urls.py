from django.urls import path

from . import views

app_name = "certificates"

urlpatterns = [
    path("provjera/", views.verify, name="verify"),
    path("provjera/<str:code>/", views.verify_result, name="verify_result"),
    path("potvrde/<str:code>/preuzmi/", views.download, name="download"),
]
