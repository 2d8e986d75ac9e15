"""Index versions only increase (issue #17, part 1). Revision ids were the
versions: a change made without review (the yearly reconfirmation, account
erasure) goes live as a newer revision N while an older draft P waits;
approving P then wrote version P < N and was refused, and unpublishing
deleted with version P and was refused too, so search kept the old state."""

from __future__ import annotations

import datetime

import pytest

from accounts.pagechanges import apply_without_review
from search.client import index_alias
from search.maintenance import reconcile
from search.tasks import drain_outbox
from tests.factories.pages import make_project

pytestmark = [pytest.mark.django_db, pytest.mark.services]


def _indexed_title(es_index, page) -> str | None:
    es_index.indices.refresh(index=index_alias("projects"))
    alias = index_alias("projects")
    if not es_index.exists(index=alias, id=str(page.pk)):
        return None
    return es_index.get(index=alias, id=str(page.pk))["_source"]["title"]


@pytest.fixture
def reconfirmed_with_pending_draft(es_index, site_tree):
    """A live project with a draft waiting for review, then reconfirmed
    through the yearly link (a newer live revision than the draft)."""
    project = make_project(site_tree, title="Sprachcafé alt")
    drain_outbox()
    project.title = "Sprachcafé neu"
    project.save_revision()  # the pending draft P
    draft = project.get_latest_revision()
    project = apply_without_review(project, last_confirmed=datetime.date.today())
    drain_outbox()
    assert project.live_revision_id > draft.pk
    return project, draft


def test_approving_the_older_draft_reaches_search(
    reconfirmed_with_pending_draft, es_index
):
    project, draft = reconfirmed_with_pending_draft
    assert _indexed_title(es_index, project) == "Sprachcafé alt"

    draft.publish()
    drain_outbox()

    assert _indexed_title(es_index, project) == "Sprachcafé neu"
    assert not any(drift.ids for drift in reconcile())


def test_unpublishing_after_a_reconfirmation_leaves_search(
    reconfirmed_with_pending_draft, es_index
):
    project, _draft = reconfirmed_with_pending_draft
    project.unpublish()
    drain_outbox()

    assert _indexed_title(es_index, project) is None
    assert not any(drift.ids for drift in reconcile())


def test_reconcile_sees_a_document_of_another_revision_and_heals_it(
    es_index, site_tree
):
    project = make_project(site_tree, title="Fahrradwerkstatt")
    drain_outbox()
    alias = index_alias("projects")
    current = es_index.get(index=alias, id=str(project.pk))
    # Drift as an older writer would leave it: same version, another state.
    es_index.index(
        index=alias,
        id=str(project.pk),
        document={**current["_source"], "live_revision": 1, "title": "veraltet"},
        version=current["_version"],
        version_type="external_gte",
        refresh=True,
    )

    (drift,) = [d for d in reconcile() if d.label == "projects.projectpage"]
    assert drift.stale == [project.pk]
    reconcile(repair=True)
    assert _indexed_title(es_index, project) == "Fahrradwerkstatt"
    assert not any(drift.ids for drift in reconcile())
