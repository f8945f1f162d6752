"""The pages every browser check visits (accessibility, reflow, HTML validity), read from the demo."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class CheckedPage:
    name: str
    path: str
    user_email: str | None = None  # who is logged in; None = anonymous visitor

    def user(self):
        from accounts.models import User

        return User.objects.get(email=self.user_email) if self.user_email else None


LEARNER = "polaznik@kok.test"
MENTOR = "mentor@kok.test"


def checked_pages() -> list[CheckedPage]:
    """Home, catalogue, course, lesson, quiz result, dashboard, verification, mentoring, sign-up, login,
    and the accessibility statement that load_demo publishes."""
    from wagtail.models import Page

    from certificates.models import Certificate
    from courses.models import CourseIndexPage, CoursePage, LessonPage, QuizAttempt
    from mentoring.models import Pairing

    index = CourseIndexPage.objects.live().get()
    attempt = (
        QuizAttempt.objects.filter(enrolment__user__email=LEARNER, passed=True).select_related("lesson").latest("pk")
    )
    course = CoursePage.objects.get(pk=attempt.enrolment.course_id)
    lesson = LessonPage.objects.get(pk=attempt.lesson_id)
    certificate = Certificate.objects.filter(recipient__email=LEARNER).latest("pk")
    pairing = Pairing.objects.filter(mentors__email=MENTOR).order_by("pk").first()
    statement = Page.objects.live().get(slug="izjava-o-pristupacnosti")
    return [
        CheckedPage("home", "/"),
        CheckedPage("catalogue", index.url),
        CheckedPage("course", course.url),
        CheckedPage("lesson with quiz", lesson.url, LEARNER),
        CheckedPage("quiz result", f"/moje-ucenje/pokusaj/{attempt.pk}/", LEARNER),
        CheckedPage("my learning", "/moje-ucenje/", LEARNER),
        CheckedPage("verify form", "/provjera/"),
        CheckedPage("verify result", f"/provjera/{certificate.code}/"),
        CheckedPage("mentoring dashboard", "/mentorstvo/", MENTOR),
        CheckedPage("pairing", f"/mentorstvo/{pairing.pk}/", MENTOR),
        CheckedPage("sign-up", "/racun/registracija/"),
        CheckedPage("login", "/racun/prijava/"),
        CheckedPage("accessibility statement", statement.url),
    ]
