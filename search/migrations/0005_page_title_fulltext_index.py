"""A GIN index on page titles for the PostgreSQL fallback's full-text search.

Titles live in ``wagtailcore_page``; without this index every word of every
fallback search computed ``to_tsvector`` for every page (seconds at 10k
projects). The expression must stay identical to ``search.fts.TITLE_VECTOR_SQL``.
"""

from django.db import migrations

CREATE = (
    "CREATE INDEX IF NOT EXISTS search_page_title_fts ON wagtailcore_page "
    "USING GIN (to_tsvector('german'::regconfig, title))"
)
DROP = "DROP INDEX IF EXISTS search_page_title_fts"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0004_project_fulltext_index"),
        ("wagtailcore", "0001_initial"),
    ]

    operations = [migrations.RunPython(create, drop)]
