"""A process sending the owed mails is SIGKILLed in the middle of an SMTP
conversation, at a moment the SMTP server chooses; a second process sweeps
again. The fast, deterministic part of ``make faults``' mail-kill scenario:
the same sweeper code a Celery worker runs (``accounts.tasks``), over real
SMTP to an aiosmtpd server, against the real database.

Mail is sent at least once, never lost. Exactly once holds unless the kill
falls between the server accepting a message and the sender committing its
row: then that one message comes twice. SMTP has no way to make the two one
step (RFC 1047); but both copies carry the one Message-ID the row fixes
(``kb.handoff.message_id``), so the receiving side can tell it is one mail."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import socket
import subprocess
import sys
import threading
from collections import Counter, defaultdict
from datetime import timedelta
from email import message_from_bytes
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from django.contrib.auth import get_user_model
from django.db import connection
from django.utils import timezone

from accounts.models import Verification
from kb.handoff import message_id

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

REPO = Path(__file__).resolve().parents[2]
MAILS = 6
HELD = 3  # the message the server holds when the sender is killed


class HoldingServer:
    """Accepts every message at once except number ``HELD``: that one it
    holds (without an answer) until the sender's connection is gone,
    having written it down first when ``accept_held`` (an accepted
    message whose answer never arrived) or not (the message is lost with
    the connection, as a server discards an unfinished transaction)."""

    def __init__(self, accept_held: bool) -> None:
        self.accept_held = accept_held
        self.received: list[str] = []
        self.message_ids: dict[str, list[str]] = defaultdict(list)
        self.count = 0
        self.holding = threading.Event()
        self.dropped = threading.Event()

    def accept(self, envelope) -> None:
        self.received.extend(envelope.rcpt_tos)
        header = message_from_bytes(envelope.content)["Message-ID"]
        for address in envelope.rcpt_tos:
            self.message_ids[address].append(header)

    async def handle_DATA(self, server, session, envelope) -> str:  # noqa: N802
        self.count += 1
        if self.count == HELD:
            if self.accept_held:
                self.accept(envelope)
            self.holding.set()
            try:
                await asyncio.sleep(120)
            except asyncio.CancelledError:
                self.dropped.set()
                raise
            return "451 Held too long"
        self.accept(envelope)
        return "250 OK"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def owed_mails() -> list[str]:
    addresses = [f"person-{n}@example.org" for n in range(MAILS)]
    then = timezone.now() - timedelta(hours=1)
    for address in addresses:
        user = get_user_model().objects.create_user(
            address, address, None, is_active=False, first_name="Test"
        )
        Verification.objects.create(user=user, requested_at=then)
    return addresses


def sweeper(port: int) -> subprocess.Popen:
    """A process running the sweeper once, with real SMTP to ``port``."""
    code = (
        "import json, django\n"
        "django.setup()\n"
        "from django.test import override_settings\n"
        "with override_settings(\n"
        "    EMAIL_BACKEND='django.core.mail.backends.smtp.EmailBackend',\n"
        f"    EMAIL_HOST='127.0.0.1', EMAIL_PORT={port}, EMAIL_HOST_USER='',\n"
        "    EMAIL_HOST_PASSWORD='', EMAIL_USE_TLS=False, EMAIL_USE_SSL=False,\n"
        "):\n"
        "    from accounts.tasks import sweep_unsent_mails\n"
        "    print(json.dumps(sweep_unsent_mails()))\n"
    )
    database = connection.settings_dict
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "DATABASE_URL": (
            f"postgres://{database['USER']}:{database['PASSWORD']}@"
            f"{database['HOST'] or '127.0.0.1'}:{database['PORT'] or 5432}/"
            f"{database['NAME']}"
        ),
    }
    return subprocess.Popen(  # noqa: S603
        [sys.executable, "-c", code],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def kill_mid_send_then_sweep(
    accept_held: bool,
) -> tuple[Counter, list[str], int, dict[str, list[str]]]:
    addresses = owed_mails()
    server = HoldingServer(accept_held)
    port = free_port()
    controller = Controller(server, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        first = sweeper(port)
        assert server.holding.wait(60), first.communicate(timeout=5)
        os.kill(first.pid, signal.SIGKILL)
        first.wait(timeout=10)
        assert server.dropped.wait(10), "the server never saw the sender go"
        committed_before_restart = Verification.objects.exclude(sent_at=None).count()

        second = sweeper(port)
        out, err = second.communicate(timeout=120)
        assert second.returncode == 0, err
        assert json.loads(out.strip().splitlines()[-1])["verification"] == (
            MAILS - committed_before_restart
        )
    finally:
        controller.stop()
    return (
        Counter(server.received),
        addresses,
        committed_before_restart,
        server.message_ids,
    )


def fixed_ids(addresses: list[str]) -> dict[str, str]:
    """The Message-ID each address's verification row fixes."""
    rows = Verification.objects.filter(user__email__in=addresses).select_related("user")
    return {
        row.user.email: message_id(row, "verification", row.requested_at)
        for row in rows
    }


def test_a_kill_before_the_server_accepted_loses_and_repeats_nothing():
    counts, addresses, committed, ids = kill_mid_send_then_sweep(accept_held=False)

    # Two were sent and committed; the third died with its connection.
    assert committed == HELD - 1
    assert {address: counts[address] for address in addresses} == dict.fromkeys(
        addresses, 1
    )
    assert not Verification.objects.filter(sent_at=None).exists()
    expected = fixed_ids(addresses)
    assert len(set(expected.values())) == MAILS
    assert {address: ids[address] for address in addresses} == {
        address: [expected[address]] for address in addresses
    }


def test_a_kill_after_the_server_accepted_repeats_that_one_mail():
    counts, addresses, committed, ids = kill_mid_send_then_sweep(accept_held=True)

    assert committed == HELD - 1
    # None lost; the one in flight twice: accepted by the server, but its
    # row was not committed when the sender died.
    assert all(counts[address] >= 1 for address in addresses)
    assert sorted(n for n in counts.values() if n > 1) == [2]
    assert sum(counts.values()) == MAILS + 1
    assert not Verification.objects.filter(sent_at=None).exists()
    # The repeat is recognisable: both copies carry the row's one Message-ID.
    (repeated,) = [address for address in addresses if counts[address] == 2]
    expected = fixed_ids(addresses)
    assert ids[repeated] == [expected[repeated]] * 2
    assert {ids[address][0] for address in addresses} == set(expected.values())
