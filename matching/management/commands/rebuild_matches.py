"""Recompute every project's matches in batches (editors' decisions stay)."""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand

from kb.console import progress
from matching.service import rebuild_all


class Command(BaseCommand):
    help = "Alle Treffer neu berechnen (bestätigte und ausgeblendete bleiben)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--batch-size", type=int, default=200)
        parser.add_argument(
            "--processes",
            type=int,
            default=None,
            help="Prozesse für die Bewertung (Standard: zwei ab 2000 Projekten).",
        )

    def handle(
        self, *args, batch_size: int, processes: int | None = None, **options
    ) -> None:
        started = time.perf_counter()
        # The total is known once the command has read the project list.
        with progress(self.stdout, 0, "Treffer") as bar:

            def start(projects: int) -> None:
                bar.total = projects

            written = rebuild_all(
                batch_size=max(1, batch_size),
                on_start=start,
                on_batch=bar.advance,
                processes=processes,
            )
        elapsed = time.perf_counter() - started
        self.stdout.write(
            f"{written} Treffer berechnet für {bar.total} Projekte in {elapsed:.1f} s."
        )
