"""An empty search result suggests topic pages: those of the filtered fields
of action, those sharing a word with the search, else all of them."""

from __future__ import annotations

import re

import pytest
from wagtail.models import PageViewRestriction

from kb.taxonomy import FieldOfAction
from website.models import TopicPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def topics(site_content):
    work = TopicPage(
        title="Arbeit und Ausbildung",
        slug="thema-arbeit",
        field_of_action=FieldOfAction.objects.get(slug="arbeit"),
    )
    site_content.home.add_child(instance=work)
    work.save_revision().publish()
    work.refresh_from_db()
    return {"sprache": site_content.topic, "arbeit": work}


def _suggested(client, params: dict) -> list[str]:
    html = client.get("/suche/", params).content.decode()
    if "Verwandte Themen" not in html:
        return []
    section = html.split("Verwandte Themen", 1)[1].split("</ul>", 1)[0]
    return re.findall(r'<a href="([^"]+)">', section)


def test_the_filtered_fields_topic_comes_first(client, topics):
    found = _suggested(client, {"q": "Fahrradwerkstatt", "field": "arbeit"})
    assert found == [topics["arbeit"].url]


def test_topics_sharing_a_word_with_the_search(client, topics):
    # Recall first: "Sprachkurs" alone finds the language projects, so the
    # empty result comes from a district without projects (Wittmund).
    params = {"q": "Sprachkurs Fahrradwerkstatt", "district": "03462"}
    found = _suggested(client, params)
    assert found == [topics["sprache"].url]


def test_without_any_clue_every_topic_is_offered(client, topics):
    found = _suggested(client, {"q": "Fahrradwerkstatt"})
    assert sorted(found) == sorted(t.url for t in topics.values())


def test_a_restricted_topic_is_never_suggested(client, topics):
    PageViewRestriction.objects.create(
        page=topics["arbeit"], restriction_type=PageViewRestriction.LOGIN
    )
    assert _suggested(client, {"q": "Fahrradwerkstatt"}) == [topics["sprache"].url]


def test_results_get_no_topic_suggestions(client, topics):
    response = client.get("/suche/", {"q": "Sprachpatenschaften"})
    assert "Sprachpatenschaften in Celle" in response.content.decode()
    assert _suggested(client, {"q": "Sprachpatenschaften"}) == []
