"""Which language a member reads mails in: remembered at sign-up, at every
login and when a logged-in member switches the site's language."""

from __future__ import annotations

from django.conf import settings
from django.utils.translation import get_supported_language_variant

from .models import MailLanguage, Membership


def remember_language(user, language: str | None) -> None:
    """Store a supported language for the member; anything else is ignored."""
    try:
        code = get_supported_language_variant(language or "")
    except LookupError:
        return
    MailLanguage.objects.update_or_create(user=user, defaults={"language": code})


def recipients_by_language(initiative_id: int) -> dict[str, list[str]]:
    """The active members' addresses of an initiative, grouped by the
    language they read (German when none is known)."""
    rows = Membership.objects.filter(
        initiative_id=initiative_id, user__is_active=True
    ).values_list("user__email", "user__mail_language__language")
    groups: dict[str, list[str]] = {}
    for email, language in rows:
        groups.setdefault(language or settings.LANGUAGE_CODE, []).append(email)
    return groups


def on_login(sender, request, user, **kwargs) -> None:
    remember_language(user, getattr(request, "LANGUAGE_CODE", None))
