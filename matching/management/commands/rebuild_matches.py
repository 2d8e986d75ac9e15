"""Recompute every project's matches in batches (editors' decisions stay)."""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand

from matching.service import rebuild_all


class Command(BaseCommand):
    help = "Alle Treffer neu berechnen (bestätigte und ausgeblendete bleiben)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--batch-size", type=int, default=200)

    def handle(self, *args, batch_size: int, **options) -> None:
        started = time.perf_counter()
        written = rebuild_all(batch_size=max(1, batch_size))
        elapsed = time.perf_counter() - started
        self.stdout.write(f"{written} Treffer berechnet in {elapsed:.1f} s.")
