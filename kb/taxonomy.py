"""Vocabulary snippets: regions, districts, fields of action and other terms.

They are seeded from ``kb/data/*.json`` by data migrations and stay editable in
the CMS; slugs and official keys are stable identifiers for URLs, imports and
the API.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index
from wagtail.snippets.models import register_snippet


class VocabularyTerm(index.Indexed, models.Model):
    """A named term with a stable slug."""

    slug = models.SlugField(_("Kürzel"), max_length=60, unique=True)
    name = models.CharField(_("Bezeichnung"), max_length=120)
    sort_order = models.PositiveIntegerField(_("Reihenfolge"), default=0)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("sort_order")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        abstract = True
        ordering = ["sort_order", "name"]

    def __str__(self) -> str:
        return self.name


@register_snippet
class Region(VocabularyTerm):
    """One of the four regions of the Ämter für regionale Landesentwicklung (ArL).

    Editors use it to group districts, events and regional conferences."""

    class Meta(VocabularyTerm.Meta):
        verbose_name = _("Region")
        verbose_name_plural = _("Regionen")


@register_snippet
class District(index.Indexed, models.Model):
    """A Landkreis, the Region Hannover or a kreisfreie Stadt with its official key.

    Editors pick districts on projects and events; the seat coordinates place a
    project on the map when it has no point of its own."""

    ags = models.CharField(_("Kreisschlüssel"), max_length=5, unique=True)
    name = models.CharField(_("Name"), max_length=120)
    slug = models.SlugField(_("Kürzel"), max_length=80, unique=True)
    kind = models.CharField(_("Art"), max_length=40)
    seat = models.CharField(_("Kreissitz"), max_length=80)
    lat = models.FloatField(_("Breitengrad"))
    lon = models.FloatField(_("Längengrad"))
    region = models.ForeignKey(
        Region,
        on_delete=models.PROTECT,
        related_name="districts",
        verbose_name=_("Region"),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("ags"),
        FieldPanel("slug"),
        FieldPanel("kind"),
        FieldPanel("seat"),
        FieldPanel("lat"),
        FieldPanel("lon"),
        FieldPanel("region"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("Landkreis / kreisfreie Stadt")
        verbose_name_plural = _("Landkreise und kreisfreie Städte")

    def __str__(self) -> str:
        if self.kind == "Landkreis":
            return f"Landkreis {self.name}"
        return self.name


@register_snippet
class FieldOfAction(VocabularyTerm):
    """A field of action of the alliance (Handlungsfeld), e.g. Sprachförderung.

    Editors tag every project with at least one; topic pages group by it."""

    class Meta(VocabularyTerm.Meta):
        verbose_name = _("Handlungsfeld")
        verbose_name_plural = _("Handlungsfelder")


@register_snippet
class TargetGroup(VocabularyTerm):
    """A group of people a project serves (Zielgruppe), e.g. Frauen or Familien."""

    class Meta(VocabularyTerm.Meta):
        verbose_name = _("Zielgruppe")
        verbose_name_plural = _("Zielgruppen")


@register_snippet
class OfferNeedCategory(VocabularyTerm):
    """A kind of help that projects offer or need, e.g. Sprachmittlung or Räume.

    Matching pairs one project's needs with another's offers by this category.
    Editors keep the keywords that let an offer or need written as free text
    be sorted into the category (``search.offer_categories``)."""

    keywords = models.TextField(
        _("Stichwörter"),
        blank=True,
        help_text=_(
            "Durch Kommas getrennt, z. B. Dolmetschen, Übersetzung, Sprachmittler. "
            "Angebote und Bedarfe ohne Kategorie werden anhand dieser Wörter "
            "(auch Wortteile und Synonyme) eingeordnet."
        ),
    )

    panels = [*VocabularyTerm.panels, FieldPanel("keywords")]

    class Meta(VocabularyTerm.Meta):
        verbose_name = _("Kategorie für Angebote und Bedarfe")
        verbose_name_plural = _("Kategorien für Angebote und Bedarfe")


@register_snippet
class OrganisationType(VocabularyTerm):
    """The kind of organisation behind an initiative, e.g. Verein or Kommune."""

    class Meta(VocabularyTerm.Meta):
        verbose_name = _("Organisationsart")
        verbose_name_plural = _("Organisationsarten")
