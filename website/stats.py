"""Figures for the statistics page, computed with a handful of aggregate queries,
and a bar chart drawn server-side as SVG (no script, no external library)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Q
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _

from kb.models.alliance import Signature
from kb.taxonomy import FieldOfAction, Region
from projects.models import ProjectPage

STATEWIDE = _("landesweit / ohne Landkreis")
MONTHS = 12


@dataclass
class CrossTable:
    columns: list[str]
    rows: list[tuple[str, list[int], int]]
    totals: list[int]


def _live_projects():
    return ProjectPage.objects.live().public()


def region_by_field() -> CrossTable:
    """Projects per region and field of action; a project in two regions
    counts in both, so rows need not add up to the total."""
    fields = list(FieldOfAction.objects.order_by("sort_order", "name"))
    regions = list(Region.objects.order_by("sort_order", "name"))
    pairs = (
        _live_projects()
        .values("districts__region_id", "fields_of_action__id")
        .annotate(n=Count("id", distinct=True))
    )
    cells: dict[tuple[int | None, int | None], int] = {
        (p["districts__region_id"], p["fields_of_action__id"]): p["n"] for p in pairs
    }
    rows = []
    for label, region_id in [(r.name, r.pk) for r in regions] + [(STATEWIDE, None)]:
        values = [cells.get((region_id, f.pk), 0) for f in fields]
        if region_id is None and not any(values):
            continue
        rows.append((label, values, sum(values)))
    totals = [sum(row[1][i] for row in rows) for i in range(len(fields))]
    return CrossTable([f.name for f in fields], rows, totals)


def by_status() -> list[tuple[str, int]]:
    labels = dict(ProjectPage._meta.get_field("status").choices)
    counts = dict(
        _live_projects().values_list("status").annotate(n=Count("id")).order_by()
    )
    return [(label, counts.get(value, 0)) for value, label in labels.items()]


def _month_start(day: date, back: int) -> date:
    index = day.year * 12 + day.month - 1 - back
    return date(index // 12, index % 12 + 1, 1)


def new_per_month(today: date | None = None) -> list[tuple[date, int]]:
    """Newly published projects in each of the last twelve months."""
    today = today or timezone.localdate()
    first = _month_start(today, MONTHS - 1)
    rows = (
        _live_projects()
        .filter(first_published_at__date__gte=first)
        .annotate(month=TruncMonth("first_published_at"))
        .values_list("month")
        .annotate(n=Count("id"))
        .order_by()
    )
    counts = {month.date() if hasattr(month, "date") else month: n for month, n in rows}
    return [
        (m, counts.get(m, 0))
        for m in (_month_start(today, back) for back in range(MONTHS - 1, -1, -1))
    ]


def supporters() -> dict[str, int]:
    confirmed = Signature.objects.exclude(confirmed_at=None).aggregate(
        persons=Count("id", filter=Q(kind=Signature.Kind.PERSON)),
        institutions=Count("id", filter=Q(kind=Signature.Kind.INSTITUTION)),
    )
    return {"persons": confirmed["persons"], "institutions": confirmed["institutions"]}


def bar_chart_svg(
    bars: list[tuple[str, int]], *, title: str, table_id: str
) -> SafeString:
    """A vertical bar chart; ``aria-describedby`` points at the data table,
    which is the accessible alternative."""
    width, height, pad, base = 640, 240, 8, 200
    slot = (width - 2 * pad) / max(len(bars), 1)
    peak = max((value for _, value in bars), default=0) or 1
    parts = [
        f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" '
        f'aria-labelledby="{table_id}-chart-title" aria-describedby="{table_id}">',
        f'<title id="{table_id}-chart-title">{escape(title)}</title>',
        f'<line x1="{pad}" y1="{base}" x2="{width - pad}" y2="{base}" '
        'stroke="currentColor" />',
    ]
    for index, (label, value) in enumerate(bars):
        bar_height = round((base - 24) * value / peak, 1)
        x = round(pad + index * slot + slot * 0.15, 1)
        bar_width = round(slot * 0.7, 1)
        centre = round(x + bar_width / 2, 1)
        parts.append(
            f'<rect x="{x}" y="{base - bar_height}" width="{bar_width}" '
            f'height="{bar_height}" class="chart-bar" />'
            f'<text x="{centre}" y="{base - bar_height - 4}" text-anchor="middle">'
            f"{value}</text>"
            f'<text x="{centre}" y="{base + 18}" text-anchor="middle">'
            f"{escape(label)}</text>"
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every label is escaped above
