"""Listing cards come from one query whatever the number of ids, in the
order of the ids given."""

from __future__ import annotations

import pytest

from kb.taxonomy import District, FieldOfAction
from projects.cards import project_cards
from tests.site.content import add_project

pytestmark = pytest.mark.django_db


def _expected(project) -> tuple[str, str, list[str], list[str]]:
    districts = [
        f"Landkreis {d.name}" if d.kind == "Landkreis" else d.name
        for d in project.districts.order_by("name")
    ]
    fields = [f.name for f in project.fields_of_action.order_by("sort_order", "name")]
    return project.title, project.url, districts, fields


def test_cards_match_the_pages_in_the_given_order_for_any_count(site_content):
    districts = list(District.objects.values_list("ags", flat=True)[:3])
    fields = list(FieldOfAction.objects.values_list("slug", flat=True)[:3])
    projects = [
        add_project(
            site_content.project_index,
            f"Projekt {n}",
            districts=districts[: 1 + n % 3],
            fields=fields[n % 3 :],
        )
        for n in range(7)
    ]
    ids = [p.pk for p in reversed(projects)]
    for count in (1, 6, len(ids)):
        cards = project_cards(ids[:count] + [987654])
        assert [(c.title, c.url, c.districts, c.fields) for c in cards] == [
            _expected(p) for p in list(reversed(projects))[:count]
        ]
    assert project_cards([]) == []


def test_cards_without_terms_leave_the_lists_empty(site_content):
    (card,) = project_cards([site_content.project.pk], terms=False)
    assert card.title == site_content.project.title
    assert card.districts == [] and card.fields == []


def test_card_markup_escapes_what_initiatives_typed():
    from projects.cards import Card
    from projects.templatetags.card_tags import card_items

    cards = [
        Card(
            url="/projekte/a/", title="<b>Fett</b>", teaser="A & B", fields=["Sprache"]
        ),
        Card(url="/projekte/b/", title="Ohne", teaser="", districts=["Celle"]),
    ]
    html = card_items(cards, 2)
    assert "<b>" not in html and "&lt;b&gt;Fett&lt;/b&gt;" in html
    assert '<h2><a href="/projekte/a/">' in html and "<p>A &amp; B</p>" in html
    assert '<p class="meta">Sprache</p>' in html
    assert '<p class="meta">Celle</p>' in html
    assert "<h3>" in card_items(cards, 3) and html.count("<li>") == 2
