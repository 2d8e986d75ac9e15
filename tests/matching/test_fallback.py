"""Without Elasticsearch, matching runs on the database and Python text
similarity, driven by Wagtail's publish signals."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.test import override_settings

from matching.models import Match
from matching.service import recompute_for

from .builders import build_all
from .labelled import COMPLEMENTARY_PAIRS, SIMILAR_PAIRS, SPECS

pytestmark = [pytest.mark.django_db, pytest.mark.services]


@override_settings(ELASTICSEARCH_URL=None)
def test_recompute_without_elasticsearch_still_explains_matches(site_tree):
    built = build_all(site_tree, SPECS)

    recompute_for(built.id("sprachcafe-celle"))

    similar = Match.objects.get(
        source_id=built.id("sprachcafe-celle"),
        target_id=built.id("sprachcafe-uelzen"),
        kind="similar",
    )
    assert any(r["type"] == "text" for r in similar.reasons)
    assert Match.objects.filter(
        source_id=built.id("sprachcafe-celle"),
        target_id=built.id("dolmetscherpool-celle"),
        kind="complementary",
    ).exists()


@override_settings(ELASTICSEARCH_URL=None)
def test_rebuild_command_gives_every_labelled_project_matches(site_tree, capsys):
    built = build_all(site_tree, SPECS)

    call_command("rebuild_matches", batch_size=5)

    assert "Treffer berechnet" in capsys.readouterr().out
    # Projects with a labelled partner; a project whose only link would be a
    # shared place or keyword (the harbour pilots) rightly has none.
    labelled = {slug for pair in SIMILAR_PAIRS + COMPLEMENTARY_PAIRS for slug in pair}
    without = [
        slug
        for slug, page in built.pages.items()
        if slug in labelled and not Match.objects.filter(source=page).exists()
    ]
    assert without == []
