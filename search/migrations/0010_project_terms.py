"""The pre-analysed terms of the database fallbacks (``search.db_terms``).

PostgreSQL: the table ``search_project_terms`` (title, body and offers terms as
``tsvector``, each with a GIN index), one row per live project, deleted with
its page by the ``post_delete`` receiver. No foreign key: Django does not know
the table, and a flush (``TRUNCATE`` of the project table in transactional
tests) would refuse to truncate a table another one references. SQLite: the FTS5 table of ``search/0008`` gets the offers column
(a virtual table cannot be altered, so it is created anew).

The projects already live are filled at the end of the same ``migrate`` run
by ``db_terms.fill_if_empty`` (post_migrate), the function ``rebuild_search``
uses. Not here: that function reads the current models, and a migration
applied later that adds a column they read (``kb/0007`` did) would make it
fail on a database migrated from before.
"""

from django.db import migrations

POSTGRES_TABLE = "search_project_terms"
POSTGRES_CREATE = [
    f"""CREATE TABLE {POSTGRES_TABLE} (
        page_id integer PRIMARY KEY,
        title tsvector NOT NULL,
        body tsvector NOT NULL,
        offers tsvector NOT NULL
    )""",
    *(
        f"CREATE INDEX search_terms_{column} ON {POSTGRES_TABLE} USING gin ({column})"
        for column in ("title", "body", "offers")
    ),
]
SQLITE_TABLE = "search_project_fts"
SQLITE_CREATE = (
    f"CREATE VIRTUAL TABLE {SQLITE_TABLE} USING fts5("
    "title, body, offers, tokenize = 'unicode61 remove_diacritics 2')"
)
SQLITE_CREATE_BEFORE = (
    f"CREATE VIRTUAL TABLE {SQLITE_TABLE} USING fts5("
    "title, body, tokenize = 'unicode61 remove_diacritics 2')"
)


def forward(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        for statement in POSTGRES_CREATE:
            schema_editor.execute(statement)
    elif vendor == "sqlite":
        schema_editor.execute(f"DROP TABLE IF EXISTS {SQLITE_TABLE}")
        schema_editor.execute(SQLITE_CREATE)


def backward(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(f"DROP TABLE IF EXISTS {POSTGRES_TABLE}")
    elif vendor == "sqlite":
        schema_editor.execute(f"DROP TABLE IF EXISTS {SQLITE_TABLE}")
        schema_editor.execute(SQLITE_CREATE_BEFORE)


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0009_seed_glossary"),
        ("projects", "0003_longer_source_urls"),
    ]

    operations = [migrations.RunPython(forward, backward)]
