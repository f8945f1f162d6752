"""Demo content: the catalogue, three real courses and the demo learner's progress.

Idempotent: pages are found by slug, snippets by slug, enrolments by (user, course); the learner's
progress goes through the real services, so the finished course issues a real certificate.
"""

import uuid
from decimal import Decimal

from taggit.models import Tag
from wagtail.models import Site

from . import services
from .demo_content import AUDIENCES, CATEGORIES, COURSES
from .models import (
    CAPACITY_AREAS,
    Audience,
    CourseCategory,
    CourseInstructor,
    CoursePage,
    Enrolment,
    LessonCompletion,
    LessonPage,
    ModulePage,
)


def _child(parent, model, slug, **fields):
    existing = model.objects.child_of(parent).filter(slug=slug).first()
    if existing:
        return existing, False
    page = model(slug=slug, **fields)
    parent.add_child(instance=page)
    return page, True


def _lesson_body(blocks):
    body = []
    for block in blocks:
        kind = block[0]
        if kind == "p":
            body.append(("paragraph", block[1]))
        elif kind in ("tip", "warning"):
            body.append(("callout", {"kind": kind, "title": block[1], "text": block[2]}))
        elif kind == "steps":
            body.append(
                ("steps", {"title": block[1], "steps": [{"text": text, "screenshot": None} for text in block[2]]})
            )
        elif kind == "quiz":
            questions = [
                {
                    "kind": question_kind,
                    "text": text,
                    "choices": [{"text": answer, "correct": correct} for answer, correct in choices],
                    "explanation": explanation,
                }
                for question_kind, text, choices, explanation in block[2]
            ]
            body.append(
                (
                    "quiz",
                    {"title": block[1], "intro": "", "pass_mark": None, "max_attempts": 3, "questions": questions},
                )
            )
    return body


def _capacity_tags():
    tags = {}
    for slug, name in CAPACITY_AREAS:
        tag = Tag.objects.filter(slug=slug).first() or Tag.objects.create(name=name, slug=slug)
        tags[slug] = tag
    return tags


def _course(index, data, *, categories, audiences, tags, log):
    course, created = _child(
        index,
        CoursePage,
        data["slug"],
        title=data["title"],
        summary=data["summary"],
        description=data["description"],
        learning_outcomes=[("outcome", outcome) for outcome in data["outcomes"]],
        level=data["level"],
        estimated_hours=Decimal(data["hours"]),
        pass_mark=70,
        show_in_menus=False,
    )
    if created:
        course.categories.set([categories[slug] for slug in data["categories"]])
        course.audiences.set([audiences[slug] for slug in data["audiences"]])
        course.capacity_areas.set([tags[slug] for slug in data["areas"]])
        for order, (name, role) in enumerate(data["instructors"]):
            course.instructors.add(CourseInstructor(name=name, role=role, sort_order=order))
        course.save_revision().publish()
        log(f"Created the course {course.title}")
    for module_data in data["modules"]:
        module, _created = _child(
            course, ModulePage, module_data["slug"], title=module_data["title"], intro=module_data["intro"]
        )
        for slug, title, minutes, blocks in module_data["lessons"]:
            _child(module, LessonPage, slug, title=title, estimated_minutes=minutes, body=_lesson_body(blocks))
    return course


def _finish_lesson(user, lesson, course):
    enrolment = Enrolment.objects.get(user=user, course=course)
    if LessonCompletion.objects.filter(enrolment=enrolment, lesson=lesson).exists():
        return
    if not lesson.quiz_count:
        services.lesson_complete(user=user, lesson=lesson, course=course)
        return
    lesson._course_pass_mark = course.pass_mark
    for quiz in lesson.quizzes():
        answers = {
            question["id"]: [choice["id"] for choice in question["choices"] if choice["correct"]]
            for question in quiz.questions
        }
        services.quiz_attempt_submit(
            user=user, lesson=lesson, course=course, quiz_id=quiz.id, answers=answers, submission_token=uuid.uuid4()
        )


def load(*, log, with_accounts: bool) -> None:
    # The home page is the default site's root (home.setup.setup_site): found without importing home.
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        log("No home page: courses skipped.")
        return
    home = site.root_page
    categories = {
        slug: CourseCategory.objects.get_or_create(slug=slug, defaults={"name": name, "sort_order": order})[0]
        for order, (slug, name) in enumerate(CATEGORIES)
    }
    audiences = {
        slug: Audience.objects.get_or_create(slug=slug, defaults={"name": name, "sort_order": order})[0]
        for order, (slug, name) in enumerate(AUDIENCES)
    }
    tags = _capacity_tags()

    index = services.catalogue_setup(home=home, log=log)  # setup_site made it already; this only finds it

    courses = [_course(index, data, categories=categories, audiences=audiences, tags=tags, log=log) for data in COURSES]
    computer, business, _branding = courses

    if not with_accounts:
        return
    from accounts.models import User

    learner = User.objects.filter(email="polaznik@kok.test").first()
    if learner is None:
        return
    # Finished: Osnove rada na računalu (issues the certificate through certificates.certificate_issue).
    services.enrolment_create(user=learner, course=computer)
    for lesson in LessonPage.objects.live().descendant_of(computer).order_by("path"):
        _finish_lesson(learner, lesson, computer)
    # In progress: the first three lessons of Poduzetništvo za početnike.
    services.enrolment_create(user=learner, course=business)
    for lesson in LessonPage.objects.live().descendant_of(business).order_by("path")[:3]:
        _finish_lesson(learner, lesson, business)
    log("Enrolled the demo learner in two courses (one finished, one in progress)")


def link_events(*, log, with_accounts: bool) -> None:
    """Make "Osnove rada na računalu" a blended course: its evening sessions in the centre count (75 %)."""
    from events.models import EventPage

    course = CoursePage.objects.filter(slug="osnove-rada-na-racunalu").first()
    event = EventPage.objects.filter(slug="racunala-uzivo").first()
    if course is None or event is None or course.attendance_events.filter(pk=event.pk).exists():
        return
    course.attendance_events.add(event)
    course.attendance_percent = 75
    course.save_revision().publish()
    log("Linked the computer course to its four evening sessions (blended course, 75 % attendance)")
