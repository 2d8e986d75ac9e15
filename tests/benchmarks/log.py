"""The benchmark log: each benchmark writes its rows here, and
``scripts/bench_log.py`` (run by ``make bench``) merges them into the one table
of ``docs/benchmarks.md``.

A row is one measure of one benchmark: what was measured, the figure, the
target it is held against (if any) and when and under which load it ran. A
benchmark's file replaces its earlier one; benchmarks not run keep their rows
in the table."""

from __future__ import annotations

import datetime
import json
import os
import re
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LOG_DIR = Path(os.environ.get("BENCH_LOG_DIR", ROOT / "var" / "bench"))


@dataclass(frozen=True)
class Row:
    measure: str
    result: str
    target: str = ""


def ms(p50: float, p95: float) -> str:
    return f"{p50:.1f} / {p95:.1f} ms"


def write(benchmark: str, rows: list[Row], note: str = "") -> Path:
    """Replace the rows of ``benchmark`` (a short title, e.g. "pages at 10k")."""
    load = os.getloadavg()[0]
    entry = {
        "benchmark": benchmark,
        "date": datetime.date.today().isoformat(),
        "note": note or f"load {load:.2f}",
        "rows": [asdict(row) for row in rows],
    }
    LOG_DIR.mkdir(parents=True, exist_ok=True)
    slug = re.sub(r"[^a-z0-9]+", "-", benchmark.lower()).strip("-")
    path = LOG_DIR / f"{slug}.json"
    path.write_text(json.dumps(entry, ensure_ascii=False, indent=1), encoding="utf-8")
    return path
