from django.urls import path

from . import views

app_name = "volunteering"

urlpatterns = [
    path("", views.my_volunteering, name="my"),
    path("profil/", views.profile, name="profile"),
    path("prijava/<int:page_id>/", views.apply, name="apply"),
    path("suglasnost/<str:token>/", views.consent, name="consent"),
    path("prijave/<int:application_id>/ugovor/", views.contract, name="contract"),
    path("prijave/<int:application_id>/ugovor.pdf", views.contract_pdf, name="contract_pdf"),
    path("prijave/<int:application_id>/suglasnost/ponovno/", views.consent_resend, name="consent_resend"),
    path("prijave/<int:application_id>/povlacenje/", views.withdraw, name="withdraw"),
    path("prijave/<int:application_id>/izjava/", views.statement, name="statement"),
    path("prijave/<int:application_id>/sati/", views.hours, name="hours"),
    path("prijave/<int:application_id>/potvrda/", views.confirmation_request, name="confirmation_request"),
]
