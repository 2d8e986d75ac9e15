from django.core.management.base import BaseCommand, CommandParser

from search.maintenance import reconcile


class Command(BaseCommand):
    help = "Report (and with --repair fix) drift between database and index."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--report-only", action="store_true")

    def handle(self, *args, report_only: bool, **options) -> None:
        for drift in reconcile(repair=not report_only):
            self.stdout.write(
                f"{drift.label}: {len(drift.missing)} missing, "
                f"{len(drift.stale)} stale, {len(drift.orphaned)} orphaned"
                + ("" if report_only or not drift.ids else " – repaired")
            )
