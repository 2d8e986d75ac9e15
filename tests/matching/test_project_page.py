"""The project page shows both sections with German reasons."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from matching.models import Match
from matching.queries import grouped
from matching.service import recompute_for

pytestmark = [pytest.mark.django_db, pytest.mark.services]


def test_project_page_lists_similar_projects_and_partners_with_reasons(
    labelled, client
):
    page = labelled["sprachcafe-celle"]
    recompute_for(page.pk)

    html = client.get(page.url).content.decode()

    assert "Ähnliche Projekte" in html
    assert "Passende Partner" in html
    assert "Sprachcafé Uelzen" in html
    assert "Sie suchen: „" in html
    assert "– dieses Projekt bietet: „" in html
    assert "Beide arbeiten in den Handlungsfeldern" in html


def test_hidden_match_is_not_shown(labelled, client):
    page = labelled["sprachcafe-celle"]
    recompute_for(page.pk)
    Match.objects.filter(
        source=page, target_id=labelled.id("sprachcafe-uelzen")
    ).update(state="hidden")

    html = client.get(page.url).content.decode()

    assert "Sprachcafé Uelzen" not in html


def test_both_lists_come_from_one_query(labelled):
    page = labelled["sprachcafe-celle"]
    recompute_for(page.pk)

    with CaptureQueriesContext(connection) as queries:
        groups = grouped(page.pk)
        titles = [s.target_title for kind in groups.values() for s in kind]

    assert titles
    assert len(queries) <= 2


def test_reasons_are_explained_in_each_visitors_language(labelled):
    page = labelled["sprachcafe-celle"]
    recompute_for(page.pk)
    explanations = {}
    for language in ("de", "en", "de"):
        with translation.override(language):
            groups = grouped(page.pk)
        explanations.setdefault(language, []).append(
            [shown.explanation for kind in groups.values() for shown in kind]
        )
    german, english = explanations["de"][0], explanations["en"][0]
    assert explanations["de"][1] == german
    assert any("Beide arbeiten" in text for text in german)
    assert not any("Beide arbeiten" in text for text in english)
    assert any("Both" in text for text in english)
    # The reasons themselves still reach the API as data.
    shown = next(s for kind in groups.values() for s in kind)
    assert isinstance(shown.reasons, list) and shown.reasons[0]["type"]


def test_match_lists_escape_titles_and_link_the_contact_form(labelled, client):
    page = labelled["sprachcafe-celle"]
    recompute_for(page.pk)
    match = Match.objects.filter(source=page, kind="complementary").first()
    target = match.target
    target.title = 'Café <script>alert("x")</script> & Co'
    target.save_revision().publish()
    recompute_for(page.pk)
    match = Match.objects.get(source=page, target=target)

    html = client.get(page.url).content.decode()

    assert "<script>alert" not in html
    assert "Café &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co" in html
    assert f'href="/treffer/{match.pk}/kontakt/">Kontakt aufnehmen</a>' in html
    assert html.count('<section class="matches matches--') == 2
