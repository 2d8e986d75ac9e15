"""Create the local admin account once and print its credentials."""

from __future__ import annotations

import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Ensure a superuser 'admin' exists for the embedded default; print login."

    def handle(self, *args, **options) -> None:
        store = Path(settings.BASE_DIR) / ".services" / "admin-credentials.txt"
        user_model = get_user_model()
        user = user_model.objects.filter(username="admin").first()
        password = store.read_text().strip() if store.exists() else ""
        if user is None or not password or not user.check_password(password):
            password = secrets.token_urlsafe(12)
            store.parent.mkdir(parents=True, exist_ok=True)
            store.write_text(password + "\n")
            store.chmod(0o600)
            if user is None:
                user = user_model.objects.create_superuser(
                    "admin", "admin@example.org", password
                )
            else:
                user.set_password(password)
                user.save()
        self.stdout.write(
            "\n  Admin: http://127.0.0.1:8000/admin/  Benutzer: admin  "
            f"Passwort: {password}\n"
        )
