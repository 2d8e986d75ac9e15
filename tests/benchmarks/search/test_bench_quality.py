"""Search quality on the demo content (``make bench``, printed, not asserted).

nDCG@10 and recall@10 per query group and backend over the labelled queries
in ``demo_labels`` (the normal suite asserts a floor on its own small set)."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.test import override_settings

from projects.models import ProjectPage
from search.backends import run_search
from search.documents import ProjectDocument
from search.maintenance import rebuild
from search.query import parse_query
from tests.benchmarks.search.demo_labels import LABELLED
from tests.benchmarks.search.params import search_params
from tests.search.corpus import ndcg_at_10, recall_at_10

pytestmark = [pytest.mark.django_db, pytest.mark.services]


def ranked(query: str, slugs: dict[int, str]) -> list[str]:
    result = run_search(parse_query(search_params(query)))
    return [slugs.get(hit.id, "") for hit in result.hits[:10]]


def test_search_quality_on_demo_content(es_index):
    call_command("load_demo", verbosity=0)
    rebuild(ProjectDocument)
    slugs = dict(ProjectPage.objects.values_list("pk", "slug"))
    count = sum(len(group) for group in LABELLED.values())
    print(f"\n== search quality, {count} labelled queries on the demo content ==")
    for backend, url in (
        ("elasticsearch", "http://127.0.0.1:9200"),
        ("database", None),
    ):
        overrides = {} if url else {"ELASTICSEARCH_URL": None}
        totals = []
        misses = []
        with override_settings(**overrides):
            for group, queries in LABELLED.items():
                scores = []
                for query, relevant in queries.items():
                    found = ranked(query, slugs)
                    scores.append(
                        (ndcg_at_10(found, relevant), recall_at_10(found, relevant))
                    )
                    if scores[-1][1] < 1:
                        misses.append(query)
                totals += scores
                ndcg = sum(s[0] for s in scores) / len(scores)
                recall = sum(s[1] for s in scores) / len(scores)
                print(
                    f"{backend:13} {group:10} nDCG@10 {ndcg:.2f} recall@10 {recall:.2f}"
                )
        ndcg = sum(s[0] for s in totals) / len(totals)
        recall = sum(s[1] for s in totals) / len(totals)
        print(f"{backend:13} {'all':10} nDCG@10 {ndcg:.2f} recall@10 {recall:.2f}")
        print(f"{backend:13} incomplete recall: {', '.join(misses) or '-'}")
