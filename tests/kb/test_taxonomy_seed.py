"""The data migration seeds vocabularies and all 45 districts."""

from __future__ import annotations

import pytest

from kb.taxonomy import District, FieldOfAction, Region

pytestmark = pytest.mark.django_db


def test_regions_and_districts_are_seeded_with_official_keys():
    assert set(Region.objects.values_list("slug", flat=True)) == {
        "braunschweig",
        "leine-weser",
        "lueneburg",
        "weser-ems",
    }
    assert District.objects.count() == 45
    celle = District.objects.get(ags="03351")
    assert celle.name == "Celle"
    assert celle.region.slug == "lueneburg"


def test_fields_of_action_are_seeded():
    assert FieldOfAction.objects.count() == 9
    assert FieldOfAction.objects.filter(slug="sprache", name="Sprachförderung").exists()
