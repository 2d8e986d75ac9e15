"""Knowledge articles, recommendations and plain editorial pages."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from ..blocks import BodyBlock
from ..taxonomy import FieldOfAction


class ArticleIndexPage(Page):
    """The list of knowledge articles ("Wissen")."""

    intro = models.TextField(_("Einleitung"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["website.HomePage"]
    subpage_types = ["kb.ArticlePage"]

    class Meta:
        verbose_name = _("Artikelübersicht")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["articles"] = (
            ArticlePage.objects.child_of(self).live().public().order_by("-date")
        )
        return context


class ArticlePage(Page):
    """A knowledge article or a recommendation from a conference, linked to
    fields of action and to the projects it draws on."""

    date = models.DateField(_("Datum"))
    teaser = models.CharField(_("Kurzbeschreibung"), max_length=300)
    body = StreamField(BodyBlock(), verbose_name=_("Inhalt"))
    is_recommendation = models.BooleanField(
        _("Handlungsempfehlung einer Konferenz"), default=False
    )
    fields_of_action = ParentalManyToManyField(
        FieldOfAction,
        blank=True,
        related_name="articles",
        verbose_name=_("Handlungsfelder"),
    )
    related_projects = ParentalManyToManyField(
        "projects.ProjectPage",
        blank=True,
        related_name="articles",
        verbose_name=_("Verknüpfte Projekte"),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("date"),
        FieldPanel("teaser"),
        FieldPanel("body"),
        FieldPanel("is_recommendation"),
        FieldPanel("fields_of_action"),
        FieldPanel("related_projects"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("teaser"),
        index.SearchField("body"),
    ]
    parent_page_types = ["kb.ArticleIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("Artikel")
        verbose_name_plural = pgettext_lazy("plural", "Artikel")


class StandardPage(Page):
    """A plain editorial page: Impressum, Datenschutz, Erklärung zur
    Barrierefreiheit, open-data licence and the like."""

    body = StreamField(BodyBlock(), verbose_name=_("Inhalt"))

    content_panels = [*Page.content_panels, FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("body")]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("Inhaltsseite")
