from django import template

from ..queries import grouped

register = template.Library()


@register.simple_tag
def project_matches(page):
    """Both match lists of a project page, hidden ones left out."""
    return grouped(page.pk)
