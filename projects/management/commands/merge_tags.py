"""Merge several free tags into one, keeping every tagged item."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from taggit.models import Tag

from projects.models import ProjectPageTag


class Command(BaseCommand):
    help = "Merge tags: manage.py merge_tags Deutschkurs Sprachkurs --into Sprachkurs"

    def add_arguments(self, parser):
        parser.add_argument("sources", nargs="+", help="names of the tags to merge")
        parser.add_argument("--into", required=True, help="name of the tag to keep")

    @transaction.atomic
    def handle(self, *args, sources: list[str], into: str, **options) -> None:
        target, _ = Tag.objects.get_or_create(name=into)
        merged = 0
        for name in sources:
            tag = Tag.objects.filter(name=name).exclude(pk=target.pk).first()
            if tag is None:
                if name != into:
                    raise CommandError(f"Schlagwort „{name}“ gibt es nicht.")
                continue
            for item in ProjectPageTag.objects.filter(tag=tag):
                if ProjectPageTag.objects.filter(
                    tag=target, content_object_id=item.content_object_id
                ).exists():
                    item.delete()
                else:
                    item.tag = target
                    item.save(update_fields=["tag"])
            tag.delete()
            merged += 1
        self.stdout.write(f"{merged} Schlagwörter in „{target.name}“ zusammengeführt.")
