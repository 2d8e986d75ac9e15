"""Locust visitors of ``make load``: search page, search API, autocomplete,
home, project pages and the open-data API. Each simulated user has an address
of its own (``X-Forwarded-For``; the stack trusts one proxy), as real visitors
behind the proxy have, so the per-address limits apply per user.

Project paths come from the ``LOAD_PROJECT_PATHS`` file (one path a line),
written by ``scripts/faults/load.py``.
"""

from __future__ import annotations

import os
import random
import sys
from pathlib import Path

from locust import HttpUser, between, task

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

# The fault runs' search words, so load and faults ask the same searches.
from scripts.faults.client import WORDS  # noqa: E402

PATHS_FILE = os.environ.get("LOAD_PROJECT_PATHS", "")
PROJECT_PATHS = (Path(PATHS_FILE).read_text().split() if PATHS_FILE else []) or [
    "/projekte/"
]


class Visitor(HttpUser):
    wait_time = between(1, 3)

    def on_start(self) -> None:
        octets = [random.randint(0, 255) for _ in range(2)] + [random.randint(1, 254)]  # noqa: S311
        self.client.headers["X-Forwarded-For"] = "10." + ".".join(map(str, octets))

    def _word(self) -> str:
        return random.choice(WORDS)  # noqa: S311

    @task(4)
    def search_page(self) -> None:
        self.client.get("/suche/", params={"q": self._word()}, name="/suche/?q=…")

    @task(3)
    def search_api(self) -> None:
        self.client.get(
            "/api/v1/search", params={"q": self._word()}, name="/api/v1/search?q=…"
        )

    @task(6)
    def autocomplete(self) -> None:
        self.client.get(
            "/api/v1/autocomplete",
            params={"q": self._word()[: random.randint(2, 6)]},  # noqa: S311
            name="/api/v1/autocomplete?q=…",
        )

    @task(2)
    def home(self) -> None:
        self.client.get("/", name="/")

    @task(4)
    def project_page(self) -> None:
        self.client.get(random.choice(PROJECT_PATHS), name="project page")  # noqa: S311

    @task(2)
    def open_data(self) -> None:
        self.client.get(
            "/api/v1/projects",
            params={"page": random.randint(1, 5)},  # noqa: S311
            name="/api/v1/projects?page=…",
        )
