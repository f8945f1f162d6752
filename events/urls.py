from django.urls import path

from . import views

app_name = "events"

urlpatterns = [
    path("program/kalendar.ics", views.programme_feed, name="feed"),
    path("program/prijava/<int:event_id>/", views.register, name="register"),
    path("program/odjava/<int:event_id>/", views.cancel, name="cancel"),
    path("program/poziv/<int:registration_id>.ics", views.invitation, name="invitation"),
    path("program/dolazak/", views.checkin, name="checkin"),
    path("program/evidencija/", views.my_sessions, name="my_sessions"),
    path("program/evidencija/<int:session_id>/", views.attendance, name="attendance"),
    path("program/evidencija/<int:session_id>/dosli-bez-prijave/", views.walk_in, name="walk_in"),
    path("program/evidencija/<int:session_id>/otkazi/", views.session_cancel, name="session_cancel"),
    path("program/evidencija/<int:session_id>/qr/", views.checkin_code, name="checkin_code"),
    path("program/evidencija/<int:session_id>/potpisna-lista.pdf", views.signin_sheet, name="signin_sheet"),
]
