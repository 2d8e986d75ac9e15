"""Builders for pages in tests."""

from __future__ import annotations

from wagtail.models import Page, Site

from kb.taxonomy import District, FieldOfAction
from projects.models import ProjectIndexPage, ProjectPage
from website.models import HomePage


def make_site_tree() -> ProjectIndexPage:
    root = Page.get_first_root_node()
    home = HomePage.objects.first()
    if home is None:
        home = HomePage(title="Start", slug="start-test")
        root.add_child(instance=home)
        Site.objects.update_or_create(
            is_default_site=True, defaults={"hostname": "localhost", "root_page": home}
        )
    index = ProjectIndexPage.objects.child_of(home).first()
    if index is None:
        index = ProjectIndexPage(title="Projekte", slug="projekte")
        home.add_child(instance=index)
    return index


def make_project(
    index: ProjectIndexPage,
    *,
    title: str = "Sprachcafé Celle",
    teaser: str = "Ein offenes Sprachcafé für Geflüchtete und Nachbarn.",
    districts: tuple[str, ...] = ("03351",),
    fields: tuple[str, ...] = ("sprache",),
    publish: bool = True,
) -> ProjectPage:
    project = ProjectPage(title=title, teaser=teaser, live=False)
    index.add_child(instance=project)
    project.districts.set(District.objects.filter(ags__in=districts))
    project.fields_of_action.set(FieldOfAction.objects.filter(slug__in=fields))
    revision = project.save_revision()
    if publish:
        revision.publish()
    project.refresh_from_db()
    return project
