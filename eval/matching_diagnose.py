"""Where the dev split's missed matching links are lost (diagnostics only).

    python -m eval.matching_diagnose [--engines elasticsearch,database]

Loads the corpus like ``eval.matching_eval`` and rebuilds the matches per
engine; then, for every labelled **dev** link (``split_labels(..., "dev")``:
the test half is never read) that is missing from the source's top ten,
prints where it was lost:

- ``not a candidate``: Elasticsearch did not name the partner (its query);
- ``no link``: the pair scores nothing (complementary: no need/offer pair
  reaches the text threshold and no named offer; similar: too little text);
- ``below floor``: scored below the kind's minimum;
- ``rank N``: above the floor, but N partners score higher.

For complementary pairs it also prints, per direction, the best need/offer
coverage regardless of the thresholds and the named-offer strength, so a
near miss shows how near it was.
"""

from __future__ import annotations

import argparse
import json
import sys

from .matching_eval import (
    ENGINES,
    LABELS,
    K,
    _elasticsearch_url,
    prepare,
    run_engine,
    split_labels,
)


def _best_coverage(needing, offering) -> tuple[float, str, str]:
    from matching.scoring.offers import covered, weighted_groups

    best = (0.0, "", "")
    for need in needing.needs:
        weighted = weighted_groups(needing, need)
        for offer in offering.offers:
            value = covered(weighted, offer.terms)
            if value > best[0]:
                best = (value, need.text, offer.text)
    return best


def _named(needing, offering) -> tuple[float, str]:
    """The best share of a listed offer's words the needing project's text
    holds (before the named-offer weight and threshold), and that offer."""
    from matching.scoring.offers import covered, weighted_groups

    best = (0.0, "")
    held = (needing.counts or {}).keys()
    for offer in offering.offers:
        if offer.implied or not offer.terms:
            continue
        value = covered(weighted_groups(offering, offer), held)
        if value > best[0]:
            best = (value, offer.text)
    return best


def _where(kind, source, target, pool, ranked, candidates) -> str:
    from matching.scoring.complementary import score_complementary
    from matching.scoring.similar import score_similar
    from matching.scoring.weights import WEIGHTS

    score = score_similar if kind == "similar" else score_complementary
    if candidates is not None:
        named = candidates.text_scores if kind == "similar" else candidates.ids
        if target.id not in named:
            return "not a candidate"
    scored = score(source, target)
    if scored is None:
        return "no link"
    if scored.score < WEIGHTS.min_score[kind]:
        return f"below floor ({scored.score:.3f})"
    pool_ids = (
        (candidates.text_scores if kind == "similar" else candidates.ids)
        if candidates is not None
        else pool
    )
    higher = 0
    for other_id in pool_ids:
        other = score(source, pool[other_id]) if other_id in pool else None
        if other is not None and other.score > scored.score:
            higher += 1
    return f"rank {higher + 1} (score {scored.score:.3f}; shown {len(ranked)})"


def diagnose(engine: str, external_ids: dict[int, str], labels: dict) -> None:
    from django.test import override_settings

    from matching import candidates as candidate_source
    from matching.profiles import common_terms, load_profiles, vectorise

    ranked = run_engine(engine, external_ids)
    page_of = {external: page for page, external in external_ids.items()}
    pool = load_profiles()
    idf = vectorise(pool.values())
    common = common_terms(idf, len(pool))
    found = {}
    if engine == "elasticsearch":
        url = _elasticsearch_url()
        with override_settings(ELASTICSEARCH_URL=url):
            found = candidate_source.from_elasticsearch(list(pool.values()), common)
    print(f"\n=== {engine}")
    print("--- complementary (dev), missed directions")
    for pair in labels["complementary"]:
        a, b = pair["needs"], pair["offers"]
        for source_eid, target_eid in ((a, b), (b, a)):
            top = ranked.get((source_eid, "complementary"), [])[:K]
            if target_eid in top:
                continue
            source, target = pool[page_of[source_eid]], pool[page_of[target_eid]]
            where = _where(
                "complementary", source, target, pool, top, found.get(source.id)
            )
            ab = _best_coverage(source, target)
            ba = _best_coverage(target, source)
            print(f"{pair['id']} {source_eid} -> {target_eid}: {where}")
            print(f"   label need: {pair['need']!r} / offer: {pair['offer']!r}")
            for label, cov, named in (
                ("source needs/target offers", ab, _named(source, target)),
                ("target needs/source offers", ba, _named(target, source)),
            ):
                print(
                    f"   {label} cov {cov[0]:.2f} ({cov[1][:50]!r} / "
                    f"{cov[2][:50]!r}), named {named[0]:.2f} ({named[1][:40]!r})"
                )
            print(
                f"   source: {len(source.needs)} needs, {len(source.offers)} offers;"
                f" target: {len(target.needs)} needs, {len(target.offers)} offers"
            )
    print("--- similar (dev), missed partners")
    for group in labels["similar"]:
        seed = group["seed"]
        relevant = [e for e, grade in group["similar"].items() if grade >= 1]
        top = ranked.get((seed, "similar"), [])[:K]
        missing = [e for e in relevant if e not in top]
        hits = len(relevant) - len(missing)
        print(f"{group['id']} {seed}: {hits}/{min(len(relevant), K)} found")
        source = pool[page_of[seed]]
        for target_eid in missing:
            target = pool[page_of[target_eid]]
            where = _where("similar", source, target, pool, top, found.get(source.id))
            print(f"   {target_eid}: {where}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--engines", default=",".join(ENGINES))
    args = parser.parse_args(argv)
    from .run import _django, _ensure_postgres_database

    _django()
    _ensure_postgres_database()
    labels = split_labels(json.loads(LABELS.read_text(encoding="utf-8")), "dev")
    external_ids = prepare()
    for engine in args.engines.split(","):
        if engine == "elasticsearch" and not _elasticsearch_url():
            continue
        diagnose(engine, external_ids, labels)
    return 0


if __name__ == "__main__":
    sys.exit(main())
