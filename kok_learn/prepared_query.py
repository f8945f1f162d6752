"""Querysets whose SQL is built once per process, for the few queries every page runs.

Django builds a query's SQL anew each time it runs: for a Wagtail page row (some forty columns,
joined to its specific table) that costs more CPU than SQLite or PostgreSQL take to answer it.
:class:`PreparedQuery` builds the SQL of a queryset once per process and database, then runs
that SQL with each request's values and turns the rows into model instances the way the ORM does
(the same converters, ``from_db`` and ``select_related`` population).

Only the SQL text is kept, never a result: every call reads the database, so the answer is the
ORM's answer in every process at once (docs/caching.md). The query still goes through Django's
cursor, so query logging and query-count guards see it.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Sequence

from django.db import DEFAULT_DB_ALIAS, connections
from django.db.models import QuerySet
from django.db.models.query import FlatValuesListIterable, ModelIterable, ValuesListIterable, get_related_populators


class PreparedQuery:
    """``build(*placeholders)`` returns the queryset; ``run(*values)`` returns what it would give.

    ``placeholders`` are the types of the values ``run`` takes, in order (``int``, ``str``,
    ``datetime.date``): ``build`` gets a value of each type that no real query uses, which must reach
    the SQL as one parameter, where ``run`` puts the real value in its place (a ``datetime.date`` as
    the database takes it, e.g. ``due_date__lt=today``). A value instead of a type is used as it is. Model instances (with ``select_related`` as the
    ORM populates it) and ``values_list()`` rows, flat or not, are supported, the rows also with
    annotations (aggregates, ``Exists``); annotated instances, ``values()`` dictionaries and
    ``prefetch_related`` are not.
    """

    def __init__(self, build: Callable[..., QuerySet], placeholders: Sequence):
        self.build = build
        self.placeholders = tuple(
            _placeholder(kind, index) if isinstance(kind, type) else kind for index, kind in enumerate(placeholders)
        )
        self._compiled: dict[str, _Compiled] = {}

    def run(self, *values, using: str = DEFAULT_DB_ALIAS) -> list:
        compiled = self._compiled.get(using)
        if compiled is None:
            compiled = self._compiled[using] = _Compiled(self.build(*self.placeholders), self.placeholders, using)
        return compiled.run(values)


class _Compiled:
    def __init__(self, queryset: QuerySet, placeholders: tuple, using: str):
        query = queryset.query
        self.iterable = queryset._iterable_class
        if (
            (query.annotations and self.iterable is ModelIterable)
            or queryset._prefetch_related_lookups
            or self.iterable not in (ModelIterable, ValuesListIterable, FlatValuesListIterable)
        ):
            raise ValueError("PreparedQuery takes plain model querysets and values_list() only")
        self.using = using
        self.compiler = query.get_compiler(using)
        self.sql, params = self.compiler.as_sql()
        slots = [
            [index for index, param in enumerate(params) if _same(param, self.as_param(placeholder))]
            for placeholder in placeholders
        ]
        if any(len(indexes) != 1 for indexes in slots):
            raise ValueError("each placeholder must reach the SQL as exactly one parameter")
        self.params = list(params)
        self.slots = [indexes[0] for indexes in slots]
        select = self.compiler.select
        self.converters = self.compiler.get_converters([column[0] for column in select[: self.compiler.col_count]])
        if self.iterable is ModelIterable:
            klass_info = self.compiler.klass_info
            self.model = klass_info["model"]
            fields = klass_info["select_fields"]
            self.start, self.end = fields[0], fields[-1] + 1
            self.init_list = [column[0].target.attname for column in select[self.start : self.end]]
            self.related_populators = get_related_populators(klass_info, select, using)

    def as_param(self, value):
        """A value as the SQL's parameters hold it: dates as the database takes them (SQLite: text)."""
        if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
            return connections[self.using].ops.adapt_datefield_value(value)
        return value

    def run(self, values: tuple) -> list:
        params = list(self.params)
        for slot, value in zip(self.slots, values, strict=True):
            params[slot] = self.as_param(value)
        with connections[self.using].cursor() as cursor:
            cursor.execute(self.sql, params)
            rows = cursor.fetchall()
        if self.converters:
            rows = self.compiler.apply_converters(rows, self.converters)
        if self.iterable is FlatValuesListIterable:
            return [row[0] for row in rows]
        if self.iterable is ValuesListIterable:
            return [tuple(row) for row in rows]
        instances = []
        for row in rows:
            instance = self.model.from_db(self.using, self.init_list, row[self.start : self.end])
            for populator in self.related_populators:
                populator.populate(row, instance)
            instances.append(instance)
        return instances


def _placeholder(kind: type, index: int):
    """A value of type ``kind`` that no real query uses, different for each position ``index``."""
    if kind is int:
        return -(2**31) + 1 + index
    if kind is str:
        return f"\x00kok-placeholder-{index}\x00"
    if kind is datetime.date:
        return datetime.date(1, 1, 1) + datetime.timedelta(days=index)
    raise TypeError(f"PreparedQuery has no placeholder for {kind!r}")


def _same(param, placeholder) -> bool:
    """The placeholder itself, not merely an equal value of another type (``True == 1``)."""
    return type(param) is type(placeholder) and param == placeholder
