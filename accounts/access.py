"""Members see and change only their own initiative's pages and images.

Everything else answers 404, so nobody can probe which ids exist."""

from __future__ import annotations

from django.http import Http404
from wagtail.images import get_image_model
from wagtail.models import Page

from projects.models import InitiativePage, ProjectPage


def member_initiatives(user):
    return InitiativePage.objects.filter(memberships__user=user)


def initiative_for(user, pk: int) -> InitiativePage:
    initiative = member_initiatives(user).filter(pk=pk).first()
    if initiative is None:
        raise Http404("Keine Initiative gefunden.")
    return initiative


def project_for(user, pk: int) -> ProjectPage:
    project = ProjectPage.objects.filter(pk=pk).first()
    if project is None:
        raise Http404("Kein Projekt gefunden.")
    parent = project.get_parent()
    if not member_initiatives(user).filter(pk=parent.pk).exists():
        raise Http404("Kein Projekt gefunden.")
    return project


def image_for(user, pk: int):
    image = (
        get_image_model()
        .objects.filter(
            pk=pk,
            collection__in=member_initiatives(user).values(
                "image_collection__collection"
            ),
        )
        .first()
    )
    if image is None:
        raise Http404("Kein Bild gefunden.")
    return image


def page_for(user, pk: int):
    """The member's initiative or one of its projects, as its specific class."""
    page = Page.objects.filter(pk=pk).first()
    if page is not None:
        page = page.specific
        if isinstance(page, InitiativePage):
            return initiative_for(user, pk)
        if isinstance(page, ProjectPage):
            return project_for(user, pk)
    raise Http404("Keine Seite gefunden.")
