"""kb.prepared runs the match query by its key: the rows are the queryset's
own, for every key."""

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


def test_a_query_may_leave_keys_out_when_it_says_so(db):
    prepared = PreparedQuery(
        lambda key, unused: Revision.objects.filter(object_id=key).values_list("pk"),
        (str, str),
        unused_keys=True,
    )
    assert prepared.rows("no such object", "ignored") == []


def test_prepared_instances_equal_the_orms_instances(labelled):
    from projects.models import ProjectPage

    prepared = PreparedQuery(lambda pk: ProjectPage.objects.filter(pk=pk))
    for slug in ("sprachcafe-celle", "sprachcafe-uelzen"):
        expected = ProjectPage.objects.get(pk=labelled[slug].pk)
        (found,) = prepared.instances(expected.pk)
        assert type(found) is ProjectPage and found._state.adding is False
        for field in ProjectPage._meta.concrete_fields:
            ours, theirs = (getattr(page, field.attname) for page in (found, expected))
            if field.name == "body":
                ours, theirs = ours.get_prep_value(), theirs.get_prep_value()
            assert ours == theirs, field.name


def test_text_keys_route_pages_by_path(labelled):
    from kb.routing import ROUTE_ROWS

    page = labelled["sprachcafe-celle"]
    parent = page.get_parent()
    found = ROUTE_ROWS.instances(page.slug, parent.slug, page.url_path, parent.url_path)
    assert sorted(p.pk for p in found) == sorted([page.pk, parent.pk])
    assert ROUTE_ROWS.instances("x", "y", "/nirgends/", "/auch-nicht/") == []
