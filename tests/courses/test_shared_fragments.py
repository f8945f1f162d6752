"""The catalogue and the course page keep what every visitor who is not enrolled sees alike.

On a page-cache miss (a signed-in visitor, or a query string the page cache does not keep) the
catalogue's filters and list and the course page's outline, prerequisites and in-person part come
from the content cache (kok_learn/caching/content_cache.py), keyed by what they depend on. They must
never show stale content, never carry another request's parameters, and never show a learner's
progress to anyone else.
"""

import pytest

from courses import services
from courses.models import CoursePage

from .factories import UserFactory, lessons_of, make_course

pytestmark = pytest.mark.django_db

# The site with its home page, the page (routing), Wagtail's view restriction check (2).
ANONYMOUS_PAGE_QUERIES = 4


def published(course: CoursePage) -> CoursePage:
    """As an editor publishes it (the factory only adds the page): the content generation moves on."""
    course.save_revision().publish()
    return course


def _html(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_a_kept_catalogue_listing_costs_no_query_of_its_own(client, django_assert_num_queries):
    make_course(title="Računalo za početnike")
    assert "Računalo za početnike" in _html(client, "/tecajevi/?prvi=1")
    with django_assert_num_queries(ANONYMOUS_PAGE_QUERIES):
        assert "Računalo za početnike" in _html(client, "/tecajevi/?drugi=1")


def test_a_newly_published_course_is_in_the_listing_at_once(client):
    make_course(title="Prvi tečaj")
    assert "Drugi tečaj" not in _html(client, "/tecajevi/?a=1")
    published(make_course(title="Drugi tečaj"))
    assert "Drugi tečaj" in _html(client, "/tecajevi/?a=2")


def _main(html: str) -> str:
    """The page's own content (the header's sign-in link rightly keeps the whole address to come back to)."""
    return html.split("<main", 1)[1].split("</main>", 1)[0]


def test_the_listing_follows_the_filters_and_links_carry_only_the_catalogue_own_parameters(client):
    for number in range(13):  # more than one page of 12
        published(make_course(title=f"Tečaj broj {number:02d}", level="advanced" if number % 2 else "beginner"))
    first = _main(_html(client, "/tecajevi/?utm_source=letak"))
    assert "utm_source" not in first
    assert 'href="?stranica=2"' in first
    advanced = _main(_html(client, "/tecajevi/?level=advanced&utm_source=letak"))
    assert "Tečaj broj 01" in advanced and "Tečaj broj 02" not in advanced
    assert "utm_source" not in advanced
    second = _main(_html(client, "/tecajevi/?stranica=2&fbclid=abc"))
    assert "Stranica 2 od" in second
    assert "fbclid" not in second


def test_a_search_is_never_kept(client):
    published(make_course(title="Poduzetništvo na selu"))
    published(make_course(title="Fotografija za početnike"))
    first = _html(client, "/tecajevi/?q=Poduzetni")
    assert "Poduzetništvo na selu" in first and "Fotografija za početnike" not in first
    second = _html(client, "/tecajevi/?q=Fotografija")
    assert "Fotografija za početnike" in second and "Poduzetništvo na selu" not in second


def test_a_search_of_blanks_is_not_kept_for_the_next_visitor(client):
    published(make_course(title="Poduzetništvo na selu"))
    blanks = _html(client, "/tecajevi/?q=%20%20%20")
    assert 'value="   "' in blanks  # the search box as this visitor filled it in
    assert 'value="   "' not in _html(client, "/tecajevi/?drugi=1")


def test_a_kept_course_page_costs_no_query_of_its_own(client, django_assert_num_queries):
    course = make_course(title="Tečaj s obrisom", modules=2, lessons_per_module=2)
    last_lesson = lessons_of(course)[-1].title
    assert last_lesson in _html(client, course.url + "?prvi=1")
    with django_assert_num_queries(ANONYMOUS_PAGE_QUERIES):
        assert last_lesson in _html(client, course.url + "?drugi=1")


def test_a_learner_progress_never_reaches_the_kept_course_page(client):
    course = make_course(title="Tečaj s napretkom", modules=1, lessons_per_module=2)
    learner = UserFactory()
    services.enrolment_create(user=learner, course=course)
    services.lesson_complete(user=learner, lesson=lessons_of(course)[0])
    client.force_login(learner)
    assert "outline__lesson--done" in _html(client, course.url)
    client.logout()
    html = _html(client, course.url + "?poslije=1")
    assert "outline__lesson--done" not in html
    assert "Prijavite se" in html or "prijav" in html.lower()


def test_a_new_prerequisite_shows_at_once(client):
    basics = make_course(title="Osnove rada na računalu")
    course = make_course(title="Napredni tečaj")
    assert "Osnove rada na računalu" not in _html(client, course.url + "?a=1")
    course = CoursePage.objects.get(pk=course.pk)
    course.prerequisites.add(basics)
    course.save_revision().publish()
    assert "Osnove rada na računalu" in _html(client, course.url + "?a=2")
