"""Reading the derived word lists in ``search/data/``."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent.parent / "data"


@lru_cache(maxsize=32)
def data_lines(name: str) -> tuple[str, ...]:
    """The non-empty, non-comment lines of a data file, stripped; words are
    lowercased only where the file's own format says so (see the callers)."""
    lines = []
    for line in (DATA_DIR / name).read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            lines.append(line)
    return tuple(lines)
