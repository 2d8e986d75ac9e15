"""How far two blind labellers agree on matching: the ceiling of its targets.

    python -m eval.matching_agreement

A second labeller, who saw only ``grading/corpus.md`` and the dev split's
seeds and paired projects (never ``matching/labels.json``, never a
suggestion list), labelled the similar projects of every dev seed and the
complementary partners of every project in a dev pair again
(``matching/second/``). This prints the second labeller's lists measured
as if they were the matcher's, with ``eval.matching_eval.measure`` against
the frozen dev labels (similar groups ranked grade 2 first, ties shuffled,
averaged over seeded shuffles), and the frozen groups measured against the
second labeller's.

Nothing here tunes matching; the second labels are not the yardstick.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

from .agreement import SHUFFLES, as_ranking, copy_scores
from .matching_eval import LABELS, measure, split_labels
from .metrics import mean

HERE = Path(__file__).resolve().parent
SECOND = HERE / "matching" / "second"


def second_as_ranked(
    similar: dict[str, dict], complementary: dict[str, list[dict]], rng: random.Random
) -> dict[tuple[str, str], list[str]]:
    """The second labeller's lists in the shape ``measure`` reads."""
    ranked = {
        (entry["seed"], "similar"): as_ranking(entry["similar"], rng)
        for entry in similar.values()
    }
    for source, partners in complementary.items():
        ranked[(source, "complementary")] = [p["partner"] for p in partners]
    return ranked


def averaged(
    similar: dict[str, dict], complementary: dict[str, list[dict]], labels: dict
) -> dict[str, float]:
    rng = random.Random(16)
    runs = [
        measure(second_as_ranked(similar, complementary, rng), labels).as_dict()
        for _ in range(SHUFFLES)
    ]
    return {key: mean([run[key] for run in runs]) for key in runs[0]}


def main() -> int:
    labels = split_labels(json.loads(LABELS.read_text(encoding="utf-8")), "dev")
    sim_path = SECOND / "similar-second.json"
    comp_path = SECOND / "complementary-second.json"
    if not sim_path.exists() or not comp_path.exists():
        print(f"no second labels in {SECOND}")
        return 1
    similar = json.loads(sim_path.read_text(encoding="utf-8"))
    complementary = json.loads(comp_path.read_text(encoding="utf-8"))
    figures = averaged(similar, complementary, labels)
    print("Matching: the second blind labeller's lists against the frozen dev labels")
    for key, value in figures.items():
        print(f"  {key:<28}{value:.3f}")
    frozen = {group["id"]: group["similar"] for group in labels["similar"]}
    second = {label: entry["similar"] for label, entry in similar.items()}
    back = copy_scores(frozen, second)[1]
    print(f"frozen groups against the second labeller's, similar recall@10: {back:.3f}")
    sizes = mean([len(v) for v in second.values()])
    partners = mean([len(v) for v in complementary.values()])
    print(f"second labeller: {sizes:.1f} similar per seed, {partners:.1f} partners")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
