"""The project text's tsvector as a stored column for the PostgreSQL fallback.

Migration 0004 indexed the expression, so matching used the index, but ranking
computed ``to_tsvector`` of six text columns for every match: a broad query
("Frauen", half of 10k projects) spent most of its time there. A generated
column is computed on write, so PostgreSQL keeps it right whoever writes the
row, and the GIN index moves onto it. SQLite (``make run``) gets neither.

PostgreSQL refuses to change the type of a column that a generated column
reads: a later migration that alters one of the six columns (``teaser``'s
length, say) has to drop ``search_vector`` first and add it again.
"""

from django.db import migrations

TEXT = (
    "to_tsvector('german'::regconfig, "
    "coalesce(teaser, '') || ' ' || coalesce(starting_point, '') || ' ' || "
    "coalesce(goals, '') || ' ' || coalesce(approach, '') || ' ' || "
    "coalesce(results, '') || ' ' || coalesce(transferability, ''))"
)
FORWARD = [
    "ALTER TABLE projects_projectpage ADD COLUMN IF NOT EXISTS search_vector "
    f"tsvector GENERATED ALWAYS AS ({TEXT}) STORED",
    "CREATE INDEX IF NOT EXISTS search_project_vector ON projects_projectpage "
    "USING GIN (search_vector)",
    "DROP INDEX IF EXISTS search_project_fts",
]
BACKWARD = [
    "CREATE INDEX IF NOT EXISTS search_project_fts ON projects_projectpage "
    f"USING GIN ({TEXT})",
    "DROP INDEX IF EXISTS search_project_vector",
    "ALTER TABLE projects_projectpage DROP COLUMN IF EXISTS search_vector",
]


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in FORWARD:
            schema_editor.execute(statement)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in BACKWARD:
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0005_page_title_fulltext_index"),
        ("projects", "0002_alter_initiativepage_website_and_more"),
    ]

    operations = [migrations.RunPython(forward, backward)]
