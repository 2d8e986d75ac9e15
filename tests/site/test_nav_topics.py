"""The main navigation's "Themen" link, as a visitor meets it: it leads to the
home page's field tiles ("Themen: die Handlungsfelder") whenever the home page
shows them, with topic pages or without (each tile then leads to its topic
page or to the search for its field), and it is absent when there are no
tiles to lead to. Against the real Redis with the content version."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from django.test import Client

from kb import page_cache
from kb.taxonomy import FieldOfAction
from website.models import TopicPage

pytestmark = [pytest.mark.django_db, pytest.mark.services]


def nav_links(page_html: str) -> dict[str, str]:
    nav = page_html.split('class="main-nav"', 1)[1].split("</nav>", 1)[0]
    return {
        label: url for url, label in re.findall(r'<a href="([^"]+)">([^<]+)</a>', nav)
    }


def tiles(page_html: str) -> str:
    return page_html.split('id="themen"', 1)[1].split("</section>", 1)[0]


def test_the_link_leads_to_the_tiles_with_a_topic_page_and_without(cached_site):
    visitor = Client()
    home = visitor.get("/").content.decode()
    assert nav_links(home)["Themen"] == "/#themen"
    assert f'href="{cached_site.topic.url}"' in tiles(home)

    # The editors take the only topic page down: the tiles stay, and so does
    # the link to them; the field's tile now leads to the search.
    cached_site.topic.unpublish()

    home = visitor.get("/").content.decode()
    assert nav_links(home)["Themen"] == "/#themen"
    assert cached_site.topic.url not in tiles(home)
    assert 'href="/suche/?field=sprache"' in tiles(home)
    article = visitor.get(cached_site.article.url).content.decode()
    target = urlsplit(nav_links(article)["Themen"])
    assert (target.path, target.fragment) == ("/", "themen")


def test_without_tiles_there_is_no_link(cached_site):
    TopicPage.objects.all().delete()
    FieldOfAction.objects.all().delete()
    page_cache.clear_page_cache()

    home = Client().get("/").content.decode()

    assert 'id="themen"' not in home
    assert "Themen" not in nav_links(home)
    assert set(nav_links(home)) >= {"Projekte", "Suche", "Veranstaltungen"}
