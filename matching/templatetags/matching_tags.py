from django import template

from ..queries import grouped

register = template.Library()


@register.simple_tag(takes_context=True)
def project_matches(context, page):
    """Both match lists of a project page, hidden ones left out."""
    return grouped(page.pk, context.get("request"))
