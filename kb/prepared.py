"""ORM queries compiled to SQL once per process, then run with a new key.

Django compiles a queryset to SQL each time it runs. For the few queries every
project page runs (its term lists, its matches) that compilation cost more than
the database took to answer. ``PreparedQuery`` builds the queryset once for a
marker key, keeps the SQL, the parameter positions of the marker and the
column converters, and on each call swaps in the real key and runs the SQL.
The queryset stays the single definition of the query.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass

from django.db import DEFAULT_DB_ALIAS, connections
from django.db.models import QuerySet

# Outside any primary key range, so no other parameter of a query equals it.
MARKER = -7_316_028_411


@dataclass(frozen=True)
class _Compiled:
    vendor_key: tuple
    sql: str
    params: tuple
    marker_positions: tuple[int, ...]
    # {column index: ([converter, ...], expression)}, as Django's compiler has.
    converters: dict


class PreparedQuery:
    def __init__(self, build: Callable[[int], QuerySet]):
        self.build = build
        self._compiled: _Compiled | None = None
        self._lock = threading.Lock()

    def _compile(self, using: str) -> _Compiled:
        connection = connections[using]
        vendor_key = (connection.vendor, connection.settings_dict["NAME"])
        compiled = self._compiled
        if compiled is not None and compiled.vendor_key == vendor_key:
            return compiled
        queryset = self.build(MARKER)
        compiler = queryset.query.get_compiler(using=using)
        sql, params = compiler.as_sql()
        positions = tuple(i for i, value in enumerate(params) if value == MARKER)
        if not positions:
            raise ValueError("The prepared query does not use its key.")
        expressions = [column[0] for column in compiler.select or ()]
        converters = compiler.get_converters(expressions) if expressions else {}
        compiled = _Compiled(vendor_key, sql, tuple(params), positions, converters)
        with self._lock:
            self._compiled = compiled
        return compiled

    def rows(self, key: int, using: str = DEFAULT_DB_ALIAS) -> list[tuple]:
        compiled = self._compile(using)
        params = list(compiled.params)
        for position in compiled.marker_positions:
            params[position] = key
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
