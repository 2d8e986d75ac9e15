"""What the frontend does with pages: drafts, review, sign-up records."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext
from wagtail.models import Page, Site, WorkflowState

from projects.models import InitiativeIndexPage, InitiativePage, ProjectPage

from . import consent
from .models import Consent, Membership

User = get_user_model()


def initiative_index() -> InitiativeIndexPage:
    """The one list of initiatives, created below the home page if missing."""
    index = InitiativeIndexPage.objects.first()
    if index is not None:
        return index
    site = Site.objects.filter(is_default_site=True).first()
    parents = InitiativeIndexPage.allowed_parent_page_models()
    home = site.root_page if site else Page.objects.type(*parents).first()
    index = InitiativeIndexPage(title="Initiativen", slug="initiativen")
    home.add_child(instance=index)
    index.save_revision().publish()
    return index


def quiet_admin_notifications(user) -> None:
    """Members hear from us (accounts.tasks); Wagtail's own moderation mails
    point into the admin, which members cannot open."""
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(user)
    profile.submitted_notifications = False
    profile.approved_notifications = False
    profile.rejected_notifications = False
    profile.updated_comments_notifications = False
    profile.save()


def record_consents(user) -> None:
    now = timezone.now()
    Consent.objects.bulk_create(
        [
            Consent(
                user=user,
                document=document,
                version=consent.VERSION,
                text=text,
                accepted_at=now,
            )
            for document, text in (
                ("terms", consent.TERMS),
                ("privacy", consent.PRIVACY),
            )
        ]
    )


@transaction.atomic
def sign_up(*, organisation: str, contact_name: str, email: str, password: str):
    """An inactive user, a draft initiative profile and the membership."""
    user = User(username=email, email=email, first_name=contact_name, is_active=False)
    user.set_password(password)
    user.save()
    record_consents(user)
    quiet_admin_notifications(user)
    initiative = InitiativePage(
        title=organisation,
        contact_name=contact_name,
        contact_email=email,
        live=False,
        owner=user,
    )
    initiative_index().add_child(instance=initiative)
    initiative.save_revision(user=user, log_action=True)
    Membership.objects.create(user=user, initiative=initiative)
    return user, initiative


def draft_of(page: Page) -> Page:
    """The latest version, as the member last saved it (live or not)."""
    return page.specific.get_latest_revision_as_object()


def withdraw_from_review(page: Page, user) -> bool:
    """A new draft replaces what the editors were looking at."""
    state = page.current_workflow_state
    if state is None:
        return False
    state.cancel(user=user)
    return True


@transaction.atomic
def save_draft(page: Page, user) -> tuple[Page, bool]:
    """Store the edited in-memory page as a revision; never publishes.

    Returns the page and whether a running review was withdrawn."""
    withdrawn = withdraw_from_review(page, user)
    page.save_revision(user=user, log_action=True)
    return page, withdrawn


@transaction.atomic
def create_project(initiative: InitiativePage, page: ProjectPage, user) -> ProjectPage:
    page.live = False
    page.owner = user
    initiative.add_child(instance=page)
    page.save_revision(user=user, log_action=True)
    return page


@transaction.atomic
def submit_for_review(page: Page, user) -> bool:
    """Start the editorial workflow on the latest revision."""
    page = Page.objects.select_for_update().get(pk=page.pk).specific
    workflow = page.get_workflow()
    if workflow is None:
        return False
    withdraw_from_review(page, user)
    workflow.start(page, user)
    return True


def state_label(page: Page) -> str:
    """Where a page stands, for the member's dashboard (translated)."""
    state = page.current_workflow_state
    in_review = state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS
    changes_asked = (
        state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES
    )
    if page.live:
        if in_review:
            return gettext("veröffentlicht, Änderungen in Prüfung")
        if changes_asked:
            return gettext("veröffentlicht, Änderungen Überarbeitung erbeten")
        if page.has_unpublished_changes:
            return gettext("veröffentlicht, Änderungen als Entwurf")
        return gettext("veröffentlicht")
    if in_review:
        return gettext("In Prüfung")
    if changes_asked:
        return gettext("Überarbeitung erbeten")
    return gettext("Entwurf")


def rejection_comment(page: Page) -> str:
    state = page.current_workflow_state
    if state is None or state.status != WorkflowState.STATUS_NEEDS_CHANGES:
        return ""
    return state.current_task_state.comment if state.current_task_state else ""


def is_project(page: Page) -> bool:
    return isinstance(page, ProjectPage)
