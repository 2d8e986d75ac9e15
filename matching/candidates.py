"""Finding candidate partners: Elasticsearch when it is there, else the database.

Elasticsearch narrows 10 000 projects to a few dozen per project and scores
their text with its German analysis (``more_like_this``); the fallback scores
every public project in Python, which is fine for the demo's size.
"""

from __future__ import annotations

import logging
import math
from dataclasses import dataclass, field

from django.core.cache import cache
from elastic_transport import TransportError
from elasticsearch import ApiError

from search.client import get_client, index_alias, is_configured

from . import topics
from .profiles import count_terms
from .scoring.profile import Profile
from .scoring.weights import COMPLEMENTARY, WEIGHTS

logger = logging.getLogger(__name__)

SIMILAR_SIZE = 40
# Terms of the similar query (most frequent first) and the boosts of a shared
# field of action / target group (a term's score is its weight × idf).
SIMILAR_TERMS = 80
FIELD_BOOST = 2.0
TARGET_GROUP_BOOST = 1.0
COMPLEMENTARY_SIZE = 30
MSEARCH_CHUNK = 40


@dataclass
class SearchCost:
    """What the candidate searches cost Elasticsearch: HTTP requests, the
    searches in them and the sum of their own ``took`` (milliseconds), a
    figure the client's load does not inflate as much as wall time."""

    requests: int = 0
    searches: int = 0
    took_ms: int = 0

    def add(self, responses: list[dict]) -> None:
        self.requests += 1
        self.searches += len(responses)
        self.took_ms += sum(response.get("took", 0) for response in responses)


# Summed over this process's candidate searches (the rebuild resets and
# reports it).
COST = SearchCost()


# The terms in more than a fifth of the projects, as the last rebuild counted
# them (``profiles.common_terms``), per physical index (a new index is a new
# corpus): the similar query leaves them out.
COMMON_TERMS_KEY = "matching:common-terms"


def _common_key(index: str) -> str:
    return f"{COMMON_TERMS_KEY}:{index}"


def remember_common_terms(index: str, terms: frozenset[str]) -> None:
    """Keep the rebuild's common terms for the recomputes that follow."""
    try:
        cache.set(_common_key(index), frozenset(terms), timeout=None)
    except Exception:  # noqa: BLE001  (then recomputes ask with every term)
        logger.info("Cache unavailable for the common terms", exc_info=True)


def common_terms(index: str) -> frozenset[str]:
    """The common terms of the last rebuild on this physical index; none
    before the first rebuild."""
    try:
        found = cache.get(_common_key(index))
    except Exception:  # noqa: BLE001
        logger.info("Cache unavailable for the common terms", exc_info=True)
        return frozenset()
    return found if isinstance(found, frozenset) else frozenset()


def index_of(stamp: str) -> str:
    """The physical index of a stamp (``index:version``)."""
    return stamp.partition(":")[0]


def physical_index() -> str | None:
    """The index the projects alias points to (``None`` without one)."""
    if not is_configured():
        return None
    try:
        found = get_client().indices.get_alias(name=index_alias("projects"))
    except (TransportError, ApiError):
        return None
    return next(iter(found), None)


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


def similar_terms(
    profile: Profile, common: frozenset[str] = frozenset()
) -> list[tuple[str, float]]:
    """The terms a similar candidate should share, with their weights: the
    profile's topical terms (no places, no organisation name, no generic
    words: what the Python cosine reads) and the synonyms it does not hold
    (once each, like in its vector), the most frequent first, at most
    ``SIMILAR_TERMS``; the weights are its term frequencies (1 + log n) to
    unit length. Elasticsearch adds the idf.

    Terms in more than a fifth of the projects (``common``) are left out:
    they weigh little in the cosine, yet each made Elasticsearch score
    thousands of documents."""
    if profile.counts is None:
        count_terms(profile)
    weights = {
        term: 1.0 + math.log(n)
        for term, n in (profile.counts or {}).items()
        if term not in common
    }
    for term in profile.related or ():
        if term not in common:
            weights.setdefault(term, 1.0)
    chosen = sorted(weights.items(), key=lambda item: (-item[1], item[0]))
    chosen = chosen[:SIMILAR_TERMS]
    norm = math.sqrt(sum(weight * weight for _, weight in chosen)) or 1.0
    return [(term, round(weight / norm, 4)) for term, weight in chosen]


def similar_query(profile: Profile, common: frozenset[str] = frozenset()) -> dict:
    """Projects sharing the profile's topical terms (and their synonyms) on
    the pre-analysed ``terms`` field, with its fields of action and target
    groups as a boost: the candidates the Python score is likely to rank
    high. ``more_like_this`` read the indexed text instead, place and
    organisation names included and synonyms left out, and so missed pairs
    the Python score finds (a quarter of the fallback's top ten on the
    evaluation corpus)."""
    should: list[dict] = [
        {"term": {"terms": {"value": term, "boost": weight}}}
        for term, weight in similar_terms(profile, common)
    ]
    groups = sorted(profile.target_groups)
    if profile.fields:
        should.append(
            {
                "constant_score": {
                    "filter": {"terms": {"fields_of_action": sorted(profile.fields)}},
                    "boost": FIELD_BOOST,
                }
            }
        )
    if groups:
        should.append(
            {
                "constant_score": {
                    "filter": {"terms": {"target_groups": groups}},
                    "boost": TARGET_GROUP_BOOST,
                }
            }
        )
    return {
        "size": SIMILAR_SIZE,
        "_source": False,
        "version": True,
        # No hit count: without it Lucene may skip documents that cannot
        # reach the top (block-max WAND) instead of scoring all of them.
        "track_total_hits": False,
        "query": {
            "bool": {
                "should": should or [{"match_none": {}}],
                "minimum_should_match": 1,
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
        wanted = topics.content_words(offer.text)
        if wanted:
            # Its topical words only: "wir bieten" or a place name in it
            # would ask for every need worded alike.
            should.append({"match": {"needs_text": {"query": wanted}}})
        if offer.terms and not offer.implied:
            # A description naming the offer ("die Anmeldung bei der
            # Anerkennungsberatung wird vorbereitet"): real needs are rarely
            # listed.
            named = " ".join(sorted(offer.terms))
            should.append(
                {"match": {"terms": {"query": named, "minimum_should_match": "50%"}}}
            )
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


def indexed_versions(ids: list[int]) -> dict[int, str]:
    """The stamp (physical index and document version) of each project's
    search document, in one ``mget`` without sources; projects missing from
    the index are left out."""
    if not is_configured():
        raise CandidatesUnavailable("Elasticsearch is not configured")
    if not ids:
        return {}
    try:
        response = get_client().mget(
            index=index_alias("projects"), ids=[str(i) for i in ids], source=False
        )
    except (TransportError, ApiError) as error:
        raise CandidatesUnavailable(str(error)) from error
    docs = response["docs"]
    return {int(doc["_id"]): _stamp(doc) for doc in docs if doc.get("found")}


def from_elasticsearch(
    profiles: list[Profile], common: frozenset[str] = frozenset()
) -> dict[int, Candidates]:
    """One multi-search for a batch of source projects (full profiles: the
    similar query reads their term counts); ``common``: the terms the
    similar query leaves out (``common_terms``)."""
    if not is_configured():
        raise CandidatesUnavailable("Elasticsearch is not configured")
    alias = index_alias("projects")
    body: list[dict] = []
    plan: list[tuple[int, str]] = []
    for profile in profiles:
        body += [{"index": alias}, similar_query(profile, common)]
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
            answered = get_client().msearch(body=chunk)["responses"]
            COST.add(answered)
            responses += answered
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
