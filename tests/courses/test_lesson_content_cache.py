"""The lesson page keeps what every learner sees alike in the content cache, and never shows it stale.

Menu, footer, breadcrumbs, the course outline and the lesson text are kept between requests
(kok_learn/caching/content_cache.py); publishing and saving settings must show through at once.
"""

import pytest
from wagtail.models import Site

from courses import services
from courses.models import LessonPage
from home.models import ContactSettings, StandardPage

from .factories import lessons_of, make_course

pytestmark = pytest.mark.django_db

# The site with its home page (Wagtail's look-up, never cached); the lesson (routing); Wagtail's view
# restriction check (2); the user; the enrolment; the learner's completed lessons. The session comes
# from the shared cache (cached_db); menu, footer settings, breadcrumbs, the course and its outline
# from the content cache.
LESSON_PAGE_QUERIES = 7


@pytest.fixture
def course(learner):
    course = make_course(title="Tečaj o predmemoriji", modules=1, lessons_per_module=3)
    services.enrolment_create(user=learner, course=course)
    return course


def _page(client, lesson) -> str:
    response = client.get(lesson.url)
    assert response.status_code == 200
    return response.content.decode()


def test_a_warm_lesson_page_runs_a_fixed_small_number_of_queries(learner_client, course, django_assert_num_queries):
    lesson = lessons_of(course)[1]
    _page(learner_client, lesson)
    with django_assert_num_queries(LESSON_PAGE_QUERIES):
        html = _page(learner_client, lesson)
    assert "Lekcija 2 od 3" in html
    assert "Tekst lekcije 1.2." in html


def test_a_newly_published_lesson_appears_in_the_outline_at_once(learner_client, course):
    first = lessons_of(course)[0]
    assert "Lekcija 1 od 3" in _page(learner_client, first)
    module = first.get_parent()
    new_lesson = LessonPage(title="Nova lekcija", slug="nova-lekcija", body=[("paragraph", "<p>Novo.</p>")])
    module.add_child(instance=new_lesson)
    new_lesson.save_revision().publish()
    assert "Lekcija 1 od 4" in _page(learner_client, first)


def test_a_new_revision_of_the_lesson_text_shows_at_once(learner_client, course):
    lesson = lessons_of(course)[0]
    assert "Tekst lekcije 1.1." in _page(learner_client, lesson)
    lesson.body = [("paragraph", "<p>Ispravljeni tekst lekcije.</p>")]
    lesson.save_revision().publish()
    html = _page(learner_client, LessonPage.objects.get(pk=lesson.pk))
    assert "Ispravljeni tekst lekcije." in html
    assert "Tekst lekcije 1.1." not in html


def test_breadcrumbs_follow_a_renamed_course(learner_client, course):
    lesson = lessons_of(course)[0]
    assert "Tečaj o predmemoriji" in _page(learner_client, lesson)
    course.title = "Preimenovani tečaj"
    course.save_revision().publish()
    html = _page(learner_client, lesson)
    assert "Preimenovani tečaj" in html
    assert "Tečaj o predmemoriji" not in html


def test_the_footer_follows_the_contact_settings(learner_client, course):
    lesson = lessons_of(course)[0]
    _page(learner_client, lesson)
    contact = ContactSettings.for_site(Site.objects.get(is_default_site=True))
    contact.email = "nova.adresa@kravarsko.test"
    contact.save()
    assert "nova.adresa@kravarsko.test" in _page(learner_client, lesson)


def test_the_menu_follows_published_pages(learner_client, course):
    lesson = lessons_of(course)[0]
    page = StandardPage.objects.get(slug="o-projektu")
    page.show_in_menus = False
    page.save_revision().publish()
    assert 'href="/o-projektu/"' not in _page(learner_client, lesson).split("</header>")[0]
    page.show_in_menus = True
    page.save_revision().publish()
    assert 'href="/o-projektu/"' in _page(learner_client, lesson).split("</header>")[0]


def test_the_menu_marks_the_section_the_page_is_in(learner_client, course):
    header = _page(learner_client, lessons_of(course)[0]).split("</header>")[0]
    assert 'href="/tecajevi/" aria-current="page"' in header


def test_the_lesson_page_still_works_while_the_content_cache_is_down(learner_client, course, monkeypatch):
    from django.conf import settings
    from django.core.cache import caches

    def down(*args, **kwargs):
        raise ConnectionError("Redis is down")

    lesson = lessons_of(course)[1]
    for method in ("get", "set", "add", "get_many", "delete"):
        monkeypatch.setattr(caches[settings.CACHE_MIDDLEWARE_ALIAS], method, down)
    html = _page(learner_client, lesson)
    assert "Lekcija 2 od 3" in html
    assert "Tekst lekcije 1.2." in html
    assert "Tečaj o predmemoriji" in html  # breadcrumbs
    assert 'href="/tecajevi/" aria-current="page"' in html  # menu
    assert "Europsk" in html  # the EU-funding notice in the footer


def test_a_view_restriction_added_later_guards_the_lesson_at_once(learner_client, course):
    from wagtail.models import PageViewRestriction

    lesson = lessons_of(course)[0]
    assert "Tekst lekcije 1.1." in _page(learner_client, lesson)  # no restriction on the site yet
    PageViewRestriction.objects.create(page=course, restriction_type=PageViewRestriction.PASSWORD, password="tajna")
    response = learner_client.get(lesson.url)
    html = response.content.decode()
    assert "Tekst lekcije 1.1." not in html
    assert 'name="password"' in html
