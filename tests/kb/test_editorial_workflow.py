"""The moderation workflow: the Redaktion approves; others cannot publish."""

from __future__ import annotations

import pytest
from django.urls import reverse
from wagtail.models import WorkflowState

from tests.factories.pages import make_project

pytestmark = pytest.mark.django_db


@pytest.fixture
def author(django_user_model):
    """An initiative's author: may edit the tree but is not in the Redaktion."""
    user = django_user_model.objects.create_user("autorin", password="x")
    return user


def test_editor_submits_and_approves_a_project(site_tree, editor_user, client):
    project = make_project(site_tree, title="Sprachcafé Uelzen", publish=False)
    client.force_login(editor_user)
    edit_url = f"/admin/pages/{project.pk}/edit/"
    page = client.get(edit_url)
    assert page.status_code == 200

    form = {
        "title": project.title,
        "slug": project.slug,
        "teaser": project.teaser,
        "description-count": "0",
        "fields_of_action": [f.pk for f in project.fields_of_action.all()],
        "districts": [d.pk for d in project.districts.all()],
        "status": "active",
        "offers-TOTAL_FORMS": "0",
        "offers-INITIAL_FORMS": "0",
        "needs-TOTAL_FORMS": "0",
        "needs-INITIAL_FORMS": "0",
        "gallery_images-TOTAL_FORMS": "0",
        "gallery_images-INITIAL_FORMS": "0",
        "action-submit": "submit",
    }
    response = client.post(edit_url, form)
    assert response.status_code == 302
    state = WorkflowState.objects.get(object_id=str(project.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    project.refresh_from_db()
    assert not project.live

    task_state = state.current_task_state
    approve = client.post(
        reverse(
            "wagtailadmin_pages:workflow_action",
            args=[project.pk, "approve", task_state.pk],
        ),
        {"comment": "Passt."},
    )
    assert approve.status_code in (200, 302)
    state.refresh_from_db()
    project.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED
    assert project.live


def test_user_without_the_group_cannot_publish(site_tree, author, client):
    project = make_project(site_tree, title="Entwurf", publish=False)
    client.force_login(author)

    response = client.get(f"/admin/pages/{project.pk}/edit/")

    assert response.status_code in (302, 403)
    project.refresh_from_db()
    assert not project.live
    permissions = project.permissions_for_user(author)
    assert not permissions.can_publish()


def test_redaktion_may_edit_and_publish_pages(site_tree, editor_user):
    project = make_project(site_tree, title="Gute Praxis", publish=False)

    permissions = project.permissions_for_user(editor_user)

    assert permissions.can_publish()
    assert permissions.can_edit()
    assert not editor_user.has_perm("auth.change_user")
