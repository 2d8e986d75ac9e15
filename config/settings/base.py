"""Settings shared by every environment; each value comes from the environment."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlparse

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from .env import env_bool, env_float, env_int, env_list, env_str, env_url

BASE_DIR = Path(__file__).resolve().parent.parent.parent

SECRET_KEY = env_str("SECRET_KEY", "dev-only-insecure-key-change-me")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"])
# Reverse proxies in front of gunicorn that append to X-Forwarded-For (one:
# the Caddy of docker-compose.yml). 0 trusts none and reads REMOTE_ADDR.
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0, minimum=0)
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "kb",
    "projects",
    "matching",
    "search",
    "accounts",
    "website",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.routable_page",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_elasticsearch_dsl",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django.contrib.sitemaps",
    "axes",
    "csp",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Outside the page cache, so cached pages carry the policy too.
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # Before the page cache: cached searches count too (kb.throttle).
    "kb.throttle.RequestRateLimitMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "accounts.login_guard.DeviceCookieMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Outside the page cache, so searches served from it are logged too.
    "search.analytics_middleware.SearchLogMiddleware",
    # After sessions, CSRF and messages: it serves anonymous pages (kb.page_cache).
    "kb.page_cache.PageCacheMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes requires: it turns lockouts into responses.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------
DATABASE_URL = env_url(
    "DATABASE_URL",
    {"sqlite", "postgres", "postgresql"},
    default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
)
DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
IS_POSTGRES = DATABASES["default"]["ENGINE"].endswith("postgresql")
# Server-side parameters and prepared statements (psycopg 3): a query run a
# second time on a connection skips PostgreSQL's planner, which took longer than
# the execution for the page queries (docs/site.md). Turn off behind a PgBouncer
# in transaction pooling mode, which cannot keep prepared statements.
if IS_POSTGRES and env_bool("DATABASE_PREPARED_STATEMENTS", True):
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"server_side_binding": True, "prepare_threshold": 2}
    )
# PostgreSQL's JIT compiles a query whose estimated cost is high, such as the
# search fallback's facet counts over thousands of matches, and spent more than
# a third of that query's time compiling it (docs/search.md). Page queries are
# short; the JIT never pays.
# A PgBouncer in front needs ``ignore_startup_parameters = options``.
if IS_POSTGRES and not env_bool("DATABASE_JIT", False):
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c jit=off"

_VALIDATORS = "django.contrib.auth.password_validation"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": f"{_VALIDATORS}.{name}"}
    for name in (
        "UserAttributeSimilarityValidator",
        "MinimumLengthValidator",
        "CommonPasswordValidator",
        "NumericPasswordValidator",
    )
]

# --- Internationalisation -------------------------------------------------
LANGUAGE_CODE = "de"
LANGUAGES = [("de", "Deutsch"), ("en", "English")]
TIME_ZONE = "Europe/Berlin"
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [BASE_DIR / "locale"]

# --- Static and media -----------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "static_collected"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))
# Members' uploads wait here, outside MEDIA_ROOT and so outside what the proxy
# serves, until an editor approves them (kb.images).
PRIVATE_MEDIA_ROOT = Path(
    env_str("PRIVATE_MEDIA_ROOT", str(BASE_DIR / "var" / "private-media"))
)
PRIVATE_STORAGE = {
    "BACKEND": "django.core.files.storage.FileSystemStorage",
    "OPTIONS": {"location": PRIVATE_MEDIA_ROOT},
}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": PRIVATE_STORAGE,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# --- Wagtail --------------------------------------------------------------
WAGTAIL_SITE_NAME = "Niedersachsen packt an – Gute Praxis"
WAGTAILADMIN_BASE_URL = env_str("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAIL_I18N_ENABLED = False
WAGTAIL_ENABLE_UPDATE_CHECK = False
# The admin's own search stays on the database; public search is ours (search/).
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
# Editors' uploads need an alt text (kb.image_forms).
WAGTAILIMAGES_IMAGE_FORM_BASE = "kb.image_forms.AltTextImageForm"

# --- E-mail ---------------------------------------------------------------


def parse_email_url(url: str) -> dict[str, object]:
    """Turn ``smtp://user:pass@host:587?tls=1``, ``console://`` or ``locmem://``
    into Django e-mail settings."""
    parsed = urlparse(url)
    backends = {
        "smtp": "django.core.mail.backends.smtp.EmailBackend",
        "console": "django.core.mail.backends.console.EmailBackend",
        "locmem": "django.core.mail.backends.locmem.EmailBackend",
    }
    if parsed.scheme not in backends:
        raise ImproperlyConfigured(
            f"EMAIL_URL scheme {parsed.scheme!r} is not supported."
        )
    options = dict(
        part.split("=", 1) for part in parsed.query.split("&") if "=" in part
    )
    return {
        "EMAIL_BACKEND": backends[parsed.scheme],
        "EMAIL_HOST": parsed.hostname or "localhost",
        "EMAIL_PORT": parsed.port or 25,
        "EMAIL_HOST_USER": unquote(parsed.username or ""),
        "EMAIL_HOST_PASSWORD": unquote(parsed.password or ""),
        "EMAIL_USE_TLS": options.get("tls") == "1",
        "EMAIL_USE_SSL": options.get("ssl") == "1",
    }


EMAIL_URL = env_str("EMAIL_URL", "console://")
globals().update(parse_email_url(EMAIL_URL))
EMAIL_TIMEOUT = 10
DEFAULT_FROM_EMAIL = env_str(
    "DEFAULT_FROM_EMAIL", "Niedersachsen packt an <noreply@example.org>"
)

# --- Elasticsearch --------------------------------------------------------
ELASTICSEARCH_URL = env_url("ELASTICSEARCH_URL", {"http", "https"})
ELASTICSEARCH_TIMEOUT = env_float("ELASTICSEARCH_TIMEOUT", 2.0)
SEARCH_INDEX_PREFIX = env_str("SEARCH_INDEX_PREFIX", "npa-dev")
# The best matches' vocabulary ranks the rest (search/backends/feedback.py).
SEARCH_FEEDBACK = env_bool("SEARCH_FEEDBACK", True)
ELASTICSEARCH_DSL = {
    "default": {
        "hosts": ELASTICSEARCH_URL or "http://127.0.0.1:9200",
        "request_timeout": ELASTICSEARCH_TIMEOUT,
        "max_retries": 0,
    }
}
# Documents are written only by our outbox pipeline (search/), never on save.
ELASTICSEARCH_DSL_AUTOSYNC = False
ELASTICSEARCH_DSL_AUTO_REFRESH = False
ELASTICSEARCH_DSL_SIGNAL_PROCESSOR = (
    "django_elasticsearch_dsl.signals.BaseSignalProcessor"
)

# --- Celery ---------------------------------------------------------------
REDIS_URL = env_url("REDIS_URL", {"redis", "rediss"})
CELERY_BROKER_URL = REDIS_URL or "memory://"
CELERY_RESULT_BACKEND = None
CELERY_TASK_ALWAYS_EAGER = REDIS_URL is None
CELERY_TASK_EAGER_PROPAGATES = False
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_CONNECTION_TIMEOUT = 2
CELERY_BROKER_TRANSPORT_OPTIONS = {"socket_connect_timeout": 2, "socket_timeout": 5}
OUTBOX_DRAIN_INTERVAL = env_int("OUTBOX_DRAIN_INTERVAL", 60, minimum=5)
CELERY_BEAT_SCHEDULE = {
    "drain-search-outbox": {
        "task": "search.tasks.drain_outbox",
        "schedule": OUTBOX_DRAIN_INTERVAL,
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        "elastic_transport": {"level": "WARNING"},
        "elasticsearch": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
    },
}

# --- Public site -----------------------------------------------------------
# Tiles load only after the visitor agrees; any XYZ server with {z}/{x}/{y} works.
MAP_TILE_URL = env_str("MAP_TILE_URL", "https://tile.openstreetmap.org/{z}/{x}/{y}.png")
MAP_TILE_ATTRIBUTION = env_str(
    "MAP_TILE_ATTRIBUTION",
    '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>',
)

# --- Whole-page cache of anonymous visits (kb.page_cache); 0 turns it off ----
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 300, minimum=0)

# --- Cache (rate limits of public forms) -----------------------------------
CACHES = {
    "default": (
        {
            "BACKEND": "config.cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "npa",
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
        if REDIS_URL
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}

# --- Accounts of initiatives (accounts/) -------------------------------------
AUTHENTICATION_BACKENDS = [
    # django-axes first: it refuses locked-out users before any password check,
    # for the public login and the Wagtail admin login alike.
    "accounts.backends.LockoutBackend",
    # The per-username limit, which spares browsers the user logged in from.
    "accounts.login_guard.UsernameLimitBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5, minimum=1)
AXES_COOLOFF_TIME = env_float("AXES_COOLOFF_HOURS", 1.0)
# Per address: a lockout keyed on the username would let anyone lock any
# editor out by typing wrong passwords for them. The slower per-username limit
# of accounts.login_guard stops distributed guessing without that effect.
AXES_LOCKOUT_PARAMETERS = ["ip_address"]
# The visitor's address as the rate limits see it (TRUSTED_PROXY_COUNT);
# the ipware settings say the same should django-ipware ever be installed.
AXES_CLIENT_IP_CALLABLE = "kb.antispam.axes_client_ip"
AXES_IPWARE_PROXY_COUNT = TRUSTED_PROXY_COUNT or None
AXES_IPWARE_META_PRECEDENCE_ORDER = ("HTTP_X_FORWARDED_FOR", "REMOTE_ADDR")
LOGIN_USERNAME_FAILURE_LIMIT = env_int("LOGIN_USERNAME_FAILURE_LIMIT", 20, minimum=1)
LOGIN_USERNAME_WINDOW = 6 * 3600
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_HTTP_RESPONSE_CODE = 429
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "accounts:dashboard"
LOGOUT_REDIRECT_URL = "/"
ACCOUNTS_VERIFY_MAX_AGE = 3 * 24 * 3600
ACCOUNTS_MAX_IMAGE_BYTES = 10 * 1024 * 1024
ACCOUNTS_MAX_IMAGE_PIXELS = 40_000_000
# Images and bytes per initiative (accounts.images); a full quota asks to
# delete first.
ACCOUNTS_IMAGE_QUOTA = env_int("ACCOUNTS_IMAGE_QUOTA", 100, minimum=1)
ACCOUNTS_IMAGE_QUOTA_BYTES = env_int(
    "ACCOUNTS_IMAGE_QUOTA_BYTES", 250 * 1024 * 1024, minimum=1
)
ANTISPAM_RATE_LIMITS = {"ip": 20, "email": 5}
# Search-result exports (CSV/JSON) per address and hour (website.exports).
EXPORT_RATE_LIMIT = 60
# Seconds an export may take (search plus loading); beyond it a 503 with
# Retry-After (website.exports), before the proxy's time-out turns it into a 502.
EXPORT_TIME_BUDGET = env_float("EXPORT_TIME_BUDGET", 15.0)
CELERY_BEAT_SCHEDULE["remind-unconfirmed-projects"] = {
    "task": "accounts.tasks.send_reconfirmation_reminders",
    "schedule": 24 * 3600,
}
# Mails whose hand-off a broker outage lost (kb.handoff), and the retention
# periods of docs/privacy.md. The sweepers run every MAIL_SWEEP_INTERVAL
# seconds and leave rows younger than MAIL_SWEEP_GRACE_SECONDS to the task
# queued at commit (the fault runs shorten both, docs/operations.md).
MAIL_SWEEP_INTERVAL = env_int("MAIL_SWEEP_INTERVAL", 300, minimum=5)
MAIL_SWEEP_GRACE_SECONDS = env_int("MAIL_SWEEP_GRACE_SECONDS", 300, minimum=1)
CELERY_BEAT_SCHEDULE["sweep-account-mails"] = {
    "task": "accounts.tasks.sweep_unsent_mails",
    "schedule": MAIL_SWEEP_INTERVAL,
}
CELERY_BEAT_SCHEDULE["sweep-signature-mails"] = {
    "task": "kb.tasks.sweep_signature_confirmations",
    "schedule": MAIL_SWEEP_INTERVAL,
}
CELERY_BEAT_SCHEDULE["purge-expired-personal-data"] = {
    "task": "accounts.tasks.purge_expired_personal_data",
    "schedule": 24 * 3600,
}

# --- Search: periodic repair of index drift (search.maintenance) -----------
SEARCH_RECONCILE_INTERVAL = env_int("SEARCH_RECONCILE_INTERVAL", 3600, minimum=60)
CELERY_BEAT_SCHEDULE["reconcile-search"] = {
    "task": "search.tasks.reconcile_search",
    "schedule": SEARCH_RECONCILE_INTERVAL,
}

# --- Search analytics: days a logged search is kept (search.analytics) -------
SEARCH_LOG_DAYS = env_int("SEARCH_LOG_DAYS", 90, minimum=1)
# An outbox entry that fails this often is set aside as a dead letter.
OUTBOX_MAX_ATTEMPTS = env_int("OUTBOX_MAX_ATTEMPTS", 5, minimum=1)
CELERY_BEAT_SCHEDULE["purge-search-log"] = {
    "task": "search.tasks.purge_search_log",
    "schedule": 24 * 3600,
}

# --- Matching (matching/) ------------------------------------------------------
MATCHING_FOLLOWUP_DAYS = env_int("MATCHING_FOLLOWUP_DAYS", 21, minimum=1)
CELERY_BEAT_SCHEDULE["matching-ask-for-outcomes"] = {
    "task": "matching.tasks.ask_for_outcomes",
    "schedule": 24 * 3600,
}
# Confirmation mails, relays and replies a broker outage kept from being queued.
CELERY_BEAT_SCHEDULE["matching-sweep-contact-relay"] = {
    "task": "matching.tasks.sweep_contact_relay",
    "schedule": MAIL_SWEEP_INTERVAL,
}

# --- Request limits per address (kb.throttle); first matching rule wins -------
REQUEST_RATE_LIMITS = [
    # Exports count on their own (EXPORT_RATE_LIMIT); result links are cheap.
    {"prefix": "/suche/export"},
    {"path": "/suche/weiter/"},
    {"prefix": "/suche/", "scope": "search", "per_ip": 120, "window": 60},
    {"path": "/api/v1/search", "scope": "search-api", "per_ip": 120, "window": 60},
    {
        "path": "/api/v1/autocomplete",
        "scope": "autocomplete",
        "per_ip": 600,
        "window": 60,
    },
    {"prefix": "/api/v1/", "scope": "open-data", "per_ip": 300, "window": 60},
    {
        "prefix": "/admin/password_reset/",
        "scope": "password-reset",
        "methods": ["POST"],
        "per_ip": 10,
        "field": "email",
        "per_value": 3,
        "window": 3600,
    },
]

# --- Content-Security-Policy (django-csp): no inline script or style ---------
# The Wagtail admin brings inline script of its own and keeps the browser's
# defaults; every public page is held to this policy.
_TILES = urlparse(MAP_TILE_URL or "")
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/"],
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"]
        # A tile server's "{s}" sub-domains become a wildcard.
        + (
            [f"{_TILES.scheme}://{_TILES.netloc.replace('{s}', '*')}"]
            if _TILES.netloc
            else []
        ),
        "connect-src": ["'self'"],
        "font-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}
