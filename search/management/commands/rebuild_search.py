from django.core.management.base import BaseCommand, CommandParser

from search import db_terms
from search.client import is_configured
from search.documents import DOCUMENTS
from search.maintenance import DEFAULT_BATCH_SIZE, rebuild


class Command(BaseCommand):
    help = "Bulk-load new search indices and swap their aliases atomically."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--batch-size", type=int, default=DEFAULT_BATCH_SIZE)

    def handle(self, *args, batch_size: int, **options) -> None:
        if batch_size < 1:
            self.stderr.write("--batch-size muss mindestens 1 sein.")
            return
        if db_terms.is_active():
            count = db_terms.rebuild()
            self.stdout.write(f"projects.projectpage: {count} → {db_terms.table()}")
        if not is_configured():
            return
        for (app_label, model_name), document_class in DOCUMENTS.items():
            index, count = rebuild(document_class, batch_size=batch_size)
            self.stdout.write(f"{app_label}.{model_name}: {count} → {index}")
