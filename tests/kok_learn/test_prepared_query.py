"""kok_learn.prepared_query: the ORM's instances, read from the database on every call."""

import pytest
from django.db.models import Count
from wagtail.models import Page, Site

from courses.models import CoursePage, LessonPage
from kok_learn.prepared_query import PreparedQuery
from tests.courses.factories import lessons_of, make_course

pytestmark = pytest.mark.django_db

PAGE_ID = -(2**31) + 11


def _field_values(instance):
    return {field.attname: getattr(instance, field.attname) for field in type(instance)._meta.concrete_fields}


def _lesson_by_id():
    return PreparedQuery(lambda pk: LessonPage.objects.filter(pk=pk).order_by(), placeholders=(PAGE_ID,))


def test_the_same_instance_as_the_orm_with_every_field_converted():
    lesson = lessons_of(make_course())[0]
    expected = LessonPage.objects.get(pk=lesson.pk)
    (found,) = _lesson_by_id().run(lesson.pk)
    assert type(found) is LessonPage
    assert _field_values(found) == _field_values(expected)  # datetimes, booleans, UUIDs, StreamField
    assert list(found.body.raw_data) == list(expected.body.raw_data)
    assert found._state.db == "default" and not found._state.adding
    assert found.get_deferred_fields() == set()


def test_each_run_reads_the_database(django_assert_num_queries):
    lesson = lessons_of(make_course())[0]
    query = _lesson_by_id()
    query.run(lesson.pk)  # the SQL is built here
    LessonPage.objects.filter(pk=lesson.pk).update(title="Novi naslov")
    with django_assert_num_queries(1):
        (found,) = query.run(lesson.pk)
    assert found.title == "Novi naslov"
    LessonPage.objects.filter(pk=lesson.pk).delete()
    assert query.run(lesson.pk) == []


def test_select_related_instances_as_the_orm_gives_them(django_assert_num_queries):
    query = PreparedQuery(
        lambda hostname: Site.objects.filter(hostname=hostname).select_related("root_page").order_by(),
        placeholders=("\x00hostname\x00",),
    )
    site = Site.objects.get(is_default_site=True)
    with django_assert_num_queries(1):
        (found,) = query.run(site.hostname)
        root = found.root_page
    assert found == site
    assert type(root) is Page
    assert _field_values(root) == _field_values(Page.objects.get(pk=site.root_page_id))
    assert query.run("nepoznato.kok.test") == []


def test_values_of_other_rows_give_other_instances():
    first, second = lessons_of(make_course(lessons_per_module=2))
    query = _lesson_by_id()
    assert query.run(first.pk)[0].pk == first.pk
    assert query.run(second.pk)[0].pk == second.pk


def test_a_placeholder_that_does_not_reach_the_sql_once_is_refused():
    twice = PreparedQuery(
        lambda pk: CoursePage.objects.filter(pk=pk, page_ptr_id=pk).order_by(), placeholders=(PAGE_ID,)
    )
    with pytest.raises(ValueError, match="exactly one parameter"):
        twice.run(1)
    missing = PreparedQuery(lambda pk: CoursePage.objects.order_by(), placeholders=(PAGE_ID,))
    with pytest.raises(ValueError, match="exactly one parameter"):
        missing.run(1)


def test_only_plain_model_querysets():
    annotated = PreparedQuery(
        lambda pk: CoursePage.objects.filter(pk=pk).annotate(n=Count("id")), placeholders=(PAGE_ID,)
    )
    with pytest.raises(ValueError, match="plain model querysets and values_list"):
        annotated.run(1)
    rows = PreparedQuery(lambda pk: CoursePage.objects.filter(pk=pk).values("title"), placeholders=(PAGE_ID,))
    with pytest.raises(ValueError, match="plain model querysets and values_list"):
        rows.run(1)


def _goal_figures(pairing_id, today):
    from django.db.models import Q

    from mentoring.models import Goal

    return (
        Goal.objects.filter(pairing_id=pairing_id)
        .annotate(overdue=Count("tasks", filter=Q(tasks__done=False, tasks__due_date__lt=today)))
        .order_by("pk")
        .values_list("pk", "due_date", "overdue")
    )


def test_rows_with_aggregates_and_a_date_as_the_orm_gives_them():
    """values_list() rows may carry annotations; a date placeholder reaches the SQL as the database takes it."""
    import datetime

    from tests.mentoring.factories import GoalFactory, PairingFactory, TaskFactory

    query = PreparedQuery(_goal_figures, placeholders=(PAGE_ID, datetime.date(1901, 1, 1)))
    pairing = PairingFactory()
    goal = GoalFactory(pairing=pairing, due_date=datetime.date(2026, 5, 1))
    TaskFactory(goal=goal, done=False, due_date=datetime.date(2026, 3, 1))
    GoalFactory(pairing=PairingFactory())  # another pairing's
    for today in (datetime.date(2026, 1, 1), datetime.date(2026, 4, 1)):
        rows = query.run(pairing.pk, today)
        assert rows == list(_goal_figures(pairing.pk, today))
        assert rows == [(goal.pk, datetime.date(2026, 5, 1), int(today > datetime.date(2026, 3, 1)))]
