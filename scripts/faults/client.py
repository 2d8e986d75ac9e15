"""HTTP visitors for the fault runs: each has an address of its own (sent as
``X-Forwarded-For``, which the stack trusts one hop of), its own cookies and
the form tokens a browser would carry."""

from __future__ import annotations

import random
import re
import threading
import time
from collections import defaultdict
from dataclasses import dataclass, field

import requests

CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
FORM_TS = re.compile(r'name="form_ts" value="([^"]+)"')
WORDS = (
    "Sprachcafé",
    "Deutschkurs",
    "Patenschaft",
    "Ausbildung",
    "Frauen",
    "Wohnung",
    "Hannover",
    "Dolmetscher gesucht",
    "Hausaufgabenhilfe",
    "Fahrrad",
    "Begegnung",
    "Beratung",
    "Kinder",
    "Arbeit",
    "Ehrenamt",
    "Nähcafé",
    "Lotsen",
    "Osnabrück",
    "Sport",
    "Musik",
)


def random_address() -> str:
    octets = [random.randint(0, 255), random.randint(0, 255), random.randint(1, 254)]  # noqa: S311
    return "10." + ".".join(map(str, octets))


class Visitor:
    """One browser. Cookies are kept by hand: the production settings mark
    them Secure, and this client speaks plain HTTP to 127.0.0.1."""

    def __init__(self, base_url: str, timeout: float = 30.0) -> None:
        self.base_url = base_url
        self.address = random_address()
        self.cookies: dict[str, str] = {}
        self.session = requests.Session()
        self.timeout = timeout

    def request(self, method: str, path: str, **kwargs) -> requests.Response:
        headers = {"X-Forwarded-For": self.address, **kwargs.pop("headers", {})}
        response = self.session.request(
            method,
            self.base_url + path,
            headers=headers,
            cookies=self.cookies,
            timeout=self.timeout,
            allow_redirects=False,
            **kwargs,
        )
        self.cookies.update(response.cookies.get_dict())
        self.session.cookies.clear()
        return response

    def form(self, path: str) -> dict[str, str]:
        """The hidden fields of the form at ``path`` (CSRF, timestamp)."""
        html = self.request("GET", path).text
        fields = {}
        if match := CSRF_INPUT.search(html):
            fields["csrfmiddlewaretoken"] = match.group(1)
        if match := FORM_TS.search(html):
            fields["form_ts"] = match.group(1)
        return fields


@dataclass
class Tally:
    """Requests by kind: status codes, errors and durations."""

    statuses: dict[str, dict[int, int]] = field(
        default_factory=lambda: defaultdict(lambda: defaultdict(int))
    )
    seconds: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, kind: str, status: int, seconds: float) -> None:
        with self.lock:
            self.statuses[kind][status] += 1
            self.seconds[kind].append(seconds)

    def error(self, kind: str, text: str) -> None:
        with self.lock:
            self.statuses[kind][0] += 1
            self.errors.append(f"{kind}: {text}"[:200])

    @property
    def requests(self) -> int:
        return sum(sum(codes.values()) for codes in self.statuses.values())

    @property
    def server_errors(self) -> int:
        return sum(
            count
            for codes in self.statuses.values()
            for status, count in codes.items()
            if status >= 500 or status == 0
        )

    def percentile(self, kind: str, share: float) -> float:
        values = sorted(self.seconds.get(kind, []))
        if not values:
            return 0.0
        return values[min(len(values) - 1, int(share * len(values)))]


def reader_paths(project_paths: list[str]) -> list[tuple[str, str]]:
    """(kind, path) a visitor reads: search page, search API, autocomplete,
    home and project pages. Random pages defeat the page cache."""
    word = random.choice(WORDS)  # noqa: S311
    page = random.randint(1, 3)  # noqa: S311
    return [
        ("search page", f"/suche/?q={word}&page={page}"),
        ("search API", f"/api/v1/search?q={word}&page={page}"),
        ("autocomplete", f"/api/v1/autocomplete?q={word[:4]}"),
        ("home", "/"),
        ("project page", random.choice(project_paths)),  # noqa: S311
    ]


class Readers:
    """``count`` threads reading pages until ``stop()``; each request is
    tallied."""

    def __init__(
        self,
        base_url: str,
        project_paths: list[str],
        count: int = 4,
        pause: float = 0.2,
    ) -> None:
        self.base_url = base_url
        self.project_paths = project_paths
        self.count = count
        self.pause = pause
        self.tally = Tally()
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []

    def start(self) -> Readers:
        for _ in range(self.count):
            thread = threading.Thread(target=self._run, daemon=True)
            thread.start()
            self._threads.append(thread)
        return self

    def stop(self) -> Tally:
        self._stop.set()
        for thread in self._threads:
            thread.join(timeout=60)
        return self.tally

    def _run(self) -> None:
        visitor = Visitor(self.base_url)
        while not self._stop.is_set():
            for kind, path in reader_paths(self.project_paths):
                if self._stop.is_set():
                    return
                self._read(visitor, kind, path)
                time.sleep(self.pause)

    def _read(self, visitor: Visitor, kind: str, path: str) -> None:
        started = time.monotonic()
        try:
            response = visitor.request("GET", path)
        except requests.RequestException as error:
            self.tally.error(kind, str(error))
            return
        self.tally.add(kind, response.status_code, time.monotonic() - started)
