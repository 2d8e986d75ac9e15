"""HomePage and TopicPage moved from kb to website (kb/0010, website/0001)
without touching their tables: a database from before the move keeps its
pages, their content types and their URLs."""

from __future__ import annotations

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from wagtail.models import Page

from tests.site.content import build_site
from website.models import HomePage, TopicPage

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

# The migration state of main before the move: kb without 0010, no website.
BEFORE_THE_MOVE = [("kb", "0009_image_moderation"), ("website", None)]


def _migrate(targets) -> None:
    # ContentType's cache stays as it is: the rows are read directly below, and
    # forward again they carry the labels and ids the cache holds. (A cleared
    # cache makes the next serialized-rollback test create rows twice.)
    MigrationExecutor(connection).migrate(targets)


def _leaf_nodes() -> list[tuple[str, str]]:
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


def test_pages_from_before_the_move_keep_serving_after_it(client, settings):
    settings.ELASTICSEARCH_URL = None
    site = build_site()
    home_type = ContentType.objects.get_for_model(HomePage)
    topic_type = ContentType.objects.get_for_model(TopicPage)
    leaves = _leaf_nodes()
    try:
        _migrate(BEFORE_THE_MOVE)
        # Back to the database main left: the rows carry the kb label again.
        labels = dict(
            ContentType.objects.filter(
                pk__in=[home_type.pk, topic_type.pk]
            ).values_list("model", "app_label")
        )
        assert labels == {"homepage": "kb", "topicpage": "kb"}
    finally:
        _migrate(leaves)

    assert ContentType.objects.get(pk=home_type.pk).app_label == "website"
    assert ContentType.objects.get(pk=topic_type.pk).app_label == "website"
    assert ContentType.objects.get_for_model(HomePage).pk == home_type.pk
    assert Page.objects.get(pk=site.home.pk).specific_class is HomePage
    assert Page.objects.get(pk=site.topic.pk).specific_class is TopicPage
    pages = (site.home.url, site.topic.url, "/region/lueneburg/", "/landkreis/03351/")
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        assert site.project.title in response.content.decode(), url
