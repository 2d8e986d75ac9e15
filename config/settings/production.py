"""Production: secrets and hosts are required, transport is secured."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import PRIVATE_STORAGE
from .env import env_bool, env_int, env_required

WEAK_KEY_MARKERS = ("change-me", "changeme", "insecure", "secret", "example")
MIN_KEY_LENGTH = 50


def strong_secret_key(value: str) -> str:
    """Refuse the placeholder of .env.example and short or repetitive keys
    (Django's own check --deploy asks for 50 characters, 5 different)."""
    lowered = value.lower()
    if any(marker in lowered for marker in WEAK_KEY_MARKERS):
        raise ImproperlyConfigured(
            "SECRET_KEY is a placeholder; set a long random value, e.g. from "
            "python -c 'import secrets; print(secrets.token_urlsafe(50))'."
        )
    if len(value) < MIN_KEY_LENGTH or len(set(value)) < 5:
        raise ImproperlyConfigured(
            f"SECRET_KEY must be at least {MIN_KEY_LENGTH} random characters."
        )
    return value


def https_base_url(value: str) -> str:
    if not value.startswith("https://"):
        raise ImproperlyConfigured(
            f"WAGTAILADMIN_BASE_URL={value!r} must be the site's https:// address "
            "(every e-mail link starts with it)."
        )
    return value.rstrip("/")


DEBUG = False
SECRET_KEY = strong_secret_key(env_required("SECRET_KEY"))
WAGTAILADMIN_BASE_URL = https_base_url(env_required("WAGTAILADMIN_BASE_URL"))
ALLOWED_HOSTS = [
    h.strip() for h in env_required("ALLOWED_HOSTS").split(",") if h.strip()
]

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
# The container health check asks gunicorn directly, over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000, minimum=0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": PRIVATE_STORAGE,
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
