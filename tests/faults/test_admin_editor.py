"""The fault runs publish as an editor does: over HTTP through the Wagtail
admin's edit form (``scripts/faults/editor.py``). Against a live server: the
client logs in with the CSRF token, sends the whole form back with one field
changed and ``action-publish``, and Wagtail publishes a new revision that
keeps everything else, the StreamField and the rich text included."""

from __future__ import annotations

import pytest

from scripts.faults.editor import AdminEditor, EditorError, edit_form_data, published
from tests.conftest import EDITOR_PASSWORD
from tests.factories.pages import make_project

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def project(site_tree):
    page = make_project(site_tree, publish=False)
    page.description = [
        ("text", "<p>Jeden Dienstag treffen sich <b>Nachbarn</b> im Café.</p>")
    ]
    page.goals = "<p>Deutsch sprechen üben</p>"
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def test_an_editor_publishes_a_change_through_the_admin(
    live_server, editor_user, project, clean_rate_limits
):
    revisions_before = project.revisions.count()
    editor = AdminEditor(live_server.url, editor_user.username, EDITOR_PASSWORD)
    editor.log_in()

    response = editor.publish(project.pk, {"teaser": "Neu (Fassung 1)"})

    assert published(response), (response.status_code, response.text[:2000])
    project.refresh_from_db()
    assert project.teaser == "Neu (Fassung 1)"
    assert project.revisions.count() == revisions_before + 1
    assert project.live_revision == project.latest_revision
    # The rest of the form came back unchanged.
    assert project.title == "Sprachcafé Celle"
    assert [block.block_type for block in project.description] == ["text"]
    assert "<b>Nachbarn</b>" in str(project.description[0].value)
    assert "Deutsch sprechen üben" in project.goals
    assert project.results == ""  # an empty editor stays empty
    assert list(project.districts.values_list("ags", flat=True)) == ["03351"]


def test_a_wrong_password_is_refused_without_a_server_error(
    live_server, editor_user, clean_rate_limits
):
    editor = AdminEditor(live_server.url, editor_user.username, "falsch")

    with pytest.raises(EditorError, match="answered 200"):
        editor.log_in()


def test_a_structured_block_is_refused_loudly():
    html = (
        '<form id="page-edit-form"><input name="title" value="T">'
        '<div id="description" data-w-block-arguments-value='
        '\'[[{"type": "quote", "value": {"text": "x"}, "id": "1"}], {}]\'></div>'
        "</form>"
    )

    with pytest.raises(EditorError, match="structured value"):
        edit_form_data(html)
