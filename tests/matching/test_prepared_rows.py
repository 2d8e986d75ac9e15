"""kb.prepared runs the match query from SQL compiled once: the rows are the
queryset's own, converted as Django converts them, for every key."""

from __future__ import annotations

import pytest
from wagtail.models import Revision

from kb.prepared import PreparedQuery
from matching.models import Match
from matching.queries import MATCHES, _matches_query
from matching.service import recompute_for

pytestmark = [pytest.mark.django_db, pytest.mark.services]


def test_prepared_rows_equal_the_querysets_rows_for_every_project(labelled):
    for slug in ("sprachcafe-celle", "sprachcafe-uelzen"):
        recompute_for(labelled[slug].pk)
    sources = set(Match.objects.values_list("source_id", flat=True))
    assert len(sources) >= 2
    for source in sources:
        expected = list(_matches_query(source))
        assert expected
        assert MATCHES.rows(source) == expected
        # JSON comes back decoded, as the ORM returns it.
        assert isinstance(MATCHES.rows(source)[0][3], list)
    assert MATCHES.rows(-1) == []


def test_a_query_that_ignores_its_key_is_refused(db):
    # Revision.object_id is text: the integer key never reaches the SQL.
    prepared = PreparedQuery(lambda key: Revision.objects.filter(object_id=key))
    with pytest.raises(ValueError, match="does not use its key"):
        prepared.rows(1)
