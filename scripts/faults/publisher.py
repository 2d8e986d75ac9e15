"""Publish live projects again, one after the other, as an editor does: in
the Wagtail admin over HTTP (``scripts/faults/editor.py``), the teaser
changed to "… (Fassung N)" and the form sent with ``action-publish``. Wagtail
saves a revision and publishes it (``page_published``, the outbox row in the
same transaction), in one of the stack's gunicorn workers.

``Publisher`` runs in a thread of ``make faults``; from the command line it
prints one JSON line (published, errors, page ids, status codes):

    python scripts/faults/publisher.py --count 20 --ids 5,6,7 \
        --user faults-editor --password …
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import threading
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from scripts.faults.editor import (  # noqa: E402
    AdminEditor,
    EditorError,
    published,
    value_of,
)

MARK = re.compile(r" \(Fassung \d+\)$")


class Publisher(threading.Thread):
    """``count`` publishes over ``ids`` (in turn), spread over ``seconds``."""

    def __init__(
        self,
        base_url: str,
        user: str,
        password: str,
        ids: list[int],
        count: int,
        seconds: float = 0.0,
        start: int = 0,
    ) -> None:
        super().__init__(daemon=True)
        self.editor = AdminEditor(base_url, user, password)
        self.ids = ids
        self.count = count
        self.seconds = seconds
        self.start_number = start
        self.result: dict = {}

    def run(self) -> None:
        pause = self.seconds / self.count if self.count else 0
        done, errors, touched = 0, [], []
        statuses: Counter[int] = Counter()
        started = time.monotonic()
        try:
            self.editor.log_in()
        except (EditorError, OSError) as error:
            errors.append(f"log-in: {error}"[:300])
        for number in range(self.count if not errors else 0):
            pk = self.ids[number % len(self.ids)]
            try:
                done_now, status = self._publish_one(pk, self.start_number + number)
            except (EditorError, OSError) as error:
                errors.append(f"{pk}: {type(error).__name__}: {error}"[:300])
                statuses[0] += 1
            else:
                statuses[status] += 1
                if done_now:
                    done += 1
                    touched.append(pk)
                else:
                    errors.append(f"{pk}: not published ({status})")
            wait = started + (number + 1) * pause - time.monotonic()
            if wait > 0:
                time.sleep(wait)
        self.result = {
            "published": done,
            "errors": errors,
            "ids": touched,
            "statuses": dict(statuses),
            "server_errors": sum(n for s, n in statuses.items() if s >= 500 or s == 0),
            "seconds": round(time.monotonic() - started, 1),
        }

    def _publish_one(self, pk: int, version: int) -> tuple[bool, int]:
        data = self.editor.edit_form(pk)
        teaser = MARK.sub("", value_of(data, "teaser"))[:270]
        response = self.editor.publish_form(
            pk, data, {"teaser": f"{teaser} (Fassung {version})"}
        )
        return published(response), response.status_code

    def outcome(self, timeout: float = 1800) -> dict:
        self.join(timeout)
        return self.result or {"published": 0, "errors": ["did not finish"], "ids": []}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--base-url", default="http://127.0.0.1:8090")
    parser.add_argument("--user", required=True)
    parser.add_argument("--password", required=True)
    parser.add_argument("--ids", required=True, help="page ids, comma-separated")
    parser.add_argument("--count", type=int, required=True)
    parser.add_argument("--seconds", type=float, default=0.0, help="spread over")
    parser.add_argument("--start", type=int, default=0, help="first version number")
    args = parser.parse_args()
    publisher = Publisher(
        args.base_url,
        args.user,
        args.password,
        [int(pk) for pk in args.ids.split(",")],
        args.count,
        args.seconds,
        args.start,
    )
    publisher.start()
    print(json.dumps(publisher.outcome()))


if __name__ == "__main__":
    main()
