"""Settings for the test suite; services come from the environment `make test` sets."""

from .base import *  # noqa: F403
from .base import REQUEST_RATE_LIMITS, SEARCH_INDEX_PREFIX

SEARCH_INDEX_PREFIX = (
    f"{SEARCH_INDEX_PREFIX}-test" if SEARCH_INDEX_PREFIX != "npa-dev" else "npa-test"
)
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "private": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Static files are served by the staticfiles finders here, not collected.
WHITENOISE_USE_FINDERS = True
STATIC_ROOT = None

# The page cache is on, as in production (PAGE_CACHE_SECONDS of base.py): every
# test starts under a new content version (tests/conftest.py), so nothing a
# rolled-back test cached reaches the next one.
# Export counters live in the real Redis and outlast a run; the rate-limit
# test sets its own small limit and clears them.
EXPORT_RATE_LIMIT = 10_000
# The same for the per-address request limits (kb.throttle): their tests set
# small limits of their own.
REQUEST_RATE_LIMITS = [
    {**rule, "per_ip": 100_000, "per_value": 100_000} if rule.get("per_ip") else rule
    for rule in REQUEST_RATE_LIMITS
]
