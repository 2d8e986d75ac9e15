"""SQLite FTS5 for the database fallback of the embedded default (``make run``).

The virtual table ``search_project_fts`` (migration ``search/0008``) holds one
row per live project, its rowid the page id, with PRE-ANALYSED terms: the
stems and compound-part stems (``search.language.index_terms``) of the title
and of the project's text, the same text the Elasticsearch document holds.
FTS5 only has to find and count terms; German lives in ``search.language``.

The table follows Wagtail's publish, unpublish, move and delete signals in the
transaction that fires them (``search.signals``); ``rebuild`` refills it.
PostgreSQL never touches it: every entry point checks the database vendor.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from django.db import connection, transaction

from projects.models import InitiativePage, ProjectPage

from .documents import ProjectDocument, prepare_all
from .language import index_terms

TABLE = "search_project_fts"
# bm25 column weights: title, body (the Elasticsearch ranking boosts the
# title five times over the text, too).
TITLE_WEIGHT = 5.0
BODY_WEIGHT = 1.0
# Shorter stems as prefixes would match too much ("kur" -> "kurz", "kurier").
PREFIX_MIN = 4
BATCH_SIZE = 500
BODY_FIELDS = (
    "teaser",
    "description",
    "tags_text",
    "offers_text",
    "needs_text",
    "organisation",
)


def is_active() -> bool:
    return connection.vendor == "sqlite"


# Writing ---------------------------------------------------------------------


def _terms(values: Iterable[str | list[str] | None]) -> str:
    texts: list[str] = []
    for value in values:
        if isinstance(value, list):
            texts += [str(item) for item in value if item]
        elif value:
            texts.append(str(value))
    return " ".join(index_terms(" ".join(texts)))


def _rows(ids: list[int]) -> list[tuple[int, str, str]]:
    """(page id, title terms, body terms) of the live projects among ``ids``."""
    pages = ProjectDocument.rows(ProjectPage.objects.live(), ids)
    bodies = prepare_all(ProjectDocument, pages)
    return [
        (
            page.pk,
            _terms([body["title"]]),
            _terms(body.get(name) for name in BODY_FIELDS),
        )
        for page, body in zip(pages, bodies, strict=True)
    ]


def _write(cursor, ids: list[int]) -> int:
    rows = _rows(ids)
    cursor.executemany(
        f"DELETE FROM {TABLE} WHERE rowid = %s",  # noqa: S608 (constant name)
        [(pk,) for pk in ids],
    )
    cursor.executemany(
        f"INSERT INTO {TABLE} (rowid, title, body) VALUES (%s, %s, %s)",  # noqa: S608
        rows,
    )
    return len(rows)


def sync(ids: list[int]) -> None:
    """Make the rows of these project ids agree with the database: live
    projects are (re)written, all others removed."""
    if not ids or not is_active():
        return
    with transaction.atomic(), connection.cursor() as cursor:
        _write(cursor, list(ids))


def _chunks(ids: list[int]) -> Iterator[list[int]]:
    for start in range(0, len(ids), BATCH_SIZE):
        yield ids[start : start + BATCH_SIZE]


def rebuild() -> int:
    """Refill the table from every live project; returns the row count."""
    if not is_active():
        return 0
    ids = sorted(ProjectPage.objects.live().values_list("pk", flat=True))
    written = 0
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {TABLE}")  # noqa: S608 (constant name)
        for chunk in _chunks(ids):
            written += _write(cursor, chunk)
    return written


def fill_if_empty(sender, **kwargs) -> None:
    """post_migrate receiver: a database migrated from before the table
    existed has live projects but no rows; fill it once."""
    if sender.label != "search" or not is_active():
        return
    if TABLE not in connection.introspection.table_names():
        return  # migrated to a state before search/0008
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT 1 FROM {TABLE} LIMIT 1")  # noqa: S608
        if cursor.fetchone():
            return
    if ProjectPage.objects.live().exists():
        rebuild()


def on_page_change(sender, instance, **kwargs) -> None:
    """Signal receiver: a project's row follows it; an initiative's title is
    part of its projects' text."""
    if not is_active():
        return
    specific_class = getattr(instance, "specific_class", None)
    if specific_class is None:
        return
    if issubclass(specific_class, ProjectPage):
        sync([instance.pk])
    elif issubclass(specific_class, InitiativePage):
        sync(
            list(
                ProjectPage.objects.descendant_of(instance).values_list("pk", flat=True)
            )
        )


# Reading ---------------------------------------------------------------------


def _phrase(term: str) -> str:
    # A quoted FTS5 string: nothing inside can be syntax ('"' is doubled).
    quoted = '"' + term.replace('"', '""') + '"'
    return f"{quoted} *" if len(term) >= PREFIX_MIN else quoted


def _usable(term: str) -> bool:
    # A string without a letter or digit is an empty phrase to FTS5.
    return any(char.isalnum() for char in term)


def expression(terms: Iterable[str]) -> str | None:
    """An FTS5 MATCH expression matching any of the terms, or None."""
    phrases = [_phrase(term) for term in dict.fromkeys(terms) if _usable(term)]
    return " OR ".join(phrases) or None


def _clean(groups: list[list[str]]) -> list[str]:
    """One expression per group that has a usable term."""
    found = [expression(group) for group in groups]
    return [e for e in found if e]


def match_sql(groups: list[list[str]]) -> tuple[str, list[str]] | None:
    """The page ids containing any term of any group, as one SQL set; None
    when no group has a usable term."""
    expressions = _clean(groups)
    if not expressions:
        return None
    sql = f"SELECT rowid FROM {TABLE} WHERE {TABLE} MATCH %s"  # noqa: S608
    return sql, [" OR ".join(f"({e})" for e in expressions)]


def ranked_ids(
    groups: list[list[str]], limit: int | None = None
) -> list[tuple[int, float]]:
    """(page id, score) of the pages with any term of any group, best first.

    Recall first: one matching term is enough. The score is the number of
    groups (query words) the page matches plus bm25 squashed into [0, 1), so a
    page matching more of the query's words always ranks higher, and bm25
    (title weighted ``TITLE_WEIGHT`` times) orders pages matching as many.
    """
    found = match_sql(groups)
    if found is None:
        return []
    sql, params = found
    expressions = _clean(groups)
    matched = " + ".join(
        f"(rowid IN (SELECT rowid FROM {TABLE} WHERE {TABLE} MATCH %s))"  # noqa: S608
        for _ in expressions
    )
    bm25 = f"(-bm25({TABLE}, {TITLE_WEIGHT}, {BODY_WEIGHT}))"
    # Constant SQL; every expression is a bound parameter.
    query = (
        f"SELECT rowid, {matched} + {bm25} / (1.0 + {bm25}) AS score "  # noqa: S608
        f"FROM {TABLE} WHERE {TABLE} MATCH %s ORDER BY score DESC, rowid LIMIT %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(query, [*expressions, *params, -1 if limit is None else limit])
        return [(int(pk), float(score)) for pk, score in cursor.fetchall()]
