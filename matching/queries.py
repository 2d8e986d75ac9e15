"""Reading matches for pages and the API: one query for both kinds.

A project page shows up to ten matches; loading each target as a page object
(sixty columns, model set-up, a site lookup per ``pageurl``) cost more than the
rest of the list. The rows carry only what is shown, and the URL comes from the
stored ``url_path`` (``kb.page_urls``)."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Exists, OuterRef, QuerySet
from django.db.models.functions import Length, Substr
from django.http import HttpRequest

from kb.page_urls import page_url, site_root_paths

from .explain import explain
from .models import Match
from .scoring.weights import COMPLEMENTARY, SIMILAR, WEIGHTS

COLUMNS = (
    "pk",
    "kind",
    "score",
    "reasons",
    "target_id",
    "target__title",
    "target__url_path",
)


@dataclass(frozen=True)
class ShownMatch:
    pk: int
    kind: str
    score: float
    reasons: list
    explanation: str
    target_id: int
    target_title: str
    target_url: str


def _matches_query(project_id: int) -> QuerySet:
    from wagtail.models import PageViewRestriction

    # A restriction on the target or on any ancestor hides it.
    restricted = PageViewRestriction.objects.filter(
        page__path=Substr(OuterRef("target__path"), 1, Length("page__path"))
    )
    return (
        Match.objects.filter(source_id=project_id, target__live=True)
        .exclude(Exists(restricted))
        .exclude(state=Match.State.HIDDEN)
        .order_by("kind", "-score", "target_id")
        .values_list(*COLUMNS)
    )


def visible_matches(
    project_id: int, kind: str | None = None, request: HttpRequest | None = None
) -> list[ShownMatch]:
    """Confirmed and suggested matches to live, public projects, best first."""
    roots = site_root_paths(request)
    counts: dict[str, int] = {}
    shown = []
    for pk, kind_, score, reasons, target_id, title, url_path in _matches_query(
        project_id
    ):
        if kind is not None and kind_ != kind:
            continue
        counts[kind_] = counts.get(kind_, 0) + 1
        if counts[kind_] <= WEIGHTS.top_n:
            shown.append(
                ShownMatch(
                    pk,
                    kind_,
                    score,
                    reasons,
                    explain(reasons),
                    target_id,
                    title,
                    page_url(url_path, roots, request),
                )
            )
    return shown


def grouped(
    project_id: int, request: HttpRequest | None = None
) -> dict[str, list[ShownMatch]]:
    groups: dict[str, list[ShownMatch]] = {SIMILAR: [], COMPLEMENTARY: []}
    for shown in visible_matches(project_id, request=request):
        groups[shown.kind].append(shown)
    return groups
