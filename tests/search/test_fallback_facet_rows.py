"""The database fallback's filter and facet rows (all facets in one UNION on
PostgreSQL) equal those of the separate querysets, for every filter shape
and for a shape met again with other values."""

from __future__ import annotations

import pytest

from projects.models import ProjectPage
from search.backends import db_facets

pytestmark = [pytest.mark.django_db, pytest.mark.services]

# Each shape twice with other values.
FILTERS = [
    {},
    {"field": ("sprache",)},
    {"field": ("wohnen",)},
    {"region": ("lueneburg",), "field": ("sprache",)},
    {"region": ("leine-weser",), "field": ("bildung",)},
    {"district": ("03159", "03355"), "field": ("wohnen",)},
    {"district": ("03358", "03351"), "field": ("sprache",)},
    {"tag": ("Frauen",), "target_group": ("frauen",)},
    {"tag": ("Deutsch",), "target_group": ("gefluechtete",)},
    {"status": ("active",), "offer": ("sprachmittlung",), "need": ("raeume",)},
    {"status": ("completed",), "offer": ("ehrenamtliche",), "need": ("raeume",)},
]


def _fresh_filtered(ids: list[int], filters: dict) -> list[int]:
    if not filters:
        return ids
    return sorted(pk for (pk,) in db_facets.filtered_ids(ids, filters))


def _fresh_rows(ids: list[int], filtered: list[int], filters: dict) -> list:
    union, tags = db_facets.facet_union(ids, filtered, filters)
    return sorted([*union, *tags], key=repr)


def test_prepared_filter_and_facet_rows_equal_fresh_querysets(corpus):
    ids = sorted(ProjectPage.objects.live().values_list("pk", flat=True))
    assert len(ids) >= 10
    seen = set()
    for filters in FILTERS:
        filtered = sorted(db_facets.apply_filters(ids, filters))
        assert filtered == _fresh_filtered(ids, filters), filters
        rows = sorted(db_facets.facet_rows(ids, filtered, filters), key=repr)
        assert rows == _fresh_rows(ids, filtered, filters), filters
        seen.add((len(filtered), len(rows)))
    # The filters select different sets, so stale values could not pass.
    assert len(seen) >= 6


def test_every_facet_selected_reads_no_hit_set(corpus):
    """With all nine facets selected, every facet counts the matches under
    the other eight filters; the shape's query never reads the hits."""
    ids = sorted(ProjectPage.objects.live().values_list("pk", flat=True))
    filters = {
        "region": ("lueneburg", "leine-weser"),
        "district": ("03358", "03355"),
        "field": ("sprache",),
        "target_group": ("gefluechtete",),
        "offer": ("ehrenamtliche",),
        "need": ("raeume",),
        "status": ("active",),
        "organisation_type": ("verein",),
        "tag": ("Deutsch",),
    }
    filtered = db_facets.apply_filters(ids, filters)
    rows = sorted(db_facets.facet_rows(ids, filtered, filters), key=repr)
    assert rows == _fresh_rows(ids, filtered, filters)
    assert sorted(db_facets.facet_rows(ids, [], filters), key=repr) == rows
