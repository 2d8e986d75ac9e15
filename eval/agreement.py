"""How far two blind graders agree: the ceiling the search targets sit under.

    python -m eval.agreement [--rankings F]

A second grader, who saw only the queries and ``grading/corpus.md`` (never
``grades.json``, never a ranking), graded a subset of the dev queries again
(``grading/second/*.json``). This prints:

- the second grader's grades *used as a ranking* (grade 2 first, then 1; ties
  in random order, averaged over seeded shuffles) scored with nDCG@10 and
  recall@10 against the frozen grades: what a perfect copy of one human's
  judgement scores against another's;
- the same the other way round;
- Cohen's kappa on "relevant or not" and on the three grades, over every
  (query, project) pair;
- with ``--rankings`` (a file from ``eval.run --json``): each engine against
  the frozen grades and against the second grader, on the same queries.

Nothing here tunes the search; the second grades are not the yardstick.
"""

from __future__ import annotations

import argparse
import json
import random
from collections import Counter
from pathlib import Path

from .metrics import mean, ndcg_at, recall_at

HERE = Path(__file__).resolve().parent
SECOND = HERE / "grading" / "second"
GRADES = HERE / "grades.json"
CORPUS = HERE / "corpus" / "projects.json"
SHUFFLES = 50


def load_second(folder: Path = SECOND) -> dict[str, dict[str, int]]:
    merged: dict[str, dict[str, int]] = {}
    for path in sorted(folder.glob("grades-*.json")):
        merged.update(json.loads(path.read_text(encoding="utf-8")))
    return merged


def as_ranking(grades: dict[str, int], rng: random.Random) -> list[str]:
    """Grade 2 before grade 1, ties in random order."""
    items = [item for item, grade in grades.items() if grade > 0]
    rng.shuffle(items)
    return sorted(items, key=lambda item: -grades[item])


def copy_scores(
    judge: dict[str, dict[str, int]],
    truth: dict[str, dict[str, int]],
    seed: int = 16,
) -> tuple[float, float, int]:
    """Mean nDCG@10 and recall@10 of ``judge``'s grades as a ranking against
    ``truth``, over the queries both graded with something relevant in truth."""
    rng = random.Random(seed)
    ndcgs, recalls = [], []
    for query, graded in truth.items():
        if query not in judge or not any(g > 0 for g in graded.values()):
            continue
        runs = [as_ranking(judge[query], rng) for _ in range(SHUFFLES)]
        ndcgs.append(mean([ndcg_at(r, graded) for r in runs]))
        recalls.append(mean([recall_at(r, graded) for r in runs]))
    return mean(ndcgs), mean(recalls), len(ndcgs)


def kappa(pairs: list[tuple[int, int]]) -> float:
    """Cohen's kappa of two raters over the same items."""
    if not pairs:
        return float("nan")
    observed = sum(a == b for a, b in pairs) / len(pairs)
    left = Counter(a for a, _ in pairs)
    right = Counter(b for _, b in pairs)
    expected = sum(left[c] * right[c] for c in left) / len(pairs) ** 2
    return (observed - expected) / (1 - expected) if expected < 1 else 1.0


def grade_pairs(
    first: dict[str, dict[str, int]],
    second: dict[str, dict[str, int]],
    projects: list[str],
    binary: bool,
) -> list[tuple[int, int]]:
    pairs = []
    for query in sorted(set(first) & set(second)):
        for project in projects:
            a = first[query].get(project, 0)
            b = second[query].get(project, 0)
            pairs.append((min(a, 1), min(b, 1)) if binary else (a, b))
    return pairs


def engine_scores(
    ranked: dict[str, dict], truth: dict[str, dict[str, int]], queries: set[str]
) -> tuple[float, float]:
    ndcgs, recalls = [], []
    for query in sorted(queries):
        graded = truth.get(query, {})
        if query not in ranked or not any(g > 0 for g in graded.values()):
            continue
        ndcgs.append(ndcg_at(ranked[query]["ranked"], graded))
        recalls.append(recall_at(ranked[query]["ranked"], graded))
    return mean(ndcgs), mean(recalls)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rankings", type=Path, help="eval.run --json output")
    args = parser.parse_args(argv)
    frozen = json.loads(GRADES.read_text(encoding="utf-8"))
    second = load_second()
    if not second:
        print(f"no second grades in {SECOND}")
        return 1
    projects = [
        p["external_id"] for p in json.loads(CORPUS.read_text(encoding="utf-8"))
    ]
    shared = {q for q in second if q in frozen}
    first = {q: frozen[q] for q in shared}
    ndcg, recall, n = copy_scores(second, first)
    print(f"Agreement of two blind graders ({len(shared)} dev queries)")
    print(f"second grader as a ranking, against the frozen grades ({n}):")
    print(f"  nDCG@10 {ndcg:.3f}  recall@10 {recall:.3f}")
    ndcg, recall, n = copy_scores(first, second)
    print(f"frozen grades as a ranking, against the second grader ({n}):")
    print(f"  nDCG@10 {ndcg:.3f}  recall@10 {recall:.3f}")
    binary = kappa(grade_pairs(first, second, projects, binary=True))
    graded = kappa(grade_pairs(first, second, projects, binary=False))
    print(f"Cohen's kappa: relevant or not {binary:.3f}, three grades {graded:.3f}")
    relevant = [
        (sum(g > 0 for g in first[q].values()), sum(g > 0 for g in second[q].values()))
        for q in sorted(shared)
    ]
    frozen_mean = mean([a for a, _ in relevant])
    second_mean = mean([b for _, b in relevant])
    print(f"relevant per query: frozen {frozen_mean:.1f}, second {second_mean:.1f}")
    if args.rankings:
        results = json.loads(args.rankings.read_text(encoding="utf-8"))
        print("engines on the same queries: frozen grades | second grader")
        for engine, ranked in results.items():
            a = engine_scores(ranked, first, shared)
            b = engine_scores(ranked, second, shared)
            print(
                f"  {engine:<10} nDCG@10 {a[0]:.3f} | {b[0]:.3f}"
                f"   recall@10 {a[1]:.3f} | {b[1]:.3f}"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
