"""The database fallbacks' table of pre-analysed terms, on either vendor.

One row per live project, keyed by its page id, with three columns of terms:
the title, the body (every searchable word, ``project_text``) and the offers
(stated and implied), exactly the texts of the Elasticsearch document's
``terms_title``, ``terms`` and ``terms_offers`` fields (the same ``prepare_*``
methods build them). The terms are stems and compound-part stems
(``search.language.index_terms``), so the database only has to find and count
them; German lives in ``search.language``.

- PostgreSQL: ``search_project_terms`` (migration ``search/0010``), three
  ``tsvector`` columns analysed with the ``simple`` configuration (the terms
  are analysed already), each with a GIN index.
- SQLite: the FTS5 virtual table ``search_project_fts`` (``search/0008``,
  given its offers column by ``search/0010``), rowid = page id.

The rows follow every change a project's document depends on, in the
transaction of the change (``search.outbox.record_targets``); ``rebuild`` refills them,
and so does ``migrate`` when the table is empty next to live projects.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from django.db import connection, transaction

from projects.models import ProjectPage

from .documents import ProjectDocument
from .language import stem
from .understanding import Concept

SQLITE_TABLE = "search_project_fts"
POSTGRES_TABLE = "search_project_terms"
BATCH_SIZE = 500


def table() -> str | None:
    """The vendor's table, or None where there is none."""
    return {"sqlite": SQLITE_TABLE, "postgresql": POSTGRES_TABLE}.get(connection.vendor)


def is_active() -> bool:
    return table() is not None


def term_rows(ids: list[int]) -> list[tuple[int, str, str, str]]:
    """(page id, title terms, body terms, offers terms) of the live projects
    among ``ids``, built by the Elasticsearch document's own methods."""
    pages = ProjectDocument.rows(ProjectPage.objects.live(), ids)
    ProjectDocument.attach(pages)
    document = ProjectDocument()
    return [
        (
            page.pk,
            document.prepare_terms_title(page),
            document.prepare_terms(page),
            document.prepare_terms_offers(page),
        )
        for page in pages
    ]


# A change and a rebuild can write the same row at once (the rebuild empties
# the table in one long transaction): the change's row is the newer, so it
# replaces the rebuild's and the rebuild leaves it alone, instead of the later
# of the two failing on the key (found by make faults, rebuild under writes).
_ON_CONFLICT = {
    "replace": " ON CONFLICT (page_id) DO UPDATE SET title = EXCLUDED.title, "
    "body = EXCLUDED.body, offers = EXCLUDED.offers",
    "keep": " ON CONFLICT (page_id) DO NOTHING",
}


def _insert_sql(name: str, conflict: str) -> str:
    # Constant table names; the terms are bound parameters.
    if name == POSTGRES_TABLE:
        return (
            f"INSERT INTO {name} (page_id, title, body, offers) VALUES "  # noqa: S608
            "(%s, to_tsvector('simple', %s), to_tsvector('simple', %s), "
            "to_tsvector('simple', %s))" + _ON_CONFLICT[conflict]
        )
    return f"INSERT INTO {name} (rowid, title, body, offers) VALUES (%s, %s, %s, %s)"  # noqa: S608


def _delete_sql(name: str) -> str:
    key = "page_id" if name == POSTGRES_TABLE else "rowid"
    return f"DELETE FROM {name} WHERE {key} = %s"  # noqa: S608 (constant names)


def _write(cursor, name: str, ids: list[int], conflict: str) -> int:
    rows = term_rows(ids)
    cursor.executemany(_delete_sql(name), [(pk,) for pk in ids])
    if rows:
        cursor.executemany(_insert_sql(name, conflict), rows)
    return len(rows)


def sync(ids: list[int]) -> None:
    """Make the rows of these project ids agree with the database: live
    projects are (re)written, all others removed."""
    name = table()
    if not ids or name is None:
        return
    with transaction.atomic(), connection.cursor() as cursor:
        _write(cursor, name, list(ids), "replace")


def _chunks(ids: list[int]) -> Iterator[list[int]]:
    for start in range(0, len(ids), BATCH_SIZE):
        yield ids[start : start + BATCH_SIZE]


def rebuild() -> int:
    """Refill the table from every live project; returns the row count."""
    name = table()
    if name is None:
        return 0
    ids = sorted(ProjectPage.objects.live().values_list("pk", flat=True))
    written = 0
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {name}")  # noqa: S608 (constant name)
        for chunk in _chunks(ids):
            written += _write(cursor, name, chunk, "keep")
    return written


def fill_if_empty(sender, **kwargs) -> None:
    """post_migrate receiver: a database migrated from before the table
    existed has live projects but no rows; fill it once."""
    name = table()
    if sender.label != "search" or name is None:
        return
    if name not in connection.introspection.table_names():
        return  # migrated to a state before the table
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT 1 FROM {name} LIMIT 1")  # noqa: S608
        if cursor.fetchone():
            return
    if ProjectPage.objects.live().exists():
        rebuild()


# Scoring, the same on both vendors --------------------------------------------
# A satisfied concept outweighs every lift together, so a project with more
# of the query's concepts always ranks higher (as in the sum of clauses that
# Elasticsearch scores); the lifts order projects with as many, and the text
# rank (squashed into [0, TEXT_WEIGHT)) orders the rest.
CONCEPT_WEIGHT = 5.0
PLACE_WEIGHT = 6.0
# Statewide work ranks above the same work elsewhere when a place is named.
STATEWIDE_WEIGHT = 2.0
TARGET_GROUP_WEIGHT = 0.6
NEED_WEIGHT = 0.8
TEXT_WEIGHT = 1.0
# A concept found only through its compound parts without the head, the last
# part (as on Elasticsearch: "Elterncafé" finds what is for "Eltern", not any
# café), counts this much.
PART_WEIGHT = 0.6
MAX_PARTS = 4
# Title terms count this many times the body's in the text rank.
TITLE_WEIGHT = 5.0
# Shorter stems as prefixes would match too much ("kur" -> "kurz", "kurier").
PREFIX_MIN = 4


def variants(term: str) -> tuple[str, ...]:
    """The term, and its stem when that is one letter shorter: Snowball is
    not idempotent on a final "s" ("Sprachkurse" -> "sprachkurs", "Sprachkurs"
    -> "sprachkur"), so the shorter stem lets either form find the other.
    Deeper re-stems ("patenschaft" -> "pat") would match too much."""
    shorter = stem(term)
    if len(term) - len(shorter) == 1 and term.startswith(shorter):
        return (term, shorter)
    return (term,)


@dataclass(frozen=True)
class Syntax:
    """How a vendor writes a query: a quoted term, AND, OR."""

    term: Callable[[str], str]
    all: str
    any: str


@dataclass(frozen=True)
class ConceptQuery:
    full: str
    """The concept by its own stems, one synonym's or all compound parts."""
    loose: str
    """``full``, or the compound parts without the head (the last part)."""
    core: str = ""
    """The concept's own stems or all its parts, no synonym: what ranks."""


def _usable(term: str) -> bool:
    # A term without a letter or digit is no term to either vendor.
    return any(char.isalnum() for char in term)


def _join(syntax: Syntax, terms: tuple[str, ...], operator: str) -> str:
    found = [syntax.term(t) for t in dict.fromkeys(terms) if _usable(t)]
    return f" {operator} ".join(found)


def _either(options: list[str], syntax: Syntax) -> str:
    found = [f"({option})" for option in dict.fromkeys(options) if option]
    return f" {syntax.any} ".join(found)


def concept_query(concept: Concept, syntax: Syntax) -> ConceptQuery | None:
    """The concept as the same rule Elasticsearch applies, in a vendor's
    syntax; None when it has no usable term."""
    own = [_join(syntax, concept.stems, syntax.all)]
    options = own + [_join(syntax, alt, syntax.all) for alt in concept.alternatives]
    parts = [_join(syntax, part, syntax.any) for part in concept.parts[:MAX_PARTS]]
    parts = [f"({part})" for part in parts if part]
    loose_options = list(options)
    if len(parts) > 1:
        own.append(f" {syntax.all} ".join(parts))
        options.append(own[-1])
        # Without the head (the last part), as on Elasticsearch.
        loose_options.append(f" {syntax.all} ".join(parts[:-1]))
    loose = _either(loose_options, syntax)
    full = _either(options, syntax) or loose
    core = _either(own, syntax) or loose
    return ConceptQuery(full, loose, core) if loose else None
