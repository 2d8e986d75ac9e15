"""Pseudo-relevance feedback: the vocabulary of the best matches ranks the rest.

People name a topic with one or two words; the projects that do that work
share more of them. The first three projects of a search (ranked as the page
ranks them) are read back from the index (term vectors of the pre-analysed
``terms`` field, with each term's document frequency), and the ten terms that
weigh most in them (tf × idf, in at least two of the three, in at most a fifth
of all projects, not a word of the query) lift the projects that use them.

It only ranks: the lift rescores the top window of the query as typed
(``es_requests``), so counts, facets and that window stay the query's. Tuned on the
dev split of the evaluation corpus (docs/search.md, "Feedback").
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from functools import lru_cache

from elasticsearch.dsl import Q

from ..client import get_client, index_alias
from ..language import index_terms
from ..language.stopwords import QUERY_NOISE, STOP_WORDS
from ..understanding import Understood, place_names

FIELD = "terms"
TOP_DOCUMENTS = 3
TERMS = 10
MIN_DOCUMENTS = 2
MAX_SHARE = 0.2
"""Terms in more than this share of the projects say nothing about a topic."""
WEIGHT = 0.6

Feedback = tuple[tuple[str, float], ...]
DocumentTerms = Mapping[str, tuple[int, int]]
"""term → (frequency in the document, number of projects with the term)."""


@lru_cache(maxsize=1)
def unfit_terms() -> frozenset[str]:
    """Terms that say nothing about a kind of work: stop and query-noise
    words, and place names with their parts (places rank by the place
    clause, not by words)."""
    unfit = {term for word in STOP_WORDS | QUERY_NOISE for term in index_terms(word)}
    for name, _keys in place_names():
        unfit.update(index_terms(name))
    return frozenset(unfit)


def known_terms(understood: Understood) -> set[str]:
    """Every term the query asks for already (stems, parts, synonyms) and
    the terms unfit for feedback."""
    known: set[str] = set(unfit_terms())
    for concept in understood.concepts:
        known.update(concept.stems)
        for alternatives in concept.parts:
            known.update(alternatives)
        for alternative in concept.alternatives:
            known.update(alternative)
    return known


def select(
    documents: Iterable[DocumentTerms], projects: int, known: set[str]
) -> Feedback:
    """The ``TERMS`` best terms of ``documents`` with weights (best = 1.0)."""
    weights: dict[str, float] = {}
    found_in: dict[str, int] = {}
    for terms in documents:
        length = sum(freq for freq, _ in terms.values()) or 1
        for term, (freq, doc_freq) in terms.items():
            if term in known or len(term) < 3 or term.isdigit():
                continue
            if doc_freq > MAX_SHARE * projects:
                continue
            idf = math.log(projects / max(doc_freq, 1))
            weights[term] = weights.get(term, 0.0) + freq / length * idf
            found_in[term] = found_in.get(term, 0) + 1
    ranked = sorted(
        (t for t in weights if found_in[t] >= MIN_DOCUMENTS),
        key=lambda t: (-weights[t], t),
    )[:TERMS]
    if not ranked:
        return ()
    best = weights[ranked[0]]
    return tuple((term, round(weights[term] / best, 3)) for term in ranked)


def _document_terms(ids: list[int]) -> tuple[list[DocumentTerms], int]:
    """The ``FIELD`` terms of each document and the number of projects."""
    response = get_client().mtermvectors(
        index=index_alias("projects"),
        ids=[str(i) for i in ids],
        fields=[FIELD],
        term_statistics=True,
        field_statistics=True,
        positions=False,
        offsets=False,
        payloads=False,
    )
    documents: list[DocumentTerms] = []
    projects = 0
    for doc in response["docs"]:
        vector = doc.get("term_vectors", {}).get(FIELD)
        if not vector:
            continue
        projects = max(projects, vector["field_statistics"]["doc_count"])
        documents.append(
            {
                term: (stats["term_freq"], stats.get("doc_freq", 1))
                for term, stats in vector["terms"].items()
            }
        )
    return documents, projects


def feedback_for(ids: list[int], understood: Understood) -> Feedback:
    """The feedback terms of the top ``ids`` (ranked) for this query."""
    top = ids[:TOP_DOCUMENTS]
    if len(top) < MIN_DOCUMENTS:
        return ()
    documents, projects = _document_terms(top)
    return select(documents, projects, known_terms(understood))


def lift(feedback: Feedback) -> Q | None:
    """The ranking lift for projects that use the feedback terms."""
    if not feedback:
        return None
    return Q(
        "bool",
        should=[
            Q("term", **{FIELD: {"value": term, "boost": weight}})
            for term, weight in feedback
        ],
        boost=WEIGHT,
    )
