"""Confirmation links of call signatures: a GET confirms nothing, and a new
submission for a pending address replaces its data and its link."""

from __future__ import annotations

import pytest
from django.core import mail

from kb.models import CallPage, Signature
from website.models import HomePage

from .test_call_page import confirm_link, sign

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("clean_rate_limits")]


@pytest.fixture
def call(site_tree) -> CallPage:
    page = CallPage(title="Aufruf", slug="aufruf", body="<p>Wir packen an.</p>")
    HomePage.objects.get().add_child(instance=page)
    page.save_revision().publish()
    return page


def test_opening_the_link_asks_and_only_the_button_confirms(
    client,
    call,
    eager_tasks,
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        sign(client, call)
    link = confirm_link(mail.outbox[0])

    for _ in range(3):  # a mail scanner opening the link
        assert client.get(link).status_code == 200
    assert Signature.objects.get().confirmed_at is None

    assert client.post(link).context["outcome"] == "confirmed"
    assert Signature.objects.get().confirmed_at is not None


def test_a_new_submission_replaces_the_pending_name_and_choice(
    client,
    call,
    eager_tasks,
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        sign(client, call, name="Ausgedachter Name", list_publicly="on")
    with django_capture_on_commit_callbacks(execute=True):
        sign(client, call, name="Hanna Meyer", list_publicly="")
    first_link, second_link = (confirm_link(message) for message in mail.outbox)

    signature = Signature.objects.get()
    assert signature.name == "Hanna Meyer"
    assert not signature.list_publicly
    assert client.post(first_link).status_code == 400  # the stranger's link
    assert Signature.objects.get().confirmed_at is None
    assert client.post(second_link).status_code == 200
    assert "Ausgedachter Name" not in client.get(call.url).content.decode()
