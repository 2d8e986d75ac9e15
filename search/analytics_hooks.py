"""Admin URLs and the reports menu entry of the search report
(search.analytics_admin); imported by search.wagtail_hooks."""

from __future__ import annotations

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import analytics_admin

admin_urls = [
    path("", analytics_admin.report, name="report"),
    path("synonym/", analytics_admin.add_synonym, name="add-synonym"),
    path("glossar/", analytics_admin.add_glossary_entry, name="add-glossary"),
    path("promotion/", analytics_admin.add_promotion, name="add-promotion"),
]


@hooks.register("register_admin_urls")
def register_search_report_urls():
    return [path("suchauswertung/", include((admin_urls, "search_analytics")))]


class SearchReportMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return analytics_admin.can_view_report(request.user)


@hooks.register("register_reports_menu_item")
def register_search_report_menu_item():
    return SearchReportMenuItem(
        _("Suchanfragen"),
        reverse("search_analytics:report"),
        name="suchanfragen",
        icon_name="search",
        order=950,
    )


@hooks.register("register_admin_urls")
def register_dead_letter_urls():
    from . import dead_letters

    return dead_letters.urls


class DeadLetterMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        from .dead_letters import can_manage

        return can_manage(request.user)


@hooks.register("register_reports_menu_item")
def register_dead_letter_menu_item():
    return DeadLetterMenuItem(
        _("Suchindex-Fehler"),
        reverse("search_dead_letters"),
        name="suchindex-fehler",
        icon_name="warning",
        order=960,
    )
