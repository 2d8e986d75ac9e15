"""Changes to what a document is built from reach the index (issue #17,
part 2): an initiative's title, type, slug or place in the tree, a renamed
vocabulary term, merged tags, a view restriction. Before, only the changed
page itself went to the outbox, so these left stale documents that the
database fallback (rebuilt per page) disagreed with."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.db import connection
from wagtail.models import PageViewRestriction

from kb.taxonomy import District, FieldOfAction, OrganisationType
from search.client import index_alias
from search.db_terms import term_rows
from search.dependents import affected
from search.maintenance import reconcile
from search.tasks import drain_outbox
from tests.site.content import build_site

pytestmark = [pytest.mark.django_db, pytest.mark.services]


@pytest.fixture
def site(es_index):
    content = build_site()
    drain_outbox()
    return content


def _source(es_index, page, kind: str = "projects") -> dict | None:
    alias = index_alias(kind)
    es_index.indices.refresh(index=alias)
    if not es_index.exists(index=alias, id=str(page.pk)):
        return None
    return es_index.get(index=alias, id=str(page.pk))["_source"]


def _no_drift() -> bool:
    return not any(drift.ids for drift in reconcile())


def test_renamed_district_reaches_its_projects(site, es_index):
    district = District.objects.get(ags="03351")
    district.name = "Landkreis Celle (neu)"
    district.save()
    drain_outbox()

    assert "Landkreis Celle (neu)" in _source(es_index, site.project)["district_names"]
    assert _no_drift()


def test_renamed_field_of_action_reaches_projects_and_the_fallback_terms(
    site, es_index
):
    field = FieldOfAction.objects.get(slug="sprache")
    field.name = "Spracherwerb und Alltagsdeutsch"
    field.save()
    drain_outbox()

    assert _source(es_index, site.project)["field_names"] == [field.name]
    (row,) = term_rows([site.project.pk])
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT body FROM search_project_terms WHERE page_id = %s",
            [site.project.pk],
        )
        (stored,) = cursor.fetchone()
    assert "alltagsdeutsch" in stored and "alltagsdeutsch" in row[2]
    assert _no_drift()


def test_published_initiative_changes_reach_its_projects(site, es_index):
    initiative = site.initiative
    initiative.title = "Sprachbrücke Celle und Uelzen e. V."
    initiative.organisation_type = OrganisationType.objects.exclude(
        pk=initiative.organisation_type_id
    ).first()
    initiative.slug = "sprachbruecke-celle-uelzen"
    initiative.save_revision().publish()
    drain_outbox()

    document = _source(es_index, site.project)
    assert document["organisation"] == "Sprachbrücke Celle und Uelzen e. V."
    assert document["organisation_type"] == initiative.organisation_type.slug
    assert "/sprachbruecke-celle-uelzen/" in document["url"]
    assert _no_drift()


def test_renamed_organisation_type_reaches_initiatives_and_their_projects(
    site, es_index
):
    kind = site.initiative.organisation_type
    kind.slug = "neuer-typ"
    kind.save()
    drain_outbox()

    assert _source(es_index, site.project)["organisation_type"] == "neuer-typ"
    assert (
        _source(es_index, site.initiative, "initiatives")["organisation_type"]
        == "neuer-typ"
    )
    assert _no_drift()


def test_moved_initiative_moves_its_projects_addresses(site, es_index):
    site.initiative.move(site.home, pos="last-child")
    drain_outbox()

    assert _source(es_index, site.project)["url"] == (
        "/sprachbruecke-celle/sprachpatenschaften-celle/"
    )
    assert _no_drift()


def test_merged_tags_reach_the_index(site, es_index):
    call_command("merge_tags", "Patenschaft", into="Sprachpatenschaft")
    drain_outbox()

    assert _source(es_index, site.project)["tags"] == ["Sprachpatenschaft"]
    assert _no_drift()


def test_restricting_an_initiative_takes_its_projects_out_and_back(site, es_index):
    restriction = PageViewRestriction.objects.create(
        page=site.initiative, restriction_type=PageViewRestriction.LOGIN
    )
    drain_outbox()
    assert _source(es_index, site.project) is None
    assert _source(es_index, site.initiative, "initiatives") is None
    assert _no_drift()

    restriction.delete()
    drain_outbox()
    assert _source(es_index, site.project) is not None
    assert _no_drift()


def test_affected_lists_the_users_of_a_term_and_an_initiatives_projects(site):
    field = FieldOfAction.objects.get(slug="sprache")
    assert affected(field) == {("projects", "projectpage"): {site.project.pk}}
    assert affected(FieldOfAction(name="Neu", slug="neu")) == {}
    assert affected(site.initiative) == {
        ("projects", "initiativepage"): {site.initiative.pk},
        ("projects", "projectpage"): {site.project.pk},
    }
    assert affected(site.topic) == {}
