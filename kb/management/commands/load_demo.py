"""Load the German demo content; running it twice changes nothing."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from kb.demo.builder import build


class Command(BaseCommand):
    help = "Die deutsche Demo-Seite aufbauen (idempotent, nach Kürzel)."

    def handle(self, *args, **options) -> None:
        summary = build()
        if summary.skipped:
            self.stdout.write(
                f"Demo-Inhalte sind schon vollständig ({summary.projects} Projekte)."
            )
            return
        self.stdout.write(
            f"Demo-Inhalte bereit: {summary.projects} Projekte, "
            f"{summary.initiatives} Initiativen."
        )
