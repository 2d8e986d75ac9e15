"""One page per field of action."""

from __future__ import annotations

from django.apps import apps
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from ..taxonomy import FieldOfAction


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
    parent_page_types = ["kb.HomePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("Themenseite")
        verbose_name_plural = _("Themenseiten")

    def get_context(self, request, *args, **kwargs):
        from ..cards import cards_by_id, cards_of, private_q
        from .articles import ArticlePage
        from .curation import GoodExampleItem
        from .events import EventPage

        project_model = apps.get_model("projects", "ProjectPage")
        context = super().get_context(request, *args, **kwargs)
        field = context["field"] = self._field(request)
        # One cached restriction lookup for all lists, not one per .public().
        private = private_q(request)
        context["cards"] = cards_of(
            project_model.objects.live()
            .exclude(private)
            .filter(fields_of_action=field)
            .order_by("-first_published_at", "-pk")[:12],
            request,
        )
        items = (
            list(
                GoodExampleItem.objects.filter(
                    collection_id=self.good_examples_id, project__live=True
                )
                .order_by("sort_order")
                .values_list("project_id", "collection__title")
            )
            if self.good_examples_id
            else []
        )
        good = [project_id for project_id, _title in items]
        cards = cards_by_id(good, request, terms=False)
        context["good_example_cards"] = [cards[pk] for pk in good if pk in cards]
        context["good_examples"] = {"title": items[0][1]} if items else None
        context["articles"] = (
            ArticlePage.objects.live()
            .exclude(private)
            .filter(fields_of_action=field)
            .only("id", "title", "url_path")[:6]
        )
        linked = EventPage.linked_projects.through.objects.filter(
            projectpage__fields_of_action=field
        ).values("eventpage_id")
        context["events"] = (
            EventPage.objects.live()
            .exclude(private)
            .filter(pk__in=linked)
            .select_related("region")
            .order_by("-start")[:6]
        )
        return context

    def _field(self, request):
        """The field of action, from the process's copy of the vocabulary
        (``kb.route_cache``) when the request has one: one query fewer."""
        from ..route_cache import request_value

        fields = request_value(
            request,
            "fields-of-action",
            lambda: {f.pk: f for f in FieldOfAction.objects.all()},
        )
        return fields.get(self.field_of_action_id) or self.field_of_action
