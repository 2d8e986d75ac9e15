"""The figures of the editors' search report, from ``SearchLog``.

Searches are grouped by their text folded to lower case, so "Deutschkurs" and
"deutschkurs" are one line; the spelling shown is the group's first in byte
order, which prefers capitals ("Deutschkurs") whatever the database's locale.
Searches with filters only (no text) are counted in the summary, not listed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import connection
from django.db.models import Avg, Count, Max, Min, Q, QuerySet
from django.db.models.functions import Collate, Lower
from django.utils import timezone

from .models import SearchLog

PERIODS = (7, 30, 90)
DEFAULT_PERIOD = 30
ROWS = 50
NO_CLICK_MIN_SEARCHES = 2


@dataclass(frozen=True)
class QueryLine:
    text: str
    searches: int
    avg_results: float
    clicks: int
    last_searched: datetime

    @property
    def click_rate(self) -> float:
        """Share of these searches with a click, in per cent."""
        return 100.0 * self.clicks / self.searches if self.searches else 0.0


@dataclass(frozen=True)
class Report:
    days: int
    searches: int
    filter_only: int
    clicked: int
    top: list[QueryLine]
    zero: list[QueryLine]
    no_click: list[QueryLine]


def period_days(raw: str | None) -> int:
    return int(raw) if raw in {str(days) for days in PERIODS} else DEFAULT_PERIOD


def _byte_order() -> str:
    return "C" if connection.vendor == "postgresql" else "BINARY"


def _grouped(rows: QuerySet) -> QuerySet:
    return (
        rows.exclude(text="")
        .annotate(folded=Lower("text"))
        .values("folded")
        .annotate(
            shown=Min(Collate("text", _byte_order())),
            searches=Count("id"),
            avg_results=Avg("result_count"),
            most_results=Max("result_count"),
            clicks=Count("clicked_at"),
            last_searched=Max("created_at"),
        )
    )


def _lines(groups: QuerySet) -> list[QueryLine]:
    return [
        QueryLine(
            text=group["shown"],
            searches=group["searches"],
            avg_results=float(group["avg_results"] or 0),
            clicks=group["clicks"],
            last_searched=group["last_searched"],
        )
        for group in groups[:ROWS]
    ]


def build_report(days: int) -> Report:
    since = timezone.now() - timedelta(days=days)
    rows = SearchLog.objects.filter(created_at__gte=since)
    totals = rows.aggregate(
        searches=Count("id"),
        filter_only=Count("id", filter=Q(text="")),
        clicked=Count("clicked_at"),
    )
    order = ("-searches", "-last_searched", "folded")
    return Report(
        days=days,
        searches=totals["searches"],
        filter_only=totals["filter_only"],
        clicked=totals["clicked"],
        top=_lines(_grouped(rows).order_by(*order)),
        zero=_lines(_grouped(rows.filter(result_count=0)).order_by(*order)),
        # Searched often enough to mean something, something was found,
        # nobody opened any of it.
        no_click=_lines(
            _grouped(rows)
            .filter(
                searches__gte=NO_CLICK_MIN_SEARCHES,
                clicks=0,
                most_results__gt=0,
            )
            .order_by(*order)
        ),
    )
