"""Small changes to live pages that need no review (a confirmation date,
erased contact data), without disturbing a change that waits for review."""

from __future__ import annotations

from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from wagtail.models import Page

from search import outbox


def _as_json(value: Any) -> Any:
    return DjangoJSONEncoder().default(value) if hasattr(value, "isoformat") else value


@transaction.atomic
def apply_without_review(page: Page, user=None, **changes: Any) -> Page:
    """Set ``changes`` on the live version and on any pending draft.

    The live row is updated directly and gets a new revision as its live
    revision, so the outbox hands the search index a newer external version.
    Wagtail's publish is not used on purpose: it would cancel a workflow in
    progress. A draft waiting for review carries the change too and stays the
    latest revision, so the editors still review exactly that draft."""
    page = Page.objects.select_for_update().get(pk=page.pk).specific
    pending = page.latest_revision if page.has_unpublished_changes else None
    for name, value in changes.items():
        setattr(page, name, value)
    if page.live:
        revision = page.save_revision(
            user=user, log_action=False, clean=False, changed=False
        )
        page.live_revision = revision
        page.save(update_fields=[*changes, "live_revision"], clean=False)
        outbox.record(page)
    else:
        page.save(update_fields=list(changes), clean=False)
    if pending is not None:
        content = dict(pending.content)
        content.update({name: _as_json(value) for name, value in changes.items()})
        pending.content = content
        pending.save(update_fields=["content"])
        Page.objects.filter(pk=page.pk).update(
            latest_revision=pending,
            has_unpublished_changes=True,
            draft_title=content.get("title", page.draft_title),
        )
    page.refresh_from_db()
    return page
