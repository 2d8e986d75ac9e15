"""Import projects from a JSON or CSV file (schema: docs/import.md)."""

from __future__ import annotations

from pathlib import Path

from django.contrib.contenttypes.models import ContentType
from django.core.management.base import BaseCommand, CommandError
from django.db.models.signals import post_save
from wagtail.models import Revision

from kb.console import progress
from projects.models import ProjectPage
from website.importing import import_rows, read_rows
from website.importing.apply import SetupError
from website.importing.files import FileFormatError


class Command(BaseCommand):
    help = (
        "Projekte aus einer JSON- oder CSV-Datei importieren; "
        "external_id aktualisiert statt zu verdoppeln."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="Datei (.json oder .csv)")
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="nur prüfen, nichts speichern",
        )

    def handle(self, *args, file: Path, dry_run: bool, **options) -> None:
        try:
            rows = read_rows(file)
            project_type = ContentType.objects.get_for_model(ProjectPage)
            with progress(self.stdout, len(rows), "Import") as bar:
                # Each project's new revision is one step (one per row that
                # imports); rows with errors fill the bar at the end.
                def saved(sender, instance, created, **kwargs) -> None:
                    if created and instance.content_type_id == project_type.pk:
                        bar.advance()

                post_save.connect(saved, sender=Revision, weak=False)
                try:
                    report = import_rows(rows, dry_run=dry_run)
                finally:
                    post_save.disconnect(saved, sender=Revision)
        except (FileFormatError, SetupError) as exc:
            raise CommandError(str(exc)) from None
        for error in report.errors:
            self.stderr.write(str(error))
        prefix = "Probelauf (nichts gespeichert): " if dry_run else ""
        self.stdout.write(
            f"{prefix}{report.rows} Zeilen gelesen, {report.created} Projekte neu, "
            f"{report.updated} aktualisiert, {report.initiatives_created} Initiativen "
            f"neu, {report.failed_rows} Zeilen fehlerhaft."
        )
        if report.errors:
            raise CommandError(
                f"{report.failed_rows} Zeilen wurden nicht importiert (siehe oben)."
            )
