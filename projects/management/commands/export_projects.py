"""Export all projects to JSON or CSV in the import schema (docs/import.md)."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from projects.importing import export_rows, write_rows
from projects.importing.files import FileFormatError


class Command(BaseCommand):
    help = "Alle Projekte als JSON oder CSV exportieren (Format nach Dateiendung)."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="Zieldatei (.json oder .csv)")

    def handle(self, *args, file: Path, **options) -> None:
        rows = export_rows()
        try:
            write_rows(file, rows)
        except FileFormatError as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(f"{len(rows)} Projekte nach {file} exportiert.")
