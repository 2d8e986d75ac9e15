"""A rebuild reads projects as plain rows; the documents must be the same as
the ones the outbox drain prepares from page instances."""

from __future__ import annotations

import pytest

from projects.models import ProjectPage
from search.documents import ProjectDocument, prepare_all
from search.page_text import html_text, stream_text
from tests.factories.pages import make_project

pytestmark = pytest.mark.django_db

BODY = [
    {
        "type": "text",
        "value": "<p>Wir treffen uns <b>jeden</b> Dienstag.</p><p>Offen</p>",
    },
    {"type": "quote", "value": {"quote": "Hier lerne ich gern.", "source": "Amal"}},
    {
        "type": "key_facts",
        "value": {
            "facts": [
                {"type": "item", "value": {"label": "Teilnehmende", "value": "40"}}
            ]
        },
    },
    {"type": "video", "value": {"url": "https://example.org/v", "title": "Ein Abend"}},
]


@pytest.fixture
def project(site_tree) -> ProjectPage:
    page = make_project(site_tree, title="Sprachcafé Celle")
    page.description = BODY
    page.goals = "<p>Deutsch &amp; Begegnung</p>"
    page.tags.add("Sprachcafé")
    page.save_revision().publish()
    return ProjectPage.objects.get(pk=page.pk)


def test_rows_give_the_same_document_as_page_instances(project):
    queryset = ProjectDocument().get_queryset().live()
    rows = ProjectDocument.rows(queryset, [project.pk])

    from_rows = prepare_all(ProjectDocument, rows)
    from_page = prepare_all(ProjectDocument, [project])

    assert from_rows == from_page
    assert rows[0].live_revision_id == project.live_revision_id


def test_document_url_is_the_page_url(project):
    (body,) = prepare_all(
        ProjectDocument,
        ProjectDocument.rows(ProjectDocument().get_queryset(), [project.pk]),
    )
    assert body["url"] == project.get_url()


def test_description_holds_the_words_of_every_text_block(project):
    (body,) = prepare_all(ProjectDocument, [project])
    text = body["description"]
    for words in [
        "Wir treffen uns jeden Dienstag. Offen",
        "Hier lerne ich gern.",
        "Amal",
        "Teilnehmende 40",
        "Ein Abend",
        "Deutsch & Begegnung",
    ]:
        assert words in text
    assert "<" not in text
    assert "example.org" not in text


def test_rich_text_words_are_separated_where_tags_were():
    assert html_text("<p>eins</p><p>zwei&nbsp;drei</p>") == "eins zwei drei"


def test_empty_body_has_no_words():
    assert stream_text([]) == ""
    assert stream_text(None) == ""


def test_dense_batches_are_read_as_a_range_and_sparse_ones_as_a_list():
    from search.relations import id_filter

    assert id_filter("page_id", [10, 11, 13, 14]) == {
        "page_id__gte": 10,
        "page_id__lte": 14,
    }
    assert id_filter("page_id", [3, 9000]) == {"page_id__in": [3, 9000]}


def test_rows_of_a_range_leave_out_ids_that_were_not_asked_for(site_tree):
    first = make_project(site_tree, title="Erstes Projekt")
    second = make_project(site_tree, title="Zweites Projekt")
    third = make_project(site_tree, title="Drittes Projekt")
    queryset = ProjectDocument().get_queryset().live()

    rows = ProjectDocument.rows(queryset, [first.pk, third.pk])

    assert sorted(row.pk for row in rows) == [first.pk, third.pk]
    assert second.pk not in {row.pk for row in rows}
