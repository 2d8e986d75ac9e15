"""The data export lists everything kept about a person; project contact data
is published only with consent and never bulk-exported."""

from __future__ import annotations

import json

import pytest
from axes.models import AccessLog
from django.utils import timezone

from accounts.models import Invitation
from kb.models import CallPage, Signature
from matching.models import ContactRequest
from projects.models import ProjectPage
from tests.accounts.conftest import login, make_member
from website.models import HomePage

from .conftest import save_draft

pytestmark = pytest.mark.django_db


def test_the_export_lists_signatures_invitations_contacts_drafts_and_logins(
    client, member
):
    user, _, project = member
    call = CallPage(title="Aufruf", slug="aufruf", body="<p>x</p>")
    HomePage.objects.get().add_child(instance=call)
    Signature.objects.create(
        call=call,
        kind="person",
        name="Anna B.",
        email="ANNA@example.org",
        consent_text="ja",
        consented_at=timezone.now(),
    )
    inviter, other = make_member("chef@example.org", "Andere Initiative")
    Invitation.objects.create(
        initiative=other, email="anna@example.org", invited_by=inviter
    )
    ContactRequest.objects.create(
        target=project,
        sender_name="Anna B.",
        sender_email="anna@example.org",
        message="Wir möchten uns austauschen.",
        consent_text="ja",
        consent_at=timezone.now(),
    )
    AccessLog.objects.create(username="anna@example.org", ip_address="10.0.0.7")
    save_draft(project, contact_email="anna@example.org")
    login(client, user)

    data = json.loads(client.get("/konto/meine-daten/").content)

    assert data["unterschriften_unter_den_aufruf"][0]["name"] == "Anna B."
    assert data["einladungen_erhalten"][0]["initiative"] == "Andere Initiative"
    assert data["kontaktanfragen"][0]["nachricht"] == "Wir möchten uns austauschen."
    assert "10.0.0.7" in [entry["ip_adresse"] for entry in data["anmeldeversuche"]]
    pages = {entry["seite"] for entry in data["kontaktangaben_auf_seiten"]}
    assert project.title in pages  # named in a draft only


def test_contact_data_is_published_only_with_consent(client, member):
    _, _, project = member
    project = ProjectPage.objects.get(pk=project.pk)
    project.contact_name = "Anna Beispiel"
    project.contact_email = "anna@example.org"
    project.contact_phone = "05141 12345"
    project.save_revision().publish()

    hidden = client.get(project.url).content.decode()

    assert "anna@example.org" not in hidden
    assert "05141 12345" not in hidden
    assert "Anna Beispiel" not in hidden
    project.contact_public = True
    project.save_revision().publish()
    assert "anna@example.org" in client.get(project.url).content.decode()


def test_bulk_exports_carry_no_contact_data(client, member, tmp_path):
    from django.core.management import call_command

    _, _, project = member
    project = ProjectPage.objects.get(pk=project.pk)
    project.contact_name = "Anna Beispiel"
    project.contact_email = "anna@example.org"
    project.contact_public = True
    project.save_revision().publish()

    target = tmp_path / "projekte.json"
    call_command("export_projects", str(target))
    rows = json.loads(target.read_text())

    assert rows and all(not row["contact_email"] for row in rows)
    assert "anna@example.org" not in target.read_text()


def test_search_result_exports_carry_no_contact_data(client, member):
    _, _, project = member
    project = ProjectPage.objects.get(pk=project.pk)
    project.contact_name = "Anna Beispiel"
    project.contact_email = "anna@example.org"
    project.contact_phone = "05141 12345"
    project.contact_public = True
    project.save_revision().publish()

    response = client.get("/suche/export.json", {"field": "sprache"})

    rows = json.loads(response.content)
    assert [row["title"] for row in rows] == [project.title]
    assert not any(rows[0][key] for key in ("contact_name", "contact_email"))
    assert "05141 12345" not in response.content.decode()
