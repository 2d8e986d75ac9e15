"""Retention jobs delete what docs/privacy.md says is kept only for a while."""

from __future__ import annotations

from datetime import timedelta

import pytest
from axes.models import AccessLog
from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import timezone

from accounts import services
from accounts.tasks import purge_expired_personal_data
from kb.models import CallPage, Signature
from matching.models import ContactRequest
from projects.models import InitiativePage
from website.models import HomePage

pytestmark = pytest.mark.django_db
User = get_user_model()


def days_ago(days: int):
    return timezone.now() - timedelta(days=days)


def test_the_retention_job_runs_daily_in_beat():
    tasks = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert "accounts.tasks.purge_expired_personal_data" in tasks
    assert "accounts.tasks.sweep_unsent_mails" in tasks
    assert "kb.tasks.sweep_signature_confirmations" in tasks


def test_unverified_accounts_go_after_30_days_with_their_draft(site_tree):
    old, _ = services.sign_up(
        organisation="Alt", contact_name="A", email="alt@example.org", password="x"
    )
    recent, _ = services.sign_up(
        organisation="Neu", contact_name="N", email="neu@example.org", password="x"
    )
    User.objects.filter(pk=old.pk).update(date_joined=days_ago(31))

    purge_expired_personal_data()

    assert list(User.objects.values_list("email", flat=True)) == [recent.email]
    assert list(InitiativePage.objects.values_list("title", flat=True)) == ["Neu"]


def test_unconfirmed_signatures_go_after_30_days(site_tree):
    call = CallPage(title="Aufruf", slug="aufruf", body="<p>x</p>")
    HomePage.objects.get().add_child(instance=call)
    for email, consented, confirmed in (
        ("alt@example.org", days_ago(31), None),
        ("neu@example.org", days_ago(2), None),
        ("treu@example.org", days_ago(400), days_ago(399)),
    ):
        Signature.objects.create(
            call=call,
            kind="person",
            name=email,
            email=email,
            consent_text="ja",
            consented_at=consented,
            confirmed_at=confirmed,
        )

    purge_expired_personal_data()

    assert set(Signature.objects.values_list("email", flat=True)) == {
        "neu@example.org",
        "treu@example.org",
    }


def test_login_records_go_after_90_days(site_tree):
    old = AccessLog.objects.create(username="a@example.org", ip_address="10.0.0.1")
    AccessLog.objects.filter(pk=old.pk).update(attempt_time=days_ago(91))
    AccessLog.objects.create(username="b@example.org", ip_address="10.0.0.2")

    purge_expired_personal_data()

    assert list(AccessLog.objects.values_list("username", flat=True)) == [
        "b@example.org"
    ]


def test_contact_requests_lose_their_people_12_months_after_the_last_message(
    site_tree,
):
    def request(email: str, created, replied=None) -> ContactRequest:
        return ContactRequest.objects.create(
            sender_name="Name " + email,
            sender_email=email,
            message="Hallo",
            consent_text="ja",
            consent_at=created,
            created_at=created,
            confirmed_at=created,
            reply="Antwort" if replied else "",
            replied_at=replied,
        )

    old = request("alt@example.org", days_ago(400))
    answered_late = request("spaet@example.org", days_ago(400), days_ago(100))

    purge_expired_personal_data()

    old.refresh_from_db()
    answered_late.refresh_from_db()
    assert (old.sender_email, old.sender_name, old.message) == ("", "", "")
    assert answered_late.sender_email == "spaet@example.org"
