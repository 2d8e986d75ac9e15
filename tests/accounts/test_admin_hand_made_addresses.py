"""Hand-made addresses of Wagtail admin views that Wagtail's own URL list
serves first: a malformed number in a bulk action, the page chooser's
choice of several pages, the editing session's ping, a page's new position
or a workflow's page list, and a ``next`` that is no address, all ended in
a 500 (``int('abc')``, bigint out of range, ``NoReverseMatch``). The answer
must be a clear German error and a 4xx; valid requests stay Wagtail's."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.admin.models import EditingSession
from wagtail.documents import get_document_model
from wagtail.models import Page, Task, Workflow, WorkflowPage

from kb.taxonomy import District, FieldOfAction, Region
from projects.models import ProjectPage
from scripts.faults.editor import edit_form_data
from tests.factories.pages import make_project

pytestmark = pytest.mark.django_db

MESSAGE = "Ungültige Nummer in der Adresse"
NEXT_REFUSED = "Ungültige Rücksprungadresse"
MALFORMED = ["abc", "²", "-1"]
TOO_LARGE = "99999999999999999999"
BULK_DELETE = [
    "/admin/bulk/wagtailcore/page/delete/",
    "/admin/bulk/wagtaildocs/document/delete/",
    "/admin/bulk/wagtailimages/image/delete/",
    "/admin/bulk/auth/user/delete/",
    "/admin/bulk/kb/region/delete/",
]


@pytest.mark.parametrize("action", BULK_DELETE)
@pytest.mark.parametrize("value", MALFORMED)
def test_a_malformed_number_in_a_bulk_action_is_a_clear_error(
    admin_client, action, value
):
    response = admin_client.get(action, {"id": ["1", value]})

    assert response.status_code == 400
    assert MESSAGE in response.content.decode()


@pytest.mark.parametrize("value", MALFORMED)
def test_a_malformed_parent_in_a_bulk_action_on_all_pages_is_a_clear_error(
    site_tree, admin_client, value
):
    response = admin_client.get(BULK_DELETE[0], {"id": "all", "childOf": value})

    assert response.status_code == 400
    assert MESSAGE in response.content.decode()


def test_a_bulk_action_on_all_pages_of_a_parent_is_still_wagtails(
    site_tree, admin_client
):
    project = make_project(site_tree)

    response = admin_client.get(BULK_DELETE[0], {"id": "all", "childOf": site_tree.pk})

    assert response.status_code == 200
    assert project.title in response.content.decode()


def test_a_bulk_action_on_chosen_pages_is_still_wagtails(site_tree, admin_client):
    project = make_project(site_tree)
    address = f"{BULK_DELETE[0]}?id={project.pk}&next=/admin/pages/{site_tree.pk}/"

    asked = admin_client.get(address)
    done = admin_client.post(address)

    assert asked.status_code == 200
    assert done.status_code == 302
    assert done["Location"] == f"/admin/pages/{site_tree.pk}/"
    assert not ProjectPage.objects.filter(pk=project.pk).exists()


def test_a_bulk_action_on_other_objects_is_still_wagtails(admin_client):
    document = get_document_model().objects.create(
        title="Leitfaden", file=SimpleUploadedFile("leitfaden.pdf", b"%PDF-1.4")
    )
    user = get_user_model().objects.create_user("helga", "helga@example.org")
    region = Region.objects.order_by("pk").first()

    answers = [
        admin_client.get(BULK_DELETE[1], {"id": document.pk}),
        admin_client.get(BULK_DELETE[3], {"id": user.pk}),
        admin_client.get(BULK_DELETE[4], {"id": region.pk}),
        admin_client.get(BULK_DELETE[4], {"id": TOO_LARGE}),
    ]

    assert [answer.status_code for answer in answers] == [200, 200, 200, 404]
    assert "Leitfaden" in answers[0].content.decode()
    assert "helga" in answers[1].content.decode()


@pytest.mark.parametrize("value", MALFORMED)
def test_a_malformed_number_in_the_page_choosers_multiple_choice_is_a_clear_error(
    site_tree, admin_client, value
):
    response = admin_client.get(
        "/admin/choose-page/chosen-multiple/", {"id": [site_tree.pk, value]}
    )

    assert response.status_code == 400
    assert MESSAGE in response.content.decode()


def test_pages_are_still_chosen_by_wagtail(site_tree, admin_client):
    response = admin_client.get(
        "/admin/choose-page/chosen-multiple/", {"id": [site_tree.pk, TOO_LARGE]}
    )

    assert response.status_code == 200
    assert [page["id"] for page in response.json()["result"]] == [site_tree.pk]


@pytest.mark.parametrize("value", MALFORMED)
def test_a_malformed_number_in_an_editing_session_ping_is_a_clear_error(
    admin_client, value
):
    response = admin_client.post(
        f"/admin/editing-sessions/ping/wagtailcore/page/{value}/1/"
    )

    assert response.status_code == 404
    assert MESSAGE in response.content.decode()


def test_an_editing_session_ping_is_still_wagtails(site_tree, admin_client):
    ping = "/admin/editing-sessions/ping/wagtailcore/page"

    known = admin_client.post(f"{ping}/{site_tree.pk}/0/")
    unknown = admin_client.post(f"{ping}/{TOO_LARGE}/0/")
    no_model = admin_client.post("/admin/editing-sessions/ping/kb/nothing/abc/0/")

    assert known.status_code == 200
    assert EditingSession.objects.filter(object_id=str(site_tree.pk)).exists()
    assert unknown.status_code == no_model.status_code == 404
    assert MESSAGE not in unknown.content.decode() + no_model.content.decode()


@pytest.mark.parametrize("position", [*MALFORMED, TOO_LARGE])
def test_a_malformed_or_too_large_position_is_a_clear_error(
    site_tree, admin_client, position
):
    first = make_project(site_tree, title="Erstes Projekt")
    second = make_project(site_tree, title="Zweites Projekt")

    response = admin_client.post(
        f"/admin/pages/{first.pk}/set_position/?position={position}"
    )

    assert response.status_code == 400
    assert MESSAGE in response.content.decode()
    assert list(site_tree.get_children()) == [first.page_ptr, second.page_ptr]


def test_reordering_pages_is_still_wagtails(site_tree, admin_client):
    first = make_project(site_tree, title="Erstes Projekt")
    second = make_project(site_tree, title="Zweites Projekt")
    third = make_project(site_tree, title="Drittes Projekt")
    reorder = "/admin/pages/{}/set_position/?position={}"

    to_front = admin_client.post(reorder.format(third.pk, 0))
    to_end = admin_client.post(reorder.format(third.pk, 2**63 - 1))
    children = [page.pk for page in Page.objects.get(pk=site_tree.pk).get_children()]

    assert to_front.status_code == to_end.status_code == 200
    assert children == [first.pk, second.pk, third.pk]


def workflow_form(*pages: str) -> dict[str, str]:
    """Wagtail's form for a new workflow with the first task of the
    editorial review and ``pages`` in its page list."""
    form = {"name": "Prüfung Ost"}
    for prefix, count in [("pages", len(pages)), ("workflow_tasks", 1)]:
        form.update(
            {
                f"{prefix}-TOTAL_FORMS": str(count),
                f"{prefix}-INITIAL_FORMS": "0",
                f"{prefix}-MIN_NUM_FORMS": "0",
                f"{prefix}-MAX_NUM_FORMS": "1000",
            }
        )
    form["workflow_tasks-0-task"] = str(Task.objects.order_by("pk").first().pk)
    form["workflow_tasks-0-ORDER"] = "1"
    form.update({f"pages-{n}-page": page for n, page in enumerate(pages)})
    return form


@pytest.mark.parametrize("value", MALFORMED)
def test_a_malformed_page_in_a_new_workflow_is_a_clear_error(
    site_tree, admin_client, value
):
    response = admin_client.post(
        "/admin/workflows/add/", workflow_form(str(site_tree.pk), value)
    )

    assert response.status_code == 400
    assert "Ungültige Nummer im Formular" in response.content.decode()
    assert not Workflow.objects.filter(name="Prüfung Ost").exists()


def test_a_workflow_with_its_pages_is_still_added_by_wagtail(site_tree, admin_client):
    project = make_project(site_tree)

    response = admin_client.post(
        "/admin/workflows/add/", workflow_form(str(project.pk), "")
    )

    assert response.status_code == 302
    workflow = Workflow.objects.get(name="Prüfung Ost")
    assert WorkflowPage.objects.get(workflow=workflow).page_id == project.pk


PAGE_ACTIONS = ["delete", "unpublish", "copy", "lock", "unlock"]


@pytest.mark.parametrize("action", PAGE_ACTIONS)
@pytest.mark.parametrize("next_value", ["abc", "wagtailadmin_home", "?p=2"])
def test_a_next_that_is_no_address_is_a_clear_error(
    site_tree, admin_client, action, next_value
):
    project = make_project(site_tree)
    copy_form = {"new_title": "Kopie", "new_slug": "kopie"}

    response = admin_client.post(
        f"/admin/pages/{project.pk}/{action}/?next={next_value}",
        {**copy_form, "new_parent_page": site_tree.pk},
    )

    assert response.status_code == 400
    assert NEXT_REFUSED in response.content.decode()
    project.refresh_from_db()
    assert project.live and not project.locked
    assert not ProjectPage.objects.filter(slug="kopie").exists()


@pytest.mark.parametrize("next_value", ["abc", "?p=2"])
def test_a_next_that_is_no_address_in_a_bulk_action_is_a_clear_error(
    site_tree, admin_client, next_value
):
    project = make_project(site_tree)

    response = admin_client.post(
        f"{BULK_DELETE[0]}?id={project.pk}", {"next": next_value}
    )

    assert response.status_code == 400
    assert NEXT_REFUSED in response.content.decode()
    assert ProjectPage.objects.filter(pk=project.pk).exists()


@pytest.mark.parametrize("action", PAGE_ACTIONS)
def test_page_actions_still_return_to_next(site_tree, admin_client, action):
    project = make_project(site_tree)
    listing = f"/admin/pages/{site_tree.pk}/"

    response = admin_client.post(
        f"/admin/pages/{project.pk}/{action}/?next={listing}",
        {"new_title": "Kopie", "new_slug": "kopie", "new_parent_page": site_tree.pk},
    )

    assert response.status_code == 302
    assert response["Location"] == listing


def test_deleting_a_page_with_next_still_deletes_it(site_tree, admin_client):
    project = make_project(site_tree)
    listing = f"/admin/pages/{site_tree.pk}/"

    response = admin_client.post(f"/admin/pages/{project.pk}/delete/?next={listing}")

    assert response["Location"] == listing
    assert not ProjectPage.objects.filter(pk=project.pk).exists()


def test_the_guarded_views_still_require_the_admin_login(client):
    response = client.get(f"{BULK_DELETE[0]}?id=abc")

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def sent_back(response) -> dict[str, list[str]]:
    """The admin's page form as the browser sends it, to publish."""
    data: dict[str, list[str]] = {}
    for name, value in edit_form_data(response.content.decode()):
        data.setdefault(name, []).append(value)
    data["action-publish"] = ["publish"]
    return data


@pytest.mark.parametrize("next_value", ["abc", "/admin/pages/"])
def test_publishing_an_edit_returns_to_next_only_when_it_is_an_address(
    site_tree, admin_client, next_value
):
    project = make_project(site_tree)
    edit = f"/admin/pages/{project.pk}/edit/"
    form = sent_back(admin_client.get(edit))
    form["title"] = ["Sprachcafé Celle neu"]

    response = admin_client.post(f"{edit}?next={next_value}", form)

    project.refresh_from_db()
    if next_value == "abc":
        assert response.status_code == 400
        assert NEXT_REFUSED in response.content.decode()
        assert project.title == "Sprachcafé Celle"
    else:
        assert response.status_code == 302
        assert response["Location"] == next_value
        assert project.title == "Sprachcafé Celle neu"


@pytest.mark.parametrize("next_value", ["abc", "/admin/pages/"])
def test_publishing_a_new_page_returns_to_next_only_when_it_is_an_address(
    site_tree, admin_client, next_value
):
    add = f"/admin/pages/add/projects/projectpage/{site_tree.pk}/"
    form = sent_back(admin_client.get(add))
    form.update(title=["Nähtreff Peine"], slug=["naehtreff-peine"])
    form["teaser"] = ["Gemeinsam nähen und Deutsch sprechen."]
    form["fields_of_action"] = [FieldOfAction.objects.get(slug="sprache").pk]
    form["districts"] = [District.objects.get(ags="03157").pk]

    response = admin_client.post(f"{add}?next={next_value}", form)

    created = ProjectPage.objects.filter(slug="naehtreff-peine").exists()
    if next_value == "abc":
        assert response.status_code == 400
        assert NEXT_REFUSED in response.content.decode()
        assert not created
    else:
        assert response.status_code == 302
        assert response["Location"] == next_value
        assert created
