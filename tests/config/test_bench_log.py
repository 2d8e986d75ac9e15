"""The benchmark log: rows written by a benchmark run replace that
benchmark's rows in the one table; other benchmarks keep theirs."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from tests.benchmarks import log

ROOT = Path(__file__).resolve().parents[2]


def _script():
    spec = importlib.util.spec_from_file_location(
        "bench_log", ROOT / "scripts" / "bench_log.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _write(monkeypatch, directory: Path, benchmark: str, rows: list[log.Row]):
    monkeypatch.setattr(log, "LOG_DIR", directory)
    return log.write(benchmark, rows, note="test")


def test_a_run_replaces_its_rows_and_keeps_the_others(tmp_path, monkeypatch):
    script = _script()
    table = tmp_path / "benchmarks.md"
    first, second = tmp_path / "first", tmp_path / "second"
    _write(
        monkeypatch,
        first,
        "pages at 10k",
        [
            log.Row("project, uncached p50 / p95", "14.9 / 23.6 ms", "p95 ≤ 60 ms"),
            log.Row("project, queries", "5", "≤ 10"),
        ],
    )
    _write(monkeypatch, first, "search at 100k", [log.Row("ES p95", "40 ms")])
    script.main(first, table)
    _write(
        monkeypatch,
        second,
        "pages at 10k",
        [log.Row("project, uncached p50 / p95", "a | b", "p95 ≤ 60 ms")],
    )
    script.main(second, table)

    text = table.read_text()
    rows = script.read_table(text)
    assert [row[:4] for row in rows] == [
        ["pages at 10k", "project, uncached p50 / p95", "a \\| b", "p95 ≤ 60 ms"],
        ["search at 100k", "ES p95", "40 ms", ""],
    ]
    assert text.startswith("# Benchmark log")
    assert text.count("| benchmark | measure |") == 1


def test_text_around_the_table_stays(tmp_path):
    script = _script()
    table = tmp_path / "benchmarks.md"
    table.write_text(
        f"# Log\n\nBefore.\n\n{script.START}\n{script.HEADER}{script.END}\n\nAfter.\n"
    )
    (tmp_path / "log").mkdir()
    script.main(tmp_path / "log", table)
    assert table.read_text().startswith("# Log\n\nBefore.")
    assert table.read_text().endswith("After.\n")
