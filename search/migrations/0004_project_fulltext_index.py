"""A GIN index for the PostgreSQL fallback's full-text search on projects.

The expression must stay identical to ``search.fts.PROJECT_VECTOR_SQL`` or
PostgreSQL will not use the index. SQLite (``make run``) gets no index.
"""

from django.db import migrations

CREATE = (
    "CREATE INDEX IF NOT EXISTS search_project_fts ON projects_projectpage "
    "USING GIN (to_tsvector('german'::regconfig, "
    "coalesce(teaser, '') || ' ' || coalesce(starting_point, '') || ' ' || "
    "coalesce(goals, '') || ' ' || coalesce(approach, '') || ' ' || "
    "coalesce(results, '') || ' ' || coalesce(transferability, '')))"
)
DROP = "DROP INDEX IF EXISTS search_project_fts"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [("search", "0003_seed_synonyms"), ("projects", "0001_initial")]

    operations = [migrations.RunPython(create, drop)]
