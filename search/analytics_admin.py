"""The editors' search report in the Wagtail admin and its three actions.

The actions open the usual create forms (synonym group, glossary entry,
promoted result) with the search text filled in. The form still posts to the
snippet's or the promotions' own add view, so saving, validation and
permissions are theirs; only the first display differs.
"""

from __future__ import annotations

from functools import cache
from urllib.parse import urlencode

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET
from wagtail.contrib.search_promotions import views as promotion_views

from .analytics_report import PERIODS, build_report, period_days
from .models import GlossaryEntry, SynonymGroup
from .query import clean_text

# Wagtail's default editor groups and this site's editorial group.
REPORT_GROUPS = ("Redaktion", "Editors", "Moderators")
REPORT_PERMISSION = "search.view_searchlog"
# Each action, with the permission its create view checks.
ACTIONS = {
    "add-synonym": "search.add_synonymgroup",
    "add-glossary": "search.add_glossaryentry",
    "add-promotion": "wagtailsearchpromotions.add_searchpromotion",
}


def can_view_report(user) -> bool:
    if not user.is_active:
        return False
    if user.is_superuser or user.has_perm(REPORT_PERMISSION):
        return True
    return user.groups.filter(name__in=REPORT_GROUPS).exists()


def _actions(text: str, allowed: list[str]) -> dict[str, str]:
    query = "?" + urlencode({"text": text})
    return {
        name.replace("-", "_"): reverse(f"search_analytics:{name}") + query
        for name in allowed
    }


def report(request: HttpRequest) -> HttpResponse:
    if not can_view_report(request.user):
        raise PermissionDenied
    days = period_days(request.GET.get("tage"))
    data = build_report(days)
    # Only actions the editor may take: the create views would refuse the others.
    allowed = [name for name, perm in ACTIONS.items() if request.user.has_perm(perm)]

    def rows(lines):
        return [
            {"line": line, "actions": _actions(line.text, allowed)} for line in lines
        ]

    return render(
        request,
        "search/admin/analytics_report.html",
        {
            "report": data,
            "periods": PERIODS,
            "top": rows(data.top),
            "zero": rows(data.zero),
            "no_click": rows(data.no_click),
        },
    )


class PrefillMixin:
    """Fills one form field from ``?text=`` on first display."""

    prefill_field = ""

    def get_initial(self):
        initial = super().get_initial()
        text = clean_text(self.request.GET.get("text", ""))
        if text:
            initial[self.prefill_field] = text
        return initial


class PrefilledPromotionCreateView(PrefillMixin, promotion_views.CreateView):
    prefill_field = "query_string"


@cache
def _snippet_add_view(model, field: str):
    """The snippet viewset's own add view, with the field prefilled; None
    while the model is not registered as a snippet."""
    viewset = getattr(model, "snippet_viewset", None)
    if viewset is None:
        return None
    view_class = type(
        f"Prefilled{viewset.add_view_class.__name__}",
        (PrefillMixin, viewset.add_view_class),
        {"prefill_field": field},
    )
    return viewset.construct_view(view_class, **viewset.get_add_view_kwargs())


@require_GET
def add_synonym(request: HttpRequest) -> HttpResponse:
    view = _snippet_add_view(SynonymGroup, "terms")
    if view is None:
        raise Http404
    return view(request)


@require_GET
def add_glossary_entry(request: HttpRequest) -> HttpResponse:
    view = _snippet_add_view(GlossaryEntry, "english")
    if view is None:
        raise Http404
    return view(request)


add_promotion = require_GET(PrefilledPromotionCreateView.as_view())
