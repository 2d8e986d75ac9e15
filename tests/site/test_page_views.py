"""Every page type renders for visitors, with one h1, landmarks and the footer."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.django_db

PAGE_TYPES = [
    "home",
    "project_index",
    "initiative_index",
    "initiative",
    "project",
    "topic",
    "article_index",
    "article",
    "event_index",
    "event",
    "partners",
    "call",
    "standard",
]


@pytest.mark.parametrize("name", PAGE_TYPES)
def test_every_page_type_renders_with_one_h1_and_landmarks(client, site_content, name):
    page = site_content.pages()[name]
    response = client.get(page.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert len(re.findall(r"<h1[\s>]", html)) == 1
    assert '<html lang="de" dir="ltr" data-kern-theme="light">' in html
    assert 'class="skip-link" href="#main"' in html
    assert '<main id="main"' in html
    assert "<header" in html and "<footer" in html and "<nav" in html


def test_footer_links_the_legal_pages_that_exist(client, site_content):
    site_content.legal["open-data-lizenz"].unpublish()
    html = client.get("/").content.decode()
    footer = html.split('<footer class="site-footer">')[1]
    for slug in ("impressum", "datenschutz", "barrierefreiheit"):
        assert site_content.legal[slug].url in footer
    assert "Open-Data-Lizenz" not in footer


def test_project_page_shows_the_practice_and_links_its_districts(client, site_content):
    html = client.get(site_content.project.url).content.decode()
    assert "Sprachbrücke Celle e. V." in html
    assert "/landkreis/03351/" in html
    assert "Räume am Abend" in html and "Erfahrung mit Patenschaften" in html
    assert "Patenschaft" in html


def test_form_errors_are_tied_to_their_fields():
    from django import forms
    from django.template.loader import render_to_string

    class Form(forms.Form):
        name = forms.CharField(label="Name", help_text="Vor- und Nachname")
        email = forms.EmailField(label="E-Mail", required=False)

    html = render_to_string("includes/form_fields.html", {"form": Form({"email": "x"})})
    assert 'aria-describedby="id_name-help id_name-error"' in html
    assert html.count('aria-invalid="true"') == 2
    assert 'id="id_name-error"' in html and 'id="id_email-error"' in html
    assert 'aria-required="true"' in html


def test_english_is_available_through_the_language_switcher(client, site_content):
    response = client.get("/i18n/setlang/?language=en&next=/")
    assert response.status_code == 302
    html = client.get("/").content.decode()
    assert '<html lang="en" dir="ltr" data-kern-theme="light">' in html
    assert "Skip to content" in html


def test_topic_page_lists_events_linked_to_its_projects_once(client, site_content):
    event = site_content.pages()["event"]
    event.linked_projects.set([site_content.project])
    event.save_revision().publish()
    topic = site_content.pages()["topic"]
    html = client.get(topic.url).content.decode()
    assert html.count(event.title) == 1


def test_topic_page_lists_the_fields_articles_and_events_but_no_restricted_ones(
    client, site_content, services
):
    from wagtail.models import PageViewRestriction

    from kb.taxonomy import FieldOfAction

    pages = site_content.pages()
    topic, article, event = pages["topic"], pages["article"], pages["event"]
    article.fields_of_action.set(
        [FieldOfAction.objects.get(pk=topic.field_of_action_id)]
    )
    article.save_revision().publish()
    event.linked_projects.set([site_content.project])
    event.save_revision().publish()
    html = client.get(topic.url).content.decode()
    assert f'<a href="{article.url}">{article.title}</a>' in html
    assert event.title in html
    assert 'href="/region/lueneburg/">Region Lüneburg</a>' in html
    for page in (article, event):
        PageViewRestriction.objects.create(
            page=page, restriction_type=PageViewRestriction.LOGIN
        )
    html = client.get(topic.url).content.decode()
    assert article.title not in html and event.title not in html


def test_project_index_lists_the_newest_public_projects_first(
    client, site_content, services
):
    from wagtail.models import PageViewRestriction

    from tests.site.content import add_project

    older = add_project(site_content.project_index, "Lesepaten Uelzen")
    newer = add_project(site_content.project_index, "Nähcafé Celle")
    hidden = add_project(site_content.project_index, "Nur intern")
    PageViewRestriction.objects.create(
        page=hidden, restriction_type=PageViewRestriction.LOGIN
    )
    html = client.get(site_content.project_index.url).content.decode()
    assert f'<h2><a href="{newer.url}">Nähcafé Celle</a></h2>' in html
    assert html.index("Nähcafé Celle") < html.index(older.title)
    assert html.index(older.title) < html.index(site_content.project.title)
    assert "Nur intern" not in html
