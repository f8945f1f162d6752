"""Routing below the site root: one query for a remembered path, never a stale answer."""

import pytest
from django.http import Http404
from django.test import RequestFactory

from courses.models import LessonPage
from home.models import HomePage, StandardPage
from kok_learn.caching.routing import route_from_root
from tests.courses.factories import lessons_of, make_course

pytestmark = pytest.mark.django_db


def _route(path: str, home=None):
    home = home or HomePage.objects.get()
    request = RequestFactory().get(path)
    return route_from_root(home, request, [part for part in path.split("/") if part])


@pytest.fixture
def lesson():
    # Each course gets a fresh random slug, so no remembered route from another test applies.
    return lessons_of(make_course(modules=2, lessons_per_module=2))[-1]


def _public_path(page) -> str:
    return page.get_url()


def test_a_remembered_lesson_is_found_with_one_query(lesson, django_assert_num_queries):
    path = _public_path(lesson)
    first = _route(path)
    assert first.page.pk == lesson.pk and isinstance(first.page, LessonPage)
    home = HomePage.objects.get()
    _route(path, home)  # also loads the lesson's content type into Django's per-process cache
    with django_assert_num_queries(1):
        second = _route(path, home)
    assert second.page.pk == lesson.pk
    assert isinstance(second.page, LessonPage)
    assert second.page.body  # the specific page, with its own fields


def test_the_full_walk_runs_for_a_path_not_seen_before(lesson, django_assert_max_num_queries):
    # Site root → index → course → module → lesson: the standard walk takes two queries a level.
    with django_assert_max_num_queries(10):
        result = _route(_public_path(lesson))
    assert result.page.pk == lesson.pk


def test_a_renamed_page_answers_at_its_new_path_only(lesson, client):
    old_path = _public_path(lesson)
    assert client.get(old_path).status_code == 302  # known: anonymous visitors go to the login page
    lesson.slug = "preimenovana-lekcija"
    lesson.save_revision().publish()
    with pytest.raises(Http404):
        _route(old_path)
    assert _route(_public_path(LessonPage.objects.get(pk=lesson.pk))).page.pk == lesson.pk


def test_an_unpublished_page_is_not_served_from_memory(client):
    page = StandardPage.objects.get(slug="o-projektu")
    assert client.get("/o-projektu/").status_code == 200
    page.unpublish()
    assert client.get("/o-projektu/").status_code == 404


def test_a_deleted_page_is_not_served_from_memory(lesson):
    path = _public_path(lesson)
    _route(path)
    lesson.delete()
    with pytest.raises(Http404):
        _route(path)


def test_a_moved_page_is_found_at_its_new_place(lesson):
    path = _public_path(lesson)
    _route(path)
    other_module = lessons_of(make_course(lessons_per_module=1))[0].get_parent()
    lesson.move(other_module, pos="last-child")
    moved = LessonPage.objects.get(pk=lesson.pk)
    with pytest.raises(Http404):
        _route(path)
    assert _route(_public_path(moved)).page.pk == lesson.pk


def test_unknown_paths_are_404(home_page, client):
    assert client.get("/tecajevi/nema-takvog-tecaja/").status_code == 404
    with pytest.raises(Http404):
        _route("/tecajevi/nema-takvog-tecaja/")


def test_routing_walks_the_tree_while_the_cache_is_down(lesson, monkeypatch):
    from django.core.cache import cache

    def down(*args, **kwargs):
        raise ConnectionError("Redis is down")

    path = _public_path(lesson)
    monkeypatch.setattr(cache, "get", down)
    monkeypatch.setattr(cache, "set", down)
    assert _route(path).page.pk == lesson.pk
