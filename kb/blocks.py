"""StreamField blocks shared by projects, articles and events."""

from __future__ import annotations

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]


class ImageWithAltBlock(blocks.StructBlock):
    """An image with a required text alternative (BITV) and an optional caption."""

    image = ImageChooserBlock(label="Bild")
    alt_text = blocks.CharBlock(
        label="Alternativtext",
        max_length=250,
        help_text="Beschreibt das Bild für Menschen, die es nicht sehen können.",
    )
    caption = blocks.CharBlock(label="Bildunterschrift", required=False, max_length=250)

    class Meta:
        icon = "image"
        label = "Bild"
        template = "blocks/image.html"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label="Zitat", max_length=600)
    source = blocks.CharBlock(label="Quelle", required=False, max_length=150)

    class Meta:
        icon = "openquote"
        label = "Zitat"
        template = "blocks/quote.html"


class KeyFactsBlock(blocks.StructBlock):
    facts = blocks.ListBlock(
        blocks.StructBlock(
            [
                ("label", blocks.CharBlock(label="Bezeichnung", max_length=80)),
                ("value", blocks.CharBlock(label="Wert", max_length=120)),
            ]
        ),
        label="Eckdaten",
    )

    class Meta:
        icon = "list-ul"
        label = "Eckdaten"
        template = "blocks/key_facts.html"


class DownloadsBlock(blocks.StructBlock):
    documents = blocks.ListBlock(
        DocumentChooserBlock(label="Dokument"), label="Dateien"
    )

    class Meta:
        icon = "doc-full"
        label = "Downloads"
        template = "blocks/downloads.html"


class VideoLinkBlock(blocks.StructBlock):
    """A plain link to a video: no third-party player loads before a click."""

    url = blocks.URLBlock(label="Adresse des Videos")
    title = blocks.CharBlock(label="Titel des Videos", max_length=150)

    class Meta:
        icon = "media"
        label = "Video-Link"
        template = "blocks/video_link.html"


class BodyBlock(blocks.StreamBlock):
    text = blocks.RichTextBlock(label="Text", features=RICH_TEXT_FEATURES)
    image = ImageWithAltBlock()
    quote = QuoteBlock()
    key_facts = KeyFactsBlock()
    downloads = DownloadsBlock()
    video = VideoLinkBlock()
