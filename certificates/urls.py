from django.urls import path

from . import views

app_name = "certificates"

urlpatterns = [
    path("provjera/", views.verify, name="verify"),
    path("provjera/status/<int:number>/", views.status_list, name="status_list"),
    path("provjera/<str:code>/", views.verify_result, name="verify_result"),
    path("potvrde/<str:code>/preuzmi/", views.download, name="download"),
    path("potvrde/<str:code>/vjerodajnica/", views.download_credential, name="download_credential"),
    path(".well-known/did.json", views.did_document, name="did_document"),
]
