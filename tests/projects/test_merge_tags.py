"""Editors merge duplicate free tags without losing any tagged project."""

from __future__ import annotations

import pytest
from django.core.management import CommandError, call_command
from taggit.models import Tag

from projects.models import ProjectPage
from tests.factories.pages import make_project

pytestmark = pytest.mark.django_db


def _stored_tags(project) -> list[str]:
    # modelcluster keeps tags of a loaded instance in memory; read them anew.
    return sorted(ProjectPage.objects.get(pk=project.pk).tags.names())


def _tag(project, *names: str) -> None:
    project.tags.add(*names)
    project.save_revision().publish()


def test_merging_moves_every_project_to_the_kept_tag(site_tree):
    first = make_project(site_tree, title="Sprachcafé Celle")
    second = make_project(site_tree, title="Deutschtreff Uelzen")
    _tag(first, "Deutschkurs")
    _tag(second, "Sprachkurs", "Deutschkurs")

    call_command("merge_tags", "Deutschkurs", into="Sprachkurs")

    assert not Tag.objects.filter(name="Deutschkurs").exists()
    assert _stored_tags(first) == ["Sprachkurs"]
    assert _stored_tags(second) == ["Sprachkurs"]


def test_merging_an_unknown_tag_is_refused(site_tree):
    with pytest.raises(CommandError, match="gibt es nicht"):
        call_command("merge_tags", "Gibtsnicht", into="Sprachkurs")


def test_tags_are_an_editable_snippet_for_editors(admin_client, site_tree):
    project = make_project(site_tree)
    _tag(project, "Hausaufgabenhilfe")
    tag = Tag.objects.get(name="Hausaufgabenhilfe")

    response = admin_client.post(
        f"/admin/snippets/taggit/tag/edit/{tag.pk}/",
        {"name": "Hausaufgabenbetreuung", "slug": "hausaufgabenbetreuung"},
    )

    assert response.status_code == 302
    assert _stored_tags(project) == ["Hausaufgabenbetreuung"]
