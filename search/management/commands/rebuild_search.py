from django.core.management.base import BaseCommand, CommandParser

from kb.console import progress
from search import db_terms
from search.client import is_configured
from search.documents import DOCUMENTS
from search.maintenance import DEFAULT_BATCH_SIZE, public_pages, rebuild


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
        summary = []
        for (app_label, model_name), document_class in DOCUMENTS.items():
            total = public_pages(document_class).count()
            batches = -(-total // batch_size)
            with progress(self.stdout, batches, f"{app_label}.{model_name}") as bar:
                index, count = rebuild(
                    document_class, batch_size=batch_size, after_batch=bar.advance
                )
            summary.append(f"{app_label}.{model_name}: {count} → {index}")
        for line in summary:
            self.stdout.write(line)
