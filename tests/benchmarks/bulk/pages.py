"""Live project pages in the treebeard tree, written with bulk inserts."""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page, Revision

from projects.models import ProjectPage

BATCH = 2000


class PageTree:
    """Unsaved live projects as the next children of existing parents.

    Paths continue after each parent's last child; ``close`` writes the new
    ``numchild`` back. The parents stay locked until the surrounding
    transaction ends."""

    def __init__(self, parents: Iterable[Page], now: datetime.datetime) -> None:
        ids = [parent.pk for parent in parents]
        self._parents = Page.objects.select_for_update().in_bulk(ids)
        self._children = {pk: page.numchild for pk, page in self._parents.items()}
        self._content_type = ContentType.objects.get_for_model(ProjectPage)
        self._now = now

    def project(self, parent: Page, slug: str, title: str, **fields) -> ProjectPage:
        """A published project page (not saved yet) as ``parent``'s last child;
        ``fields`` are the project's own fields."""
        row = self._parents[parent.pk]
        self._children[row.pk] += 1
        return ProjectPage(
            title=title,
            draft_title=title,
            slug=slug,
            path=Page._get_path(row.path, row.depth + 1, self._children[row.pk]),
            depth=row.depth + 1,
            numchild=0,
            url_path=f"{row.url_path}{slug}/",
            content_type=self._content_type,
            locale_id=row.locale_id,
            live=True,
            has_unpublished_changes=False,
            first_published_at=self._now,
            last_published_at=self._now,
            **fields,
        )

    def close(self) -> None:
        for pk, count in self._children.items():
            Page.objects.filter(pk=pk).update(numchild=count)


def insert_pages(pages: list[ProjectPage], batch: int = BATCH) -> None:
    """Page rows first (they get their ids), then the project rows that share
    them: bulk_create refuses multi-table inheritance."""
    shared = Page._meta.concrete_fields
    own = ProjectPage._meta.local_concrete_fields
    for start in range(0, len(pages), batch):
        chunk = pages[start : start + batch]
        rows = Page.objects.bulk_create(
            [Page(**{f.attname: getattr(p, f.attname) for f in shared}) for p in chunk]
        )
        for page, row in zip(chunk, rows, strict=True):
            page.id = page.page_ptr_id = row.pk
        ProjectPage.objects._insert(chunk, fields=own, raw=True, using="default")


def add_live_revisions(pages: list[ProjectPage], now: datetime.datetime) -> None:
    """One revision per page as its live and latest revision (the search
    index uses its id as the document's external version)."""
    project_type = ContentType.objects.get_for_model(ProjectPage)
    page_type = ContentType.objects.get_for_model(Page)
    revisions = Revision.objects.bulk_create(
        [
            Revision(
                content_type=project_type,
                base_content_type=page_type,
                object_id=str(page.pk),
                object_str=page.title,
                created_at=now,
                content={"pk": page.pk, "title": page.title},
            )
            for page in pages
        ]
    )
    for page, revision in zip(pages, revisions, strict=True):
        page.live_revision_id = revision.pk
        page.latest_revision_id = revision.pk
        page.latest_revision_created_at = now
    Page.objects.bulk_update(
        pages, ["live_revision", "latest_revision", "latest_revision_created_at"]
    )
