"""`setup_site` builds the skeleton a real site starts from, without demo
content, so `import_projects` works on an empty database."""

from __future__ import annotations

import copy
import json
from io import StringIO

import pytest
from django.core.management import call_command
from wagtail.models import Page, Site

from kb.models import ArticleIndexPage, EventIndexPage, PartnerDirectoryPage
from projects.models import InitiativeIndexPage, ProjectIndexPage, ProjectPage
from website.models import HomePage

from .import_data import GOOD_ROWS

pytestmark = pytest.mark.django_db


def _setup() -> str:
    out = StringIO()
    call_command("setup_site", stdout=out)
    return out.getvalue()


def test_setup_site_is_idempotent_and_has_no_demo_projects():
    first = _setup()
    pages_after_first = Page.objects.count()
    second = _setup()

    assert "5 Übersichtsseiten neu" in first
    assert "0 Übersichtsseiten neu" in second
    assert Page.objects.count() == pages_after_first
    home = HomePage.objects.get()
    assert Site.objects.get(is_default_site=True).root_page_id == home.pk
    for model in (
        ProjectIndexPage,
        InitiativeIndexPage,
        ArticleIndexPage,
        EventIndexPage,
        PartnerDirectoryPage,
    ):
        assert model.objects.child_of(home).live().count() == 1, model
    assert not ProjectPage.objects.exists()


def test_import_after_setup_site_keeps_long_source_urls(tmp_path):
    _setup()
    row = copy.deepcopy(GOOD_ROWS[0])
    row["source_url"] = "https://www.example.org/lokales/" + "a" * 300 + ".html"
    path = tmp_path / "projekte.json"
    path.write_text(json.dumps([row], ensure_ascii=False), encoding="utf-8")

    call_command("import_projects", str(path), stdout=StringIO())

    project = ProjectPage.objects.get(external_id=row["external_id"])
    assert project.live
    assert project.source_url == row["source_url"]
