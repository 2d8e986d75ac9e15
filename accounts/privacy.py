"""Export and erasure of the personal data kept about a person: by account
(the member's own pages) and by address (anyone an editor is asked to erase).

Contact details live on pages, in their drafts and in every older revision;
erasure reaches all three."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.models import Page, Revision

from kb.models import ImageModeration, Signature
from projects.models import InitiativePage, ProjectPage

from .models import Invitation, MailLanguage
from .pagechanges import apply_without_review

CONTACT_FIELDS = ("contact_name", "contact_email", "contact_phone")


def _iso(value) -> str | None:
    return value.isoformat() if value else None


def export_personal_data(user) -> dict:
    memberships = user.memberships.select_related("initiative")
    email = user.email or ""
    return {
        "erstellt_am": timezone.now().isoformat(),
        "konto": {
            "e_mail": user.email,
            "name": user.first_name,
            "registriert_am": user.date_joined.isoformat(),
            "letzte_anmeldung": _iso(user.last_login),
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
        "kontaktangaben_auf_seiten": _contact_entries(email),
        "hochgeladene_bilder": _uploads(user),
        **export_by_address(email, user=user),
    }


def _uploads(user) -> list[dict]:
    """The person's uploads, those still waiting for an editor (their files
    kept in the private storage) included."""
    rows = (
        get_image_model()
        .objects.filter(uploaded_by_user=user)
        .select_related("moderation")
        .order_by("created_at")
    )
    uploads = []
    for image in rows:
        try:
            state = image.moderation.get_state_display()
        except ImageModeration.DoesNotExist:
            state = ImageModeration.State.APPROVED.label
        uploads.append(
            {
                "titel": image.title,
                "hochgeladen": _iso(image.created_at),
                "status": str(state),
            }
        )
    return uploads


def export_by_address(email: str, user=None) -> dict:
    """What is kept about an address outside the account itself."""
    sent = Invitation.objects.filter(invited_by=user) if user else []
    return {
        "unterschriften_unter_den_aufruf": [
            {
                "aufruf": signature.call.title,
                "name": signature.name,
                "organisation": signature.organisation,
                "ort": signature.place,
                "oeffentlich_nennen": signature.list_publicly,
                "einwilligung": signature.consent_text,
                "eingewilligt_am": _iso(signature.consented_at),
                "bestaetigt_am": _iso(signature.confirmed_at),
            }
            for signature in Signature.objects.filter(email__iexact=email)
        ],
        "einladungen_erhalten": [
            _invitation(item) for item in Invitation.objects.filter(email__iexact=email)
        ],
        "einladungen_verschickt": [
            {"an": item.email, **_invitation(item)} for item in sent
        ],
        "kontaktanfragen": _contact_requests(email),
        "anmeldeversuche": _login_attempts(email),
    }


def _invitation(item: Invitation) -> dict:
    return {
        "initiative": item.initiative.title,
        "eingeladen_am": item.created_at.isoformat(),
        "angenommen_am": _iso(item.accepted_at),
        "zurueckgezogen_am": _iso(item.revoked_at),
    }


def _contact_requests(email: str) -> list[dict]:
    from matching.models import ContactRequest

    rows = ContactRequest.objects.filter(sender_email__iexact=email)
    return [
        {
            "an_projekt": row.target.title if row.target else None,
            "name": row.sender_name,
            "nachricht": row.message,
            "gesendet_am": row.created_at.isoformat(),
            "antwort": row.reply,
            "beantwortet_am": _iso(row.replied_at),
        }
        for row in rows.select_related("target")
    ]


def _login_attempts(email: str) -> list[dict]:
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog

    entries = []
    for model, kind in (
        (AccessLog, "anmeldung"),
        (AccessFailureLog, "fehlversuch"),
        (AccessAttempt, "fehlversuche_gezaehlt"),
    ):
        for row in model.objects.filter(username__iexact=email):
            entries.append(
                {
                    "art": kind,
                    "zeit": row.attempt_time.isoformat(),
                    "ip_adresse": row.ip_address,
                    "browser": row.user_agent,
                }
            )
    return entries


def _mail_language(user) -> str | None:
    stored = MailLanguage.objects.filter(user=user).first()
    return stored.language if stored else None


def _page_ids_holding(email: str) -> set[int]:
    """Pages whose live row, draft or any older revision names the address."""
    if not email:
        return set()
    ids = set(
        InitiativePage.objects.filter(contact_email__iexact=email).values_list(
            "pk", flat=True
        )
    )
    ids |= set(
        ProjectPage.objects.filter(contact_email__iexact=email).values_list(
            "pk", flat=True
        )
    )
    ids |= {
        int(object_id)
        for object_id in Revision.page_revisions.filter(
            content__contact_email__iexact=email
        ).values_list("object_id", flat=True)
    }
    return ids


def _contact_entries(email: str) -> list[dict]:
    entries = []
    for page in Page.objects.filter(pk__in=_page_ids_holding(email)).specific():
        revisions = Revision.objects.for_instance(page).filter(
            content__contact_email__iexact=email
        )
        entries.append(
            {
                "seite": page.title,
                "name": page.contact_name
                if page.contact_email.lower() == email.lower()
                else "",
                "e_mail": page.contact_email,
                "fassungen_mit_ihren_angaben": revisions.count(),
            }
        )
    return entries


@transaction.atomic
def erase_address(email: str) -> dict[str, int]:
    """Erase what is kept about an address: contact details on pages (live
    row, draft, every revision), signatures, invitations, contact requests."""
    from matching.models import ContactRequest

    email = (email or "").strip().lower()
    if not email:
        return {}
    pages = 0
    for page in Page.objects.filter(pk__in=_page_ids_holding(email)).specific():
        if page.contact_email.lower() == email:
            apply_without_review(page, **dict.fromkeys(CONTACT_FIELDS, ""))
        _scrub_history(page, email)
        pages += 1
    return {
        "seiten": pages,
        "unterschriften": Signature.objects.filter(email__iexact=email).delete()[0],
        "einladungen": Invitation.objects.filter(email__iexact=email).delete()[0],
        "kontaktanfragen": ContactRequest.objects.filter(
            sender_email__iexact=email
        ).update(sender_name="", sender_email="", message="", reply=""),
    }


@transaction.atomic
def delete_account(user) -> None:
    """Erase the person; their pages stay and go to the editors.

    Contact details that were theirs are cleared on the live version, the
    pending draft and older revisions; live pages reach the search index
    again via the outbox."""
    erase_address(user.email or "")
    get_image_model().objects.filter(uploaded_by_user=user).update(
        uploaded_by_user=None
    )
    user.delete()


def _scrub_history(page, email: str) -> None:
    """Older revisions and drafts hold the contact details too; editors may
    restore them, so they are cleared there as well."""
    revisions = Revision.objects.for_instance(page).filter(
        content__contact_email__iexact=email
    )
    for revision in revisions:
        content = revision.content
        content.update(dict.fromkeys(CONTACT_FIELDS, ""))
        revision.save(update_fields=["content"])
