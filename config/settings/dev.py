"""The embedded default for a first look: SQLite, database search, inline tasks."""

from .base import *  # noqa: F403
from .env import env_bool

DEBUG = env_bool("DEBUG", True)

# Static files are served by the staticfiles finders here, not collected.
WHITENOISE_USE_FINDERS = True
STATIC_ROOT = None
