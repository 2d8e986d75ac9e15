"""Project cards for the listings (home, topic, region and district pages).

A card needs a title, teaser, URL and two short term lists. Loading them as
plain values (no page objects, no ``.specific``, no per-card URL resolution
through Wagtail's site lookup) keeps a listing at one query for the cards and
their term lists, from SQL compiled once (``kb.prepared``), however many
projects it shows."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.apps import apps
from django.db.models import CharField, IntegerField, Q, QuerySet, Value
from django.http import HttpRequest
from wagtail.models import PageViewRestriction

from .page_urls import page_url, site_root_paths
from .prepared import PreparedQuery


@dataclass
class Card:
    url: str
    title: str
    teaser: str
    districts: list[str] = field(default_factory=list)
    fields: list[str] = field(default_factory=list)


def _project_model():
    # Looked up by name: kb sits below projects in the dependency order.
    return apps.get_model("projects", "ProjectPage")


def restricted_paths(request: HttpRequest | None = None) -> tuple[str, ...]:
    """Tree paths of the pages with a view restriction, kept in Redis under
    the content version (which every page or restriction change replaces)."""
    return tuple(_cached_restricted_paths())


def below_paths(paths: tuple[str, ...]) -> Q:
    """The pages at or below any of ``paths``."""
    condition = Q()
    for path in paths:
        condition |= Q(path__startswith=path)
    return condition


def private_q(request: HttpRequest | None = None) -> Q:
    """Wagtail's ``private_q`` (pages below a view restriction), with the
    restricted paths of the content version instead of a query per
    ``.public()`` list."""
    return below_paths(restricted_paths(request))


def _cached_restricted_paths() -> list[str]:
    from .page_cache import versioned_value

    return versioned_value(
        "restricted-paths",
        lambda: list(PageViewRestriction.objects.values_list("page__path", flat=True)),
    )


def cards_of(
    rows: Iterable[tuple[str, str, str]], request: HttpRequest | None = None
) -> list[Card]:
    """Cards without term lists from (title, teaser, url_path) rows
    (``kb.page_lists``)."""
    roots = site_root_paths(request)
    return [
        Card(url=page_url(path, roots, request), title=title, teaser=teaser)
        for title, teaser, path in rows
    ]


def project_cards(
    ids: list[int], request: HttpRequest | None = None, terms: bool = True
) -> list[Card]:
    """Cards for the projects ``ids``, in that order (one query)."""
    cards = cards_by_id(ids, request, terms)
    return [cards[pk] for pk in ids if pk in cards]


def _card_query(terms: bool) -> Callable[..., QuerySet]:
    """(kind, project id, text, text, text, order) rows: "c" the card itself,
    with "d" its districts and "f" its fields of action when ``terms``."""

    def build(*ids: int) -> QuerySet:
        model = _project_model()
        text = {"blank": Value("", output_field=CharField())}
        number = {"zero": Value(0, output_field=IntegerField())}
        # No ORDER BY in the parts: SQLite refuses it inside a UNION.
        cards = (
            model.objects.filter(pk__in=ids)
            .order_by()
            .annotate(k=Value("c", output_field=CharField()), **number)
            .values_list("k", "pk", "title", "teaser", "url_path", "zero")
        )
        if not terms:
            return cards
        districts = (
            model.districts.through.objects.filter(projectpage_id__in=ids)
            .order_by()
            .annotate(k=Value("d", output_field=CharField()), **text, **number)
            .values_list(
                "k",
                "projectpage_id",
                "district__name",
                "district__kind",
                "blank",
                "zero",
            )
        )
        fields = (
            model.fields_of_action.through.objects.filter(projectpage_id__in=ids)
            .order_by()
            .annotate(k=Value("f", output_field=CharField()), **text)
            .values_list(
                "k",
                "projectpage_id",
                "fieldofaction__name",
                "blank",
                "blank",
                "fieldofaction__sort_order",
            )
        )
        return cards.union(districts, fields, all=True)

    return build


# Id lists are padded to one of these lengths (with an id no page has), so a
# few compiled queries serve every listing (``kb.prepared``).
CARD_BATCHES = (6, 12, 24, 48)
NO_PAGE = -1
_card_queries: dict[tuple[int, bool], PreparedQuery] = {}


def _card_rows(ids: list[int], terms: bool) -> list[tuple]:
    size = next((n for n in CARD_BATCHES if n >= len(ids)), None)
    if size is None:
        size = -(-len(ids) // CARD_BATCHES[-1]) * CARD_BATCHES[-1]
    key = (size, terms)
    if key not in _card_queries:
        _card_queries[key] = PreparedQuery(_card_query(terms), kinds=(int,) * size)
    return _card_queries[key].rows(*ids, *[NO_PAGE] * (size - len(ids)))


def cards_by_id(
    ids: list[int],
    request: HttpRequest | None = None,
    terms: bool = True,
    kind_labels: bool = True,
) -> dict[int, Card]:
    """Cards of the projects ``ids`` with their term lists (one query); the
    districts as "Landkreis Celle", or with ``kind_labels=False`` by name only,
    as search results show them."""
    if not ids:
        return {}
    roots = site_root_paths(request)
    rows = _card_rows(list(ids), terms)
    cards = {
        pk: Card(url=page_url(path, roots, request), title=title, teaser=teaser)
        for kind, pk, title, teaser, path, _order in rows
        if kind == "c"
    }
    terms_rows = sorted(
        (row for row in rows if row[0] != "c"),
        key=lambda row: (row[0], row[5], row[2].casefold()),
    )
    for kind, pk, name, district_kind, _blank, _order in terms_rows:
        if kind == "d":
            landkreis = kind_labels and district_kind == "Landkreis"
            label = f"Landkreis {name}" if landkreis else name
            cards[pk].districts.append(label)
        else:
            cards[pk].fields.append(name)
    return cards
