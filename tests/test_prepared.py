"""kok_learn/prepared.py: a query's SQL built once, run with each call's values, results as the ORM gives them."""

import datetime

import pytest
from django.db import connection
from django.db.models import Count, Q
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from kok_learn.prepared import PreparedQuery
from mentoring.models import Goal
from tests.mentoring.factories import GoalFactory, PairingFactory, TaskFactory

pytestmark = pytest.mark.django_db


def _goals(ids, today):
    return (
        Goal.objects.filter(pairing_id__in=ids)
        .annotate(overdue=Count("tasks", filter=Q(tasks__done=False, tasks__due_date__lt=today)))
        .order_by("pk")
        .values_list("pk", "pairing_id", "due_date", "overdue")
    )


GOALS = PreparedQuery(_goals, ids=list[int], today=datetime.date)


def test_gives_what_the_orm_gives_for_each_call_s_values():
    first, second, other = PairingFactory(), PairingFactory(), PairingFactory()
    for pairing in (first, second, other):
        goal = GoalFactory(pairing=pairing, due_date=datetime.date(2026, 5, 1))
        TaskFactory(goal=goal, done=False, due_date=datetime.date(2026, 3, 1))
    for ids, today in (
        ([first.pk], datetime.date(2026, 1, 1)),
        ([first.pk], datetime.date(2026, 4, 1)),
        ([second.pk, other.pk], datetime.date(2026, 4, 1)),
        ([first.pk, second.pk, other.pk], timezone.localdate()),
    ):
        rows = GOALS(ids=ids, today=today)
        assert rows == list(_goals(ids, today))
        assert {pairing_id for _pk, pairing_id, _due, _overdue in rows} == set(ids)
        assert all(isinstance(due, datetime.date) for _pk, _pairing, due, _overdue in rows)


def test_runs_one_query_each_time_and_none_for_no_ids():
    pairing = PairingFactory()
    GoalFactory(pairing=pairing)
    GOALS(ids=[pairing.pk], today=timezone.localdate())
    with CaptureQueriesContext(connection) as queries:
        assert len(GOALS(ids=[pairing.pk], today=timezone.localdate())) == 1
        assert GOALS(ids=[], today=timezone.localdate()) == []
    assert len(queries) == 1


def test_refuses_a_parameter_that_does_not_reach_the_sql_as_a_plain_value():
    broken = PreparedQuery(lambda user_id: Goal.objects.filter(pk__gt=user_id + 1).values_list("pk"), user_id=int)
    with pytest.raises(ValueError, match="not found"):
        broken(user_id=1)
    with pytest.raises(TypeError):
        GOALS(ids=[1])
