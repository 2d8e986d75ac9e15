"""The members' area: their pages, drafts, preview and submission."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext
from django.views.decorators.http import require_http_methods, require_POST
from wagtail.images import get_image_model

from projects.models import ProjectPage

from .. import services
from ..access import (
    image_for,
    initiative_for,
    member_initiatives,
    page_for,
    project_for,
)
from ..forms.content import ImageUploadForm, InitiativeForm, ProjectForm
from ..images import collection_for, store_image, thumbnail, thumbnail_size
from ..models import InitiativeCollection


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    entries = []
    for initiative in member_initiatives(request.user).order_by("title"):
        projects = ProjectPage.objects.child_of(initiative).order_by("title")
        entries.append(
            {
                "initiative": initiative,
                "state": services.state_label(initiative),
                "comment": services.rejection_comment(initiative),
                "projects": [
                    {
                        "page": project,
                        "state": services.state_label(project),
                        "comment": services.rejection_comment(project),
                    }
                    for project in projects
                ],
            }
        )
    return render(request, "accounts/dashboard.html", {"entries": entries})


def _saved_message(request: HttpRequest, withdrawn: bool) -> None:
    text = gettext(
        "Der Entwurf ist gespeichert. Veröffentlicht wird erst nach der Prüfung."
    )
    if withdrawn:
        text += " " + gettext(
            "Die laufende Einreichung wurde zurückgezogen; "
            "bitte reichen Sie die neue Fassung ein."
        )
    messages.success(request, text)


def _own_images(initiative):
    """The initiative's uploads, to choose a logo or a lead picture from."""
    return get_image_model().objects.filter(collection=collection_for(initiative))


@login_required
@require_http_methods(["GET", "POST"])
def initiative_edit(request: HttpRequest, pk: int) -> HttpResponse:
    initiative = initiative_for(request.user, pk)
    draft = services.draft_of(initiative)
    form = InitiativeForm(
        request.POST or None, instance=draft, images=_own_images(initiative)
    )
    if request.method == "POST" and form.is_valid():
        _, withdrawn = services.save_draft(form.save(commit=False), request.user)
        _saved_message(request, withdrawn)
        return redirect("accounts:dashboard")
    status = 400 if form.errors else 200
    return render(
        request,
        "accounts/initiative_form.html",
        {"form": form, "initiative": initiative},
        status=status,
    )


@login_required
@require_http_methods(["GET", "POST"])
def project_create(request: HttpRequest, pk: int) -> HttpResponse:
    initiative = initiative_for(request.user, pk)
    form = ProjectForm(
        request.POST or None, instance=ProjectPage(), images=_own_images(initiative)
    )
    if request.method == "POST" and form.is_valid():
        services.create_project(initiative, form.save(commit=False), request.user)
        _saved_message(request, False)
        return redirect("accounts:dashboard")
    status = 400 if form.errors else 200
    return render(
        request,
        "accounts/project_form.html",
        {"form": form, "initiative": initiative, "project": None},
        status=status,
    )


@login_required
@require_http_methods(["GET", "POST"])
def project_edit(request: HttpRequest, pk: int) -> HttpResponse:
    project = project_for(request.user, pk)
    form = ProjectForm(
        request.POST or None,
        instance=services.draft_of(project),
        images=_own_images(project.get_parent().specific),
    )
    if request.method == "POST" and form.is_valid():
        _, withdrawn = services.save_draft(form.save(commit=False), request.user)
        _saved_message(request, withdrawn)
        return redirect("accounts:dashboard")
    status = 400 if form.errors else 200
    return render(
        request,
        "accounts/project_form.html",
        {"form": form, "initiative": project.get_parent(), "project": project},
        status=status,
    )


@login_required
def preview(request: HttpRequest, pk: int) -> HttpResponse:
    page = page_for(request.user, pk)
    draft = services.draft_of(page)
    return draft.serve_preview(request, draft.default_preview_mode)


@login_required
@require_POST
def submit(request: HttpRequest, pk: int) -> HttpResponse:
    page = page_for(request.user, pk)
    if services.submit_for_review(page, request.user):
        messages.success(
            request,
            gettext(
                "Eingereicht. Die Redaktion prüft Ihre Angaben; "
                "Sie erhalten eine E-Mail, sobald sie entschieden hat."
            ),
        )
    else:
        messages.error(
            request, gettext("Für diese Seite ist keine Prüfung eingerichtet.")
        )
    return redirect("accounts:dashboard")


@login_required
@require_http_methods(["GET", "POST"])
def images(request: HttpRequest, pk: int) -> HttpResponse:
    initiative = initiative_for(request.user, pk)
    form = ImageUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            store_image(
                initiative,
                form.cleaned_data["file"],
                form.cleaned_data["title"],
                request.user,
            )
        except ValidationError as error:
            form.add_error("file", error)
        else:
            messages.success(request, gettext("Das Bild ist gespeichert."))
            return redirect("accounts:images", pk=initiative.pk)
    status = 400 if form.errors else 200
    existing = list(
        get_image_model()
        .objects.filter(collection=collection_for(initiative))
        .select_related("moderation")
        .order_by("-created_at")
    )
    for image in existing:
        image.thumbnail_size = thumbnail_size(image.width, image.height)
    return render(
        request,
        "accounts/images.html",
        {"form": form, "initiative": initiative, "images": existing},
        status=status,
    )


@login_required
def image_thumbnail(request: HttpRequest, pk: int) -> HttpResponse:
    """A small preview for the member's own list, made on request and never
    stored under /media/: a picture waiting for approval gets no public
    address at all."""
    image = image_for(request.user, pk)
    try:
        preview_bytes = thumbnail(image)
    except FileNotFoundError:
        # A rejected upload's file is deleted; its row stays for the list.
        raise Http404 from None
    response = HttpResponse(preview_bytes, content_type="image/webp")
    response["Cache-Control"] = "private, max-age=300"
    return response


@login_required
@require_http_methods(["GET", "POST"])
def image_delete(request: HttpRequest, pk: int) -> HttpResponse:
    image = image_for(request.user, pk)
    initiative_pk = InitiativeCollection.objects.get(
        collection=image.collection_id
    ).initiative_id
    if request.method == "POST":
        image.delete()
        messages.success(request, gettext("Das Bild ist gelöscht."))
        return redirect("accounts:images", pk=initiative_pk)
    return render(request, "accounts/image_delete.html", {"image": image})
