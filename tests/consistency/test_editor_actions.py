"""Every editor action reaches every public surface within one drain, with
production caching on (issue #17, part 5).

One row per editor action. Each row first fills the caches (the anonymous
page, the search page, the sitemap; the small values and search memos
through those requests), then acts as an editor would, runs the real outbox drain
once, and checks the anonymous page, the search page, ``/api/v1/search``,
autocomplete and the sitemap against the new state; reconcile then finds no
drift between database and index."""

from __future__ import annotations

import datetime
import json
from collections.abc import Callable
from dataclasses import dataclass, field

import pytest
from django.core.management import call_command
from django.test import Client
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import PageViewRestriction

from accounts.pagechanges import apply_without_review
from kb import page_cache
from kb.taxonomy import FieldOfAction
from search.maintenance import reconcile
from search.tasks import drain_outbox
from tests.site.content import SiteContent, add_project, build_site

pytestmark = [pytest.mark.django_db, pytest.mark.services]

PROJECT = "Sprachpatenschaften in Celle"


@dataclass
class Expect:
    """The new state as the public surfaces must show it."""

    url: str
    """An anonymous page the action changes."""
    status: int = 200
    page_has: list[str] = field(default_factory=list)
    page_lacks: list[str] = field(default_factory=list)
    query: str = "Sprachpatenschaften"
    """A search whose results the action changes."""
    found: str | None = None
    """A result (title) the search page and the API must list …"""
    found_url: str | None = None
    """… at this address (in the API, and in autocomplete when ``complete``
    is set)."""
    missing: str | None = None
    """A title no search surface may show any more."""
    complete: str | None = None
    sitemap_has: list[str] = field(default_factory=list)
    sitemap_lacks: list[str] = field(default_factory=list)


def _anonymous() -> Client:
    return Client()


def _text(url: str) -> tuple[int, str]:
    response = _anonymous().get(url)
    return response.status_code, response.content.decode()


def _api(query: str) -> list[dict]:
    response = _anonymous().get("/api/v1/search", {"q": query})
    assert response.status_code == 200
    return json.loads(response.content)["results"]


def _autocomplete(text: str) -> list[dict]:
    response = _anonymous().get("/api/v1/autocomplete", {"q": text})
    return json.loads(response.content)["suggestions"]


def _warm(expect: Expect) -> None:
    """Fill every cache the surfaces use, as visitors did before the change."""
    for url in (expect.url, f"/suche/?q={expect.query}", "/sitemap.xml", "/"):
        _anonymous().get(url)
        _anonymous().get(url)


def _publish(site: SiteContent) -> Expect:
    project = add_project(
        site.initiative, "Nähwerkstatt Uelzen", slug="naehwerkstatt-uelzen"
    )
    return Expect(
        url=project.url,
        page_has=["Nähwerkstatt Uelzen"],
        query="Nähwerkstatt",
        found="Nähwerkstatt Uelzen",
        found_url=project.url,
        complete="Nähwerk",
        sitemap_has=[project.url],
    )


def _unpublish(site: SiteContent) -> Expect:
    url = site.project.url
    site.project.unpublish()
    return Expect(url=url, status=404, missing=PROJECT, sitemap_lacks=[url])


def _move(site: SiteContent) -> Expect:
    old = site.project.url
    site.project.move(site.project_index, pos="last-child")
    new = "/projekte/sprachpatenschaften-celle/"
    return Expect(
        url=new,
        page_has=[PROJECT],
        found=PROJECT,
        found_url=new,
        complete="Sprachpatensch",
        sitemap_has=[new],
        sitemap_lacks=[old],
    )


def _restrict(site: SiteContent) -> Expect:
    url = site.project.url
    PageViewRestriction.objects.create(
        page=site.initiative, restriction_type=PageViewRestriction.LOGIN
    )
    return Expect(
        url=url, status=302, missing=PROJECT, complete=None, sitemap_lacks=[url]
    )


def _rename_term(site: SiteContent) -> Expect:
    term = FieldOfAction.objects.get(slug="sprache")
    term.name = "Wortschatzpflege"
    term.save()
    return Expect(
        url=site.project.url,
        page_has=["Wortschatzpflege"],
        query="Wortschatzpflege",
        found=PROJECT,
        found_url=site.project.url,
    )


def _merge_tags(site: SiteContent) -> Expect:
    call_command("merge_tags", "Patenschaft", into="Tandemlernen")
    return Expect(
        url=site.project.url,
        page_has=["Tandemlernen"],
        query="Tandemlernen",
        found=PROJECT,
        found_url=site.project.url,
    )


def _edit_synonyms(site: SiteContent) -> Expect:
    from search.models import SynonymGroup

    SynonymGroup.objects.create(terms="Zungenbrecherklub, Sprachpatenschaften")
    return Expect(
        url=site.project.url,
        query="Zungenbrecherklub",
        found=PROJECT,
        found_url=site.project.url,
    )


def _add_promotion(site: SiteContent) -> Expect:
    from wagtail.contrib.search_promotions.models import Query, SearchPromotion

    SearchPromotion.objects.create(
        query=Query.get("Radtreff"), page=site.project, sort_order=0
    )
    return Expect(url=site.project.url, query="Radtreff", found=PROJECT)


def _replace_image(site: SiteContent) -> Expect:
    # The logo is set up before the caches fill (``prepare``); here only
    # the file is replaced, as the image editor does it.
    image = site.initiative.specific.logo
    image.file = get_test_image_file(filename="logo-neu.png", colour="red")
    image.save()
    image.renditions.all().delete()
    return Expect(
        url=site.initiative.url,
        page_has=["logo-neu"],
        page_lacks=["logo-alt"],
    )


def _with_logo(site: SiteContent) -> None:
    from wagtail.images.models import Image

    image = Image.objects.create(
        title="Logo", file=get_test_image_file(filename="logo-alt.png")
    )
    initiative = site.initiative.specific
    initiative.logo = image
    initiative.save_revision().publish()


def _reconfirm_with_pending_draft(site: SiteContent) -> Expect:
    project = site.project.specific
    project.title = "Sprachpatenschaften in Celle (Entwurf)"
    project.save_revision()
    confirmed = datetime.date(2026, 11, 30)
    apply_without_review(project, last_confirmed=confirmed)
    return Expect(
        url=site.project.url,
        page_has=["30. November 2026", PROJECT],
        page_lacks=["(Entwurf)"],
        found=PROJECT,
        found_url=site.project.url,
        missing="Sprachpatenschaften in Celle (Entwurf)",
    )


def _with_contact(site: SiteContent) -> None:
    project = site.project.specific
    project.contact_name = "Hanna Meyer"
    project.contact_email = "hanna@example.org"
    project.contact_public = True
    project.save_revision().publish()


def _delete_account(site: SiteContent) -> Expect:
    from django.contrib.auth import get_user_model

    from accounts.privacy import delete_account

    user = get_user_model().objects.create_user(
        "hanna", email="hanna@example.org", password="pw-12345-geheim"
    )
    delete_account(user)
    return Expect(
        url=site.project.url,
        page_has=[PROJECT],
        page_lacks=["Hanna Meyer", "hanna@example.org"],
        found=PROJECT,
    )


ROWS: dict[str, tuple[Callable | None, Callable[[SiteContent], Expect]]] = {
    "publish": (None, _publish),
    "unpublish": (None, _unpublish),
    "move": (None, _move),
    "restrict": (None, _restrict),
    "rename a taxonomy term": (None, _rename_term),
    "merge tags": (None, _merge_tags),
    "edit synonyms": (None, _edit_synonyms),
    "add a promotion": (None, _add_promotion),
    "replace an image": (_with_logo, _replace_image),
    "reconfirm with a pending draft": (None, _reconfirm_with_pending_draft),
    "delete an account": (_with_contact, _delete_account),
}


@pytest.fixture
def site(es_index, settings):
    """The site with production caching: whole pages, the small values and
    the search memos under the content version."""
    settings.PAGE_CACHE_SECONDS = 300
    content = build_site()
    drain_outbox()
    page_cache.clear_page_cache()
    return content


def _search_titles(query: str) -> tuple[str, list[dict]]:
    status, html = _text(f"/suche/?q={query}")
    assert status == 200
    return html, _api(query)


@pytest.mark.parametrize("action", list(ROWS))
def test_editor_action_reaches_every_surface_within_one_drain(site, action):
    prepare, act = ROWS[action]
    if prepare:
        prepare(site)
        drain_outbox()
    # What visitors saw before: every surface answered and was cached.
    _warm(Expect(url=site.project.url))

    expect = act(site)
    # A visitor searches between the change and the drain: that page is
    # cached under the version the change set, and must not outlive the drain.
    assert _anonymous().get(f"/suche/?q={expect.query}").status_code == 200
    drain_outbox()

    status, html = _text(expect.url)
    assert status == expect.status, action
    for text in expect.page_has:
        assert text in html, (action, text)
    for text in expect.page_lacks:
        assert text not in html, (action, text)

    search_html, api = _search_titles(expect.query)
    titles = [hit["title"] for hit in api]
    if expect.found:
        assert expect.found in search_html, action
        assert expect.found in titles, (action, titles)
    if expect.found_url:
        # The search page links through the click view, by page id.
        assert expect.found_url in [hit["url"] for hit in api], action
    if expect.missing:
        assert expect.missing not in search_html, action
        assert expect.missing not in titles, action
        typed = expect.missing[:12]
        assert expect.missing not in [s["title"] for s in _autocomplete(typed)]
    if expect.complete:
        suggestions = _autocomplete(expect.complete)
        assert (expect.found, expect.found_url) in [
            (s["title"], s["url"]) for s in suggestions
        ], (action, suggestions)

    _status, sitemap = _text("/sitemap.xml")
    for url in expect.sitemap_has:
        assert url in sitemap, (action, url)
    for url in expect.sitemap_lacks:
        assert f"{url}<" not in sitemap, (action, url)

    assert not [drift for drift in reconcile() if drift.ids], action


def test_the_page_cache_follows_the_index_only_once_it_is_searchable(site, es_index):
    """The drain bumps the page-cache version after Elasticsearch refreshed
    its writes: a search right after the drain must not cache old results
    under the new version. Refreshes are switched off here, so only the
    drain's own refresh makes a write searchable."""
    from search.client import index_alias

    alias = index_alias("projects")
    es_index.indices.put_settings(
        index=alias, settings={"index": {"refresh_interval": "-1"}}
    )
    url = "/suche/?q=Nähwerkstatt"
    assert "Nähwerkstatt Uelzen" not in _text(url)[1]
    add_project(site.initiative, "Nähwerkstatt Uelzen")
    before = page_cache.current_version()
    drain_outbox()

    assert page_cache.current_version() != before
    assert "Nähwerkstatt Uelzen" in _text(url)[1]
    assert "Nähwerkstatt Uelzen" in _text(url)[1]  # and so it stays cached


def test_no_surface_changes_on_a_draft(site):
    project = site.project.specific
    _warm(Expect(url=project.url))
    before = page_cache.current_version()
    project.title = "Nur ein Entwurf"
    project.save_revision()
    drain_outbox()
    assert page_cache.current_version() == before
    assert "Nur ein Entwurf" not in _text(project.url)[1]
    assert "Nur ein Entwurf" not in [hit["title"] for hit in _api("Entwurf")]
