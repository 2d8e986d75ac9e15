"""Fixtures for the privacy tests: a member, a live project with a contact."""

from __future__ import annotations

import pytest

from tests.accounts.conftest import add_stale_project, make_member


@pytest.fixture
def member(site_tree):
    """Anna, an active member whose initiative has one live project."""
    user, initiative = make_member("anna@example.org", "Sprachbrücke Celle")
    project = add_stale_project(initiative)
    return user, initiative, project


def save_draft(page, **changes):
    """A member's draft: a new revision, the live row untouched."""
    page = page.specific.get_latest_revision_as_object()
    for name, value in changes.items():
        setattr(page, name, value)
    page.save_revision()
    return page
