from django.urls import path

from . import views

app_name = "reports"

urlpatterns = [
    path("sudionik/ulazni-obrazac/", views.entry_form, name="entry_form"),
    path("sudionik/posebne-kategorije/", views.special_categories, name="special_categories"),
    path("sudionik/izlazni-obrazac/<int:participation_id>/", views.exit_form, name="exit_form"),
    path("izvjestaji/pokazatelji/", views.indicators, name="indicators"),
    path("izvjestaji/pokazatelji.xlsx", views.indicators_xlsx, name="indicators_xlsx"),
    path("izvjestaji/pokazatelji.pdf", views.indicators_pdf, name="indicators_pdf"),
    path("izvjestaji/projekt/", views.project_report, name="project_report"),
    path("izvjestaji/projekt.pdf", views.project_report_pdf, name="project_report_pdf"),
    path("izvjestaji/sudionici.xlsx", views.records_export, name="records_export"),
]
