"""Sign-up of an initiative, e-mail verification and login."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.core import mail, signing
from django.test import Client

from accounts.models import Consent, Membership
from projects.models import InitiativeIndexPage, InitiativePage

from .conftest import PASSWORD, signup_data, verification_link

pytestmark = pytest.mark.django_db

User = get_user_model()


def sign_up(client, django_capture_on_commit_callbacks, **overrides):
    with django_capture_on_commit_callbacks(execute=True):
        return client.post("/konto/registrieren/", signup_data(**overrides))


def confirm(client, link: str, password: str = PASSWORD):
    return client.post(link, {"password": password})


def test_signup_creates_inactive_user_draft_initiative_and_consents(
    client, site_tree, eager_tasks, django_capture_on_commit_callbacks
):
    response = sign_up(client, django_capture_on_commit_callbacks)

    assert response.status_code == 302
    user = User.objects.get(email="anna@example.org")
    assert not user.is_active
    initiative = InitiativePage.objects.get(memberships__user=user)
    assert initiative.title == "Sprachbrücke Celle e. V."
    assert not initiative.live
    assert initiative.get_parent().specific_class is InitiativeIndexPage
    assert set(
        Consent.objects.filter(user=user).values_list("document", flat=True)
    ) == {
        "terms",
        "privacy",
    }
    assert all(c.text and c.accepted_at for c in Consent.objects.filter(user=user))
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["anna@example.org"]


def test_verification_link_activates_once_and_login_works(
    client, site_tree, eager_tasks, django_capture_on_commit_callbacks
):
    sign_up(client, django_capture_on_commit_callbacks)
    link = verification_link(mail.outbox[-1])

    assert (
        client.post(
            "/konto/anmelden/",
            {"username": "anna@example.org", "password": PASSWORD},
        ).status_code
        == 200
    )  # inactive: refused
    assert client.get(link).status_code == 200
    assert not User.objects.get(email="anna@example.org").is_active  # GET: a page
    assert confirm(client, link, "falsch").status_code == 400
    assert not User.objects.get(email="anna@example.org").is_active
    assert confirm(client, link).status_code == 200
    assert User.objects.get(email="anna@example.org").is_active
    client.logout()
    assert "Bereits bestätigt" in client.get(link).content.decode()
    response = client.post(
        "/konto/anmelden/",
        {"username": "anna@example.org", "password": PASSWORD},
    )
    assert response.status_code == 302
    assert client.get("/konto/").status_code == 200


def test_expired_verification_link_is_refused(
    client, site_tree, eager_tasks, django_capture_on_commit_callbacks, settings
):
    sign_up(client, django_capture_on_commit_callbacks)
    link = verification_link(mail.outbox[-1])
    settings.ACCOUNTS_VERIFY_MAX_AGE = -1

    response = confirm(client, link)

    assert response.status_code == 400
    assert not User.objects.get(email="anna@example.org").is_active


def test_forged_verification_link_is_refused(client, site_tree):
    token = signing.dumps({"u": 1, "e": "x@example.org"}, salt="wrong")
    assert client.get(f"/konto/bestaetigen/{token}/").status_code == 400


def test_second_signup_with_same_address_looks_the_same_and_creates_nothing(
    client, site_tree, eager_tasks, django_capture_on_commit_callbacks
):
    sign_up(client, django_capture_on_commit_callbacks)
    User.objects.filter(email="anna@example.org").update(is_active=True)
    mail.outbox.clear()
    response = sign_up(
        client, django_capture_on_commit_callbacks, organisation="Andere Initiative"
    )

    assert response.status_code == 302
    assert User.objects.count() == 1
    assert InitiativePage.objects.get().title == "Sprachbrücke Celle e. V."
    assert not mail.outbox


def test_missing_consent_is_refused_with_a_german_message(client, site_tree):
    response = client.post("/konto/registrieren/", signup_data(accept_privacy=""))

    assert response.status_code == 400
    assert "Datenschutzhinweise" in response.content.decode()
    assert not User.objects.exists()


@pytest.mark.parametrize(
    "field, value",
    [
        ("organisation", "Böse\r\nBcc: opfer@example.org"),
        ("contact_name", "Anna\nBcc: x@example.org"),
        ("email", "anna@example.org\r\nBcc: x@example.org"),
        ("organisation", "x" * 201),
    ],
)
def test_header_injection_and_overlong_input_are_refused(
    client, site_tree, field, value
):
    response = client.post("/konto/registrieren/", signup_data(**{field: value}))

    assert response.status_code == 400
    assert not User.objects.exists()
    assert not mail.outbox


def test_script_in_organisation_name_is_stored_as_text_and_escaped(
    client, site_tree, eager_tasks, django_capture_on_commit_callbacks
):
    sign_up(
        client,
        django_capture_on_commit_callbacks,
        organisation="<script>alert(1)</script> Initiative",
    )
    user = User.objects.get()
    user.is_active = True
    user.save()
    client.force_login(user)

    body = client.get("/konto/").content.decode()

    assert "<script>alert(1)</script>" not in body
    assert "&lt;script&gt;" in body
    assert Membership.objects.count() == 1


def test_five_wrong_passwords_lock_the_login_also_for_the_admin(client, site_tree):
    User.objects.create_user("anna@example.org", "anna@example.org", "Richtig-123-x")
    for _ in range(5):
        client.post(
            "/konto/anmelden/", {"username": "anna@example.org", "password": "falsch"}
        )

    response = client.post(
        "/konto/anmelden/",
        {"username": "anna@example.org", "password": "Richtig-123-x"},
    )
    admin = client.post(
        "/admin/login/",
        {"username": "anna@example.org", "password": "Richtig-123-x"},
    )

    assert response.status_code == 429
    assert "gesperrt" in response.content.decode()
    assert admin.status_code == 429


def test_wagtail_admin_login_counts_failures_too(client, site_tree):
    User.objects.create_superuser("chef", "chef@example.org", "Richtig-123-x")
    for _ in range(5):
        client.post("/admin/login/", {"username": "chef", "password": "falsch"})

    response = client.post(
        "/admin/login/", {"username": "chef", "password": "Richtig-123-x"}
    )

    assert response.status_code == 429


def test_an_english_sign_up_gets_the_verification_in_english(
    site_tree, eager_tasks, django_capture_on_commit_callbacks
):
    english = Client(headers={"accept-language": "en"})
    sign_up(english, django_capture_on_commit_callbacks)

    (message,) = mail.outbox
    assert message.subject == "Please confirm your e-mail address"
    assert "Please confirm your e-mail address within three days" in message.body
    assert confirm(english, verification_link(mail.outbox[-1])).status_code == 200
    assert User.objects.get(email="anna@example.org").is_active


def test_a_german_sign_up_gets_the_verification_in_german(
    client, site_tree, eager_tasks, django_capture_on_commit_callbacks
):
    sign_up(client, django_capture_on_commit_callbacks)

    (message,) = mail.outbox
    assert message.subject == "Bitte bestätigen Sie Ihre E-Mail-Adresse"
    assert "innerhalb von drei Tagen" in message.body
