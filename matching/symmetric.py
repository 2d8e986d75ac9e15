"""The full rebuild's last step: every kept pair is offered to the partner's
list, as a recompute's reverse rows are.

Elasticsearch names candidates from one side: A's query may find B while
B's never finds A, so B's list would lack a partner whose own list names B.
After all batches each kept pair A → B is scored from B's side (B → A) and
joins B's list where it ranks within B's ten. Which rows join and which
suggestions they push out is decided here, from the kept rows and the
editors' decisions (one read); ``store.save_reverse`` writes both in one
statement.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping

from .models import Match
from .scoring.complementary import score_complementary
from .scoring.profile import Profile
from .scoring.similar import score_similar
from .scoring.weights import SIMILAR, WEIGHTS
from .store import Row

Pair = tuple[int, int, str]

SUGGESTED, HIDDEN = Match.State.SUGGESTED, Match.State.HIDDEN


def _place(entry: tuple) -> tuple[float, int]:
    """Best first; ties go to the lower id, as ``ranking.top_matches``."""
    return entry[0], entry[1]


class Lists:
    """The rows a rebuild kept, per source and kind: where a reverse row
    would rank."""

    def __init__(self, top_n: int = WEIGHTS.top_n) -> None:
        self.top_n = top_n
        self.kept: dict[tuple[int, str], list[tuple[float, int]]] = defaultdict(list)
        self.keys: set[Pair] = set()

    def add(self, rows: Iterable[Row]) -> None:
        for r in rows:
            self.kept[(r.source_id, r.kind)].append((r.score, r.target_id))
            self.keys.add(r.key)

    def _ranks(self, source_id: int, kind: str, score: float, target_id: int) -> bool:
        """Would (score, target) be within the list's ten? Ties go to the
        lower id, as ``ranking.top_matches`` sorts."""
        entries = self.kept.get((source_id, kind), ())
        if len(entries) < self.top_n:
            return True
        ahead = sum(1 for s, t in entries if (-s, t) < (-score, target_id))
        return ahead < self.top_n

    def offered(self) -> list[Pair]:
        """The reverse pairs (B, A, kind) worth scoring: not in B's list yet,
        and the forward score would rank within B's ten (both kinds' scores
        are symmetric today; the reverse score decides in ``admit``)."""
        pairs: list[Pair] = []
        for (source_id, kind), entries in self.kept.items():
            for score, target_id in entries:
                back = (target_id, source_id, kind)
                if back not in self.keys and self._ranks(
                    target_id, kind, score, source_id
                ):
                    pairs.append(back)
        return pairs

    def admit(
        self, rows: Iterable[Row], decided: Mapping[Pair, tuple[str, float]]
    ) -> tuple[list[Row], list[Pair]]:
        """The scored reverse rows that rank within their list's ten (all
        additions to one list ranked together with its visible rows) and
        the suggestions they push below it. ``decided``: the editors'
        rows (key → state, score); a pair hidden either way is never
        added, confirmed rows count but are never pushed out."""
        by_list: dict[tuple[int, str], list[Row]] = defaultdict(list)
        for r in rows:
            back = (r.target_id, r.source_id, r.kind)
            # A row an editor decided on stays as it is; a pair hidden the
            # other way round is hidden both ways.
            if r.key in self.keys or r.key in decided:
                continue
            if decided.get(back, ("", 0.0))[0] == HIDDEN:
                continue
            by_list[(r.source_id, r.kind)].append(r)
        extra: dict[tuple[int, str], list[tuple[float, int]]] = defaultdict(list)
        for (source_id, target_id, kind), (_state, score) in decided.items():
            if (source_id, kind) in by_list:
                extra[(source_id, kind)].append((score, target_id))
        admitted: list[Row] = []
        doomed: list[Pair] = []
        for (source_id, kind), added in by_list.items():
            visible: dict[int, tuple[float, str]] = {}
            for score, target_id in self.kept.get((source_id, kind), ()):
                state = decided.get((source_id, target_id, kind), (SUGGESTED,))[0]
                visible[target_id] = (score, state)
            for score, target_id in extra.get((source_id, kind), ()):
                state, _ = decided[(source_id, target_id, kind)]
                visible.setdefault(target_id, (score, state))
            before = sorted(
                (
                    (-score, target_id, state)
                    for target_id, (score, state) in visible.items()
                    if state != HIDDEN
                ),
                key=_place,
            )
            after = sorted(
                before + [(-r.score, r.target_id, r) for r in added], key=_place
            )
            admitted += [
                entry[2] for entry in after[: self.top_n] if isinstance(entry[2], Row)
            ]
            pushed = {entry[1] for entry in before[: self.top_n]} - {
                entry[1] for entry in after[: self.top_n]
            }
            doomed += [
                (source_id, target_id, kind)
                for target_id in pushed
                if visible[target_id][1] == SUGGESTED
            ]
        return admitted, doomed


def score_reverse(pairs: Iterable[Pair], pool: dict[int, Profile]) -> list[Row]:
    """Each pair (B, A, kind) scored from B's side, with its reasons; only
    those above the kind's floor."""
    rows: list[Row] = []
    for source_id, target_id, kind in pairs:
        source, target = pool.get(source_id), pool.get(target_id)
        if source is None or target is None:
            continue
        score = score_similar if kind == SIMILAR else score_complementary
        scored = score(source, target)
        if scored is not None and scored.score >= WEIGHTS.min_score[kind]:
            rows.append(Row(source_id, target_id, kind, scored.score, scored.reasons))
    return rows
