"""ORM queries whose SQL is built once per process and then only run with each request's values.

Building a query with the ORM (filters, joins, annotations, then compiling the SQL) costs 0.2–1 ms
of CPU on our small server, several times what SQLite or PostgreSQL need to answer a dashboard's
small questions; a page with ten such queries spends most of its time there (docs/performance.md).
The SQL of such a query depends only on the code, never on who asks, so ``PreparedQuery`` builds it
once per process and database connection with stand-in values for its parameters, remembers where
each stand-in went, and afterwards runs that SQL with the request's own values, converting the
results exactly as the ORM does (the compiler's converters). Nothing from the database is kept: every
call runs the query.

    MEMBERSHIPS = PreparedQuery(
        lambda user_id: OrganisationMembership.objects.filter(user_id=user_id).values_list("organisation__name"),
        user_id=int,
    )
    MEMBERSHIPS(user_id=request.user.pk)  # -> list of tuples, as values_list() gives them

Parameters are declared by kind: ``int`` (an id), ``datetime.date`` or ``list[int]`` (ids for
``__in``: the SQL is built once per number of ids). ``build`` must return a ``values_list()``
queryset, and must use its parameters only as plain lookup values (``user_id=user_id``,
``due_date__lt=today``, ``pk__in=ids``), never in Python; a parameter the SQL does not contain
exactly once per use raises an error when the query is first built (tests run every query).
"""

from __future__ import annotations

import datetime
import threading
from collections.abc import Callable
from typing import Any

from django.db import connections
from django.db.models import QuerySet

# Stand-ins: values no real row has (negative ids, dates long before the project), inside the range
# of a 32-bit integer column so that no lookup treats them as out of range.
_INT_BASE = -2_000_000_000
_DATE_BASE = datetime.date(1901, 1, 1)


class PreparedQuery:
    def __init__(self, build: Callable[..., QuerySet], **kinds: Any):
        for name, kind in kinds.items():
            if kind not in (int, datetime.date, list[int]):
                raise TypeError(f"{name}: a parameter is an int, a datetime.date or a list[int]")
        self.build = build
        self.kinds = kinds
        self._prepared: dict[tuple, tuple] = {}
        self._lock = threading.Lock()

    def __call__(self, **values) -> list[tuple]:
        if set(values) != set(self.kinds):
            raise TypeError(f"expected {sorted(self.kinds)}, got {sorted(values)}")
        lengths = tuple(len(values[name]) if kind == list[int] else None for name, kind in self.kinds.items())
        if 0 in lengths:
            return []  # an empty __in matches nothing (the ORM would not even ask)
        connection = connections[self._alias()]
        key = (connection.alias, connection.vendor, lengths)
        prepared = self._prepared.get(key)
        if prepared is None:
            with self._lock:
                prepared = self._prepared.get(key) or self._prepare(connection, lengths)
                self._prepared[key] = prepared
        sql, slots, constants, compiler, converters = prepared
        params = list(constants)
        for position, (name, index, adapt) in slots.items():
            value = values[name] if index is None else values[name][index]
            params[position] = adapt(connection, value)
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            rows = cursor.fetchall()
        if converters:
            rows = compiler.apply_converters(rows, converters)
        return [tuple(row) for row in rows]

    def _alias(self) -> str:
        return "default"

    def _prepare(self, connection, lengths: tuple) -> tuple:
        stand_ins: dict[str, Any] = {}
        expected: dict[Any, tuple] = {}  # the stand-in as the SQL parameters hold it -> (name, index, adapt)
        counter = 0
        for (name, kind), length in zip(self.kinds.items(), lengths, strict=True):
            if kind is datetime.date:
                value = _DATE_BASE + datetime.timedelta(days=counter)
                counter += 1
                stand_ins[name] = value
                expected[_adapt_date(connection, value)] = (name, None, _adapt_date)
            else:
                values = []
                for index in range(length or 1):
                    value = _INT_BASE + counter
                    counter += 1
                    values.append(value)
                    expected[value] = (name, None if length is None else index, _adapt_int)
                stand_ins[name] = values if length is not None else values[0]
        queryset = self.build(**stand_ins)
        compiler = queryset.query.get_compiler(connection=connection)
        sql, params = compiler.as_sql()
        slots, found = {}, set()
        for position, param in enumerate(params):
            if isinstance(param, bool) or (param not in expected if _hashable(param) else True):
                continue
            slots[position] = expected[param]
            found.add(param)
        missing = set(expected) - found
        if missing:
            raise ValueError(f"{self.build}: parameters not found in the SQL as plain values: {missing}")
        fields = [column[0] for column in compiler.select[0 : compiler.col_count]]
        return sql, slots, tuple(params), compiler, compiler.get_converters(fields)


def _hashable(value) -> bool:
    try:
        hash(value)
    except TypeError:
        return False
    return True


def _adapt_int(connection, value) -> int:
    return int(value)


def _adapt_date(connection, value):
    return connection.ops.adapt_datefield_value(value)
