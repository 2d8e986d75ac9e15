"""The gate of ``templates/includes/picture.html``: only approved pictures."""

from __future__ import annotations

from django import template

from .. import images

register = template.Library()


@register.filter
def is_public_image(image) -> bool:
    return images.is_public(image)
