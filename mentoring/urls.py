from django.urls import path

from . import views

app_name = "mentoring"

urlpatterns = [
    path("mentorstvo/", views.dashboard, name="dashboard"),
    path("mentorstvo/<int:pk>/", views.pairing_detail, name="pairing_detail"),
    path("mentorstvo/<int:pk>/sastanci/novi/", views.meeting_create, name="meeting_create"),
    path("mentorstvo/<int:pk>/sastanci/<int:meeting_pk>/uredi/", views.meeting_edit, name="meeting_edit"),
    path("mentorstvo/<int:pk>/sastanci/<int:meeting_pk>/potvrdi/", views.meeting_confirm, name="meeting_confirm"),
    path("mentorstvo/<int:pk>/sastanci.ics", views.calendar, name="calendar"),
    path("mentorstvo/<int:pk>/stanje/", views.pairing_transition, name="pairing_transition"),
    path("mentorstvo/<int:pk>/sporazum/prihvati/", views.agreement_accept, name="agreement_accept"),
    path("mentorstvo/<int:pk>/zadaci/<int:task_pk>/", views.task_toggle, name="task_toggle"),
    path("mentorstvo/<int:pk>/ciljevi/<int:goal_pk>/napredak/", views.goal_progress, name="goal_progress"),
    path("mentorstvo/<int:pk>/ciljevi/novi/", views.goal_create, name="goal_create"),
    path("mentorstvo/<int:pk>/ciljevi/<int:goal_pk>/zadaci/novi/", views.task_create, name="task_create"),
    path("mentorstvo/<int:pk>/sporazum/", views.agreement_edit, name="agreement_edit"),
    path("mentorstvo/<int:pk>/procjena/", views.assessment_create, name="assessment_create"),
    path("mentorstvo/<int:pk>/izvjesce.pdf", views.pairing_report, name="pairing_report"),
    path("mentorstvo/program/<int:pk>/izvjesce.pdf", views.programme_report, name="programme_report"),
    path("mentorstvo/prijedlozi/<int:organisation_pk>/", views.suggestions, name="suggestions"),
]
