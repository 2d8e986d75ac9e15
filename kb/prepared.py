"""ORM queries compiled to SQL once per process, then run with new keys.

Django compiles a queryset to SQL each time it runs, and that costs about a
millisecond of Python for a query PostgreSQL answers in a fifth of that. For
the few queries every page runs (routing, the project page's lists and
matches) ``PreparedQuery`` builds the queryset once with marker keys, keeps the
SQL, the parameter positions of each marker and the column converters, and on
each call swaps in the real keys and runs the SQL. The queryset stays the
single definition of the query.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass

from django.db import DEFAULT_DB_ALIAS, connections
from django.db.models import Model, QuerySet
from django.db.models.query import ModelIterable

# Integer markers lie outside any primary key range; text markers contain a
# character no slug or path has; a list key (bound as one array parameter)
# is marked by a list of one integer marker. No other parameter of a query
# equals them.
INT_MARKER = -7_316_028_411
TEXT_MARKER = "\x00prepared-key-{}\x00"


def _marker(kind: type, number: int) -> int | str | list[int]:
    if kind is int:
        return INT_MARKER - number
    if kind is str:
        return TEXT_MARKER.format(number)
    if kind is list:
        return [INT_MARKER - number]
    raise TypeError(f"Keys are int, str or list, not {kind.__name__}.")


@dataclass(frozen=True)
class _Compiled:
    vendor_key: tuple
    sql: str
    params: tuple
    # (parameter position, key number)
    key_positions: tuple[tuple[int, int], ...]
    # {column index: ([converter, ...], expression)}, as Django's compiler has.
    converters: dict
    model: type[Model] | None
    attnames: tuple[str, ...]


class PreparedQuery:
    """``unused_keys``: a query whose SQL may leave some keys out by design
    (the search fallback's facet query, where a shape decides which id sets
    and values it reads); otherwise an unused key is refused as a bug."""

    def __init__(
        self,
        build: Callable[..., QuerySet],
        kinds: tuple[type, ...] = (int,),
        unused_keys: bool = False,
    ):
        self.build = build
        self.kinds = kinds
        self.unused_keys = unused_keys
        self._compiled: _Compiled | None = None
        self._lock = threading.Lock()

    def _compile(self, using: str) -> _Compiled:
        connection = connections[using]
        vendor_key = (connection.vendor, connection.settings_dict["NAME"])
        compiled = self._compiled
        if compiled is not None and compiled.vendor_key == vendor_key:
            return compiled
        markers = [_marker(kind, n) for n, kind in enumerate(self.kinds)]
        queryset = self.build(*markers)
        compiler = queryset.query.get_compiler(using=using)
        sql, params = compiler.as_sql()
        positions = tuple(
            (position, markers.index(value))
            for position, value in enumerate(params)
            if value in markers
        )
        used = {number for _, number in positions}
        if not self.unused_keys and used != set(range(len(markers))):
            raise ValueError("The prepared query does not use all its keys.")
        expressions = [column[0] for column in compiler.select or ()]
        converters = compiler.get_converters(expressions) if expressions else {}
        model, attnames = self._model_columns(queryset, compiler)
        compiled = _Compiled(
            vendor_key, sql, tuple(params), positions, converters, model, attnames
        )
        with self._lock:
            self._compiled = compiled
        return compiled

    @staticmethod
    def _model_columns(queryset: QuerySet, compiler) -> tuple[type | None, tuple]:
        """The model and attribute names when the queryset yields instances of
        one model (no ``select_related``, annotations or extra columns)."""
        if queryset._iterable_class is not ModelIterable:
            return None, ()
        if queryset.query.select_related or compiler.annotation_col_map:
            return None, ()
        fields = compiler.klass_info["select_fields"]
        if list(fields) != list(range(len(compiler.select))):
            return None, ()
        return queryset.model, tuple(
            compiler.select[i][0].target.attname for i in fields
        )

    def rows(self, *keys, using: str = DEFAULT_DB_ALIAS) -> list[tuple]:
        compiled = self._compile(using)
        params = list(compiled.params)
        for position, number in compiled.key_positions:
            params[position] = keys[number]
        connection = connections[using]
        with connection.cursor() as cursor:
            cursor.execute(compiled.sql, params)
            rows = cursor.fetchall()
        if not compiled.converters:
            return rows
        converted = []
        for row in rows:
            row = list(row)
            for index, (functions, expression) in compiled.converters.items():
                for function in functions:
                    row[index] = function(row[index], expression, connection)
            converted.append(tuple(row))
        return converted

    def instances(self, *keys, using: str = DEFAULT_DB_ALIAS) -> list[Model]:
        """Model instances, as iterating the queryset gives them."""
        compiled = self._compile(using)
        if compiled.model is None:
            raise TypeError("The prepared query does not yield plain instances.")
        return [
            compiled.model.from_db(using, compiled.attnames, row)
            for row in self.rows(*keys, using=using)
        ]
