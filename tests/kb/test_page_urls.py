"""URLs built from ``url_path`` equal Wagtail's, for cards and search documents."""

from __future__ import annotations

import pytest

from kb.page_urls import page_url, site_root_paths
from tests.factories.pages import make_project

pytestmark = pytest.mark.django_db


def test_url_from_the_stored_path_is_the_page_url_even_with_umlauts(site_tree):
    project = make_project(site_tree, title="Nähcafé für Mütter")

    assert page_url(project.url_path, site_root_paths()) == project.get_url()
    assert "%C3%A4" in project.get_url()
