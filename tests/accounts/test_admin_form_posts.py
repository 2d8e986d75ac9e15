"""Hostile values posted to the Wagtail admin's page and snippet forms, as
superuser and as an editor of "Redaktion", on the real database: none may
end in a 500. What a walk of the POST forms found (docs/accounts.md): a
rich text field whose value is no editor state, a StreamField with broken
bookkeeping or a chooser block that is no number, a chooser field that is
no number (the form was re-rendered with it) and a lone surrogate in an
editor state. ``accounts.views.admin_form_guard`` answers each with 400
and a German message that names the field; nothing is saved. Valid posts
still reach Wagtail's form."""

from __future__ import annotations

import json

import pytest
from bs4 import BeautifulSoup
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.test.utils.form_data import (
    nested_form_data,
    querydict_from_html,
    rich_text,
    streamfield,
)

from kb.models import Partner
from kb.taxonomy import District, OrganisationType, Region
from projects.models import ProjectPage
from tests.accounts.conftest import png_bytes
from tests.factories.pages import make_project

pytestmark = pytest.mark.django_db

TOO_LARGE = "99999999999999999999"
UNREADABLE = "Ungültige Formulardaten"
BAD_CHOICE = "Ungültige Auswahl im Formular"
BAD_CHARACTER = "Ungültiges Zeichen im Formular"


def editor_state(text: str) -> str:
    """What Draftail posts for one paragraph (JSON escapes as a browser's
    ``JSON.stringify`` writes them)."""
    block = {
        "key": "a1b2c",
        "type": "unstyled",
        "depth": 0,
        "text": text,
        "inlineStyleRanges": [],
        "entityRanges": [],
        "data": {},
    }
    return json.dumps({"blocks": [block], "entityMap": {}})


# Values of a rich text field that are no editor state.
NO_EDITOR_STATE = ["abc", "{", "5", "[1, 2]", '{"blocks": 5}', "a\x00b", "x" * 100_000]
# StreamField payloads Wagtail's stream block cannot read, by what is broken.
BROKEN_STREAMS = {
    "count missing": {},
    "count no number": {"description-count": "abc"},
    "count beyond the blocks": {"description-count": TOO_LARGE},
    "type missing": {
        "description-count": "1",
        "description-0-deleted": "",
        "description-0-order": "0",
        "description-0-value": editor_state("Text"),
    },
    "order no number": {
        "description-count": "1",
        "description-0-type": "text",
        "description-0-deleted": "",
        "description-0-order": "abc",
        "description-0-value": editor_state("Text"),
    },
    "text block no editor state": nested_form_data(
        {"description": streamfield([("text", "abc")])}
    ),
    "image block no number": nested_form_data(
        {
            "description": streamfield(
                [("image", {"image": "abc", "alt_text": "Bild", "caption": ""})]
            )
        }
    ),
    "document list count no number": nested_form_data(
        {"description": streamfield([("downloads", {"documents": {"count": "x"}})])}
    ),
    "document in list no number": nested_form_data(
        {
            "description": streamfield(
                [
                    (
                        "downloads",
                        {
                            "documents": {
                                "count": "1",
                                "0": {"value": "abc", "deleted": "", "order": "0"},
                            }
                        },
                    )
                ]
            )
        }
    ),
}
# Values of a chooser field that are no number at all.
NO_NUMBER = ["abc", "a\x00b", "²", "2026-13-45"]


@pytest.fixture
def superuser(admin_user) -> Client:
    """A superuser's browser that gets a server error as a 500 answer."""
    client = Client(raise_request_exception=False)
    client.force_login(admin_user)
    return client


@pytest.fixture
def editor_browser(editor_user) -> Client:
    client = Client(raise_request_exception=False)
    client.force_login(editor_user)
    return client


@pytest.fixture(params=["superuser", "editor"])
def browser(request) -> Client:
    """The same answers for a superuser and for an editor of "Redaktion"."""
    name = "superuser" if request.param == "superuser" else "editor_browser"
    return request.getfixturevalue(name)


@pytest.fixture
def project(site_tree) -> ProjectPage:
    return make_project(site_tree)


def form_of(client: Client, url: str, streams: tuple[str, ...] = ()) -> dict:
    """The form at ``url`` as the browser would post it unchanged (the
    StreamFields, which the page's script fills in, empty)."""
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    # The editing form is the one with the most fields (not the search).
    forms = BeautifulSoup(html, "html.parser").find_all("form")
    index = max(range(len(forms)), key=lambda i: len(forms[i].find_all("input")))
    data = querydict_from_html(html, form_index=index)
    form = {key: data.getlist(key) for key in data if "__prefix__" not in key}
    form.update({f"{name}-count": "0" for name in streams})
    return form


def page_forms(project: ProjectPage) -> dict[str, tuple[str, tuple[str, ...]]]:
    """(address, stream fields) of a project page's edit and create forms."""
    index = project.get_parent()
    return {
        "edit": (f"/admin/pages/{project.pk}/edit/", ("description",)),
        "create": (
            f"/admin/pages/add/projects/projectpage/{index.pk}/",
            ("description",),
        ),
    }


def assert_refused(response, message: str, label: str) -> None:
    body = response.content.decode()
    assert response.status_code == 400, body[:300]
    assert message in body
    assert f"„{label}“" in body


@pytest.mark.parametrize("form_name", ["edit", "create"])
@pytest.mark.parametrize("value", NO_EDITOR_STATE, ids=range(len(NO_EDITOR_STATE)))
def test_a_rich_text_field_that_is_no_editor_state_is_refused(
    browser, project, form_name, value
):
    url, streams = page_forms(project)[form_name]
    form = form_of(browser, url, streams)
    form["starting_point"] = value

    response = browser.post(url, form)

    assert_refused(response, UNREADABLE, "Ausgangslage")
    assert ProjectPage.objects.count() == 1
    assert Page.objects.get(pk=project.pk).get_latest_revision() == (
        project.get_latest_revision()
    )


def test_a_rich_text_field_of_the_home_page_is_checked_as_well(superuser, project):
    home = project.get_parent().get_parent()
    url = f"/admin/pages/{home.pk}/edit/"
    form = form_of(superuser, url)
    form["intro"] = "{"

    response = superuser.post(url, form)

    assert response.status_code == 400
    assert UNREADABLE in response.content.decode()


@pytest.mark.parametrize("form_name", ["edit", "create"])
@pytest.mark.parametrize("broken", BROKEN_STREAMS)
def test_a_broken_streamfield_is_refused(browser, project, form_name, broken):
    url, streams = page_forms(project)[form_name]
    form = {
        key: value
        for key, value in form_of(browser, url, streams).items()
        if not key.startswith("description-")
    }
    form.update(BROKEN_STREAMS[broken])

    response = browser.post(url, form)

    assert_refused(response, UNREADABLE, "Beschreibung")
    assert ProjectPage.objects.count() == 1


@pytest.mark.parametrize("form_name", ["edit", "create"])
def test_a_lone_surrogate_in_an_editor_state_is_refused(browser, project, form_name):
    url, streams = page_forms(project)[form_name]
    form = form_of(browser, url, streams)
    # JSON.stringify writes a lone surrogate as this escape.
    form["goals"] = editor_state("Deutsch \ud83d lernen")

    response = browser.post(url, form)

    assert_refused(response, BAD_CHARACTER, "Ziele")
    assert ProjectPage.objects.count() == 1


def link_state(number: str) -> str:
    """An editor state with a link to a page by its number."""
    state = json.loads(editor_state("Mehr"))
    state["blocks"][0]["entityRanges"] = [{"offset": 0, "length": 4, "key": 0}]
    data = {"id": number, "url": "/projekte/"}
    state["entityMap"] = {"0": {"type": "LINK", "mutability": "MUTABLE", "data": data}}
    return json.dumps(state)


@pytest.mark.parametrize("form_name", ["edit", "create"])
def test_a_page_link_to_no_number_in_a_rich_text_field_is_refused(
    browser, project, form_name
):
    """Stored, the draft could not be opened again (its editor looks the
    linked object up); not stored, the form could not be shown again."""
    url, streams = page_forms(project)[form_name]
    form = form_of(browser, url, streams)
    form["approach"] = link_state("abc")
    revision = project.get_latest_revision()

    response = browser.post(url, form)

    assert_refused(response, UNREADABLE, "Vorgehen")
    assert Page.objects.get(pk=project.pk).get_latest_revision() == revision
    assert browser.get(f"/admin/pages/{project.pk}/edit/").status_code == 200


def test_an_inline_form_whose_number_is_no_number_is_refused(browser, project):
    from kb.taxonomy import OfferNeedCategory

    url = f"/admin/pages/{project.pk}/edit/"
    form = form_of(browser, url, ("description",))
    form.update(
        {
            "offers-TOTAL_FORMS": "1",
            "offers-INITIAL_FORMS": "1",
            "offers-0-id": "abc",
            "offers-0-category": str(OfferNeedCategory.objects.first().pk),
            "offers-0-text": "Sprachkurse",
            "offers-0-ORDER": "1",
        }
    )

    response = browser.post(url, form)

    assert response.status_code == 400
    assert UNREADABLE in response.content.decode()


def partner_forms() -> dict[str, str]:
    partner = Partner.objects.create(
        name="Caritas", organisation_type=OrganisationType.objects.first()
    )
    return {
        "add": "/admin/snippets/kb/partner/add/",
        "edit": f"/admin/snippets/kb/partner/edit/{partner.pk}/",
    }


# (form, field, label) of chooser fields.
CHOOSERS = [
    ("partner add", "logo", "Logo"),
    ("partner add", "organisation_type", "Organisationsart"),
    ("partner edit", "logo", "Logo"),
    ("partner edit", "organisation_type", "Organisationsart"),
    ("district add", "region", "Region"),
    ("project edit", "gallery_images-0-image", "Bild"),
]


@pytest.mark.parametrize(("form_name", "field", "label"), CHOOSERS)
@pytest.mark.parametrize("value", NO_NUMBER)
def test_a_chooser_field_that_is_no_number_is_refused(
    browser, project, form_name, field, label, value
):
    image = get_image_model().objects.create(
        title="Treff", file=SimpleUploadedFile("treff.png", png_bytes())
    )
    urls = {
        **{f"partner {name}": url for name, url in partner_forms().items()},
        "district add": "/admin/snippets/kb/district/add/",
        "project edit": f"/admin/pages/{project.pk}/edit/",
    }
    url = urls[form_name]
    streams = ("description",) if form_name.startswith("project") else ()
    form = form_of(browser, url, streams)
    if field.startswith("gallery_images"):
        form.update(
            {
                "gallery_images-TOTAL_FORMS": "1",
                "gallery_images-0-image": str(image.pk),
                "gallery_images-0-alt_text": "Treff",
            }
        )
    form[field] = value
    partners, districts = Partner.objects.count(), District.objects.count()

    response = browser.post(url, form)

    assert_refused(response, BAD_CHOICE, label)
    assert (Partner.objects.count(), District.objects.count()) == (
        partners,
        districts,
    )


NEW_DISTRICT = {
    "name": "Neuer Landkreis",
    "ags": "03999",
    "slug": "neuer-landkreis",
    "kind": "Landkreis",
    "seat": "Neustadt",
    "lat": "52.5",
    "lon": "9.5",
}


@pytest.mark.parametrize("number", ["-1", TOO_LARGE])
def test_a_number_of_no_object_is_left_to_the_form(superuser, number):
    """A number that names no object is the form's error, re-rendered."""
    form = form_of(superuser, "/admin/snippets/kb/district/add/")
    form.update({**NEW_DISTRICT, "region": number})

    response = superuser.post("/admin/snippets/kb/district/add/", form)

    assert response.status_code == 200
    assert not District.objects.filter(ags="03999").exists()


def test_a_valid_page_edit_still_saves_a_draft(browser, project):
    url = f"/admin/pages/{project.pk}/edit/"
    form = form_of(browser, url, ("description",))
    form.update(
        {
            "title": "Sprachcafé Celle am Markt",
            "starting_point": rich_text("<p>Viele wollten üben.</p>"),
        }
    )
    form.update(
        nested_form_data(
            {"description": streamfield([("text", rich_text("<p>Dienstags.</p>"))])}
        )
    )

    response = browser.post(url, form)

    assert response.status_code == 302
    draft = Page.objects.get(pk=project.pk).get_latest_revision_as_object()
    assert draft.title == "Sprachcafé Celle am Markt"
    assert "Viele wollten üben." in draft.starting_point
    assert "Dienstags." in str(draft.description)


def test_a_valid_snippet_is_still_added(superuser):
    region = Region.objects.order_by("pk").first()
    form = form_of(superuser, "/admin/snippets/kb/district/add/")
    form.update({**NEW_DISTRICT, "region": str(region.pk)})

    response = superuser.post("/admin/snippets/kb/district/add/", form)

    assert response.status_code == 302
    assert District.objects.get(ags="03999").region == region


def workflow_form(task: str, task_id: str = "") -> dict[str, str]:
    from wagtail.models import Task

    form = {"name": "Prüfung Ost"}
    for prefix, count in [("pages", 0), ("workflow_tasks", 1)]:
        form.update(
            {
                f"{prefix}-TOTAL_FORMS": str(count),
                f"{prefix}-INITIAL_FORMS": "0",
                f"{prefix}-MIN_NUM_FORMS": "0",
                f"{prefix}-MAX_NUM_FORMS": "1000",
            }
        )
    form["workflow_tasks-0-task"] = task or str(Task.objects.order_by("pk").first().pk)
    form["workflow_tasks-0-id"] = task_id
    form["workflow_tasks-0-ORDER"] = "1"
    return form


@pytest.mark.parametrize(("task", "task_id"), [("abc", ""), ("", "abc"), ("²", "")])
def test_a_workflow_task_that_is_no_number_is_refused(superuser, task, task_id):
    from wagtail.models import Workflow

    response = superuser.post("/admin/workflows/add/", workflow_form(task, task_id))

    assert response.status_code == 400
    assert "Ungültige Nummer im Formular" in response.content.decode()
    assert not Workflow.objects.filter(name="Prüfung Ost").exists()


def test_a_group_permission_page_that_is_no_number_is_refused(superuser):
    from django.contrib.auth.models import Group

    group = Group.objects.get(name="Redaktion")
    url = f"/admin/groups/edit/{group.pk}/"
    form = form_of(superuser, url)
    form.update(
        {
            "page_permissions-TOTAL_FORMS": "1",
            "page_permissions-INITIAL_FORMS": "0",
            "page_permissions-0-page": "abc",
        }
    )

    response = superuser.post(url, form)

    assert response.status_code == 400
    assert "Ungültige Nummer im Formular" in response.content.decode()


def test_a_redirect_to_a_page_that_is_no_number_is_refused(superuser):
    from wagtail.contrib.redirects.models import Redirect

    form = form_of(superuser, "/admin/redirects/add/")
    form.update({"old_path": "/alt/", "redirect_page": "abc"})

    response = superuser.post("/admin/redirects/add/", form)

    assert response.status_code == 400
    assert "Ungültige Nummer im Formular" in response.content.decode()
    assert not Redirect.objects.filter(old_path="/alt").exists()


def test_a_valid_redirect_is_still_added(superuser, project):
    from wagtail.contrib.redirects.models import Redirect

    form = form_of(superuser, "/admin/redirects/add/")
    form.update({"old_path": "/alt/", "redirect_page": str(project.pk)})

    response = superuser.post("/admin/redirects/add/", form)

    assert response.status_code == 302
    assert Redirect.objects.get(old_path="/alt").redirect_page_id == project.pk


@pytest.mark.parametrize("value", ["²", "a\x00b", TOO_LARGE])
def test_an_image_review_of_no_number_says_the_picture_waits_no_more(superuser, value):
    response = superuser.post(
        "/admin/bildfreigabe/", {"image": value, "decision": "approve"}, follow=True
    )

    assert response.status_code == 200
    assert "Dieses Bild wartet nicht mehr auf Freigabe." in response.content.decode()


def test_no_snippet_has_an_unpublish_view_whose_next_would_need_a_route():
    """Wagtail's snippet unpublish and unschedule views redirect to
    ``next`` with ``redirect()`` (a view name such as ``abc`` is a 500);
    they exist only for snippets with drafts. Giving one drafts needs a
    route like the page views' in ``admin_address_guard``."""
    from wagtail.models import DraftStateMixin
    from wagtail.snippets.models import get_snippet_models

    assert not [m for m in get_snippet_models() if issubclass(m, DraftStateMixin)]
