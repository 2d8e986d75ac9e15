"""Loading the corpus into a site and asking each engine for its top ten.

Runs inside Django (``eval.run`` sets it up): the corpus goes through
``setup_site`` and ``import_projects``, the real path, into a database of its
own; the index is rebuilt from that database on every run, so a change of the
analysis is always measured."""

from __future__ import annotations

import hashlib
import io
import os
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlencode

from django.conf import settings
from django.core.management import call_command
from django.http import QueryDict
from django.test import override_settings

K = 10


def corpus_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def load_corpus(path: Path) -> dict[int, str]:
    """Import the corpus unless the database holds exactly it; page id →
    external id of every live project."""
    from projects.models import ProjectPage

    if settings.ELASTICSEARCH_URL and os.environ.get("EVAL_FRESH") == "1":
        _delete_indices()
    call_command("migrate", verbosity=0)
    call_command("setup_site", stdout=io.StringIO())
    marker = f"eval:{corpus_digest(path)}"
    from wagtail.models import Site

    site = Site.objects.get(is_default_site=True)
    if site.site_name != marker[:255]:
        call_command("import_projects", str(path), stdout=io.StringIO())
        site.site_name = marker[:255]
        site.save(update_fields=["site_name"])
    # Refills the database fallbacks' terms and, when configured, the index.
    call_command("rebuild_search", stdout=io.StringIO())
    return dict(
        ProjectPage.objects.live().values_list("pk", "external_id").order_by("pk")
    )


def _delete_indices() -> None:
    """A fresh database starts its revisions anew: the old index would hold
    higher versions and refuse the new documents."""
    from search.client import get_client

    client = get_client()
    names = list(
        client.indices.get(
            index=f"{settings.SEARCH_INDEX_PREFIX}-*", allow_no_indices=True
        )
    )
    if names:
        client.indices.delete(index=",".join(names))


def _query(text: str):
    from search.query import parse_query

    return parse_query(QueryDict(urlencode({"q": text, "size": str(K)})))


def _ranked(text: str) -> tuple[list[int], int]:
    from search.backends import run_search

    result = run_search(_query(text))
    return [hit.id for hit in result.hits][:K], result.count


def site_search(text: str) -> tuple[list[int], int]:
    """The search as the site runs it (Elasticsearch when configured)."""
    return _ranked(text)


def database_search(text: str) -> tuple[list[int], int]:
    """The database fallback, as when Elasticsearch is down."""
    with override_settings(ELASTICSEARCH_URL=None):
        return _ranked(text)


def baseline_search(text: str) -> tuple[list[int], int]:
    """A plain ``multi_match`` (``operator: or``) over the same index."""
    from elasticsearch.dsl import Search

    from search.client import get_client, index_alias

    search = (
        Search(using=get_client(), index=index_alias("projects"))
        .query(
            "multi_match",
            query=text,
            operator="or",
            fields=[
                "title",
                "teaser",
                "description",
                "tags_text",
                "offers_text",
                "needs_text",
                "organisation",
            ],
        )
        .source(False)
        .extra(size=K, track_total_hits=True)
    )
    response = search.execute()
    return [int(hit.meta.id) for hit in response], response.hits.total.value


ENGINES: dict[str, Callable[[str], tuple[list[int], int]]] = {
    "site": site_search,
    "database": database_search,
    "baseline": baseline_search,
}


def run_queries(
    engine: str, queries: list[dict], external: dict[int, str]
) -> dict[str, dict]:
    """query id → {"ranked": external ids, "count": total}."""
    search = ENGINES[engine]
    out = {}
    for query in queries:
        ids, count = search(query["text"])
        out[query["id"]] = {
            "ranked": [external[i] for i in ids if i in external],
            "count": count,
        }
    return out
