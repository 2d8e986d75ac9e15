"""``make eval``: search quality per engine on the blind-graded corpus.

    python -m eval.run [--split test|dev|all] [--check] [--fresh]

Elasticsearch, the PostgreSQL fallback and the baseline run in this process
against the database ``DATABASE_URL`` names (created when missing); the
SQLite fallback runs in a child process on its own SQLite file. ``--check``
fails (exit 1) when a figure of the split falls below ``floors.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

from .report import TWIN_KIND

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
CORPUS = HERE / "corpus" / "projects.json"
QUERIES = HERE / "queries.json"
GRADES = HERE / "grades.json"
FLOORS = HERE / "floors.json"
TWINS = HERE / "twins.json"
SQLITE_FILE = ROOT / ".services" / "eval.sqlite3"
ENGINE_LABELS = {
    "site": "Elasticsearch (site)",
    "database": "PostgreSQL fallback",
    "sqlite": "SQLite fallback",
    "baseline": "plain multi_match (or)",
}


def load_queries(split: str) -> list[dict]:
    """The graded queries, then the German twins of the English ones."""
    queries = json.loads(QUERIES.read_text(encoding="utf-8"))
    chosen = [q for q in queries if split == "all" or q["split"] == split]
    return chosen + twin_queries(chosen)


def twin_queries(queries: list[dict]) -> list[dict]:
    """The German query a German speaker with the same need types, for each
    English query (``twins.json``, translated by a helper who saw only the
    English queries); graded with the English query's grades."""
    twins = json.loads(TWINS.read_text(encoding="utf-8"))
    return [
        {
            **query,
            "id": twin_id(query["id"]),
            "text": twins[query["id"]],
            "kind": TWIN_KIND,
            "lang": "de",
        }
        for query in queries
        if query["lang"] == "en" and query["id"] in twins
    ]


def twin_id(query_id: str) -> str:
    return f"{query_id}-de"


def load_grades() -> dict[str, dict[str, int]]:
    grades = json.loads(GRADES.read_text(encoding="utf-8"))
    twins = json.loads(TWINS.read_text(encoding="utf-8"))
    grades.update({twin_id(q): grades[q] for q in twins if q in grades})
    return grades


def _django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def _ensure_postgres_database() -> None:
    """Create the evaluation database when missing (``--fresh``: anew)."""
    import psycopg
    from django.conf import settings

    db = settings.DATABASES["default"]
    if not settings.IS_POSTGRES:
        return
    params = {
        "host": db["HOST"] or "127.0.0.1",
        "port": db["PORT"] or 5432,
        "user": db["USER"],
        "password": db["PASSWORD"],
        "dbname": "postgres",
        "autocommit": True,
    }
    name = db["NAME"]
    with psycopg.connect(**params) as conn:
        exists = conn.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [name]
        ).fetchone()
        if exists and os.environ.get("EVAL_FRESH") == "1":
            conn.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
            exists = None
        if not exists:
            conn.execute(f'CREATE DATABASE "{name}"')


def rankings(engines: list[str], queries: list[dict]) -> dict[str, dict]:
    """engine → query id → {"ranked", "count"}; in this process."""
    _ensure_postgres_database()
    from .engines import load_corpus, run_queries

    external = load_corpus(CORPUS)
    return {engine: run_queries(engine, queries, external) for engine in engines}


def sqlite_rankings(split: str) -> dict[str, dict]:
    """The SQLite fallback in a child process with its own settings."""
    SQLITE_FILE.parent.mkdir(exist_ok=True)
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"ELASTICSEARCH_URL", "REDIS_URL", "DATABASE_URL"}
    }
    if env.get("EVAL_FRESH") == "1" and SQLITE_FILE.exists():
        SQLITE_FILE.unlink()
    env["DATABASE_URL"] = f"sqlite:///{SQLITE_FILE}"
    out = subprocess.run(  # noqa: S603  (our own module, fixed arguments)
        [sys.executable, "-m", "eval.run", "--split", split, "--sqlite-child"],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--split", choices=["dev", "test", "all"], default="test")
    parser.add_argument("--check", action="store_true", help="fail below floors")
    parser.add_argument("--fresh", action="store_true", help="new databases")
    parser.add_argument("--engines", default="site,database,sqlite,baseline")
    parser.add_argument("--json", type=Path, help="write the rankings here")
    parser.add_argument("--sqlite-child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.fresh:
        os.environ["EVAL_FRESH"] = "1"
    queries = load_queries(args.split)
    if args.sqlite_child:
        _django()
        result = rankings(["database"], queries)["database"]
        print(json.dumps(result))
        return 0
    engines = args.engines.split(",")
    _django()
    from django.conf import settings

    in_process = [e for e in engines if e != "sqlite"]
    if not settings.ELASTICSEARCH_URL:
        in_process = [e for e in in_process if e not in {"site", "baseline"}]
    results = rankings(in_process, queries) if in_process else {}
    if "sqlite" in engines:
        results["sqlite"] = sqlite_rankings(args.split)
    if args.json:
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=1))
    from .report import check_floors, failed, print_report, summarise

    grades = load_grades()
    summaries = {
        engine: summarise(queries, grades, ranked) for engine, ranked in results.items()
    }
    print_report(args.split, summaries, ENGINE_LABELS)
    if args.check:
        floors = json.loads(FLOORS.read_text(encoding="utf-8"))
        return failed(check_floors(summaries, floors))
    return 0


if __name__ == "__main__":
    sys.exit(main())
