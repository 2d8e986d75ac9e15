"""Found by ``make faults`` (rebuild under writes): 2 of 100 publishes failed
with ``IntegrityError`` on ``search_project_terms_pkey`` while
``rebuild_search`` refilled the database fallback's terms. A publish had
written its project's row, uncommitted; the rebuild, having emptied the table,
inserted the same page and waited on the key; the first of the two to commit
won and the other failed, in the editors' publish a 500. The row of the change
in flight is newer than the rebuild's, so the rebuild leaves it alone."""

from __future__ import annotations

import threading

import pytest
from django.db import connection, connections, transaction

from search import db_terms
from tests.factories.pages import make_project

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def _in_thread(target, errors: list) -> threading.Thread:
    def run() -> None:
        try:
            target()
        except BaseException as error:  # noqa: BLE001  (reported by the test)
            errors.append(error)
        finally:
            connections.close_all()

    thread = threading.Thread(target=run)
    thread.start()
    return thread


def _rows(pk: int) -> int:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM search_project_terms WHERE page_id = %s", [pk]
        )
        return cursor.fetchone()[0]


@pytest.fixture
def project(site_tree):
    if connection.vendor != "postgresql":
        pytest.skip("the race needs concurrent transactions (PostgreSQL)")
    return make_project(site_tree)


def test_a_publish_waiting_for_a_rebuild_keeps_its_row(project):
    rebuilt, release = threading.Event(), threading.Event()
    errors: list[BaseException] = []

    def rebuild() -> None:
        with transaction.atomic():
            db_terms.rebuild()
            rebuilt.set()
            release.wait(timeout=30)

    rebuilder = _in_thread(rebuild, errors)
    assert rebuilt.wait(timeout=30)
    # The publish waits on the row the rebuild rewrote, uncommitted.
    writer = _in_thread(lambda: db_terms.sync([project.pk]), errors)
    writer.join(timeout=2)
    release.set()
    rebuilder.join(timeout=30)
    writer.join(timeout=30)

    assert not errors, errors
    assert _rows(project.pk) == 1
