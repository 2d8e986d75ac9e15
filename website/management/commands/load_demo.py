"""Load the German demo content; running it twice changes nothing."""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand
from wagtail.signals import page_published

from kb.console import progress
from website.demo.builder import build
from website.demo.data import INITIATIVES, PROJECTS

# The bar counts the published initiatives and projects; the other demo pages
# (home, indexes, articles, events) are few and quick.
COUNTED = {"initiativepage", "projectpage"}


class Command(BaseCommand):
    help = "Die deutsche Demo-Seite aufbauen (idempotent, nach Kürzel)."

    def handle(self, *args, **options) -> None:
        started = time.perf_counter()
        total = len(INITIATIVES) + len(PROJECTS)
        with progress(self.stdout, total, "Demo-Inhalte") as bar:

            def published(sender, instance, **kwargs) -> None:
                if instance._meta.model_name in COUNTED:
                    bar.advance()

            page_published.connect(published, weak=False)
            try:
                summary = build()
            finally:
                page_published.disconnect(published)
        if summary.skipped:
            self.stdout.write(
                f"Demo-Inhalte sind schon vollständig ({summary.projects} Projekte)."
            )
            return
        self.stdout.write(
            f"Demo-Inhalte bereit: {summary.projects} Projekte, "
            f"{summary.initiatives} Initiativen "
            f"({time.perf_counter() - started:.0f} s)."
        )
