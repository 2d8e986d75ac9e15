"""The slower per-username login limit, which cannot lock an editor out.

django-axes locks an address after a few failures. A guesser spread over many
addresses is stopped here instead: after ``LOGIN_USERNAME_FAILURE_LIMIT``
failures for one username within ``LOGIN_USERNAME_WINDOW`` seconds, password
checks for that username are refused, except from browsers that carry a
device cookie from an earlier successful login as that user (OWASP's "device
cookie" defence). The editor's own browser keeps working however many wrong
passwords others send; a new browser waits for the window to pass or uses the
password reset.

Counters live in Django's cache (Redis) and fail open like every rate limit
(kb.antispam): a Redis outage must not stop logins.
"""

from __future__ import annotations

import hashlib
import logging

from django.conf import settings
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.core import signing
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse

logger = logging.getLogger(__name__)

DEVICE_COOKIE = "npa_device"
DEVICE_SALT = "accounts.login_guard.device"
DEVICE_MAX_AGE = 180 * 24 * 3600
MAX_USERS_PER_DEVICE = 5


def _digest(username: str) -> str:
    return hashlib.sha256(username.strip().lower().encode()).hexdigest()[:24]


def _key(username: str) -> str:
    return f"antispam:login-username:{_digest(username)}"


def _trusted_digests(request: HttpRequest) -> list[str]:
    raw = request.COOKIES.get(DEVICE_COOKIE, "")
    if not raw:
        return []
    try:
        value = signing.loads(raw, salt=DEVICE_SALT, max_age=DEVICE_MAX_AGE)
    except signing.BadSignature:
        return []
    return [item for item in value if isinstance(item, str)][:MAX_USERS_PER_DEVICE]


def is_trusted_device(request: HttpRequest, username: str) -> bool:
    return _digest(username) in _trusted_digests(request)


def failures(username: str) -> int:
    try:
        return int(cache.get(_key(username)) or 0)
    except Exception:  # noqa: BLE001  (fail open, see the module docstring)
        logger.warning("Login limit cache unreachable.", exc_info=True)
        return 0


class UsernameLimitBackend:
    """Listed before the password backends: refuses a throttled username from
    an unknown browser and lets django-axes answer with its lockout page. It
    never returns a user, so it has no ``get_user`` (the test client's
    ``force_login`` picks the first backend that has one)."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None or not username:
            return None
        limit = settings.LOGIN_USERNAME_FAILURE_LIMIT
        if failures(username) >= limit and not is_trusted_device(request, username):
            request.axes_locked_out = True
            raise PermissionDenied
        return None


@receiver(user_login_failed)
def _count_failure(sender, credentials, request=None, **kwargs) -> None:
    username = (credentials or {}).get("username")
    if not username:
        return
    window = settings.LOGIN_USERNAME_WINDOW
    try:
        cache.add(_key(username), 0, timeout=window)
        cache.incr(_key(username))
    except Exception:  # noqa: BLE001  (fail open)
        logger.warning("Login limit cache unreachable.", exc_info=True)


@receiver(user_logged_in)
def _remember_device(sender, request=None, user=None, **kwargs) -> None:
    if request is not None and user is not None:
        request._login_device_user = user.get_username()


class DeviceCookieMiddleware:
    """Sets the device cookie on the response of a successful login."""

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        username = getattr(request, "_login_device_user", None)
        if username:
            digests = [_digest(username)] + [
                item for item in _trusted_digests(request) if item != _digest(username)
            ]
            response.set_cookie(
                DEVICE_COOKIE,
                signing.dumps(digests[:MAX_USERS_PER_DEVICE], salt=DEVICE_SALT),
                max_age=DEVICE_MAX_AGE,
                secure=settings.SESSION_COOKIE_SECURE,
                httponly=True,
                samesite="Lax",
            )
        return response
