"""Precision@5, recall@10 and false-link rate of stored matches against
labelled pairs (by slug).

Strict: an unlabelled suggestion in a top 5 counts as wrong; a labelled pair
suggested under the other kind counts as right (it is still a useful link)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from matching.models import Match


@dataclass(frozen=True)
class Quality:
    precision_at_5: float
    recall_at_10: float
    false_link_rate: float
    labelled_links: int
    false_pairs: tuple[tuple[str, str], ...] = ()

    def __str__(self) -> str:
        return (
            f"precision@5 {self.precision_at_5:.2f} · recall@10 "
            f"{self.recall_at_10:.2f} · false-link rate {self.false_link_rate:.2f} "
            f"({self.labelled_links} labelled links)"
        )


def measure(ids_by_slug: dict[str, int], similar, complementary, non_matches):
    slug_of = {pid: slug for slug, pid in ids_by_slug.items()}
    ranked: dict[tuple[str, str], list[str]] = defaultdict(list)
    rows = Match.objects.exclude(state=Match.State.HIDDEN).order_by("-score")
    for source_id, target_id, kind in rows.values_list("source", "target", "kind"):
        if source_id in slug_of and target_id in slug_of:
            ranked[(slug_of[source_id], kind)].append(slug_of[target_id])
    truth: dict[tuple[str, str], set[str]] = defaultdict(set)
    for kind, pairs in (("similar", similar), ("complementary", complementary)):
        for a, b in pairs:
            truth[(a, kind)].add(b)
            truth[(b, kind)].add(a)
    precisions, hits, wanted = [], 0, 0
    for key, relevant in list(truth.items()):
        top5 = ranked[key][:5]
        if top5:
            good = truth.get((key[0], "similar"), set()) | truth.get(
                (key[0], "complementary"), set()
            )
            precisions.append(sum(s in good for s in top5) / len(top5))
        hits += len(relevant & set(ranked[key][:10]))
        wanted += len(relevant)
    linked = {
        frozenset((source, target))
        for (source, _), targets in ranked.items()
        for target in targets
    }
    false_pairs = tuple(pair for pair in non_matches if frozenset(pair) in linked)
    false_links = len(false_pairs)
    return Quality(
        precision_at_5=sum(precisions) / len(precisions) if precisions else 0.0,
        recall_at_10=hits / wanted if wanted else 0.0,
        false_link_rate=false_links / len(non_matches) if non_matches else 0.0,
        labelled_links=wanted,
        false_pairs=false_pairs,
    )
