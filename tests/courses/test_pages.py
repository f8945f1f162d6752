import datetime
from unittest import mock

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from accounts.models import User
from courses.models import CourseIndexPage, CoursePage, LessonPage, ModulePage
from home.models import HomePage, StandardPage

from .factories import lessons_of, make_course, quiz_block


class CourseTreeRulesTest(WagtailPageTestCase):
    def test_catalogue_only_under_home(self):
        self.assertAllowedParentPageTypes(CourseIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(CourseIndexPage, {CoursePage})
        self.assertCanNotCreateAt(StandardPage, CourseIndexPage)

    def test_course_module_lesson_chain(self):
        self.assertAllowedParentPageTypes(CoursePage, {CourseIndexPage})
        self.assertAllowedSubpageTypes(CoursePage, {ModulePage})
        self.assertAllowedParentPageTypes(ModulePage, {CoursePage})
        self.assertAllowedSubpageTypes(ModulePage, {LessonPage})
        self.assertAllowedParentPageTypes(LessonPage, {ModulePage})
        self.assertAllowedSubpageTypes(LessonPage, set())
        self.assertCanNotCreateAt(CoursePage, LessonPage)
        self.assertCanNotCreateAt(HomePage, CoursePage)

    def test_one_catalogue_per_site(self):
        assert CourseIndexPage.max_count == 1


@pytest.mark.django_db
def test_demo_catalogue_lives_at_tecajevi_in_the_menu():
    index = CourseIndexPage.objects.get()
    assert index.url == "/tecajevi/"
    assert index.show_in_menus


@pytest.mark.django_db
def test_demo_courses_have_modules_lessons_and_a_quiz_per_module():
    for course in CoursePage.objects.live():
        modules = ModulePage.objects.child_of(course).live()
        assert modules.count() >= 3, course.title
        assert LessonPage.objects.descendant_of(course).live().count() >= 8, course.title
        for module in modules:
            assert any(lesson.quiz_count for lesson in LessonPage.objects.child_of(module)), module.title
        assert course.capacity_areas.exists()
        assert course.categories.exists() and course.audiences.exists()


@pytest.mark.django_db
def test_quiz_count_is_derived_from_the_body():
    course = make_course(lessons_per_module=1)
    lesson = lessons_of(course)[0]
    assert lesson.quiz_count == 0
    lesson.body = [("paragraph", "<p>Uvod</p>"), quiz_block(), quiz_block(title="Druga provjera")]
    lesson.save()
    lesson.refresh_from_db()
    assert lesson.quiz_count == 2
    assert len(lesson.quizzes()) == 2


@pytest.mark.django_db
def test_quiz_question_validation_in_the_block():
    from django.core.exceptions import ValidationError

    from courses.blocks import QuestionBlock

    block = QuestionBlock()
    value = block.to_python(
        {
            "kind": "single",
            "text": "Pitanje?",
            "choices": [{"text": "A", "correct": True}, {"text": "B", "correct": True}],
            "explanation": "Zato.",
        }
    )
    with pytest.raises(ValidationError):
        block.clean(value)


@pytest.mark.django_db
def test_lesson_preview_renders_for_editors_without_enrolment():
    lesson = LessonPage.objects.get(slug="obrt")
    lesson.title = "Obrt — nacrt izmjene"
    response = lesson.make_preview_request()
    assert response.status_code == 200
    assert "Obrt — nacrt izmjene" in response.content.decode()


@pytest.mark.django_db
def test_scheduled_publishing_of_a_lesson():
    module = ModulePage.objects.get(slug="pravni-oblici")
    lesson = LessonPage(
        title="Zadruga", slug="zadruga", estimated_minutes=10, body=[("paragraph", "<p>Zadruga.</p>")], live=False
    )
    module.add_child(instance=lesson)
    lesson.go_live_at = timezone.now() + datetime.timedelta(days=1)
    revision = lesson.save_revision()
    revision.publish()
    lesson.refresh_from_db()
    assert not lesson.live
    revision.refresh_from_db()
    assert revision.approved_go_live_at is not None
    call_command("publish_scheduled", verbosity=0)
    lesson.refresh_from_db()
    assert not lesson.live  # not yet
    later = timezone.now() + datetime.timedelta(days=1, hours=1)
    with mock.patch("django.utils.timezone.now", return_value=later):
        call_command("publish_scheduled", verbosity=0)
    lesson.refresh_from_db()
    assert lesson.live


@pytest.mark.django_db
def test_editors_submit_and_moderators_publish():
    index = CourseIndexPage.objects.get()
    editor = User.objects.get(email="urednik@kok.test")
    moderator = User.objects.get(email="moderator@kok.test")
    workflow = index.get_workflow()
    assert workflow is not None and workflow.name == "Moderacija tečajeva"
    course = CoursePage.objects.get(slug="brendiranje-lokalnog-podrucja")
    assert course.get_workflow() == workflow
    assert course.permissions_for_user(editor).can_edit()
    assert index.permissions_for_user(editor).can_add_subpage()
    assert not course.permissions_for_user(editor).can_publish()
    assert course.permissions_for_user(moderator).can_publish()
    # Submitting starts the moderator's approval task.
    course.save_revision(user=editor)
    state = workflow.start(course, editor)
    task = state.current_task_state.task.specific
    assert list(task.groups.values_list("name", flat=True)) == ["Moderator"]
    assert task.user_can_access_editor(course, moderator)


@pytest.mark.django_db
def test_moderation_setup_is_idempotent():
    from wagtail.models import GroupPagePermission, Workflow, WorkflowPage

    from courses.services import catalogue_moderation_setup

    index = CourseIndexPage.objects.get()
    before = (GroupPagePermission.objects.count(), Workflow.objects.count(), WorkflowPage.objects.count())
    catalogue_moderation_setup(index=index)
    catalogue_moderation_setup(index=index)
    assert (GroupPagePermission.objects.count(), Workflow.objects.count(), WorkflowPage.objects.count()) == before


@pytest.mark.django_db
def test_demo_twice_creates_no_new_courses_or_enrolments():
    from courses.models import Enrolment, LessonCompletion, QuizAttempt

    before = (
        Page.objects.count(),
        Enrolment.objects.count(),
        LessonCompletion.objects.count(),
        QuizAttempt.objects.count(),
    )
    call_command("load_demo", verbosity=0)
    after = (
        Page.objects.count(),
        Enrolment.objects.count(),
        LessonCompletion.objects.count(),
        QuizAttempt.objects.count(),
    )
    assert before == after


@pytest.mark.django_db
def test_lesson_images_need_alt_text_and_are_never_decorative():
    from django.core.exceptions import ValidationError
    from wagtail.images.models import Image
    from wagtail.images.tests.utils import get_test_image_file

    from courses.blocks import CaptionedImageBlock

    image = Image.objects.create(title="Snimka zaslona", file=get_test_image_file())
    block = CaptionedImageBlock()
    good = block.to_python(
        {
            "image": {"image": image.pk, "alt_text": "Izbornik Start s označenom tipkom Isključi", "decorative": False},
            "caption": "Isključivanje računala",
        }
    )
    assert block.clean(good)
    for alt_text, decorative in (("", False), ("", True)):
        bad = block.to_python(
            {"image": {"image": image.pk, "alt_text": alt_text, "decorative": decorative}, "caption": "Opis"}
        )
        with pytest.raises(ValidationError):
            block.clean(bad)
    rendered = block.render(good)
    assert 'alt="Izbornik Start s označenom tipkom Isključi"' in rendered
    assert "<figcaption>Isključivanje računala</figcaption>" in rendered


@pytest.mark.django_db
def test_capacity_areas_come_from_the_shared_vocabulary():
    from django.core.exceptions import ValidationError

    course = CoursePage.objects.get(slug="brendiranje-lokalnog-podrucja")
    course.capacity_areas.add("digitalne vještine")
    course.full_clean()
    course.capacity_areas.add("kuhanje")
    with pytest.raises(ValidationError) as error:
        course.full_clean()
    assert "kuhanje" in str(error.value)


@pytest.mark.django_db
def test_setup_command_restores_the_workflow_on_the_catalogue():
    from wagtail.models import WorkflowPage

    index = CourseIndexPage.objects.get()
    WorkflowPage.objects.filter(page=index).delete()
    workflow = index.get_workflow()
    assert workflow is None or workflow.name != "Moderacija tečajeva"
    call_command("setup_course_moderation", verbosity=0)
    assert CourseIndexPage.objects.get().get_workflow().name == "Moderacija tečajeva"
