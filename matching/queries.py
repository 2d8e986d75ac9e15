"""Reading matches for pages and the API: one query for both kinds."""

from __future__ import annotations

from dataclasses import dataclass

from .explain import explain
from .models import Match
from .scoring import COMPLEMENTARY, SIMILAR, WEIGHTS


@dataclass(frozen=True)
class ShownMatch:
    match: Match
    explanation: str

    @property
    def target(self):
        return self.match.target


def visible_matches(project_id: int, kind: str | None = None) -> list[ShownMatch]:
    """Confirmed and suggested matches to live, public projects, best first."""
    queryset = (
        Match.objects.filter(
            source_id=project_id,
            target__live=True,
            target__view_restrictions__isnull=True,
        )
        .exclude(state=Match.State.HIDDEN)
        .select_related("target")
        .order_by("kind", "-score", "target_id")
    )
    if kind is not None:
        queryset = queryset.filter(kind=kind)
    counts: dict[str, int] = {}
    shown = []
    for match in queryset:
        counts[match.kind] = counts.get(match.kind, 0) + 1
        if counts[match.kind] <= WEIGHTS.top_n:
            shown.append(ShownMatch(match, explain(match.reasons)))
    return shown


def grouped(project_id: int) -> dict[str, list[ShownMatch]]:
    groups: dict[str, list[ShownMatch]] = {SIMILAR: [], COMPLEMENTARY: []}
    for shown in visible_matches(project_id):
        groups[shown.match.kind].append(shown)
    return groups
