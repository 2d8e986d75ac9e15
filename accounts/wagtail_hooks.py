"""The editors' list of stale profiles, in the Wagtail admin's reports menu,
and their approval of members' pictures, in the images menu."""

from __future__ import annotations

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .views.image_review import can_review, image_review
from .views.stale import StaleProjectsView


@hooks.register("register_admin_urls")
def register_stale_report_url():
    return [path("reports/stale/", StaleProjectsView.as_view(), name="stale_projects")]


class StaleMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        user = request.user
        return user.is_superuser or user.groups.filter(name="Redaktion").exists()


@hooks.register("register_reports_menu_item")
def register_stale_report_menu_item():
    return StaleMenuItem(
        _("Veraltete Profile"),
        reverse("stale_projects"),
        name="veraltete-profile",
        icon_name="time",
        order=900,
    )


@hooks.register("register_admin_urls")
def register_image_review_url():
    return [path("bildfreigabe/", image_review, name="image_review")]


class ImageReviewMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return can_review(request.user)


@hooks.register("register_admin_menu_item")
def register_image_review_menu_item():
    return ImageReviewMenuItem(
        _("Bildfreigabe"),
        reverse("image_review"),
        name="bildfreigabe",
        icon_name="image",
        order=310,
    )
