"""Matching quality on the evaluation corpus, against blind labels.

    python -m eval.matching_eval --split dev|test|all [--check] [--fresh]

The corpus enters the site like for the search evaluation (``load_corpus``:
``setup_site``, ``import_projects``, ``rebuild_search``); ``infer_categories``
runs (idempotent), then ``rebuild_matches`` once with Elasticsearch and once
with the database fallback. Labels (``eval/matching/labels.json``, written by
a grader who saw only the project texts) are split dev/test by alternating
ids within each kind; tune on dev, report test.

Measures, per engine:
- recall@10 per kind: labelled partners in the project's top ten of that
  kind, out of as many as fit in ten (similar: grade ≥ 1 of the seed's
  group; complementary: the labelled pair, seen from either side);
- precision@5 (strict): among the top five of each labelled project's list
  of the labelled kind, the share that is a labelled partner of any kind
  (seen from either side, like the demo's ``tests/matching/quality.py``);
- trap false-link rate: trap pairs (shared words, different work) linked in
  either direction under either kind.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from .report import failed

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "eval/corpus/projects.json"
LABELS = ROOT / "eval/matching/labels.json"
FLOORS = ROOT / "eval/matching/floors.json"
ENGINES = ("elasticsearch", "database")
K = 10


@dataclass(frozen=True)
class Figures:
    similar_recall: float
    complementary_recall: float
    precision_at_5: float
    trap_rate: float
    labelled: int

    def as_dict(self) -> dict[str, float]:
        return {
            "similar_recall_at_10": round(self.similar_recall, 3),
            "complementary_recall_at_10": round(self.complementary_recall, 3),
            "precision_at_5": round(self.precision_at_5, 3),
            "trap_false_link_rate": round(self.trap_rate, 3),
        }


def split_labels(labels: dict, split: str) -> dict:
    """Alternating ids within each kind: the first to dev, the next to test."""
    if split == "all":
        return labels
    chosen = {}
    for kind, items in labels.items():
        ordered = sorted(items, key=lambda item: item["id"])
        start = 0 if split == "dev" else 1
        chosen[kind] = ordered[start::2]
    return chosen


def _ratio(part: float, whole: float) -> float:
    return part / whole if whole else 0.0


def measure(ranked: dict[tuple[str, str], list[str]], labels: dict) -> Figures:
    """``ranked``: (external id, kind) → partners' external ids, best first."""
    partners: dict[str, set[str]] = defaultdict(set)
    wanted: list[tuple[str, str, set[str]]] = []
    for group in labels.get("similar", []):
        relevant = {eid for eid, grade in group["similar"].items() if grade >= 1}
        wanted.append((group["seed"], "similar", relevant))
        partners[group["seed"]] |= relevant
        # Similarity is mutual: the seed is a labelled partner of each member.
        for member in relevant:
            partners[member].add(group["seed"])
    for pair in labels.get("complementary", []):
        a, b = pair["needs"], pair["offers"]
        wanted += [(a, "complementary", {b}), (b, "complementary", {a})]
        partners[a].add(b)
        partners[b].add(a)
    recall: dict[str, list[float]] = defaultdict(list)
    precisions = []
    for source, kind, relevant in wanted:
        top = ranked.get((source, kind), [])
        hits = len(relevant & set(top[:K]))
        recall[kind].append(_ratio(hits, min(len(relevant), K)))
        if top[:5]:
            good = partners[source]
            precisions.append(sum(t in good for t in top[:5]) / len(top[:5]))
        else:
            precisions.append(0.0)
    linked = {
        frozenset((source, target))
        for (source, _), targets in ranked.items()
        for target in targets[:K]
    }
    traps = labels.get("traps", [])
    caught = sum(frozenset((t["a"], t["b"])) in linked for t in traps)
    return Figures(
        similar_recall=_ratio(sum(recall["similar"]), len(recall["similar"])),
        complementary_recall=_ratio(
            sum(recall["complementary"]), len(recall["complementary"])
        ),
        precision_at_5=_ratio(sum(precisions), len(precisions)),
        trap_rate=_ratio(caught, len(traps)),
        labelled=len(wanted),
    )


def stored_rankings(external_ids: dict[int, str]) -> dict[tuple[str, str], list[str]]:
    """Every project's visible matches per kind, best first, by external id."""
    from matching.queries import visible_matches

    ranked: dict[tuple[str, str], list[str]] = {}
    for page_id, external_id in external_ids.items():
        for shown in visible_matches(page_id):
            target = external_ids.get(shown.target_id)
            if target:
                ranked.setdefault((external_id, shown.kind), []).append(target)
    return ranked


def run_engine(engine: str, external_ids: dict[int, str]) -> dict:
    from django.core.management import call_command
    from django.test import override_settings

    url = None if engine == "database" else _elasticsearch_url()
    with override_settings(ELASTICSEARCH_URL=url):
        call_command("rebuild_matches", stdout=io.StringIO())
        return stored_rankings(external_ids)


def _elasticsearch_url():
    from django.conf import settings

    return settings.ELASTICSEARCH_URL


def prepare() -> dict[int, str]:
    from django.core.management import call_command

    from .engines import load_corpus

    external_ids = load_corpus(CORPUS)
    call_command("infer_categories", stdout=io.StringIO())
    if _elasticsearch_url():
        # The documents carry the inferred categories.
        call_command("rebuild_search", stdout=io.StringIO())
    return external_ids


def print_table(split: str, results: dict[str, Figures]) -> None:
    print(f"Matching, {split} split")
    header = f"{'measure':<28}" + "".join(f"{e:>15}" for e in results)
    print(header)
    print("-" * len(header))
    names = {
        "similar_recall_at_10": "similar recall@10",
        "complementary_recall_at_10": "complementary recall@10",
        "precision_at_5": "precision@5",
        "trap_false_link_rate": "trap false-link rate",
    }
    rows = {engine: figures.as_dict() for engine, figures in results.items()}
    for key, label in names.items():
        print(f"{label:<28}" + "".join(f"{rows[e][key]:>15.3f}" for e in rows))
    counts = {engine: figures.labelled for engine, figures in results.items()}
    print(f"{'labelled links':<28}" + "".join(f"{c:>15}" for c in counts.values()))


def check_floors(results: dict[str, Figures], floors: dict) -> list[str]:
    failures = []
    for engine, figures in results.items():
        values = figures.as_dict()
        for key, floor in floors.get(engine, {}).items():
            value = values[key]
            worse = value > floor if key == "trap_false_link_rate" else value < floor
            if worse:
                failures.append(f"{engine} {key} {value:.3f} (floor {floor})")
    return failures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--split", choices=["dev", "test", "all"], default="test")
    parser.add_argument("--check", action="store_true", help="fail below floors")
    parser.add_argument("--fresh", action="store_true", help="a new database")
    parser.add_argument("--engines", default=",".join(ENGINES))
    args = parser.parse_args(argv)
    if args.fresh:
        os.environ["EVAL_FRESH"] = "1"
    from .run import _django, _ensure_postgres_database

    _django()
    _ensure_postgres_database()
    labels = split_labels(json.loads(LABELS.read_text(encoding="utf-8")), args.split)
    external_ids = prepare()
    engines = [e for e in args.engines.split(",") if e in ENGINES]
    if not _elasticsearch_url():
        engines = [e for e in engines if e != "elasticsearch"]
    results = {
        engine: measure(run_engine(engine, external_ids), labels) for engine in engines
    }
    print_table(args.split, results)
    if args.check:
        floors = json.loads(FLOORS.read_text(encoding="utf-8"))
        return failed(check_floors(results, floors))
    return 0


if __name__ == "__main__":
    sys.exit(main())
