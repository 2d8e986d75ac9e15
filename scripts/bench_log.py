"""Merge the rows the benchmarks wrote (``tests/benchmarks/log.py``) into the
one table of ``docs/benchmarks.md``; ``make bench`` runs it after the
benchmarks. A benchmark that ran replaces all of its rows; the others keep
theirs. Usage: ``python scripts/bench_log.py [log dir] [table file]``."""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
START = "<!-- bench-table:start -->"
END = "<!-- bench-table:end -->"
TABLE = ROOT / "docs" / "benchmarks.md"
HEADER = "| benchmark | measure | result | target | run |\n|---|---|---|---|---|\n"
INTRO = """# Benchmark log

The figures of `make bench` (`tests/benchmarks/`), one row per measure.
`make bench` rewrites the rows of every benchmark it ran
(`scripts/bench_log.py`); rows of benchmarks not run stay as they were.
Times are server times on this project's shared 2-core machine, whose speed
drifts by a third within an hour: compare rows of the same run, and measure a
change A/B (old and new commit alternately) before trusting a difference.

"""


def _cell(text: str) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def _split(line: str) -> list[str]:
    cells, current, escaped = [], "", False
    for char in line.strip().strip("|"):
        if escaped:
            current += char
            escaped = False
        elif char == "\\":
            current += char
            escaped = True
        elif char == "|":
            cells.append(current.strip())
            current = ""
        else:
            current += char
    cells.append(current.strip())
    return cells


def read_table(text: str) -> list[list[str]]:
    """The rows (cells as written) between the markers."""
    if START not in text or END not in text:
        return []
    body = text.split(START, 1)[1].split(END, 1)[0]
    lines = [line for line in body.strip().splitlines() if line.startswith("|")]
    return [_split(line) for line in lines[2:]]


def merge(existing: list[list[str]], entries: list[dict]) -> list[list[str]]:
    """The table's rows, each benchmark that ran with its new rows in the
    place its old ones had (new benchmarks at the end)."""
    groups: dict[str, list[list[str]]] = {}
    for row in existing:
        groups.setdefault(row[0], []).append(row)
    for entry in entries:
        name = _cell(entry["benchmark"])
        run = _cell(f"{entry['date']}, {entry['note']}")
        groups[name] = [
            [name, _cell(r["measure"]), _cell(r["result"]), _cell(r["target"]), run]
            for r in entry["rows"]
        ]
    return [row for rows in groups.values() for row in rows]


def render(rows: list[list[str]], text: str) -> str:
    table = HEADER + "".join("| " + " | ".join(row) + " |\n" for row in rows)
    block = f"{START}\n{table}{END}"
    if START in text and END in text:
        before = text.split(START, 1)[0]
        after = text.split(END, 1)[1]
        return before + block + after
    return INTRO + block + "\n"


def main(log_dir: Path, table: Path) -> int:
    entries = [
        json.loads(path.read_text(encoding="utf-8"))
        for path in sorted(log_dir.glob("*.json"))
    ]
    text = table.read_text(encoding="utf-8") if table.exists() else ""
    rows = merge(read_table(text), entries)
    table.write_text(render(rows, text), encoding="utf-8")
    print(f"{table}: {len(rows)} rows, {len(entries)} benchmark(s) merged")
    return 0


if __name__ == "__main__":
    arguments = sys.argv[1:]
    log_dir = Path(arguments[0]) if arguments else ROOT / "var" / "bench"
    table = Path(arguments[1]) if len(arguments) > 1 else TABLE
    sys.exit(main(log_dir, table))
