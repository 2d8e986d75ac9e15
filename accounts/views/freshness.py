"""Confirming that a project is still current, from the reminder e-mail."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from projects.models import ProjectPage

from ..pagechanges import apply_without_review
from ..tokens import read_reconfirm


@require_http_methods(["GET", "POST"])
def reconfirm(request: HttpRequest, token: str) -> HttpResponse:
    """GET shows one button, POST confirms.

    Mail scanners open every link in a message; a GET that changed data would
    confirm projects nobody looked at. The link needs no login."""
    payload = read_reconfirm(token)
    page = ProjectPage.objects.filter(pk=payload["p"]).first() if payload else None
    if page is None:
        return render(
            request, "accounts/reconfirm.html", {"outcome": "invalid"}, status=400
        )
    current = page.last_confirmed.isoformat() if page.last_confirmed else ""
    if current != payload["c"]:
        return render(
            request,
            "accounts/reconfirm.html",
            {"outcome": "used", "page": page},
            status=410,
        )
    if request.method == "POST":
        page = apply_without_review(page, last_confirmed=timezone.localdate())
        return render(
            request, "accounts/reconfirm.html", {"outcome": "confirmed", "page": page}
        )
    return render(request, "accounts/reconfirm.html", {"outcome": "ask", "page": page})
