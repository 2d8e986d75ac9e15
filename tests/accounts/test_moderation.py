"""Sign-up to publication through the editors' workflow, the real worker and
Elasticsearch; rejection with comment; live pages change only on approval."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.core import mail

from projects.models import ProjectPage
from search.client import index_alias
from tests.waiting import wait_for

from .conftest import PASSWORD, project_data, signup_data, verification_link

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.services,
]


def indexed(client, pk: int) -> dict | None:
    alias = index_alias("projects")
    if not client.indices.exists_alias(name=alias):
        return None
    client.indices.refresh(index=alias)
    hits = client.search(index=alias, query={"ids": {"values": [str(pk)]}})
    found = hits["hits"]["hits"]
    return found[0]["_source"] if found else None


def decide(page: ProjectPage, editor_user, action: str, comment: str) -> None:
    page.refresh_from_db()
    task_state = page.current_workflow_state.current_task_state
    task_state.task.specific.on_action(
        task_state.specific, editor_user, action, comment=comment
    )


def signed_up_member(client):
    client.post("/konto/registrieren/", signup_data())
    link = wait_for(lambda: mail.outbox and verification_link(mail.outbox[-1]))
    assert client.post(link, {"password": PASSWORD}).status_code == 200
    client.logout()
    assert (
        client.post(
            "/konto/anmelden/",
            {"username": "anna@example.org", "password": PASSWORD},
        ).status_code
        == 302
    )
    return User.objects.get(email="anna@example.org")


def test_signup_to_published_and_indexed_project(
    client, site_tree, es_index, celery_worker, editor_user
):
    user = signed_up_member(client)
    initiative = user.memberships.get().initiative
    # The profile itself must be live before projects below it can be.
    initiative.save_revision().publish()

    client.post(f"/konto/initiative/{initiative.pk}/projekt-neu/", project_data())
    project = ProjectPage.objects.get()
    assert client.post(f"/konto/seite/{project.pk}/einreichen/").status_code == 302
    assert not indexed(es_index, project.pk)
    mail.outbox.clear()

    decide(project, editor_user, "approve", "Sehr schön beschrieben.")

    project.refresh_from_db()
    assert project.live
    assert wait_for(lambda: indexed(es_index, project.pk))
    message = wait_for(lambda: mail.outbox and mail.outbox[-1])
    assert message.to == ["anna@example.org"]
    assert message.subject == "Freigegeben: Sprachcafé am Markt"
    assert "Sehr schön beschrieben." in message.body
    assert client.get(project.url).status_code == 200


def test_rejection_sends_the_editors_comment(
    client, site_tree, es_index, celery_worker, editor_user
):
    user = signed_up_member(client)
    initiative = user.memberships.get().initiative
    client.post(f"/konto/initiative/{initiative.pk}/projekt-neu/", project_data())
    project = ProjectPage.objects.get()
    client.post(f"/konto/seite/{project.pk}/einreichen/")
    mail.outbox.clear()

    decide(project, editor_user, "reject", "Bitte Ziele konkreter fassen.")

    message = wait_for(lambda: mail.outbox and mail.outbox[-1])
    assert message.subject == "Bitte überarbeiten: Sprachcafé am Markt"
    assert "Bitte Ziele konkreter fassen." in message.body
    project.refresh_from_db()
    assert not project.live
    dashboard = client.get("/konto/").content.decode()
    assert "Überarbeitung erbeten" in dashboard
    assert "Bitte Ziele konkreter fassen." in dashboard
    # Resubmitting after changes starts a new review.
    client.post(f"/konto/projekt/{project.pk}/", project_data(goals="Konkret."))
    assert client.post(f"/konto/seite/{project.pk}/einreichen/").status_code == 302
    project.refresh_from_db()
    assert project.workflow_in_progress


def test_edit_of_a_live_project_waits_for_approval(
    client, site_tree, es_index, celery_worker, editor_user
):
    user = signed_up_member(client)
    initiative = user.memberships.get().initiative
    initiative.save_revision().publish()
    client.post(f"/konto/initiative/{initiative.pk}/projekt-neu/", project_data())
    project = ProjectPage.objects.get()
    client.post(f"/konto/seite/{project.pk}/einreichen/")
    decide(project, editor_user, "approve", "")
    project.refresh_from_db()
    public = client.get(project.url).content.decode()
    assert "Deutsch im Alltag sprechen." in public

    client.post(
        f"/konto/projekt/{project.pk}/",
        project_data(goals="Ganz neue Ziele für 2026."),
    )
    client.post(f"/konto/seite/{project.pk}/einreichen/")

    public = client.get(project.url).content.decode()
    assert "Deutsch im Alltag sprechen." in public
    assert "Ganz neue Ziele" not in public
    assert "in Prüfung" in client.get("/konto/").content.decode()

    decide(project, editor_user, "approve", "")

    public = client.get(project.url).content.decode()
    assert "Ganz neue Ziele für 2026." in public
    assert "Deutsch im Alltag sprechen." not in public
