"""Finding candidate partners: Elasticsearch when it is there, else the database.

Elasticsearch narrows 10 000 projects to a few dozen per project and scores
their text with its German analysis (``more_like_this``); the fallback scores
every public project in Python, which is fine for the demo's size.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field

from elastic_transport import TransportError
from elasticsearch import ApiError

from search.client import get_client, index_alias, is_configured
from search.offers import implied_offers

from .profiles import MAX_IMPLIED
from .scoring import COMPLEMENTARY, WEIGHTS, OfferNeed, Profile
from .topics import short_terms, term_groups

logger = logging.getLogger(__name__)

MLT_FIELDS = ["terms_title", "terms_lead", "terms"]
SIMILAR_SIZE = 40
COMPLEMENTARY_SIZE = 30
MSEARCH_CHUNK = 40
MAX_DOC_FREQ_FLOOR = 100
MAX_DOC_FREQ_SHARE = 0.2
CORPUS_SIZE_TTL = 600.0

_corpus: dict[str, tuple[float, int]] = {}


class CandidatesUnavailable(Exception):
    """Elasticsearch is not configured, not reachable or has no index."""


@dataclass
class Candidates:
    """Per source project: ids to score and Elasticsearch text scores (0–1
    normalised later) for similar candidates."""

    text_scores: dict[int, float] = field(default_factory=dict)
    complementary: set[int] = field(default_factory=set)
    # Per candidate: physical index and document version (the revision id),
    # the key of its cached profile.
    stamps: dict[int, str] = field(default_factory=dict)

    @property
    def ids(self) -> set[int]:
        return set(self.text_scores) | self.complementary


def _excluded(profile: Profile) -> list[dict]:
    clauses: list[dict] = [{"ids": {"values": [str(profile.id)]}}]
    if profile.initiative_id is not None:
        clauses.append({"term": {"initiative_id": profile.initiative_id}})
    return clauses


def _stamp(hit: dict) -> str:
    return f"{hit['_index']}:{hit.get('_version', '')}"


def max_doc_freq(corpus_size: int) -> int:
    """Terms in more than a fifth of all projects ("bieten", "Nachbarn") say
    nothing about the work but make ``more_like_this`` score nearly every
    document; small corpora (the demo) keep every term."""
    return max(MAX_DOC_FREQ_FLOOR, int(corpus_size * MAX_DOC_FREQ_SHARE))


def similar_query(profile: Profile, alias: str, corpus_size: int = 0) -> dict:
    return {
        "size": SIMILAR_SIZE,
        "_source": False,
        "version": True,
        # No hit count: without it Lucene may skip documents that cannot
        # reach the top (block-max WAND) instead of scoring all of them.
        "track_total_hits": False,
        "query": {
            "bool": {
                "must": {
                    "more_like_this": {
                        "fields": MLT_FIELDS,
                        "like": [{"_index": alias, "_id": str(profile.id)}],
                        "min_term_freq": 1,
                        "min_doc_freq": 1,
                        "max_doc_freq": max_doc_freq(corpus_size),
                        "max_query_terms": 25,
                        "minimum_should_match": "10%",
                    }
                },
                "must_not": _excluded(profile),
            }
        },
    }


def complementary_query(profile: Profile) -> dict | None:
    """Projects offering what this one needs or needing what it offers: by
    text (each need against others' offers and implied offers, on the
    pre-analysed ``terms_offers``; each offer against others' needs) and by
    category (a boost, not a requirement), nearer ones first.

    Serving the same target groups through other fields of action is not
    asked for: such a pair alone scores at most ``served_differently`` <
    the floor, so the clause would only make every query score thousands of
    documents; it comes back if the weights ever let such pairs through."""
    needs = sorted({n.category for n in profile.needs if n.category})
    offers = sorted({o.category for o in profile.offers if o.category})
    should: list[dict] = []
    if needs:
        should.append({"terms": {"offer_categories": needs, "boost": 2.0}})
    if offers:
        should.append({"terms": {"need_categories": offers, "boost": 2.0}})
    for need in profile.needs:
        if need.terms:
            terms = " ".join(sorted(need.terms))
            should.append({"match": {"terms_offers": {"query": terms}}})
    for offer in profile.offers:
        if offer.text:
            should.append({"match": {"needs_text": {"query": offer.text}}})
    if (
        profile.target_groups
        and WEIGHTS.served_differently >= (WEIGHTS.min_score[COMPLEMENTARY])
    ):
        should.append(
            {
                "bool": {
                    "filter": {
                        "terms": {"target_groups": sorted(profile.target_groups)}
                    },
                    "must_not": {"terms": {"fields_of_action": sorted(profile.fields)}},
                }
            }
        )
    if not should:
        return None
    query: dict = {
        "bool": {
            "should": should,
            "minimum_should_match": 1,
            "must_not": _excluded(profile),
        }
    }
    if profile.location:
        lat, lon = profile.location
        # Nearness lifts (factor 0.5–1.5), it never buries a good far match.
        query = {
            "function_score": {
                "query": query,
                "functions": [
                    {
                        "gauss": {
                            "location": {
                                "origin": {"lat": lat, "lon": lon},
                                "scale": "100km",
                                "decay": 0.5,
                            }
                        }
                    },
                    {"weight": 0.5},
                ],
                "score_mode": "sum",
                "boost_mode": "multiply",
            }
        }
    return {
        "size": COMPLEMENTARY_SIZE,
        "_source": False,
        "version": True,
        "track_total_hits": False,
        "query": query,
    }


_QUERY_FIELDS = [
    "initiative_id",
    "fields_of_action",
    "target_groups",
    "offer_categories",
    "need_categories",
    "location",
    "offers_text",
    "needs_text",
    "teaser",
    "description",
]


def indexed_profiles(ids: list[int]) -> tuple[dict[int, Profile], dict[int, str]]:
    """Just enough of each project to build its candidate queries, from its
    search document (one ``mget`` instead of a round of database queries),
    and each document's stamp. Projects missing from the index are left out."""
    if not is_configured():
        raise CandidatesUnavailable("Elasticsearch is not configured")
    if not ids:
        return {}, {}
    try:
        response = get_client().mget(
            index=index_alias("projects"),
            ids=[str(i) for i in ids],
            source_includes=_QUERY_FIELDS,
        )
    except (TransportError, ApiError) as error:
        raise CandidatesUnavailable(str(error)) from error
    stubs = {}
    stamps = {}
    for doc in response["docs"]:
        if not doc.get("found"):
            continue
        stamps[int(doc["_id"])] = _stamp(doc)
        source = doc.get("_source", {})
        point = source.get("location") or None
        stubs[int(doc["_id"])] = Profile(
            id=int(doc["_id"]),
            title="",
            initiative_id=source.get("initiative_id"),
            fields={slug: slug for slug in source.get("fields_of_action") or ()},
            target_groups={slug: slug for slug in source.get("target_groups") or ()},
            location=(point["lat"], point["lon"]) if point else None,
            offers=(
                *(
                    OfferNeed(slug, "", "")
                    for slug in source.get("offer_categories") or ()
                ),
                *_texts(source.get("offers_text"), expand=False),
                *_texts(
                    (
                        implied_offers(source.get("teaser") or "")
                        + implied_offers(source.get("description") or "")
                    )[:MAX_IMPLIED],
                    expand=False,
                ),
            ),
            needs=(
                *(
                    OfferNeed(slug, "", "")
                    for slug in source.get("need_categories") or ()
                ),
                *_texts(source.get("needs_text"), expand=True),
            ),
        )
    return stubs, stamps


def _categories(slugs) -> list[OfferNeed]:
    return [OfferNeed(slug, "", "") for slug in slugs or ()]


def _texts(texts, expand: bool) -> list[OfferNeed]:
    if isinstance(texts, str):
        texts = [texts]
    return [
        OfferNeed(
            None,
            "",
            text,
            terms=short_terms(text, expand=expand),
            groups=term_groups(text, expand=expand),
        )
        for text in texts or ()
        if text
    ]


def corpus_size(alias: str) -> int:
    """Documents in the projects index, counted at most every ten minutes
    per process (it only sets ``max_doc_freq``)."""
    now = time.monotonic()
    known = _corpus.get(alias)
    if known is not None and now - known[0] < CORPUS_SIZE_TTL:
        return known[1]
    try:
        count = get_client().count(index=alias)["count"]
    except (TransportError, ApiError) as error:
        raise CandidatesUnavailable(str(error)) from error
    _corpus[alias] = (now, count)
    return count


def remember_corpus_size(count: int) -> None:
    """A rebuild knows the number of projects; the recomputes after it need
    not count them again."""
    _corpus[index_alias("projects")] = (time.monotonic(), count)


def from_elasticsearch(
    profiles: list[Profile], size: int | None = None
) -> dict[int, Candidates]:
    """One multi-search for a batch of source projects; ``size`` is the
    number of indexed projects when the caller knows it."""
    if not is_configured():
        raise CandidatesUnavailable("Elasticsearch is not configured")
    alias = index_alias("projects")
    if size is None:
        size = corpus_size(alias)
    body: list[dict] = []
    plan: list[tuple[int, str]] = []
    for profile in profiles:
        body += [{"index": alias}, similar_query(profile, alias, size)]
        plan.append((profile.id, "similar"))
        query = complementary_query(profile)
        if query is not None:
            body += [{"index": alias}, query]
            plan.append((profile.id, "complementary"))
    result = {profile.id: Candidates() for profile in profiles}
    if not body:
        return result
    responses: list[dict] = []
    try:
        # Chunks keep each request well inside the short client time-out.
        for start in range(0, len(body), MSEARCH_CHUNK * 2):
            chunk = body[start : start + MSEARCH_CHUNK * 2]
            responses += get_client().msearch(body=chunk)["responses"]
    except (TransportError, ApiError) as error:
        raise CandidatesUnavailable(str(error)) from error
    for (source_id, kind), response in zip(plan, responses, strict=True):
        if "error" in response:
            raise CandidatesUnavailable(str(response["error"]))
        hits = response["hits"]["hits"]
        result[source_id].stamps.update((int(hit["_id"]), _stamp(hit)) for hit in hits)
        if kind == "similar":
            result[source_id].text_scores = {
                int(hit["_id"]): hit["_score"] for hit in hits
            }
        else:
            result[source_id].complementary = {int(hit["_id"]) for hit in hits}
    return result
