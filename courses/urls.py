from django.urls import path

from . import views

app_name = "courses"

urlpatterns = [
    path("moje-ucenje/", views.dashboard, name="dashboard"),
    path("moje-ucenje/upis/<int:course_id>/", views.enrol, name="enrol"),
    path("moje-ucenje/nastavi/<int:course_id>/", views.resume, name="resume"),
    path(
        "moje-ucenje/tecaj/<int:course_id>/lekcija/<int:lesson_id>/zavrseno/",
        views.lesson_complete,
        name="lesson_complete",
    ),
    path(
        "moje-ucenje/tecaj/<int:course_id>/lekcija/<int:lesson_id>/kviz/<str:quiz_id>/",
        views.quiz_submit,
        name="quiz_submit",
    ),
    path("moje-ucenje/tecaj/<int:course_id>/prirucnik.pdf", views.handbook, name="handbook"),
    path("moje-ucenje/pokusaj/<int:attempt_id>/", views.quiz_result, name="quiz_result"),
]
