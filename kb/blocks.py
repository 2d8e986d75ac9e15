"""StreamField blocks shared by projects, articles and events."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]


class ImageWithAltBlock(blocks.StructBlock):
    """An image with a required text alternative (BITV) and an optional caption."""

    image = ImageChooserBlock(label=_("Bild"))
    alt_text = blocks.CharBlock(
        label=_("Alternativtext"),
        max_length=250,
        help_text=_("Beschreibt das Bild für Menschen, die es nicht sehen können."),
    )
    caption = blocks.CharBlock(
        label=_("Bildunterschrift"), required=False, max_length=250
    )

    class Meta:
        icon = "image"
        label = _("Bild")
        template = "blocks/image.html"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Zitat"), max_length=600)
    source = blocks.CharBlock(label=_("Quelle"), required=False, max_length=150)

    class Meta:
        icon = "openquote"
        label = _("Zitat")
        template = "blocks/quote.html"


class KeyFactsBlock(blocks.StructBlock):
    facts = blocks.ListBlock(
        blocks.StructBlock(
            [
                ("label", blocks.CharBlock(label=_("Bezeichnung"), max_length=80)),
                ("value", blocks.CharBlock(label=_("Wert"), max_length=120)),
            ]
        ),
        label=_("Eckdaten"),
    )

    class Meta:
        icon = "list-ul"
        label = _("Eckdaten")
        template = "blocks/key_facts.html"


class DownloadsBlock(blocks.StructBlock):
    documents = blocks.ListBlock(
        DocumentChooserBlock(label=_("Dokument")), label=_("Dateien")
    )

    class Meta:
        icon = "doc-full"
        label = _("Downloads")
        template = "blocks/downloads.html"


class VideoLinkBlock(blocks.StructBlock):
    """A plain link to a video: no third-party player loads before a click."""

    url = blocks.URLBlock(label=_("Adresse des Videos"))
    title = blocks.CharBlock(label=_("Titel des Videos"), max_length=150)

    class Meta:
        icon = "media"
        label = _("Video-Link")
        template = "blocks/video_link.html"


class BodyBlock(blocks.StreamBlock):
    text = blocks.RichTextBlock(label=_("Text"), features=RICH_TEXT_FEATURES)
    image = ImageWithAltBlock()
    quote = QuoteBlock()
    key_facts = KeyFactsBlock()
    downloads = DownloadsBlock()
    video = VideoLinkBlock()
