"""Protection for public forms: honeypot, signed timestamp and rate limits.

Bots that fill every field or post faster than a person can read are dropped
silently (the view answers as if it worked, stores nothing), so they learn
nothing. People and bots that post too often get a 429 with a message in their language.
Counters live in Django's cache (Redis in production). When the cache is
unreachable the limits fail open with a logged warning: the honeypot, the
timestamp, CSRF and the e-mail confirmation still stand, and a Redis outage
must not lock every volunteer out of signing up.
"""

from __future__ import annotations

import hashlib
import ipaddress
import logging
import time

from django import forms
from django.conf import settings
from django.core import signing
from django.core.cache import caches
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string

logger = logging.getLogger(__name__)

SALT = "kb.antispam.timestamp"
HONEYPOT_FIELD = "homepage"
TIMESTAMP_FIELD = "form_ts"
MIN_SECONDS = 3
MAX_SECONDS = 2 * 3600

RATE_LIMITED_TEMPLATE = "kb/rate_limited.html"


class HoneypotInput(forms.TextInput):
    """A text input bots see and fill; people never see it.

    It counts as hidden so generic form templates render it without a label;
    the ``hp-field`` rule of site.css keeps it off screen (no inline style:
    the Content-Security-Policy allows none)."""

    is_hidden = True

    def __init__(self) -> None:
        super().__init__(
            attrs={
                "autocomplete": "off",
                "tabindex": "-1",
                "aria-hidden": "true",
                "class": "hp-field",
            }
        )


def issue_timestamp(now: float | None = None) -> str:
    """A signed token carrying the moment the form was shown."""
    moment = int(time.time() if now is None else now)
    return signing.Signer(salt=SALT).sign(f"form:{signing.b62_encode(moment)}")


def timestamp_age(token: str, now: float | None = None) -> float | None:
    """Seconds since the token was issued, or None if it is forged or garbled."""
    try:
        value = signing.Signer(salt=SALT).unsign(token)
        prefix, encoded = value.split(":", 1)
        issued = signing.b62_decode(encoded)
    except (signing.BadSignature, ValueError):
        return None
    if prefix != "form":
        return None
    return (time.time() if now is None else now) - issued


class AntispamFormMixin(forms.Form):
    """Adds the honeypot and the timestamp to any public form."""

    homepage = forms.CharField(required=False, label="", widget=HoneypotInput())
    form_ts = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields[TIMESTAMP_FIELD].initial = issue_timestamp()

    def is_spam(self) -> bool:
        """True for posts that must be dropped silently."""
        if not self.is_bound:
            return False
        if self.data.get(HONEYPOT_FIELD):
            return True
        age = timestamp_age(str(self.data.get(TIMESTAMP_FIELD, "")))
        return age is None or age < MIN_SECONDS or age > MAX_SECONDS


def client_ip(request: HttpRequest) -> str:
    """The visitor's address, for rate limits, lockouts and the relay.

    Behind ``TRUSTED_PROXY_COUNT`` proxies each appends the address it saw to
    ``X-Forwarded-For``; the entry the outermost trusted proxy added is the
    visitor. Entries further left come from the visitor and can be forged, so
    they are never read. Without trusted proxies (or with a header shorter
    than the chain, i.e. a request that bypassed it) ``REMOTE_ADDR`` counts."""
    remote = request.META.get("REMOTE_ADDR", "") or "unknown"
    count = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if count <= 0:
        return remote
    forwarded = [
        part.strip()
        for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        if part.strip()
    ]
    if len(forwarded) < count:
        return remote
    try:
        return str(ipaddress.ip_address(forwarded[-count]))
    except ValueError:
        return remote


def axes_client_ip(request: HttpRequest) -> str | None:
    """``client_ip`` for django-axes, which stores None for a request without
    an address (the test client's ``force_login``) but no placeholder."""
    address = client_ip(request)
    return None if address == "unknown" else address


def _digest(value: str) -> str:
    return hashlib.sha256(value.strip().lower().encode()).hexdigest()[:32]


def _hit(key: str, window: int) -> int:
    cache = caches[getattr(settings, "ANTISPAM_CACHE", "default")]
    cache.add(key, 0, timeout=window)
    try:
        return cache.incr(key)
    except ValueError:
        # The key expired between add and incr.
        cache.set(key, 1, timeout=window)
        return 1


def is_rate_limited(
    request: HttpRequest,
    scope: str,
    email: str | None = None,
    *,
    per_ip: int | None = None,
    per_email: int | None = None,
    window: int = 3600,
) -> bool:
    """Count this request and say whether a limit is exceeded.

    Fails open (returns False and logs a warning) when the cache is down."""
    limits = getattr(settings, "ANTISPAM_RATE_LIMITS", {})
    per_ip = per_ip if per_ip is not None else limits.get("ip", 20)
    per_email = per_email if per_email is not None else limits.get("email", 5)
    try:
        if _hit(f"antispam:{scope}:ip:{_digest(client_ip(request))}", window) > per_ip:
            return True
        if email:
            key = f"antispam:{scope}:email:{_digest(email)}"
            if _hit(key, window) > per_email:
                return True
    except Exception:  # noqa: BLE001  (any cache failure: fail open, see docstring)
        logger.warning(
            "Rate limit cache unreachable; %s form accepted without limit.",
            scope,
            exc_info=True,
        )
    return False


def rate_limited_response(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(
        render_to_string(RATE_LIMITED_TEMPLATE, request=request), status=429
    )
    response["Retry-After"] = "3600"
    return response
