"""Telling initiatives about the editors' decision, by e-mail through Celery
(the notice row is the record, so a broker outage only delays the mail),
and remembering a member's language at login (``accounts.languages``)."""

from __future__ import annotations

from django.contrib.auth.signals import user_logged_in
from wagtail.models import WorkflowState
from wagtail.signals import task_approved, task_rejected

from kb.handoff import queue_on_commit

from .languages import on_login
from .models import ModerationNotice
from .tasks import send_moderation_result


def _notify(task_state, approved: bool) -> None:
    workflow_state = task_state.workflow_state
    if approved and workflow_state.status != WorkflowState.STATUS_APPROVED:
        return  # a later task of the workflow still has to approve
    notice = ModerationNotice.objects.create(
        page_id=int(workflow_state.object_id),
        approved=approved,
        comment=task_state.comment or "",
    )
    queue_on_commit(send_moderation_result, notice.pk)


def on_task_approved(sender, instance, user=None, **kwargs) -> None:
    _notify(instance, approved=True)


def on_task_rejected(sender, instance, user=None, **kwargs) -> None:
    _notify(instance, approved=False)


task_approved.connect(on_task_approved, dispatch_uid="accounts-task-approved")
task_rejected.connect(on_task_rejected, dispatch_uid="accounts-task-rejected")
user_logged_in.connect(on_login, dispatch_uid="accounts-remember-language")
