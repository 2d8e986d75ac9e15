from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import GlossaryEntry, SynonymGroup


class SynonymGroupViewSet(SnippetViewSet):
    model = SynonymGroup
    icon = "search"
    menu_label = _("Synonyme")
    list_display = ["__str__", "active"]


register_snippet(SynonymGroupViewSet)

from . import analytics_hooks  # noqa: E402, F401  (the search report)


class GlossaryEntryViewSet(SnippetViewSet):
    """English words and phrases with the German search terms they stand for."""

    model = GlossaryEntry
    icon = "globe"
    menu_label = _("Glossar (Englisch)")
    list_display = ["english", "german", "active"]


register_snippet(GlossaryEntryViewSet)
