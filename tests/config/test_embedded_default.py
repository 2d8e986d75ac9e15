"""`make run`'s embedded default works with no PostgreSQL, Redis or Elasticsearch:
SQLite, database search, inline tasks, demo content (one page of every type
renders) and a working admin login."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

CHECK_SCRIPT = """
import django, sys
django.setup()
from django.test import Client
from django.test.utils import setup_test_environment
setup_test_environment()
from django.conf import settings
assert settings.ELASTICSEARCH_URL is None and settings.CELERY_TASK_ALWAYS_EAGER
from wagtail.models import Page
client = Client()
pages = {}
for page in Page.objects.live().filter(depth__gt=2).specific().order_by("path"):
    pages.setdefault(type(page).__name__, page.url)
assert {"ProjectPage", "InitiativePage", "TopicPage", "EventPage"} <= set(pages)
urls = ["/", "/admin/login/", "/suche/?q=Sprache", "/landkreis/03351/",
        "/region/lueneburg/", "/region/lueneburg/?seite=2", "/statistik/",
        "/suche/?q=Zzyzxwort", *pages.values()]
for url in urls:
    status = client.get(url).status_code
    assert status == 200, (url, status)
assert client.login(username="admin", password=sys.argv[1])
assert client.get("/admin/").status_code == 200
search = client.get("/suche/?q=Sprache")
assert search.context["result"].backend == "database"
assert search.context["result"].count > 0
empty = client.get("/suche/?q=Zzyzxwort")
assert empty.context["related_topics"], "an empty result suggests topics"
print("embedded default ok")
"""


def _run(args: list[str], env: dict[str, str]) -> str:
    result = subprocess.run(
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


def test_embedded_default_serves_demo_content_and_admin_login(tmp_path):
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "REDIS_URL", "ELASTICSEARCH_URL"}
    }
    env["DJANGO_SETTINGS_MODULE"] = "config.settings.dev"
    env["DATABASE_URL"] = f"sqlite:///{tmp_path / 'db.sqlite3'}"
    env["ALLOWED_HOSTS"] = "testserver,127.0.0.1,localhost"

    _run(["manage.py", "migrate", "--noinput", "-v0"], env)
    _run(["manage.py", "load_demo"], env)
    _run(["manage.py", "load_demo"], env)
    printed = _run(["manage.py", "ensure_admin"], env)
    password = re.search(r"Passwort: (\S+)", printed).group(1)

    assert "embedded default ok" in _run(["-c", CHECK_SCRIPT, password], env)
