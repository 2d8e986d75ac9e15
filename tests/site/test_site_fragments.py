"""kb.templatetags.fragment_tags: the site header and footer are rendered once
per content version and language, while the current path in the language
links stays per request."""

from __future__ import annotations

import re
from urllib.parse import unquote

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db

NEXT = re.compile(r'\?language=en&amp;next=([^"]*)"')


def test_each_language_gets_its_own_header_and_footer(cached_site):
    german, english = Client(), Client(headers={"accept-language": "en"})
    url = cached_site.article.url
    for _ in range(2):  # the second round comes from the snapshot
        de_html = german.get(url).content.decode()
        en_html = english.get(url).content.decode()
        assert "Zum Inhalt springen" in de_html
        assert "Skip to content" in en_html
        assert "Zum Inhalt springen" not in en_html
        assert 'hreflang="de" rel="nofollow" aria-current="true">Deutsch<' in de_html
        assert 'hreflang="en" rel="nofollow" aria-current="true">English<' in en_html
        assert 'hreflang="en" rel="nofollow">English<' in de_html
        assert "Rechtliches und offene Daten" in de_html
        assert "Rechtliches und offene Daten" not in en_html


def test_the_language_links_lead_back_to_each_requests_own_page(cached_site):
    first, second = Client(), Client()
    project_html = first.get(cached_site.project.url).content.decode()
    article_html = second.get(cached_site.article.url).content.decode()
    assert unquote(NEXT.search(project_html).group(1)) == cached_site.project.url
    assert unquote(NEXT.search(article_html).group(1)) == cached_site.article.url
    # The link is a GET: it sets the language and goes back where it came from.
    response = second.get(f"/i18n/setlang/?language=en&next={cached_site.article.url}")
    assert response.status_code == 302
    assert response["Location"] == cached_site.article.url
    assert "Skip to content" in second.get(cached_site.article.url).content.decode()


def test_a_language_link_never_leads_to_another_site(cached_site):
    response = Client().get("/i18n/setlang/?language=en&next=https://example.org/")
    assert response["Location"] == "/"
