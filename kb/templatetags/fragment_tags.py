"""Site-wide template fragments rendered once per content version and language.

The header and footer of every page are the same for every visitor in one
language: navigation, the search form, the legal links, some thirty
translations, URL reversals and static paths rendered as template nodes.
``{% site_fragment "name" %}…{% endsite_fragment %}`` renders its content once
per language and content version and keeps it in Redis
(``kb.page_cache.versioned_value``); any publish or vocabulary change replaces
the version. Without Redis it renders as usual.

A fragment must not use anything of the request or the page: the CSRF token,
the current path and page titles stay outside.
"""

from __future__ import annotations

from django import template
from django.template.base import FilterExpression, NodeList
from django.utils.safestring import SafeString
from django.utils.translation import get_language

from ..page_cache import versioned_value

register = template.Library()


class SiteFragmentNode(template.Node):
    child_nodelists = ("nodelist",)

    def __init__(self, name: FilterExpression, nodelist: NodeList) -> None:
        self.name = name
        self.nodelist = nodelist

    def render(self, context: template.Context) -> SafeString:
        key = f"fragment:{self.name.resolve(context)}:{get_language()}"
        # NodeList.render returns a SafeString: the escaping is the template's.
        return versioned_value(key, lambda: self.nodelist.render(context))


@register.tag("site_fragment")
def site_fragment(parser: template.base.Parser, token: template.base.Token):
    bits = token.split_contents()
    if len(bits) != 2:
        raise template.TemplateSyntaxError(
            f"'{bits[0]}' takes one argument, the fragment's name."
        )
    nodelist = parser.parse(("endsite_fragment",))
    parser.delete_first_token()
    return SiteFragmentNode(parser.compile_filter(bits[1]), nodelist)
