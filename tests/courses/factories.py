"""Factories for course trees: a course with modules and lessons under the demo catalogue."""

import uuid
from decimal import Decimal

import factory
from wagtail.models import Page

from accounts.models import User
from courses.models import CourseIndexPage, CoursePage, LessonPage, ModulePage


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User

    email = factory.Sequence(lambda n: f"polaznik{n}@primjer.test")
    first_name = "Ivana"
    last_name = factory.Sequence(lambda n: f"Perić {n}")
    password = factory.django.Password("lozinka-za-test-2026")


def quiz_block(*, title="Provjera znanja", max_attempts=3, pass_mark=None, reveal_answers="after_pass_or_last"):
    return (
        "quiz",
        {
            "title": title,
            "reveal_answers": reveal_answers,
            "intro": "",
            "pass_mark": pass_mark,
            "max_attempts": max_attempts,
            "questions": [
                {
                    "kind": "single",
                    "text": "Koji je glavni grad Hrvatske?",
                    "choices": [{"text": "Zagreb", "correct": True}, {"text": "Split", "correct": False}],
                    "explanation": "TAJNO-OBJASNJENJE-1: Zagreb je glavni grad.",
                },
                {
                    "kind": "multiple",
                    "text": "Koja su slova hrvatske abecede?",
                    "choices": [
                        {"text": "č", "correct": True},
                        {"text": "ž", "correct": True},
                        {"text": "w", "correct": False},
                    ],
                    "explanation": "TAJNO-OBJASNJENJE-2: w nije slovo hrvatske abecede.",
                },
                {
                    "kind": "true_false",
                    "text": "Kravarsko je u Zagrebačkoj županiji.",
                    "choices": [{"text": "Točno", "correct": True}, {"text": "Netočno", "correct": False}],
                    "explanation": "TAJNO-OBJASNJENJE-3: Kravarsko je općina Zagrebačke županije.",
                },
            ],
        },
    )


def make_course(
    *,
    title="Tečaj za test",
    modules=1,
    lessons_per_module=3,
    quiz_in_last_lesson=False,
    live=True,
    index=None,
    **fields,
) -> CoursePage:
    index = index or CourseIndexPage.objects.get()
    slug = f"tecaj-{uuid.uuid4().hex[:10]}"
    course = CoursePage(
        title=title,
        slug=slug,
        summary="Sažetak tečaja za test.",
        description="<p>Opis tečaja.</p>",
        estimated_hours=Decimal("2"),
        live=live,
        **fields,
    )
    index.add_child(instance=course)
    for m in range(modules):
        module = ModulePage(title=f"Modul {m + 1}", slug=f"modul-{m + 1}")
        course.add_child(instance=module)
        for n in range(lessons_per_module):
            last = m == modules - 1 and n == lessons_per_module - 1
            body = [("paragraph", f"<p>Tekst lekcije {m + 1}.{n + 1}.</p>")]
            if quiz_in_last_lesson and last:
                body.append(quiz_block())
            lesson = LessonPage(
                title=f"Lekcija {m + 1}.{n + 1}", slug=f"lekcija-{n + 1}", estimated_minutes=10, body=body
            )
            module.add_child(instance=lesson)
    return course


def lessons_of(course) -> list[LessonPage]:
    return list(LessonPage.objects.descendant_of(course).order_by("path"))


def correct_answers(quiz) -> dict:
    return {q["id"]: [c["id"] for c in q["choices"] if c["correct"]] for q in quiz.questions}


def wrong_answers(quiz) -> dict:
    return {q["id"]: [next(c["id"] for c in q["choices"] if not c["correct"])] for q in quiz.questions}


__all__ = ["Page", "UserFactory", "make_course", "lessons_of", "quiz_block"]
