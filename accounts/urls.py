from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("profil/", views.profile, name="profile"),
    path("moji-podaci/", views.my_data, name="my_data"),
    path("moji-podaci/preuzmi/", views.my_data_download, name="my_data_download"),
    path("moji-podaci/brisanje/", views.account_delete, name="account_delete"),
    path("suglasnost/ponovno/", views.guardian_consent_resend, name="guardian_consent_resend"),
    path("suglasnost/<str:token>/", views.guardian_consent, name="guardian_consent"),
]
