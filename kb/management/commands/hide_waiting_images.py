"""Move the files of members' uploads that still wait for approval out of
MEDIA_ROOT into the private storage (once, for uploads from before it)."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from kb.images import make_private
from kb.models import ImageModeration


class Command(BaseCommand):
    help = "Moves waiting uploads' files from MEDIA_ROOT to PRIVATE_MEDIA_ROOT."

    def handle(self, *args, **options) -> None:
        waiting = ImageModeration.objects.filter(
            state=ImageModeration.State.PENDING
        ).select_related("image")
        moved = sum(make_private(row.image) for row in waiting)
        self.stdout.write(f"{moved} Dateien in den privaten Speicher verschoben.")
