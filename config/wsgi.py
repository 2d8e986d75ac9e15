import logging
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")

application = get_wsgi_application()


def _warm_up() -> None:
    """Load the search's language resources (lexicon, thesaurus, gazetteer)
    as the worker starts, not during its first visitor's search, which with a
    slow Elasticsearch waited for both (docs/operations.md)."""
    from search.language.spelling import preload
    from search.understanding import understand

    try:
        preload()
        understand("Sprachkurs für Frauen im Landkreis Celle")
    except Exception:  # noqa: BLE001  (a cold start is slower, never broken)
        logging.getLogger(__name__).warning("Search warm-up failed", exc_info=True)


_warm_up()
