"""The demo loader builds the site once and never duplicates content."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from wagtail.models import Site

from kb.models import HomePage
from projects.models import ProjectIndexPage, ProjectPage

pytestmark = pytest.mark.django_db


def test_load_demo_twice_gives_no_duplicates():
    call_command("load_demo")
    first = ProjectPage.objects.count()
    call_command("load_demo")

    assert first >= 6
    assert ProjectPage.objects.count() == first
    assert HomePage.objects.count() == 1
    assert ProjectIndexPage.objects.count() == 1
    assert Site.objects.get(is_default_site=True).root_page.specific_class is HomePage
    assert ProjectPage.objects.live().count() == first


def test_home_page_lists_demo_projects(client):
    call_command("load_demo")

    response = client.get("/")

    assert response.status_code == 200
    assert "Sprachpatenschaften in Celle" in response.content.decode()
