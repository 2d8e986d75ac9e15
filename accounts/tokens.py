"""Signed, expiring links for e-mail verification, invitations and
reconfirmation. Verification and reconfirmation store nothing, the signature
is the proof; an invitation link names its ``Invitation`` row, which decides
whether it is still open (single use, revocable)."""

from __future__ import annotations

from django.conf import settings
from django.core import signing

VERIFY_SALT = "accounts.verify"
INVITE_SALT = "accounts.invite"
RECONFIRM_SALT = "accounts.reconfirm"
INVITE_MAX_AGE = 7 * 24 * 3600
RECONFIRM_MAX_AGE = 30 * 24 * 3600


def _dumps(payload: dict, salt: str) -> str:
    return signing.dumps(payload, salt=salt, compress=True)


def _loads(token: str, salt: str, max_age: int) -> dict | None:
    try:
        payload = signing.loads(token, salt=salt, max_age=max_age)
    except signing.BadSignature:
        return None
    return payload if isinstance(payload, dict) else None


def verification_token(user_id: int, email: str) -> str:
    return _dumps({"u": user_id, "e": email}, VERIFY_SALT)


def read_verification(token: str) -> dict | None:
    return _loads(token, VERIFY_SALT, settings.ACCOUNTS_VERIFY_MAX_AGE)


def invitation_token(invitation_id: int) -> str:
    return _dumps({"inv": invitation_id}, INVITE_SALT)


def read_invitation(token: str) -> int | None:
    """The invitation's id; links of the former row-less kind are refused."""
    payload = _loads(token, INVITE_SALT, INVITE_MAX_AGE)
    value = payload.get("inv") if payload else None
    return value if isinstance(value, int) else None


def reconfirm_token(page_id: int, last_confirmed: str) -> str:
    """Bound to the current confirmation date, so it works exactly once."""
    return _dumps({"p": page_id, "c": last_confirmed}, RECONFIRM_SALT)


def read_reconfirm(token: str) -> dict | None:
    return _loads(token, RECONFIRM_SALT, RECONFIRM_MAX_AGE)
