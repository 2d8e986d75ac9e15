"""Publish live projects again, one after the other, as an editor would:
a new revision with a changed teaser, then ``publish()`` (Wagtail's
``page_published`` signal, the outbox row in the same transaction).

Runs inside the stack's environment (``Stack.env``) and prints one JSON line:
how many were published, which failed with which error, and the page ids.

    python scripts/faults/publisher.py --count 200 --seconds 300
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")

import django  # noqa: E402

django.setup()

from projects.models import ProjectPage  # noqa: E402

MARK = re.compile(r" \(Fassung \d+\)$")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, required=True)
    parser.add_argument("--seconds", type=float, default=0.0, help="spread over")
    parser.add_argument("--start", type=int, default=0, help="first version number")
    args = parser.parse_args()
    ids = list(ProjectPage.objects.live().order_by("pk").values_list("pk", flat=True))
    pause = args.seconds / args.count if args.count else 0
    published, errors, touched = 0, [], []
    started = time.monotonic()
    for number in range(args.count):
        pk = ids[number % len(ids)]
        try:
            page = ProjectPage.objects.get(pk=pk)
            teaser = MARK.sub("", page.teaser)[:270]
            page.teaser = f"{teaser} (Fassung {args.start + number})"
            page.save_revision().publish()
            published += 1
            touched.append(pk)
        except Exception as error:  # noqa: BLE001  (reported, the run goes on)
            errors.append(f"{pk}: {type(error).__name__}: {error}"[:300])
        wait = started + (number + 1) * pause - time.monotonic()
        if wait > 0:
            time.sleep(wait)
    print(
        json.dumps(
            {
                "published": published,
                "errors": errors,
                "ids": touched,
                "seconds": round(time.monotonic() - started, 1),
            }
        )
    )


if __name__ == "__main__":
    main()
