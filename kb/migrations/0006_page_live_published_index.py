"""An index of live pages by publication date for the region and district
listings (``kb.listings``): PostgreSQL walks the ids and dates of live pages
from the index alone, newest first, instead of scanning the wide page table.

Wagtail owns the table, so the index is created in plain SQL that PostgreSQL
and SQLite both accept."""

from django.db import migrations

INDEX = "npa_page_live_published"


class Migration(migrations.Migration):
    dependencies = [
        ("kb", "0005_alter_partner_website"),
        ("wagtailcore", "0001_initial"),
    ]

    operations = [
        migrations.RunSQL(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON wagtailcore_page "
            "(first_published_at DESC, id DESC) WHERE live",
            f"DROP INDEX IF EXISTS {INDEX}",
        )
    ]
