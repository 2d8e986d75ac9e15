"""Idempotent page helpers: create a page once (by slug under its parent) and
publish it through a revision, as an editor would."""

from __future__ import annotations

from django.utils.html import escape
from wagtail.models import Page, Site

from ..models import HomePage


def paragraphs(text: str) -> str:
    return "".join(f"<p>{escape(part.strip())}</p>" for part in text.split("\n\n"))


def ensure_child(parent: Page, model: type[Page], slug: str, **values) -> Page:
    """The child of ``parent`` with ``slug``; created and published if missing.

    Many-to-many and child relations may be passed as lists: modelcluster keeps
    them in memory until the page is saved."""
    existing = model.objects.child_of(parent).filter(slug=slug).first()
    if existing is not None:
        return existing
    page = model(slug=slug, **values)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def ensure_home() -> HomePage:
    home = HomePage.objects.first()
    if home is not None:
        return home
    root = Page.get_first_root_node()
    home = HomePage(
        title="Gute Praxis für Integration in Niedersachsen",
        slug="start",
        intro="<p>Bewährte Ideen finden, Initiativen vernetzen: die Wissensbasis "
        "des Bündnisses „Niedersachsen packt an“.</p>",
    )
    root.add_child(instance=home)
    home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first()
    old_root = site.root_page if site else None
    if site is None:
        Site.objects.create(hostname="localhost", root_page=home, is_default_site=True)
    else:
        site.root_page = home
        site.save()
    if old_root is not None and old_root.pk != home.pk and old_root.depth == 2:
        old_root.delete()
    return home
