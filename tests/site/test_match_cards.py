"""Matches on the project page: a card per suggested project, its reasons as
a list, and the contact link for partners only."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from matching.models import Match
from tests.site.content import add_project

pytestmark = pytest.mark.django_db


def _match(source, target, kind: str, reasons: list[dict]) -> Match:
    return Match.objects.create(
        source=source, target=target, kind=kind, score=0.8, reasons=reasons
    )


def test_matches_are_cards_with_their_reasons_listed(site_content):
    project = site_content.project
    similar = add_project(site_content.project_index, "Sprachcafé <Uelzen>")
    partner = add_project(site_content.project_index, "Räume für alle")
    _match(
        project,
        similar,
        "similar",
        [
            {"type": "shared_field", "label": "Sprachförderung"},
            {"type": "shared_tag", "label": "Patenschaft"},
        ],
    )
    partner_match = _match(
        project,
        partner,
        "complementary",
        [
            {
                "type": "offer_need",
                "direction": "target_offers",
                "need": "Räume am Abend",
                "offer": "Gemeindesaal <frei>",
            }
        ],
    )
    page_html = Client().get(project.url).content.decode()
    sections = re.findall(
        r'<section class="matches matches--(\w+)">(.*?)</section>', page_html, re.S
    )
    assert [kind for kind, _body in sections] == ["similar", "complementary"]
    similar_html, partner_html = (body for _kind, body in sections)
    assert similar_html.count('<article class="card kern-card match-card">') == 1
    assert ">Sprachcafé &lt;Uelzen&gt;</a></h3>" in similar_html
    reasons = re.search(r'<ul class="reasons">(.*?)</ul>', similar_html).group(1)
    assert reasons == (
        "<li>Beide arbeiten im Handlungsfeld Sprachförderung.</li>"
        "<li>Gemeinsame Schlagwörter: Patenschaft.</li>"
    )
    assert "Kontakt aufnehmen" not in similar_html
    assert (
        "<li>Sie suchen: „Räume am Abend“ – dieses Projekt bietet: "
        "„Gemeindesaal &lt;frei&gt;“.</li>"
    ) in partner_html
    assert (
        f'href="/treffer/{partner_match.pk}/kontakt/">Kontakt aufnehmen</a>'
        in partner_html
    )
