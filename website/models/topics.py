"""One page per field of action."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from kb.page_cache import versioned_value
from kb.taxonomy import FieldOfAction, Region
from projects import page_lists
from projects.cards import project_cards, restricted_paths


class TopicPage(Page):
    """The page of one field of action (e.g. Sprachförderung): the editors'
    introduction, their curated good examples, and the newest projects,
    articles and events of that field."""

    field_of_action = models.OneToOneField(
        FieldOfAction,
        on_delete=models.PROTECT,
        related_name="topic_page",
        verbose_name=_("Handlungsfeld"),
    )
    intro = RichTextField(
        _("Einleitung"), blank=True, features=["bold", "italic", "link", "ul"]
    )
    good_examples = models.ForeignKey(
        "kb.GoodExampleCollection",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("Sammlung „Gute Beispiele“"),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("field_of_action"),
        FieldPanel("intro"),
        FieldPanel("good_examples"),
    ]
    parent_page_types = ["website.HomePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("Themenseite")
        verbose_name_plural = _("Themenseiten")
        # Moved from kb (website/0001): the table and content type stay.
        db_table = "kb_topicpage"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        field = context["field"] = self._field(request)
        # One cached restriction lookup for all lists, one query each
        # (``projects.page_lists``).
        paths = restricted_paths(request)
        newest = page_lists.field_projects(paths, field.pk)
        context["cards"] = project_cards(newest, request, terms=False, pictures=True)
        context["good_example_cards"], context["good_examples"] = (
            page_lists.good_example_cards(self.good_examples_id, request)
        )
        context["articles"] = page_lists.field_articles(paths, field.pk)
        events = page_lists.field_events(paths, field.pk)
        if events:
            regions = versioned_value("regions", lambda: Region.objects.in_bulk())
            for event in events:
                event.region = regions.get(event.region_id)
        context["events"] = events
        return context

    def _field(self, request):
        """The field of action, from the vocabulary kept under the content
        version (``kb.page_cache.versioned_value``): one query fewer."""
        fields = versioned_value(
            "fields-of-action",
            lambda: {f.pk: f for f in FieldOfAction.objects.all()},
        )
        return fields.get(self.field_of_action_id) or self.field_of_action
