"""``make faults``: outages against a production-like stack on 127.0.0.1.

Each scenario is bounded in count and time and prints a row of the table at
the end. The lengths default to a short run; the issue's full lengths (#18,
section 8) are the values in brackets:

    FAULTS_ES_DOWN_SECONDS      Elasticsearch killed for … s        60  [300]
    FAULTS_PUBLISHES            publishes meanwhile                  60  [200]
    FAULTS_SLOW_SEARCHES        searches through the 3 s proxy       40
    FAULTS_REDIS_DOWN_SECONDS   Redis stopped for … s                40  [120]
    FAULTS_SIGNUPS              sign-ups meanwhile                   10
    FAULTS_CONTACTS             contact requests meanwhile           10
    FAULTS_DRAIN_KILLS          worker SIGKILLs mid-drain             2
    FAULTS_MAIL_KILL_MAILS      mails owed when the worker is killed 60
    FAULTS_MAIL_KILLS           worker SIGKILLs while sending mail    2
    FAULTS_MAIL_DELAY           seconds the sink takes per mail     0.1
    FAULTS_REBUILDS             rebuilds under writes                 2

    python scripts/faults/run.py [scenario …]   (es-down, es-slow, redis-down,
                                                 worker-kill, mail-kill, rebuild)
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import threading
import time
import uuid
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from scripts.faults.attach import project_paths  # noqa: E402
from scripts.faults.client import WORDS, Readers, Tally, Visitor  # noqa: E402
from scripts.faults.publisher import Publisher  # noqa: E402
from scripts.faults.stack import Stack, wait_for  # noqa: E402


def setting(name: str, default: int) -> int:
    return int(os.environ.get(f"FAULTS_{name}", default))


@dataclass
class Result:
    scenario: str
    ran: str
    requests: int = 0
    server_errors: int = 0
    figures: dict[str, object] = field(default_factory=dict)
    failures: list[str] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return not self.failures and self.server_errors == 0

    def expect(self, condition: bool, text: str) -> None:
        if not condition:
            self.failures.append(text)

    def add_tally(self, tally: Tally) -> None:
        self.requests += tally.requests
        self.server_errors += tally.server_errors
        if tally.errors:
            self.figures["first errors"] = tally.errors[:3]


class Faults:
    def __init__(self, stack: Stack) -> None:
        self.stack = stack
        self.run_id = uuid.uuid4().hex[:6]
        self.publish_number = 0
        self.project_paths = project_paths(stack)
        self.editor_login = stack.editor()
        self.project_ids = stack.django(
            "import json\nfrom projects.models import ProjectPage\n"
            "print(json.dumps(list(ProjectPage.objects.live().order_by('pk')"
            ".values_list('pk', flat=True))))"
        )

    # --- helpers ------------------------------------------------------------
    def readers(self, count: int = 3) -> Readers:
        return Readers(self.stack.base_url, self.project_paths, count=count).start()

    def publish(self, count: int, seconds: float) -> Publisher:
        """An editor publishing ``count`` projects through the admin over
        HTTP, spread over ``seconds``, in a thread."""
        start = self.publish_number
        self.publish_number += count
        user, password = self.editor_login
        publisher = Publisher(
            self.stack.base_url,
            user,
            password,
            self.project_ids,
            count,
            seconds,
            start,
        )
        publisher.start()
        return publisher

    @staticmethod
    def publish_result(publisher: Publisher, result: Result) -> dict:
        """Wait for the publishes; their requests count in ``result``."""
        published = publisher.outcome()
        statuses = published.get("statuses", {})
        # Each publish is two requests: the edit form and the POST.
        result.requests += 2 * sum(statuses.values())
        result.server_errors += published.get("server_errors", 0)
        result.figures["published"] = published["published"]
        result.expect(not published["errors"], f"publish errors {published['errors']}")
        return published

    def outbox(self) -> dict:
        """Pending and dead outbox entries, read straight from PostgreSQL
        (fast enough to catch a drain in the middle)."""
        import psycopg

        with psycopg.connect(
            f"postgresql://npa:npa@127.0.0.1:5432/{self.stack.database}"
        ) as connection:
            pending, dead = connection.execute(
                "SELECT count(*) FILTER (WHERE dead_at IS NULL), "
                "count(*) FILTER (WHERE dead_at IS NOT NULL) FROM search_outboxentry"
            ).fetchone()
        return {"pending": pending, "dead": dead}

    def wait_for_drain(self, timeout: float = 300) -> float:
        started = time.monotonic()
        wait_for(lambda: self.outbox()["pending"] == 0, timeout, "the outbox drain", 2)
        return time.monotonic() - started

    def settle(self, timeout: float = 600) -> float:
        """Wait until the stack is idle: outbox drained, no task queued and
        no match recomputed for 10 s. A fresh stack indexes and recomputes
        matches for minutes after it answers; a recompute replaces match
        rows, and a contact form opened on a replaced match answers 404."""
        import psycopg

        started = time.monotonic()
        self.wait_for_drain(timeout)

        def idle() -> bool:
            queued = subprocess.run(  # noqa: S603
                ["redis-cli", "-p", str(self.stack.ports.redis), "llen", "celery"],  # noqa: S607
                capture_output=True,
                text=True,
                check=False,
                timeout=5,
            ).stdout.strip()
            with psycopg.connect(
                f"postgresql://npa:npa@127.0.0.1:5432/{self.stack.database}"
            ) as connection:
                (quiet,) = connection.execute(
                    "SELECT coalesce(max(computed_at) < now() - interval '10 s', true)"
                    " FROM matching_match"
                ).fetchone()
            return queued == "0" and quiet

        wait_for(idle, timeout, "an idle stack", 2)
        return time.monotonic() - started

    def drift(self) -> dict[str, int]:
        out = self.stack.manage("reconcile_search", "--report-only")
        totals = Counter()
        for kind in ("missing", "stale", "orphaned"):
            totals[kind] = sum(int(n) for n in re.findall(rf"(\d+) {kind}", out))
        return dict(totals)

    # --- scenarios -------------------------------------------------------------
    def es_down(self) -> Result:
        seconds = setting("ES_DOWN_SECONDS", 60)
        count = setting("PUBLISHES", 60)
        result = Result(
            "Elasticsearch killed",
            f"SIGKILL for {seconds} s during {count} publishes, readers on",
        )
        readers = self.readers()
        publisher = self.publish(count, seconds)
        time.sleep(min(5, seconds / 10))
        self.stack.kill_es()
        time.sleep(seconds)
        self.stack.start_es()
        self.publish_result(publisher, result)
        tally = readers.stop()
        result.add_tally(tally)
        result.figures["drain after restart s"] = round(self.wait_for_drain(), 1)
        drift = self.drift()
        result.figures["drift"] = drift
        result.expect(sum(drift.values()) == 0, f"drift {drift}")
        return result

    def es_slow(self) -> Result:
        count = setting("SLOW_SEARCHES", 40)
        budget = float(os.environ.get("EXPORT_TIME_BUDGET", 15))
        result = Result(
            "Elasticsearch slowed",
            f"proxy adds 3 s; {count} searches, 3 exports",
        )
        self.stack.start_proxy(delay=3.0)
        tally = Tally()
        visitor = Visitor(self.stack.base_url)
        breaker_seen = False
        try:
            for number in range(count):
                word = WORDS[number % len(WORDS)]
                kind = "search API" if number % 2 else "search page"
                path = (
                    f"/api/v1/search?q={word}&page={number % 5 + 1}"
                    if number % 2
                    else f"/suche/?q={word}&page={number % 5 + 1}"
                )
                started = time.monotonic()
                response = visitor.request("GET", path)
                tally.add(kind, response.status_code, time.monotonic() - started)
                if number == 10:
                    breaker_seen = self.stack.django(
                        "import json\nfrom search.breaker import is_open\n"
                        "print(json.dumps(is_open()))"
                    )
            for word in WORDS[:3]:
                started = time.monotonic()
                response = visitor.request("GET", f"/suche/export.csv?q={word}")
                tally.add("export", response.status_code, time.monotonic() - started)
        finally:
            self.stack.start_proxy(delay=0.0)
        result.add_tally(tally)
        searches = sorted(tally.seconds["search API"] + tally.seconds["search page"])
        p95 = searches[min(len(searches) - 1, int(0.95 * len(searches)))]
        slowest_export = max(tally.seconds["export"])
        result.figures.update(
            {
                "search p50 s": round(searches[len(searches) // 2], 2),
                "search p95 s": round(p95, 2),
                "breaker open": breaker_seen,
                "slowest export s": round(slowest_export, 2),
                "export statuses": dict(tally.statuses["export"]),
            }
        )
        result.expect(p95 <= 2.5, f"search p95 {p95:.2f} s > 2.5 s")
        result.expect(bool(breaker_seen), "the breaker did not open")
        result.expect(slowest_export <= budget, f"export {slowest_export:.1f} s")
        return result

    def redis_down(self) -> Result:
        seconds = setting("REDIS_DOWN_SECONDS", 40)
        signups = setting("SIGNUPS", 10)
        contacts = setting("CONTACTS", 10)
        publishes = max(1, setting("PUBLISHES", 60) // 4)
        result = Result(
            "Redis stopped",
            f"{seconds} s; {signups} sign-ups, {contacts} contact requests, "
            f"{publishes} publishes",
        )
        result.figures["settled s"] = round(self.settle(), 1)
        matches = self.stack.django(
            "import json\nfrom matching.models import Match\n"
            "print(json.dumps(list(Match.objects.exclude(target__contact_email='')"
            ".exclude(state='hidden').values_list('pk', flat=True)[:200])))"
        )
        result.expect(bool(matches), "no match with a contact address")
        # Forms as a visitor saw them before the outage (timestamps need 3 s).
        signup_visitor = Visitor(self.stack.base_url)
        signup_form = signup_visitor.form("/konto/registrieren/")
        contact_visitor = Visitor(self.stack.base_url)
        contact_forms = {
            pk: contact_visitor.form(f"/treffer/{pk}/kontakt/") for pk in matches[:20]
        }
        time.sleep(3.5)
        readers = self.readers()
        self.stack.stop_redis()
        outage_started = time.monotonic()
        publisher = self.publish(publishes, seconds * 0.8)
        tally = Tally()
        signup_emails = [
            f"signup-{self.run_id}-{n}@faults.test" for n in range(signups)
        ]
        contact_senders = [
            f"contact-{self.run_id}-{n}@faults.test" for n in range(contacts)
        ]
        for number, email in enumerate(signup_emails):
            self._post(
                tally,
                "sign-up",
                signup_visitor,
                "/konto/registrieren/",
                {
                    **signup_form,
                    "organisation": f"Störungstest {self.run_id} {number}",
                    "contact_name": f"Person {number}",
                    "email": email,
                    "password1": "Fault-Run-Passwort-2026",
                    "password2": "Fault-Run-Passwort-2026",
                    "accept_terms": "on",
                    "accept_privacy": "on",
                },
            )
        pks = list(contact_forms)
        for number, email in enumerate(contact_senders):
            pk = pks[number % len(pks)]
            self._post(
                tally,
                "contact request",
                contact_visitor,
                f"/treffer/{pk}/kontakt/",
                {
                    **contact_forms[pk],
                    "sender_name": f"Absender {number}",
                    "sender_email": email,
                    "message": f"Störungstest {self.run_id} Nachricht {number}",
                    "consent": "on",
                },
            )
        remaining = seconds - (time.monotonic() - outage_started)
        if remaining > 0:
            time.sleep(remaining)
        self.stack.start_redis()
        recovered = time.monotonic()
        # Verification and confirmation mails: each exactly once.
        expected = signup_emails + contact_senders
        try:
            wait_for(
                lambda: set(expected) <= self._recipients(), 300, "the swept mails", 2
            )
        except RuntimeError as error:
            result.failures.append(str(error))
        result.figures["mails swept after s"] = round(time.monotonic() - recovered, 1)
        self.publish_result(publisher, result)
        # The senders confirm; each relay must reach its project once.
        confirmed = 0
        for mail in self.stack.mails():
            if mail["to"][0] in contact_senders:
                link = re.search(r"/kontakt/bestaetigen/[^/\s]+/", mail["body"])
                if link:
                    fields = contact_visitor.form(link.group(0))
                    self._post(
                        tally, "confirmation", contact_visitor, link.group(0), fields
                    )
                    confirmed += 1
        marker = f"Störungstest {self.run_id} Nachricht"
        try:
            wait_for(lambda: self._relays(marker) >= confirmed, 120, "the relays", 2)
        except RuntimeError as error:
            result.failures.append(str(error))
        # Long enough for a second sweep to send anything twice.
        time.sleep(2 * int(self.stack.env["MAIL_SWEEP_INTERVAL"]) + 5)
        result.add_tally(readers.stop())
        result.add_tally(tally)
        result.figures["answers"] = {
            kind: dict(tally.statuses[kind])
            for kind in ("sign-up", "contact request", "confirmation")
        }
        if tally.errors:
            result.figures["refused"] = tally.errors[:5]
        counts = Counter(
            to for mail in self.stack.mails() for to in mail["to"] if to in expected
        )
        relays = self._relays(marker)
        result.figures.update(
            {
                "verification/confirmation mails": sum(counts.values()),
                "relays": relays,
                "expected": f"{len(expected)} + {confirmed} relays",
            }
        )
        result.expect(
            all(counts[address] == 1 for address in expected),
            f"mails not exactly once: {dict(counts)}",
        )
        result.expect(relays == confirmed, f"{relays} relays for {confirmed}")
        result.figures["drain s"] = round(self.wait_for_drain(), 1)
        return result

    def _post(self, tally: Tally, kind, visitor: Visitor, path: str, data) -> None:
        started = time.monotonic()
        try:
            response = visitor.request("POST", path, data=data)
        except Exception as error:  # noqa: BLE001  (tallied)
            tally.error(kind, str(error))
            return
        tally.add(kind, response.status_code, time.monotonic() - started)
        if response.status_code >= 400:
            tally.errors.append(f"{kind} {path}: {response.status_code}")

    def _recipients(self) -> set[str]:
        return {to for mail in self.stack.mails() for to in mail["to"]}

    def _relays(self, marker: str) -> int:
        return sum(1 for mail in self.stack.mails() if marker in mail["body"])

    def worker_kill(self) -> Result:
        kills = setting("DRAIN_KILLS", 2)
        result = Result(
            "Worker SIGKILLed mid-drain",
            f"{kills}× every live page recorded 3 times, worker killed mid-drain",
        )
        readers = self.readers(2)
        caught = []
        for _ in range(kills):
            # Every live page three times: several batches of 200 entries,
            # so the kill finds one committed and the next in flight.
            total = self.stack.django(
                "import json\nfrom django.db import transaction\n"
                "from wagtail.models import Page\nfrom search import outbox\n"
                "with transaction.atomic():\n"
                "    pages = list(Page.objects.live().specific()) * 3\n"
                "    entries = [outbox.record(page) for page in pages]\n"
                "print(json.dumps(sum(1 for e in entries if e)))"
            )
            # Kill once the drain has started and before it has finished.
            deadline = time.monotonic() + 60
            pending = total
            while time.monotonic() < deadline:
                pending = self.outbox()["pending"]
                if pending < total:
                    break
                time.sleep(0.02)
            self.stack.kill_worker()
            caught.append(f"{pending}/{total}")
            time.sleep(2)
            self.stack.start_worker()
            self.wait_for_drain()
        result.add_tally(readers.stop())
        state = self.outbox()
        drift = self.drift()
        counts = self.stack.django(
            "import json\nfrom search.client import get_client\n"
            "from search.documents import DOCUMENTS\n"
            "from search.maintenance import public_pages\n"
            "print(json.dumps({f'{a}.{m}': [public_pages(d).count(), "
            "get_client().count(index=d._index._name)['count']] "
            "for (a, m), d in DOCUMENTS.items()}))"
        )
        result.figures.update(
            {
                "pending at kill": caught,
                "dead letters": state["dead"],
                "drift": drift,
                "database/index": counts,
            }
        )
        result.expect(sum(drift.values()) == 0, f"drift {drift}")
        result.expect(state["dead"] == 0, "dead letters")
        result.expect(
            all(db == index for db, index in counts.values()), f"counts {counts}"
        )
        return result

    def mail_kill(self) -> Result:
        """Verification mails owed by rows older than the sweep's grace; the
        sink takes ``FAULTS_MAIL_DELAY`` s per message, so the worker is
        killed (SIGKILL, pool included) while it sends, after a third has
        arrived; restarted, the sweeper sends the rest."""
        count = setting("MAIL_KILL_MAILS", 60)
        kills = setting("MAIL_KILLS", 2)
        delay = float(os.environ.get("FAULTS_MAIL_DELAY", "0.1"))
        result = Result(
            "Worker SIGKILLed while sending mail",
            f"{kills}× {count} verification mails, sink {delay} s per mail, "
            "worker killed after a third",
        )
        self.stack.start_smtp(delay=delay)
        grace = int(self.stack.env["MAIL_SWEEP_GRACE_SECONDS"])
        lost, duplicates, at_kill = [], [], []
        try:
            for round_number in range(kills):
                tag = f"mailkill-{self.run_id}-{round_number}"
                addresses = [f"{tag}-{n}@faults.test" for n in range(count)]
                # Owed mails, as sign-ups during a broker outage leave them:
                # a row each, old enough for the next sweep.
                self.stack.django(
                    "import json\nfrom datetime import timedelta\n"
                    "from django.contrib.auth import get_user_model\n"
                    "from django.utils import timezone\n"
                    "from accounts.models import Verification\n"
                    f"then = timezone.now() - timedelta(seconds={grace + 5})\n"
                    f"for address in {addresses!r}:\n"
                    "    user = get_user_model().objects.create_user("
                    "address, address, None, is_active=False, first_name='Test')\n"
                    "    Verification.objects.create(user=user, requested_at=then)\n"
                    "print(json.dumps(True))"
                )
                wanted = set(addresses)
                wait_for(
                    lambda wanted=wanted: len(self._received(wanted)) >= count // 3,
                    120,
                    "the first third of the mails",
                    0.05,
                )
                self.stack.kill_worker()
                at_kill.append(f"{len(self._received(wanted))}/{count}")
                time.sleep(2)
                self.stack.start_worker()
                try:
                    wait_for(
                        lambda wanted=wanted: self._received(wanted) == wanted,
                        180,
                        "the rest of the mails",
                        1,
                    )
                except RuntimeError as error:
                    result.failures.append(str(error))
                # Two more sweeps: nothing may come twice later on.
                time.sleep(2 * int(self.stack.env["MAIL_SWEEP_INTERVAL"]) + 5)
                counts = Counter(
                    to
                    for mail in self.stack.mails()
                    for to in mail["to"]
                    if to in wanted
                )
                lost.append(sum(1 for address in wanted if not counts[address]))
                duplicates.append(sum(n - 1 for n in counts.values() if n > 1))
        finally:
            self.stack.start_smtp()
        unsent = self.stack.django(
            "import json\nfrom accounts.models import Verification\n"
            f"print(json.dumps(Verification.objects.filter("
            f"user__email__startswith='mailkill-{self.run_id}-', "
            "sent_at=None).count()))"
        )
        result.figures.update(
            {
                "received at kill": at_kill,
                "lost": lost,
                "duplicates": duplicates,
                "rows unsent": unsent,
            }
        )
        result.expect(sum(lost) == 0, f"lost {lost}")
        result.expect(unsent == 0, f"{unsent} rows unsent")
        # At-least-once: a mail the sink accepted after the kill's moment but
        # before the worker committed its row comes again. At most one per
        # pool process that was sending (concurrency 2).
        result.expect(
            all(n <= 2 for n in duplicates), f"duplicates {duplicates} > senders"
        )
        return result

    def _received(self, wanted: set[str]) -> set[str]:
        return {to for mail in self.stack.mails() for to in mail["to"] if to in wanted}

    def rebuild(self) -> Result:
        rebuilds = setting("REBUILDS", 2)
        publishes = max(10, setting("PUBLISHES", 60) // 2)
        result = Result(
            "Rebuild under writes",
            f"{rebuilds} rebuilds during {publishes} publishes, a search every 0.1 s",
        )
        probe = Visitor(self.stack.base_url)
        stop = threading.Event()
        empty, probes = [0], [0]
        tally = Tally()

        def search_all_the_time() -> None:
            while not stop.is_set():
                started = time.monotonic()
                try:
                    response = probe.request("GET", "/api/v1/search?q=Integration")
                except Exception as error:  # noqa: BLE001  (tallied)
                    tally.error("probe", str(error))
                    continue
                tally.add("probe", response.status_code, time.monotonic() - started)
                probes[0] += 1
                if response.status_code == 200 and not response.json()["results"]:
                    empty[0] += 1
                time.sleep(0.1)

        thread = threading.Thread(target=search_all_the_time, daemon=True)
        thread.start()
        readers = self.readers(2)
        publisher = self.publish(publishes, 40)
        for _ in range(rebuilds):
            self.stack.manage("rebuild_search")
        self.publish_result(publisher, result)
        self.wait_for_drain()
        stop.set()
        thread.join(timeout=30)
        result.add_tally(readers.stop())
        result.add_tally(tally)
        drift = self.drift()
        result.figures.update(
            {
                "probes": probes[0],
                "empty results": empty[0],
                "drift": drift,
            }
        )
        result.expect(empty[0] == 0, f"{empty[0]} empty results")
        result.expect(sum(drift.values()) == 0, f"drift {drift}")
        return result


SCENARIOS = {
    "es-down": Faults.es_down,
    "es-slow": Faults.es_slow,
    "redis-down": Faults.redis_down,
    "worker-kill": Faults.worker_kill,
    "mail-kill": Faults.mail_kill,
    "rebuild": Faults.rebuild,
}


def table(results: list[Result]) -> str:
    lines = [
        "| scenario | ran | requests | 5xx/errors | figures | result |",
        "|---|---|---|---|---|---|",
    ]
    for r in results:
        figures = "; ".join(
            f"{k}: {v}" for k, v in r.figures.items() if k != "first errors"
        )
        verdict = "pass" if r.passed else "FAIL: " + "; ".join(r.failures)[:300]
        lines.append(
            f"| {r.scenario} | {r.ran} | {r.requests} | {r.server_errors} "
            f"| {figures} | {verdict} |"
        )
    return "\n".join(lines)


def main(names: list[str]) -> int:
    unknown = set(names) - set(SCENARIOS)
    if unknown:
        print(f"Unknown scenarios: {', '.join(sorted(unknown))}", file=sys.stderr)
        return 2
    stack = Stack()
    stack.up(fresh=os.environ.get("FAULTS_FRESH", "1") == "1")
    results: list[Result] = []
    try:
        faults = Faults(stack)
        for name in names or list(SCENARIOS):
            started = time.monotonic()
            print(f"[faults] {name} …", flush=True)
            try:
                result = SCENARIOS[name](faults)
            except Exception as error:  # noqa: BLE001  (a row of its own)
                result = Result(name, "aborted")
                result.failures.append(f"{type(error).__name__}: {error}"[:300])
            result.figures["took s"] = round(time.monotonic() - started)
            results.append(result)
            print(table([result]).splitlines()[-1], flush=True)
    finally:
        if os.environ.get("FAULTS_KEEP") != "1":
            stack.down()
    print()
    print(table(results))
    return 0 if all(r.passed for r in results) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
