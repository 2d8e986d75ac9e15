"""Template helpers of the public site: footer links and accessible form
widgets."""

from __future__ import annotations

from typing import Any

from django import template
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db.models import prefetch_related_objects
from django.forms import BoundField
from django.utils.safestring import SafeString

from ..models import StandardPage
from ..page_cache import versioned_value
from ..routing import cached_parent

register = template.Library()

# Slugs the demo content and editors use for the legally required pages.
FOOTER_SLUGS = ("impressum", "datenschutz", "barrierefreiheit", "open-data-lizenz")


def _load_footer_links() -> list[tuple[str, str]]:
    pages = {
        page.slug: page
        for page in StandardPage.objects.live()
        .filter(slug__in=FOOTER_SLUGS)
        .only("id", "slug", "title", "url_path")
    }
    return [
        (pages[slug].title, pages[slug].get_url())
        for slug in FOOTER_SLUGS
        if slug in pages
    ]


@register.simple_tag(takes_context=True)
def footer_links(context: template.Context) -> list[tuple[str, str]]:
    """The legal pages that exist and are live, in a fixed order.

    Cached: the footer is on every page and must not eat its query budget. In
    Redis under the content version (``kb.page_cache``)."""
    return versioned_value("footer-links", _load_footer_links)


@register.filter
def description_ids(field: BoundField) -> str:
    """The ids of a field's help text and error messages ("" without)."""
    ids = []
    if field.help_text:
        ids.append(f"{field.auto_id}-help")
    if field.errors:
        ids.append(f"{field.auto_id}-error")
    return " ".join(ids)


@register.filter
def is_choice_group(field: BoundField) -> bool:
    """Radio buttons or several checkboxes: a fieldset with a legend, each
    choice labelled on its own (not one label around them all)."""
    widget = field.field.widget
    kind = getattr(widget, "input_type", None)
    multiple = getattr(widget, "allow_multiple_selected", False)
    return kind == "radio" or (kind == "checkbox" and multiple)


@register.filter
def accessible(field: BoundField) -> SafeString:
    """Render a form field's widget tied to its help text and errors.

    Screen readers announce the error next to the field only when the input
    points at it with ``aria-describedby``; ``aria-invalid`` marks it wrong."""
    attrs: dict[str, Any] = {}
    described_by = description_ids(field)
    if described_by:
        attrs["aria-describedby"] = described_by
    if field.errors:
        attrs["aria-invalid"] = "true"
    if field.field.required:
        attrs["aria-required"] = "true"
    return field.as_widget(attrs=attrs)


@register.simple_tag
def prefetch(obj: Any, *lookups: str) -> str:
    """Load related lists of one object in one query each before the template
    walks them (``{% prefetch page "districts" "offers__category" %}``)."""
    if obj is not None and lookups:
        prefetch_related_objects([obj], *lookups)
    return ""


@register.simple_tag(takes_context=True)
def parent_page(context: template.Context, page: Any, model_label: str) -> Any:
    """The page's parent if it is of the given type; free when routing already
    fetched it (see ``kb.routing``), else one query."""
    model = apps.get_model(model_label)
    parent = cached_parent(context.get("request"), page)
    if parent is not None:
        expected = ContentType.objects.get_for_model(model)
        return parent if parent.content_type_id == expected.id else None
    return model.objects.filter(path=page.path[: -page.steplen]).first()
