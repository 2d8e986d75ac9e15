"""The full rebuild's reverse rows: every kept pair is offered to the
partner's list, as a recompute's reverse rows are.

Elasticsearch names candidates from one side: A's query may find B while
B's never finds A, so B's list would lack a partner whose own list names B.
Once B's batch is written, each kept pair A → B is scored from B's side
(B → A) and joins B's list where it ranks within B's ten; the suggestions
it pushes below ten go. ``Lists`` decides both from the rows the rebuild
kept and the editors' decisions (read once), so the rebuild writes them
with ``store.save_reverse`` beside its batches, without reading the lists
again.
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
ListKey = tuple[int, str]

SUGGESTED, HIDDEN = Match.State.SUGGESTED, Match.State.HIDDEN


def _place(entry: tuple) -> tuple[float, int]:
    """Best first; ties go to the lower id, as ``ranking.top_matches``."""
    return entry[0], entry[1]


class Lists:
    """The rebuild's lists as stored: the kept rows per source and kind,
    the reverse rows admitted so far, and the editors' rows."""

    def __init__(
        self, decided: Mapping[Pair, tuple[str, float]], top_n: int = WEIGHTS.top_n
    ) -> None:
        self.decided = decided
        self.top_n = top_n
        self.scores: dict[ListKey, dict[int, float]] = defaultdict(dict)
        self.keys: set[Pair] = set()
        self.complete: set[int] = set()
        self.waiting: dict[int, list[Row]] = defaultdict(list)
        # Rows editors confirmed that a list holds beside its computed ones.
        self.confirmed: dict[ListKey, dict[int, float]] = defaultdict(dict)
        for (source_id, target_id, kind), (state, score) in decided.items():
            if state != HIDDEN:
                self.confirmed[(source_id, kind)][target_id] = score

    def _state(self, source_id: int, target_id: int, kind: str) -> str:
        return self.decided.get((source_id, target_id, kind), (SUGGESTED,))[0]

    def _visible(self, key: ListKey) -> list[tuple[float, int, str]]:
        """The list's rows an editor did not hide, best first."""
        source_id, kind = key
        entries = {
            target_id: (score, self._state(source_id, target_id, kind))
            for target_id, score in self.confirmed.get(key, {}).items()
        }
        for target_id, score in self.scores.get(key, {}).items():
            entries[target_id] = (score, self._state(source_id, target_id, kind))
        return sorted(
            (
                (-score, target_id, state)
                for target_id, (score, state) in entries.items()
                if state != HIDDEN
            ),
            key=_place,
        )

    def add(self, rows: Iterable[Row], sources: Iterable[int]) -> list[Pair]:
        """A batch's kept rows (its sources' lists are complete now); returns
        the reverse pairs (B, A, kind) to score: those whose list B is
        complete, that it does not hold yet, and where the forward score
        would rank within its ten (both kinds' scores are symmetric today;
        the reverse score decides in ``admit``)."""
        rows = list(rows)
        for r in rows:
            self.scores[(r.source_id, r.kind)][r.target_id] = r.score
            self.keys.add(r.key)
        self.complete.update(sources)
        offers: list[Pair] = []
        for r in rows:
            if r.target_id in self.complete:
                self._offer(r, offers)
            else:
                self.waiting[r.target_id].append(r)
        for source_id in sources:
            for r in self.waiting.pop(source_id, ()):
                self._offer(r, offers)
        return offers

    def _offer(self, kept: Row, offers: list[Pair]) -> None:
        back = (kept.target_id, kept.source_id, kept.kind)
        # A row an editor decided on stays as it is; a pair hidden one way
        # is hidden both ways.
        if back in self.keys or back in self.decided:
            return
        if self._state(*kept.key) == HIDDEN:
            return
        ahead = 0
        for entry in self._visible((kept.target_id, kept.kind)):
            if _place(entry) >= (-kept.score, kept.source_id):
                break
            ahead += 1
        if ahead < self.top_n:
            offers.append(back)

    def admit(self, rows: Iterable[Row]) -> tuple[list[Row], list[Pair]]:
        """The scored reverse rows that rank within their list's ten (all
        additions to one list ranked together with its visible rows) and
        the suggestions they push below it; the lists are updated."""
        by_list: dict[ListKey, list[Row]] = defaultdict(list)
        for r in rows:
            by_list[(r.source_id, r.kind)].append(r)
        admitted: list[Row] = []
        doomed: list[Pair] = []
        for key, added in by_list.items():
            source_id, kind = key
            before = self._visible(key)
            after = sorted(
                before + [(-r.score, r.target_id, r) for r in added], key=_place
            )
            top = after[: self.top_n]
            kept = {entry[1] for entry in top}
            for entry in top:
                if isinstance(entry[2], Row):
                    admitted.append(entry[2])
                    self.scores[key][entry[1]] = -entry[0]
            for _, target_id, state in before[: self.top_n]:
                if target_id not in kept and state == SUGGESTED:
                    doomed.append((source_id, target_id, kind))
                    del self.scores[key][target_id]
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
