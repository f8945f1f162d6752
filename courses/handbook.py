"""Course handbook PDF: every published lesson of a course, in outline order, for study on paper.

The handbook is rendered in a worker (``courses.tasks.handbook_render``) and kept in private
storage under a name that carries a fingerprint of the course and its live lessons (ids, order and
publication times). Publishing a lesson changes the fingerprint, so the download never serves a
stale handbook, and the ``page_published`` handler asks the worker to render the new one at once.

Quiz questions are printed with their answer options, never with the correct answers or the
explanations: the handbook is for studying, and the quiz is taken online.
"""

from __future__ import annotations

import hashlib

from django.core.files.storage import storages
from django.utils import timezone

from kok_learn.operator import organisation_name

from .models import CoursePage, LessonPage, ModulePage

HANDBOOK_DIR = "courses/handbooks"
IMAGE_RENDITION = "max-1000x800"


def _live_lessons(*, course: CoursePage):
    return LessonPage.objects.live().descendant_of(course).order_by("path")


def handbook_name(*, course: CoursePage) -> str:
    """The storage name of the course's current handbook (changes whenever a lesson is published)."""
    lessons = _live_lessons(course=course).values_list("pk", "path", "last_published_at")
    modules = ModulePage.objects.live().child_of(course).values_list("pk", "path", "title")
    parts = repr((course.title, course.last_published_at, list(modules), list(lessons)))
    fingerprint = hashlib.sha256(parts.encode("utf-8")).hexdigest()[:16]
    return f"{HANDBOOK_DIR}/prirucnik-{course.pk}-{fingerprint}.pdf"


def _image(image) -> dict | None:
    """A file:// URI to a rendition of a Wagtail image (the PDF fetcher reads MEDIA_ROOT only)."""
    from kok_learn.pdf import file_uri

    if image is None:
        return None
    try:
        rendition = image.get_rendition(IMAGE_RENDITION)
        path = rendition.file.path
    except (OSError, ValueError, NotImplementedError):
        return None
    return {"uri": file_uri(path), "alt": getattr(image, "contextual_alt_text", "") or image.title}


def _block(block) -> dict | None:
    """One body block as plain data for the PDF template; quizzes lose answers and explanations."""
    kind, value = block.block_type, block.value
    if kind == "paragraph":
        return {"kind": kind, "html": str(value)}
    if kind == "image":
        picture = _image(value["image"])
        return {"kind": kind, "image": picture, "caption": value["caption"]} if picture else None
    if kind == "video":
        return {
            "kind": kind,
            "title": value["title"],
            "url": value["video"].url,
            "transcript": str(value["transcript"]),
        }
    if kind == "document":
        document = value["document"]
        return {"kind": kind, "title": value["title"] or (document.title if document else "")}
    if kind == "callout":
        return {"kind": kind, "callout": value["kind"], "title": value["title"], "html": str(value["text"])}
    if kind == "steps":
        steps = [
            {"html": str(step["text"]), "image": _image(step["screenshot"]) if step["screenshot"] else None}
            for step in value["steps"]
        ]
        return {"kind": kind, "title": value["title"], "steps": steps}
    if kind == "quiz":
        questions = [
            {
                "kind": question["kind"],
                "text": question["text"],
                "choices": [choice["text"] for choice in question["choices"]],
            }
            for question in value["questions"]
        ]
        return {"kind": kind, "title": value["title"], "intro": value["intro"], "questions": questions}
    return None


def handbook_context(*, course: CoursePage) -> dict:
    """Modules with their live lessons in outline order, each lesson's body as printable blocks."""
    modules = list(ModulePage.objects.live().child_of(course).only("id", "title", "path", "depth", "intro"))
    by_module = {module.path: [] for module in modules}
    for number, lesson in enumerate(_live_lessons(course=course), start=1):
        lesson.number = number
        lesson.anchor = f"lekcija-{lesson.pk}"
        lesson.blocks = [item for item in (_block(block) for block in lesson.body) if item]
        by_module.setdefault(lesson.path[: -lesson.steplen], []).append(lesson)
    outline = [(module, by_module.get(module.path, [])) for module in modules]
    return {
        "course": course,
        "outline": [(module, lessons) for module, lessons in outline if lessons],
        "generated_on": timezone.localdate(),
        "organisation": organisation_name(),
    }


def handbook_render(*, course: CoursePage) -> bytes:
    from django.utils.translation import gettext as _

    from kok_learn.pdf import PdfMetadata, render_pdf

    return render_pdf(
        "courses/handbook_pdf.html",
        handbook_context(course=course),
        metadata=PdfMetadata(
            title=course.title, author=organisation_name(), subject=_("Course handbook"), keywords=("KOK Learn",)
        ),
    )


def handbook_store(*, course: CoursePage) -> str:
    """Render the current handbook unless it is already stored, and remove older versions."""
    from kok_learn.pdf import write_atomically

    storage = storages["private"]
    name = handbook_name(course=course)
    if not storage.exists(name):
        write_atomically(name, handbook_render(course=course), storage=storage)
    prefix = f"prirucnik-{course.pk}-"
    try:
        _dirs, files = storage.listdir(HANDBOOK_DIR)
    except FileNotFoundError:
        return name
    current = name.rsplit("/", 1)[1]
    for other in files:
        if other.startswith(prefix) and other.endswith(".pdf") and other != current:
            storage.delete(f"{HANDBOOK_DIR}/{other}")
    return name


def course_for_page(page) -> CoursePage | None:
    """The course a published lesson, module or course page belongs to (None for other pages)."""
    page = page.specific_deferred if not isinstance(page, (CoursePage, ModulePage, LessonPage)) else page
    if isinstance(page, CoursePage):
        return page
    if isinstance(page, (ModulePage, LessonPage)):
        depth = page.depth - (2 if isinstance(page, LessonPage) else 1)
        return CoursePage.objects.filter(path=page.path[: depth * page.steplen]).first()
    return None


def handbook_schedule_render(*, course: CoursePage) -> None:
    """Ask the worker to render the course's handbook once the current transaction commits."""
    from django.db import transaction

    from .tasks import handbook_render as render_task

    course_id = course.pk
    transaction.on_commit(lambda: render_task.enqueue(course_id))


def on_page_published(sender, instance, **kwargs) -> None:
    """``page_published`` handler: a published lesson, module or course gets its handbook rebuilt."""
    course = course_for_page(instance)
    if course is not None and course.live:
        handbook_schedule_render(course=course)
