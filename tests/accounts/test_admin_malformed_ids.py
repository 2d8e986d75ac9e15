"""A malformed number in the address of Wagtail's document chooser or of a
snippet chooser (typed by hand, cut off, kept from an old page): the choice
of one object took it from the path, the choice of several from the query,
and both ended in ``int('abc')``, a 500. The same for the target page of a
page's copy form (read before the form was validated). The answer must be a
clear German error (404 in the path, 400 in the query or form), never a
5xx."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.snippets.models import get_snippet_models

from kb.taxonomy import Region
from projects.models import ProjectPage
from tests.factories.pages import make_project

pytestmark = pytest.mark.django_db

MESSAGE = "Ungültige Nummer in der Adresse"
# The numbered snippet models of this project (kb, search, the tags).
SNIPPETS = [
    "kb.district",
    "kb.fieldofaction",
    "kb.goodexamplecollection",
    "kb.offerneedcategory",
    "kb.organisationtype",
    "kb.partner",
    "kb.region",
    "kb.targetgroup",
    "search.glossaryentry",
    "search.synonymgroup",
    "taggit.tag",
]
CHOOSERS = ["/admin/documents/chooser"] + [
    f"/admin/snippets/choose/{label.replace('.', '/')}" for label in SNIPPETS
]
# Not a number, a digit int() refuses, no object's number, beyond bigint.
MALFORMED = ["abc", "²", "-1"]
TOO_LARGE = "99999999999999999999"


def test_the_list_names_every_registered_snippet_model():
    assert sorted(m._meta.label_lower for m in get_snippet_models()) == SNIPPETS


@pytest.mark.parametrize("chooser", CHOOSERS)
@pytest.mark.parametrize("value", [*MALFORMED, TOO_LARGE])
def test_a_malformed_number_in_a_choosers_address_is_a_clear_error(
    admin_client, chooser, value
):
    one = admin_client.get(f"{chooser}/chosen/{value}/")
    several = admin_client.get(f"{chooser}/chosen-multiple/?id={value}")

    assert one.status_code == 404
    if value == TOO_LARGE:  # a number, just no object's: Wagtail answers
        assert several.status_code == 200
        assert several.json()["result"] == []
    else:
        assert several.status_code == 400
        assert MESSAGE in one.content.decode()
        assert MESSAGE in several.content.decode()


def test_a_well_formed_number_is_still_chosen_by_wagtail(admin_client):
    region = Region.objects.order_by("pk").first()
    chooser = "/admin/snippets/choose/kb/region"

    one = admin_client.get(f"{chooser}/chosen/{region.pk}/")
    several = admin_client.get(f"{chooser}/chosen-multiple/?id={region.pk}")
    missing = admin_client.get(f"{chooser}/chosen/{region.pk + 10_000}/")

    assert one.status_code == several.status_code == 200
    assert one.json()["result"]["id"] == str(region.pk)
    assert [item["id"] for item in several.json()["result"]] == [str(region.pk)]
    assert missing.status_code == 404
    assert MESSAGE not in missing.content.decode()


def test_a_document_is_still_chosen_by_wagtail(admin_client):
    document = get_document_model().objects.create(
        title="Leitfaden",
        file=SimpleUploadedFile("leitfaden.pdf", b"%PDF-1.4 Leitfaden"),
    )

    response = admin_client.get(
        reverse("wagtaildocs_chooser:chosen", args=[document.pk])
    )

    assert response.status_code == 200
    assert response.json()["result"]["title"] == "Leitfaden"


def test_the_guarded_choosers_still_require_the_admin_login(client):
    response = client.get("/admin/documents/chooser/chosen/abc/")

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_login"))


COPY_REFUSED = "Ungültige Zielseite"


@pytest.mark.parametrize("target", [None, "", *MALFORMED, TOO_LARGE])
def test_copying_a_page_to_no_existing_target_is_a_clear_error(
    site_tree, admin_client, target
):
    project = make_project(site_tree)
    form = {"new_title": "Kopie", "new_slug": "kopie"}
    if target is not None:
        form["new_parent_page"] = target

    response = admin_client.post(f"/admin/pages/{project.pk}/copy/", form)

    assert response.status_code == 400
    assert COPY_REFUSED in response.content.decode()
    assert not ProjectPage.objects.filter(slug="kopie").exists()


def test_copying_a_page_to_an_existing_target_is_still_wagtails(
    site_tree, admin_client
):
    project = make_project(site_tree)

    shown = admin_client.get(f"/admin/pages/{project.pk}/copy/")
    copied = admin_client.post(
        f"/admin/pages/{project.pk}/copy/",
        {"new_title": "Kopie", "new_slug": "kopie", "new_parent_page": site_tree.pk},
    )

    assert shown.status_code == 200
    assert copied.status_code == 302
    assert ProjectPage.objects.child_of(site_tree).filter(slug="kopie").exists()
