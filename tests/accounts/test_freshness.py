"""Reminders after 12 months, a confirm link that works once, the stale badge."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group, User
from django.core import mail
from django.template import Context, Template
from django.utils import timezone

from accounts import tokens
from accounts.tasks import send_reconfirmation_reminders
from projects.models import ProjectPage
from search.models import OutboxEntry

from .conftest import add_stale_project, make_member

pytestmark = pytest.mark.django_db


@pytest.fixture
def live_project(site_tree):
    _user, initiative = make_member("a@example.org", "Initiative A")
    initiative.save_revision().publish()
    return add_stale_project(initiative)


def confirm_link() -> str:
    return re.search(r"https?://\S+/konto/aktuell/\S+/", mail.outbox[-1].body)[0]


def test_reminder_goes_to_owners_once_per_month(live_project):
    assert send_reconfirmation_reminders() == 1
    assert mail.outbox[-1].to == ["a@example.org"]
    assert "noch aktuell" in mail.outbox[-1].subject
    assert send_reconfirmation_reminders() == 0


def test_recently_confirmed_projects_get_no_reminder(live_project):
    ProjectPage.objects.filter(pk=live_project.pk).update(
        last_confirmed=timezone.localdate()
    )
    assert send_reconfirmation_reminders() == 0


def test_confirm_link_works_once_and_updates_live_page_and_outbox(
    client, live_project, django_capture_on_commit_callbacks
):
    send_reconfirmation_reminders()
    link = confirm_link()
    old_revision = live_project.live_revision_id

    assert client.get(link).status_code == 200  # a scanner's GET changes nothing
    live_project.refresh_from_db()
    assert live_project.last_confirmed != timezone.localdate()

    response = client.post(link)

    assert response.status_code == 200
    live_project.refresh_from_db()
    assert live_project.last_confirmed == timezone.localdate()
    assert live_project.live_revision_id > old_revision
    assert not live_project.has_unpublished_changes
    assert OutboxEntry.objects.filter(object_id=live_project.pk).exists()
    assert client.post(link).status_code == 410
    assert client.get(link).status_code == 410


def test_confirming_keeps_a_draft_under_review(client, live_project):
    user = User.objects.get(email="a@example.org")
    draft = live_project.get_latest_revision_as_object()
    draft.goals = "<p>Neue Ziele</p>"
    draft.save_revision(user=user)
    live_project.get_workflow().start(live_project, user)
    token = tokens.reconfirm_token(
        live_project.pk, live_project.last_confirmed.isoformat()
    )

    client.post(f"/konto/aktuell/{token}/")

    live_project.refresh_from_db()
    assert live_project.workflow_in_progress
    assert live_project.has_unpublished_changes
    pending = live_project.get_latest_revision_as_object()
    assert pending.goals == "<p>Neue Ziele</p>"
    assert pending.last_confirmed == timezone.localdate()
    assert live_project.goals == ""


def test_expired_confirm_link_is_refused(client, live_project, monkeypatch):
    token = tokens.reconfirm_token(
        live_project.pk, live_project.last_confirmed.isoformat()
    )
    monkeypatch.setattr(tokens, "RECONFIRM_MAX_AGE", -1)

    assert client.post(f"/konto/aktuell/{token}/").status_code == 400
    live_project.refresh_from_db()
    assert live_project.last_confirmed != timezone.localdate()


def test_badge_shows_after_fifteen_months_only(live_project):
    template = Template("{% load freshness %}{% freshness_badge page %}")
    assert template.render(Context({"page": live_project})) == ""
    live_project.last_confirmed = timezone.localdate() - timedelta(days=470)
    assert "Aktualität ungeprüft" in template.render(Context({"page": live_project}))


def test_editors_see_stale_profiles(client, live_project):
    ProjectPage.objects.filter(pk=live_project.pk).update(
        last_confirmed=timezone.localdate() - timedelta(days=500)
    )
    editor = User.objects.create_user("red", "red@example.org", "x")
    editor.groups.add(Group.objects.get(name="Redaktion"))
    client.force_login(editor)

    response = client.get("/admin/reports/stale/")

    assert response.status_code == 200
    assert "Sprachcafé" in response.content.decode()
    member = User.objects.get(email="a@example.org")
    client.force_login(member)
    assert client.get("/admin/reports/stale/").status_code in {302, 403}
