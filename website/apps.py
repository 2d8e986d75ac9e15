from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WebsiteConfig(AppConfig):
    """The public site on top of every other app: home, topic, region and
    district pages, listings, feeds, sitemaps, statistics, the open-data API
    and the search exports (docs/architecture.md).

    The package is not called ``site``: that name would shadow Python's own
    ``site`` module, which the interpreter imports at start-up."""

    name = "website"
    verbose_name = _("Website")

    def ready(self) -> None:
        from search.events import empty_result

        from .related_topics import suggest_topics

        empty_result.connect(suggest_topics, dispatch_uid="website-topics")
