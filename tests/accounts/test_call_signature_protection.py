"""The call's signature form carries the same protection as the sign-up."""

from __future__ import annotations

import pytest

from kb import antispam
from kb.models import CallPage
from kb.models.alliance import Signature

from .conftest import form_protection

pytestmark = pytest.mark.django_db


@pytest.fixture
def call(site_tree):
    home = site_tree.get_parent()
    page = CallPage(title="Aufruf", slug="aufruf", body="<p>Text</p>")
    home.add_child(instance=page)
    return page


def signature(**overrides) -> dict[str, str]:
    data = {
        "kind": "person",
        "name": "Anna Beispiel",
        "email": "anna@example.org",
        "consent": "on",
        **form_protection(),
    }
    data.update(overrides)
    return data


def test_a_person_signs(client, call, eager_tasks):
    response = client.post(call.url, signature())
    assert response.status_code == 302
    assert Signature.objects.count() == 1


def test_a_bot_filling_the_honeypot_is_thanked_and_ignored(client, call):
    response = client.post(call.url, signature(**{antispam.HONEYPOT_FIELD: "spam"}))
    assert response.status_code == 302
    assert "danke=1" in response["Location"]
    assert not Signature.objects.exists()


def test_a_flood_of_signatures_gets_429(client, call, settings, eager_tasks):
    settings.ANTISPAM_RATE_LIMITS = {"ip": 2, "email": 100}
    for number in range(2):
        client.post(call.url, signature(email=f"p{number}@example.org"))

    response = client.post(call.url, signature(email="x@example.org"))

    assert response.status_code == 429
    assert Signature.objects.count() == 2
