"""Create the site's skeleton without demo content; running it twice changes
nothing. The taxonomy comes from migrations; this adds the home page and the
index pages every import and editor needs."""

from __future__ import annotations

from django.core.management.base import BaseCommand
from django.db import transaction

from kb.models import ArticleIndexPage, EventIndexPage, PartnerDirectoryPage
from projects.models import InitiativeIndexPage, ProjectIndexPage
from website.demo.pages import ensure_child, ensure_home

INDEXES = (
    (
        ProjectIndexPage,
        "projekte",
        "Projekte",
        "Gute Beispiele aus ganz Niedersachsen.",
    ),
    (
        InitiativeIndexPage,
        "initiativen",
        "Initiativen",
        "Vereine, Gemeinden, Verbände und Betriebe, die in Niedersachsen "
        "Integration gestalten.",
    ),
    (ArticleIndexPage, "wissen", "Wissen", "Erfahrungen und Empfehlungen."),
    (EventIndexPage, "veranstaltungen", "Veranstaltungen", ""),
    (PartnerDirectoryPage, "partner", "Partner", ""),
)


class Command(BaseCommand):
    help = (
        "Das Grundgerüst der Seite anlegen (Startseite, Übersichtsseiten), "
        "ohne Demo-Inhalte."
    )

    @transaction.atomic
    def handle(self, *args, **options) -> None:
        home = ensure_home()
        created = 0
        for model, slug, title, intro in INDEXES:
            if model.objects.child_of(home).exists():
                continue
            values = {"title": title, "intro": intro} if intro else {"title": title}
            ensure_child(home, model, slug, **values)
            created += 1
        self.stdout.write(
            f"Grundgerüst bereit: Startseite „{home.title}“, "
            f"{created} Übersichtsseiten neu."
        )
