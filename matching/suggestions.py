"""The editors' "Vernetzungsvorschläge": new suggestions, one row per pair,
with their reasons; confirming or hiding decides both directions, so a
hidden pair never comes back from the other side."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from .admin_views import EDIT_PERMISSION
from .explain import explain
from .models import Match

LIMIT = 200
DECISIONS = (Match.State.CONFIRMED, Match.State.HIDDEN)


def _pair(match: Match):
    return Match.objects.filter(
        Q(source_id=match.source_id, target_id=match.target_id)
        | Q(source_id=match.target_id, target_id=match.source_id),
        kind=match.kind,
    )


def suggestions(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm(EDIT_PERMISSION):
        raise PermissionDenied
    kind = request.GET.get("kind", "")
    queryset = Match.objects.filter(state=Match.State.SUGGESTED).select_related(
        "source", "target"
    )
    if kind in Match.Kind.values:
        queryset = queryset.filter(kind=kind)
    rows = []
    seen: set[tuple[int, int, str]] = set()
    for match in queryset.order_by("-computed_at", "-score", "pk")[: LIMIT * 2]:
        key = (*sorted((match.source_id, match.target_id)), match.kind)
        if key in seen:
            continue
        seen.add(key)
        rows.append({"match": match, "explanation": explain(match.reasons)})
        if len(rows) >= LIMIT:
            break
    return TemplateResponse(
        request,
        "matching/admin/suggestions.html",
        {"rows": rows, "kinds": Match.Kind.choices, "kind": kind, "limit": LIMIT},
    )


@require_POST
def decide(request: HttpRequest, match_id: int) -> HttpResponse:
    if not request.user.has_perm(EDIT_PERMISSION):
        raise PermissionDenied
    match = get_object_or_404(Match, pk=match_id)
    state = request.POST.get("state", "")
    if state not in DECISIONS:
        messages.error(request, gettext("Unbekannter Status."))
        return redirect("matching_admin:suggestions")
    _pair(match).update(state=state, state_changed_at=timezone.now())
    label = Match.State(state).label
    messages.success(
        request,
        gettext("„{source}“ – „{target}“ ist jetzt {state}.").format(
            source=match.source.title, target=match.target.title, state=label
        ),
    )
    return redirect("matching_admin:suggestions")
