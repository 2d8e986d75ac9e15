"""kb.templatetags.fragment_tags: the site header and footer are rendered once
per content version and language, while the CSRF token and the current path
stay per request."""

from __future__ import annotations

import re

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db

NEXT = re.compile(r'<input name="next" type="hidden" value="([^"]*)">')
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def test_each_language_gets_its_own_header_and_footer(routed):
    german, english = Client(), Client(headers={"accept-language": "en"})
    url = routed.article.url
    for _ in range(2):  # the second round comes from the snapshot
        de_html = german.get(url).content.decode()
        en_html = english.get(url).content.decode()
        assert "Zum Inhalt springen" in de_html
        assert "Skip to content" in en_html
        assert "Zum Inhalt springen" not in en_html
        assert '<option value="de" lang="de" selected>' in de_html
        assert '<option value="en" lang="en" selected>' in en_html
        assert "Rechtliches und offene Daten" in de_html
        assert "Rechtliches und offene Daten" not in en_html


def test_token_and_path_belong_to_each_request(routed):
    first, second = Client(), Client(enforce_csrf_checks=True)
    project_html = first.get(routed.project.url).content.decode()
    article_html = second.get(routed.article.url).content.decode()
    assert NEXT.search(project_html).group(1) == routed.project.url
    assert NEXT.search(article_html).group(1) == routed.article.url
    # Each visitor's form carries a token for that visitor's own CSRF cookie.
    assert TOKEN.search(project_html).group(1) != TOKEN.search(article_html).group(1)
    response = second.post(
        "/i18n/setlang/",
        {
            "language": "en",
            "next": routed.article.url,
            "csrfmiddlewaretoken": TOKEN.search(article_html).group(1),
        },
    )
    assert response.status_code == 302
