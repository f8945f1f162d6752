"""Query-count guards: lesson pages do not grow with the course, the catalogue does not grow with the count."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from courses import services
from courses.models import CourseIndexPage

from .factories import lessons_of, make_course

# Measured with the page cache and the content cache off (every fragment rendered, every outline
# read), so that a page that queries more fails here instead of hiding behind a warm cache. The
# warm lesson page: tests/courses/test_lesson_content_cache.py.
LESSON_PAGE_MAX_QUERIES = 18
CATALOGUE_MAX_QUERIES = 24


@pytest.fixture(autouse=True)
def _caches_off(settings):
    settings.PAGE_CACHE_SECONDS = 0


def _lesson_queries(client, learner, *, modules, lessons_per_module):
    course = make_course(modules=modules, lessons_per_module=lessons_per_module, quiz_in_last_lesson=True)
    services.enrolment_create(user=learner, course=course)
    lessons = lessons_of(course)
    services.lesson_complete(user=learner, lesson=lessons[0])
    client.force_login(learner)
    client.get(lessons[1].url)  # warm the per-process caches (site root paths, content types)
    counts = []
    for lesson in (lessons[1], lessons[-1]):
        with CaptureQueriesContext(connection) as queries:
            response = client.get(lesson.url)
        assert response.status_code == 200
        counts.append(len(queries))
    return counts, lessons


@pytest.mark.django_db
def test_lesson_page_runs_the_same_queries_for_5_and_60_lessons(client, learner, django_assert_max_num_queries):
    small, _lessons = _lesson_queries(client, learner, modules=1, lessons_per_module=5)
    large, lessons = _lesson_queries(client, learner, modules=6, lessons_per_module=10)
    assert len(lessons) == 60
    assert small == large, (small, large)
    client.get(lessons[30].url)  # the first visit to a path walks the tree (kok_learn/caching/routing.py)
    with django_assert_max_num_queries(LESSON_PAGE_MAX_QUERIES):
        assert client.get(lessons[30].url).status_code == 200


@pytest.mark.django_db
def test_course_page_queries_do_not_grow_with_lessons(client, learner):
    counts = []
    for modules, per_module in ((1, 5), (4, 10)):
        course = make_course(modules=modules, lessons_per_module=per_module)
        services.enrolment_create(user=learner, course=course)
        client.force_login(learner)
        client.get(course.url)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(course.url).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1], counts


@pytest.mark.django_db
def test_catalogue_with_50_courses_runs_a_bounded_number_of_queries(client, django_assert_max_num_queries):
    from courses.models import Audience, CourseCategory

    category = CourseCategory.objects.get(slug="poduzetnistvo")
    audience = Audience.objects.get(slug="mladi")
    from wagtail.images.models import Image
    from wagtail.images.tests.utils import get_test_image_file

    index = CourseIndexPage.objects.get()
    cover = Image.objects.create(title="Naslovnica", file=get_test_image_file())
    for number in range(47):
        course = make_course(title=f"Tečaj broj {number}", modules=0, index=index, cover_image=cover)
        course.categories.add(category)
        course.audiences.add(audience)
        course.save()
    client.get("/tecajevi/")
    with django_assert_max_num_queries(CATALOGUE_MAX_QUERIES):
        response = client.get("/tecajevi/")
    assert "Pronađeno je 50 tečajeva" in response.content.decode()
    with django_assert_max_num_queries(CATALOGUE_MAX_QUERIES):
        response = client.get("/tecajevi/?category=poduzetnistvo&audience=mladi&q=Tečaj&stranica=2")
    assert response.status_code == 200


@pytest.mark.django_db
def test_dashboard_queries_do_not_grow_with_enrolments(client, learner):
    counts = []
    for extra in (1, 4):
        for _ in range(extra):
            services.enrolment_create(user=learner, course=make_course(lessons_per_module=4))
        client.force_login(learner)
        client.get("/moje-ucenje/")
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/moje-ucenje/").status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1], counts
