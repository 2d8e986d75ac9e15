"""search.memo: the copies of synonyms, glossary, facet labels, district seats
and promotions belong to a content version. Every change an editor can make
to their rows replaces the version, and only that makes any process, this one
included, read the rows again (issue #17: no TTL)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.db import transaction
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Page

from kb import page_cache
from kb.taxonomy import (
    District,
    FieldOfAction,
    OfferNeedCategory,
    OrganisationType,
    Region,
    TargetGroup,
)
from search import facets, synonyms
from search.backends.promotions import promotions
from search.language.english import glossary
from search.memo import Memo
from search.models import GlossaryEntry, SynonymGroup

pytestmark = [pytest.mark.django_db, pytest.mark.services]


def _rename(model, facet: str, key: str = "slug") -> Callable[[], object]:
    def change() -> object:
        term = model.objects.order_by("pk").first()
        term.name = f"{term.name} (neu)"
        term.save()
        return (facet, str(getattr(term, key)), term.name)

    return change


def _label(expected) -> bool:
    facet, key, name = expected
    return facets.labels()[facet][key] == name


def _add_synonyms():
    SynonymGroup.objects.create(terms="Velotreff, Radwerkstatt")
    return ["Velotreff", "Radwerkstatt"]


def _edit_synonyms():
    group = SynonymGroup.objects.filter(active=True).order_by("pk").first()
    group.terms = "Velotreff, Radwerkstatt"
    group.save()
    return ["Velotreff", "Radwerkstatt"]


def _deactivate_synonyms():
    group = SynonymGroup.objects.filter(active=True).order_by("pk").first()
    group.active = False
    group.save()
    return group.term_list()


def _delete_synonyms():
    group = SynonymGroup.objects.filter(active=True).order_by("pk").first()
    terms = group.term_list()
    group.delete()
    return terms


def _add_glossary():
    GlossaryEntry.objects.create(english="velo meetup", german="Radwerkstatt")
    return "velo meetup"


def _deactivate_glossary():
    entry = GlossaryEntry.objects.filter(active=True).order_by("pk").first()
    entry.active = False
    entry.save()
    return " ".join(entry.english.lower().split())


def _move_seat():
    district = District.objects.order_by("pk").first()
    district.lat, district.lon = 52.5, 9.75
    district.save()
    return district.ags


def _home() -> Page:
    return Page.objects.filter(depth=2).order_by("pk").first()


def _promote(text: str) -> SearchPromotion:
    return SearchPromotion.objects.create(
        query=Query.get(text), page=_home(), sort_order=0, description="Tipp"
    )


def _add_promotion():
    _promote("radtreff")
    return "radtreff"


def _delete_promotion():
    _promote("radtreff").delete()
    return "radtreff"


def _move_promotion_to_another_query():
    """What Wagtail's edit view does when the query string changes: the picks
    are saved, then moved by an ``update`` that sends no signal."""
    pick = _promote("radtreff")
    with transaction.atomic():
        pick.save()
        SearchPromotion.objects.filter(pk=pick.pk).update(query=Query.get("nähcafé"))
    return "nähcafé"


# (read the memo, change the rows as an editor does, is the change visible?)
CHANGES = {
    "synonym group added": (
        synonyms.load_groups,
        _add_synonyms,
        lambda terms: terms in synonyms.load_groups(),
    ),
    "synonym group edited": (
        synonyms.load_groups,
        _edit_synonyms,
        lambda terms: terms in synonyms.load_groups(),
    ),
    "synonym group switched off": (
        synonyms.load_groups,
        _deactivate_synonyms,
        lambda terms: terms not in synonyms.load_groups(),
    ),
    "synonym group deleted": (
        synonyms.load_groups,
        _delete_synonyms,
        lambda terms: terms not in synonyms.load_groups(),
    ),
    "glossary entry added": (
        glossary,
        _add_glossary,
        lambda english: english in glossary(),
    ),
    "glossary entry switched off": (
        glossary,
        _deactivate_glossary,
        lambda english: english not in glossary(),
    ),
    "region renamed": (facets.labels, _rename(Region, "region"), _label),
    "district renamed": (facets.labels, _rename(District, "district", "ags"), _label),
    "field of action renamed": (
        facets.labels,
        _rename(FieldOfAction, "field"),
        _label,
    ),
    "target group renamed": (
        facets.labels,
        _rename(TargetGroup, "target_group"),
        _label,
    ),
    "offer category renamed": (
        facets.labels,
        _rename(OfferNeedCategory, "offer"),
        _label,
    ),
    "organisation type renamed": (
        facets.labels,
        _rename(OrganisationType, "organisation_type"),
        _label,
    ),
    "district seat moved": (
        facets.seats,
        _move_seat,
        lambda ags: facets.seats()[ags] == (52.5, 9.75),
    ),
    "promotion added": (
        promotions,
        _add_promotion,
        lambda text: text in promotions(),
    ),
    "promotion deleted": (
        promotions,
        _delete_promotion,
        lambda text: text not in promotions(),
    ),
    "promotion moved to another query": (
        promotions,
        _move_promotion_to_another_query,
        lambda text: text in promotions() and "radtreff" not in promotions(),
    ),
}


@pytest.fixture
def tree(site_tree, services):
    """A home page to promote; the vocabularies, synonyms and glossary come
    from the migrations."""
    return site_tree


@pytest.mark.parametrize("name", list(CHANGES))
def test_every_editor_change_shows_on_the_next_read(
    tree, name, django_assert_num_queries
):
    read, change, visible = CHANGES[name]
    read()
    with django_assert_num_queries(0):
        read()  # kept: the rows are read once per content version
    expected = change()
    assert visible(expected), name


def test_a_change_made_elsewhere_shows_once_the_version_changes(tree):
    """Another process saved the row: this process got no signal, only the
    content version in Redis tells it."""
    groups = synonyms.load_groups()
    SynonymGroup.objects.update(active=False)  # no signal, as in another process
    assert synonyms.load_groups() == groups
    page_cache.bump_version()
    assert synonyms.load_groups() == []


def test_without_redis_every_read_loads_the_rows(tree, redis_down):
    calls = []
    memo = Memo(lambda: calls.append(1) or len(calls))
    assert [memo.get(), memo.get()] == [1, 2]
