"""Matching quality on the demo content, once through Elasticsearch and once
through the database fallback, against the labelled demo pairs."""

from __future__ import annotations

from django.core.management import call_command
from django.test import override_settings

from matching.models import Match
from matching.profiles import public_projects
from matching.service import rebuild_all
from search.documents import ProjectDocument
from search.maintenance import rebuild
from tests.matching.quality import Quality, measure

from .demo_labels import COMPLEMENTARY, NON_MATCHES, SIMILAR


def load_indexed_demo() -> dict[str, int]:
    """The demo pages, with the projects index bulk-loaded from them (the
    outbox drains after commit, which a test transaction never reaches)."""
    call_command("load_demo")
    rebuild(ProjectDocument)
    return dict(public_projects().values_list("slug", "pk"))


def measure_both(ids: dict[str, int]) -> tuple[Quality, Quality]:
    Match.objects.all().delete()
    rebuild_all()
    elasticsearch = measure(ids, SIMILAR, COMPLEMENTARY, NON_MATCHES)
    Match.objects.all().delete()
    with override_settings(ELASTICSEARCH_URL=None):
        rebuild_all()
    fallback = measure(ids, SIMILAR, COMPLEMENTARY, NON_MATCHES)
    return elasticsearch, fallback


def measure_demo() -> tuple[Quality, Quality]:
    return measure_both(load_indexed_demo())
