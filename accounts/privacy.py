"""Export and erasure of a member's personal data."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.models import Revision

from projects.models import InitiativePage, ProjectPage

from .models import MailLanguage
from .pagechanges import apply_without_review

CONTACT_FIELDS = ("contact_name", "contact_email", "contact_phone")


def export_personal_data(user) -> dict:
    memberships = user.memberships.select_related("initiative")
    return {
        "erstellt_am": timezone.now().isoformat(),
        "konto": {
            "e_mail": user.email,
            "name": user.first_name,
            "registriert_am": user.date_joined.isoformat(),
            "letzte_anmeldung": user.last_login.isoformat()
            if user.last_login
            else None,
            "aktiv": user.is_active,
            "sprache_der_e_mails": _mail_language(user),
        },
        "einwilligungen": [
            {
                "dokument": item.document,
                "fassung": item.version,
                "wortlaut": item.text,
                "zugestimmt_am": item.accepted_at.isoformat(),
            }
            for item in user.consents.order_by("accepted_at")
        ],
        "mitgliedschaften": [
            {
                "initiative": membership.initiative.title,
                "seit": membership.created_at.isoformat(),
            }
            for membership in memberships
        ],
        "kontaktangaben_auf_seiten": [
            {
                "seite": page.title,
                "name": page.contact_name,
                "e_mail": page.contact_email,
            }
            for page in _pages_with_contact(user)
        ],
        "hochgeladene_bilder": list(
            get_image_model()
            .objects.filter(uploaded_by_user=user)
            .values_list("title", flat=True)
        ),
    }


def _mail_language(user) -> str | None:
    stored = MailLanguage.objects.filter(user=user).first()
    return stored.language if stored else None


def _pages_with_contact(user):
    if not user.email:
        return []
    initiatives = list(InitiativePage.objects.filter(contact_email__iexact=user.email))
    projects = list(ProjectPage.objects.filter(contact_email__iexact=user.email))
    return [*initiatives, *projects]


@transaction.atomic
def delete_account(user) -> None:
    """Erase the person; their pages stay and go to the editors.

    Contact details that were theirs are cleared on the live version and the
    pending draft; live pages reach the search index again via the outbox."""
    email = (user.email or "").lower()
    for page in _pages_with_contact(user):
        apply_without_review(page, **{name: "" for name in CONTACT_FIELDS})
        _scrub_history(page, email)
    get_image_model().objects.filter(uploaded_by_user=user).update(
        uploaded_by_user=None
    )
    user.delete()


def _scrub_history(page, email: str) -> None:
    """Older revisions hold the contact details too; editors may restore
    them, so they are cleared there as well."""
    for revision in Revision.objects.for_instance(page):
        content = revision.content
        if str(content.get("contact_email", "")).lower() == email:
            content.update({name: "" for name in CONTACT_FIELDS})
            revision.save(update_fields=["content"])
