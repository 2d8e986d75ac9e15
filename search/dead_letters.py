"""The editors' view of search index jobs that failed too often (dead
letters of the outbox), with a retry."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from .models import OutboxEntry
from .outbox import schedule_drain

PERMISSION = "search.change_outboxentry"


def can_manage(user) -> bool:
    return user.is_active and (user.is_superuser or user.has_perm(PERMISSION))


@require_http_methods(["GET", "POST"])
def dead_letters(request: HttpRequest) -> HttpResponse:
    if not can_manage(request.user):
        raise PermissionDenied
    dead = OutboxEntry.objects.filter(dead_at__isnull=False).order_by("-dead_at")
    if request.method == "POST":
        chosen = dead
        if request.POST.get("entry"):
            chosen = dead.filter(pk=request.POST["entry"])
        count = chosen.update(dead_at=None, attempts=0, last_error="")
        schedule_drain()
        messages.success(
            request, _("%(count)s Aufträge werden erneut versucht.") % {"count": count}
        )
        return redirect(reverse("search_dead_letters"))
    return render(request, "search/admin/dead_letters.html", {"entries": dead[:200]})


urls = [path("suchindex-fehler/", dead_letters, name="search_dead_letters")]
