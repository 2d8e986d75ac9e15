"""Erasure reaches drafts and older revisions, by account and by address."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Revision

from accounts.privacy import delete_account
from kb.models import CallPage, Signature
from projects.models import ProjectPage
from website.models import HomePage

from .conftest import save_draft

pytestmark = pytest.mark.django_db


def revisions_naming(address: str) -> int:
    return Revision.page_revisions.filter(
        content__contact_email__iexact=address
    ).count()


def test_deleting_an_account_clears_a_draft_that_names_its_address(member):
    user, _, project = member
    project = ProjectPage.objects.get(pk=project.pk)
    project.contact_email = "buero@example.org"
    project.save_revision().publish()
    save_draft(project, contact_name="Anna Beispiel", contact_email="ANNA@example.org")
    in_project = Revision.objects.for_instance(project).filter(
        content__contact_email__iexact="anna@example.org"
    )
    assert in_project.count() == 1  # the draft only

    delete_account(user)

    assert not in_project.exists()
    assert revisions_naming("anna@example.org") == 0
    draft = ProjectPage.objects.get(pk=project.pk).get_latest_revision_as_object()
    assert draft.contact_name == ""
    assert ProjectPage.objects.get(pk=project.pk).contact_email == "buero@example.org"
    assert not get_user_model().objects.filter(pk=user.pk).exists()


def test_an_address_without_account_is_erased_everywhere(member, capsys):
    _, _, project = member
    address = "helferin@example.org"
    save_draft(project, contact_name="Helga Helferin", contact_email=address)
    home = HomePage.objects.get()
    call = CallPage(title="Aufruf", slug="aufruf", body="<p>x</p>")
    home.add_child(instance=call)
    Signature.objects.create(
        call=call,
        kind="person",
        name="Helga Helferin",
        email=address,
        consent_text="ja",
        consented_at=timezone.now(),
    )

    call_command("erase_personal_data", address)

    assert revisions_naming(address) == 0
    assert not Signature.objects.filter(email__iexact=address).exists()
    assert "Helga" not in str(
        [revision.content for revision in Revision.page_revisions.all()]
    )
