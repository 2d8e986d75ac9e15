"""Erase what the site keeps about an e-mail address (Art. 17 DSGVO)."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

from accounts.privacy import delete_account, erase_address


class Command(BaseCommand):
    help = (
        "Löscht alle personenbezogenen Daten zu einer E-Mail-Adresse: Konto, "
        "Kontaktangaben auf Seiten (auch Entwürfe und ältere Fassungen), "
        "Unterschriften, Einladungen und Kontaktanfragen."
    )

    def add_arguments(self, parser):
        parser.add_argument("email", help="E-Mail-Adresse der Person")

    def handle(self, *args, email: str, **options) -> None:
        user = get_user_model().objects.filter(username__iexact=email).first()
        if user is not None:
            delete_account(user)
            self.stdout.write(f"Konto {email} gelöscht.")
        counts = erase_address(email)
        for what, count in counts.items():
            self.stdout.write(f"{what}: {count}")
