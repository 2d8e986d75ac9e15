"""Admin registrations: free tags become editable snippets."""

from django.utils.translation import gettext_lazy as _
from taggit.models import Tag
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet


class TagViewSet(SnippetViewSet):
    """Editors rename tags here; ``manage.py merge_tags`` merges duplicates."""

    model = Tag
    icon = "tag"
    menu_label = _("Schlagwörter")
    add_to_admin_menu = False
    list_display = ["name", "slug"]
    search_fields = ["name"]
    panels = [FieldPanel("name"), FieldPanel("slug")]


register_snippet(TagViewSet)
