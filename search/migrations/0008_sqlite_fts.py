"""The SQLite FTS5 table of the embedded default's search fallback.

One row per live project, rowid = page id, holding pre-analysed terms
(``search.sqlite_fts``). PostgreSQL has its own full-text columns (0004-0006)
and gets nothing here. Publishing fills it (``search.signals``), and so does
``rebuild_search``; an empty table next to live projects (a database from
before this migration) is filled after ``migrate`` by a post_migrate receiver,
which, unlike this migration, reads the models as they are at the end.
"""

from django.db import migrations

TABLE = "search_project_fts"
CREATE = (
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {TABLE} USING fts5("
    "title, body, tokenize = 'unicode61 remove_diacritics 2')"
)
DROP = f"DROP TABLE IF EXISTS {TABLE}"


def forward(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    schema_editor.execute(CREATE)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0007_search_log_glossary"),
    ]

    operations = [migrations.RunPython(forward, backward)]
