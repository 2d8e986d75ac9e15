"""Every project page says when it was last confirmed, and warns when stale."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from tests.factories.pages import make_project

pytestmark = pytest.mark.django_db


def _publish_confirmed(project, days_ago: int | None):
    project.last_confirmed = (
        None if days_ago is None else timezone.localdate() - timedelta(days=days_ago)
    )
    project.save_revision().publish()


def test_recently_confirmed_project_shows_its_date_without_warning(client, site_tree):
    project = make_project(site_tree, title="Frisch bestätigt")
    _publish_confirmed(project, days_ago=30)

    html = client.get(project.url).content.decode()

    assert "Zuletzt bestätigt" in html
    assert "Aktualität ungeprüft" not in html


def test_project_unconfirmed_for_fifteen_months_is_marked_unchecked(client, site_tree):
    project = make_project(site_tree, title="Lange nicht bestätigt")
    _publish_confirmed(project, days_ago=470)

    html = client.get(project.url).content.decode()

    assert "Aktualität ungeprüft" in html
