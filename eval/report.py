"""Figures per engine and per kind of query, the printed table and the floors."""

from __future__ import annotations

from collections import defaultdict

from .metrics import mean, ndcg_at, recall_at

# The German twins of the English queries (``twins.json``).
TWIN_KIND = "german_twin"
# Reported, not yet targeted (issue #15); the twins are reported beside
# them, outside the totals.
REPORTED_ONLY = {"arabic", "ukrainian", TWIN_KIND}
# English queries should come within this much nDCG of their German twins.
TWIN_GAP = 0.15


def summarise(
    queries: list[dict], grades: dict[str, dict[str, int]], ranked: dict[str, dict]
) -> dict:
    ndcgs, recalls, zero = [], [], 0
    by_kind: dict[str, list[float]] = defaultdict(list)
    for query in queries:
        result = ranked[query["id"]]
        if result["count"] == 0 and query["kind"] not in REPORTED_ONLY:
            zero += 1
        graded = grades.get(query["id"], {})
        if not any(grade > 0 for grade in graded.values()):
            continue
        ndcg = ndcg_at(result["ranked"], graded)
        by_kind[query["kind"]].append(ndcg)
        if query["kind"] in REPORTED_ONLY:
            continue
        ndcgs.append(ndcg)
        recalls.append(recall_at(result["ranked"], graded))
    counted = [q for q in queries if q["kind"] not in REPORTED_ONLY]
    return {
        "queries": len(ndcgs),
        "ndcg": mean(ndcgs),
        "recall": mean(recalls),
        "zero_rate": zero / len(counted) if counted else 0.0,
        "kinds": {
            kind: (mean(values), len(values)) for kind, values in by_kind.items()
        },
    }


def print_report(split: str, summaries: dict[str, dict], labels: dict) -> None:
    print(f"\nSearch quality, {split} split (nDCG@10, recall@10 of graded queries)")
    header = f"{'engine':<26}{'queries':>8}{'nDCG@10':>9}{'rec@10':>8}{'zero':>7}"
    print(header)
    print("-" * len(header))
    for engine, s in summaries.items():
        print(
            f"{labels.get(engine, engine):<26}{s['queries']:>8}{s['ndcg']:>9.3f}"
            f"{s['recall']:>8.3f}{s['zero_rate']:>7.1%}"
        )
    kinds = sorted({kind for s in summaries.values() for kind in s["kinds"]})
    if not kinds:
        return
    print("\nnDCG@10 per kind of query (n)")
    names = list(summaries)
    print(f"{'kind':<16}" + "".join(f"{name[:10]:>11}" for name in names))
    for kind in kinds:
        cells = []
        for name in names:
            value, n = summaries[name]["kinds"].get(kind, (float("nan"), 0))
            cells.append(f"{value:>7.3f} ({n:>2})")
        print(f"{kind:<16}" + "".join(f"{cell:>11}" for cell in cells))
    gaps = {name: twin_gap(summary) for name, summary in summaries.items()}
    if any(gap is not None for gap in gaps.values()):
        print(f"\nEnglish against their German twins (goal: at most {TWIN_GAP} behind)")
        for name, gap in gaps.items():
            if gap is not None:
                verdict = "within" if gap <= TWIN_GAP else "NOT within"
                print(f"{labels.get(name, name):<26}{gap:>+9.3f}  {verdict}")


def twin_gap(summary: dict) -> float | None:
    """How far the English queries' nDCG@10 lies below their German twins'
    (negative: above)."""
    english = summary["kinds"].get("english")
    twins = summary["kinds"].get(TWIN_KIND)
    if not english or not twins:
        return None
    return twins[0] - english[0]


def check_floors(summaries: dict[str, dict], floors: dict) -> list[str]:
    """Floors look like {"site": {"ndcg": 0.8, "zero_rate_max": 0.01,
    "kinds": {"english": 0.7}}, ...}."""
    failures = []
    for engine, limits in floors.items():
        summary = summaries.get(engine)
        if summary is None:
            failures.append(f"{engine}: not run")
            continue
        for key in ("ndcg", "recall"):
            if key in limits and not summary[key] >= limits[key]:
                failures.append(f"{engine} {key} {summary[key]:.3f} < {limits[key]}")
        if "zero_rate_max" in limits and summary["zero_rate"] > limits["zero_rate_max"]:
            failures.append(
                f"{engine} zero-result rate {summary['zero_rate']:.1%} > "
                f"{limits['zero_rate_max']:.1%}"
            )
        gap = twin_gap(summary)
        if (
            "twin_gap_max" in limits
            and gap is not None
            and gap > limits["twin_gap_max"]
        ):
            failures.append(
                f"{engine} English {gap:.3f} behind the German twins "
                f"> {limits['twin_gap_max']}"
            )
        for kind, floor in limits.get("kinds", {}).items():
            value, _n = summary["kinds"].get(kind, (float("nan"), 0))
            if not value >= floor:
                failures.append(f"{engine} {kind} nDCG {value:.3f} < {floor}")
    return failures


def failed(failures: list[str]) -> int:
    """Print every figure below its floor; the exit status of ``--check``."""
    for failure in failures:
        print("BELOW FLOOR:", failure)
    return 1 if failures else 0
