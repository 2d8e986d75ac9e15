"""A real SQLite site in a subprocess (CI runs on PostgreSQL): migrated, with
the skeleton and projects from ``import_projects``, searched through
``run_search``. Shared by the SQLite and the three-engine tests."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SEARCH = """
import json, sys
from urllib.parse import urlencode
import django
django.setup()
from django.http import QueryDict
from search.backends import run_search
from search.query import parse_query

out = {}
for text in json.loads(sys.argv[1]):
    result = run_search(parse_query(QueryDict(urlencode({"q": text}))))
    out[text] = {
        "backend": result.backend,
        "count": result.count,
        "titles": [hit.title for hit in result.hits],
    }
print("RESULT " + json.dumps(out))
"""


def run(args: list[str], env: dict[str, str]) -> str:
    result = subprocess.run(  # noqa: S603  (our own manage.py, fixed arguments)
        [sys.executable, *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def build(folder: Path, rows: list[dict]) -> dict[str, str]:
    """The environment of a new SQLite site in ``folder`` holding ``rows``
    (no Elasticsearch, no broker: tasks run inline)."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "REDIS_URL", "ELASTICSEARCH_URL"}
    }
    env["DJANGO_SETTINGS_MODULE"] = "config.settings.dev"
    env["DATABASE_URL"] = f"sqlite:///{folder / 'db.sqlite3'}"
    run(["manage.py", "migrate", "--noinput", "-v0"], env)
    run(["manage.py", "setup_site"], env)
    data = folder / "projekte.json"
    data.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    run(["manage.py", "import_projects", str(data)], env)
    return env


def search(env: dict[str, str], *texts: str) -> dict[str, dict]:
    """text → {"backend", "count", "titles"} for each query text."""
    printed = run(["-c", SEARCH, json.dumps(list(texts))], env)
    line = next(x for x in printed.splitlines() if x.startswith("RESULT "))
    return json.loads(line.removeprefix("RESULT "))
