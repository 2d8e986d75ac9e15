"""Admin menu entries for the matching overview and the contact report."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import admin_views, suggestions

admin_urls = [
    path("", admin_views.overview, name="overview"),
    path("<int:match_id>/status/", admin_views.set_state, name="set-state"),
    path("auswertung/", admin_views.report, name="report"),
    path("vorschlaege/", suggestions.suggestions, name="suggestions"),
    path("vorschlaege/<int:match_id>/", suggestions.decide, name="decide"),
]


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("treffer/", include((admin_urls, "matching_admin")))]


@hooks.register("register_admin_menu_item")
def register_matching_menu_item():
    return MenuItem(
        _("Treffer"),
        reverse("matching_admin:overview"),
        name="treffer",
        icon_name="link",
        order=450,
    )


class EditorMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return request.user.has_perm(admin_views.EDIT_PERMISSION)


@hooks.register("register_admin_menu_item")
def register_suggestions_menu_item():
    return EditorMenuItem(
        _("Vernetzungsvorschläge"),
        reverse("matching_admin:suggestions"),
        name="vernetzungsvorschlaege",
        icon_name="link",
        order=451,
    )


class ReportMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return request.user.has_perm(admin_views.EDIT_PERMISSION)


@hooks.register("register_reports_menu_item")
def register_contact_report_menu_item():
    return ReportMenuItem(
        _("Kontakte aus Treffern"),
        reverse("matching_admin:report"),
        name="kontakte-aus-treffern",
        icon_name="mail",
    )
