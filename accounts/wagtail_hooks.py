"""The editors' list of stale profiles, in the Wagtail admin's reports menu,
their approval of members' pictures, in the images menu, the guard of
Wagtail's image views that need a picture's file and of the document and
snippet choosers and the page copy against malformed numbers, the check
of posted page and snippet forms, and the refusal to delete snippets that
other rows still need."""

from __future__ import annotations

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component

from kb.models import ImageModeration

from .views.admin_form_guard import (
    check_page_create,
    check_page_edit,
    check_snippet_create,
    check_snippet_edit,
)
from .views.id_guard import check_copy_target, guarded_chooser_urls
from .views.image_guard import guarded_image_urls
from .views.image_review import (
    can_review,
    image_review,
    image_review_original,
    image_review_thumbnail,
)
from .views.protected_delete import refuse_protected
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
    return [
        path("bildfreigabe/", image_review, name="image_review"),
        path(
            "bildfreigabe/<int:pk>/vorschau/",
            image_review_thumbnail,
            name="image_review_thumbnail",
        ),
        path(
            "bildfreigabe/<int:pk>/original/",
            image_review_original,
            name="image_review_original",
        ),
    ]


# Before Wagtail's own image URLs (order 0), whose paths these take.
@hooks.register("register_admin_urls", order=-1)
def register_image_guard_urls():
    return guarded_image_urls()


# Before Wagtail's document and snippet choosers (order 0), for the same reason.
@hooks.register("register_admin_urls", order=-1)
def register_chooser_guard_urls():
    return guarded_chooser_urls()


hooks.register("before_copy_page", check_copy_target)
hooks.register("before_delete_snippet", refuse_protected)
hooks.register("before_create_page", check_page_create)
hooks.register("before_edit_page", check_page_edit)
hooks.register("before_create_snippet", check_snippet_create)
hooks.register("before_edit_snippet", check_snippet_edit)


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


class PendingImagesPanel(Component):
    """On the admin's start page: how many members' pictures wait."""

    name = "pending_images"
    order = 90
    template_name = "accounts/admin/pending_images_panel.html"

    def __init__(self, count: int) -> None:
        self.count = count

    def get_context_data(self, parent_context):
        return {"count": self.count}


@hooks.register("construct_homepage_panels")
def add_pending_images_panel(request, panels) -> None:
    if not can_review(request.user):
        return
    count = ImageModeration.objects.filter(state=ImageModeration.State.PENDING).count()
    if count:
        panels.append(PendingImagesPanel(count))
