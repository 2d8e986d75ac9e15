"""Export all projects to JSON or CSV in the import schema (docs/import.md)."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from website.importing import export_rows, write_rows
from website.importing.files import FileFormatError

# As in website.exports; not imported from there, which loads the search backends.
PERSONAL_KEYS = ("contact_name", "contact_email", "contact_phone")


class Command(BaseCommand):
    help = "Alle Projekte als JSON oder CSV exportieren (Format nach Dateiendung)."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="Zieldatei (.json oder .csv)")
        parser.add_argument(
            "--mit-kontaktdaten",
            action="store_true",
            dest="with_contacts",
            help=(
                "Namen, E-Mail-Adressen und Telefonnummern der Ansprechpersonen "
                "mit ausgeben (nur für eine Sicherung, nie zur Weitergabe)."
            ),
        )

    def handle(self, *args, file: Path, with_contacts: bool = False, **options) -> None:
        rows = export_rows()
        if not with_contacts:
            # Bulk files travel; personal contact data stays on the site.
            for row in rows:
                row.update(dict.fromkeys(PERSONAL_KEYS, ""))
        try:
            write_rows(file, rows)
        except FileFormatError as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(f"{len(rows)} Projekte nach {file} exportiert.")
