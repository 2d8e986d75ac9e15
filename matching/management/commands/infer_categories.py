"""Give offers and needs without a person's category one from their text.

One-off backfill for data from before the classifier; running it again
changes nothing. Categories people chose are never touched."""

from __future__ import annotations

from django.core.management.base import BaseCommand
from django.db import transaction

from projects.models import ProjectNeed, ProjectOffer
from projects.models.project import CategorySource
from search.offer_categories import infer, vocabulary

FIELDS = ["category", "category_source", "category_confidence"]


class Command(BaseCommand):
    help = "Kategorien für Angebote und Bedarfe ohne Kategorie aus dem Text ableiten."

    def handle(self, *args, **options) -> None:
        categories = vocabulary()
        total = 0
        with transaction.atomic():
            for model in (ProjectOffer, ProjectNeed):
                items = list(
                    model.objects.exclude(category_source=CategorySource.PERSON)
                    .select_related("category")
                    .order_by("pk")
                )
                before = {i.pk: [getattr(i, f) for f in FIELDS] for i in items}
                infer(items, categories)
                changed = [
                    i for i in items if [getattr(i, f) for f in FIELDS] != before[i.pk]
                ]
                model.objects.bulk_update(changed, FIELDS, batch_size=500)
                total += len(changed)
        self.stdout.write(f"{total} Angebote und Bedarfe neu eingeordnet.")
        if total:
            self.stdout.write(
                "Danach „rebuild_search“ und „rebuild_matches“ ausführen, damit "
                "Suche und Treffer die Kategorien kennen."
            )
