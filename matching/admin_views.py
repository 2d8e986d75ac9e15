"""The matching overview in the Wagtail admin: editors confirm or hide,
initiative owners see the matches of their own projects."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from .explain import explain
from .models import ContactRequest, Match

EDIT_PERMISSION = "matching.change_match"
LIMIT = 300


def _visible_to(request: HttpRequest):
    queryset = Match.objects.select_related("source", "target")
    if request.user.has_perm(EDIT_PERMISSION):
        return queryset
    return queryset.filter(source__owner=request.user)


def overview(request: HttpRequest) -> HttpResponse:
    queryset = _visible_to(request)
    project = request.GET.get("project", "")
    if project.isdigit():
        queryset = queryset.filter(source_id=int(project))
    state = request.GET.get("state", "")
    if state in Match.State.values:
        queryset = queryset.filter(state=state)
    rows = [
        {"match": match, "explanation": explain(match.reasons)}
        for match in queryset.order_by("source__title", "kind", "-score")[:LIMIT]
    ]
    return TemplateResponse(
        request,
        "matching/admin/overview.html",
        {
            "rows": rows,
            "can_edit": request.user.has_perm(EDIT_PERMISSION),
            "states": Match.State.choices,
            "state": state,
            "project": project,
            "limit": LIMIT,
        },
    )


@require_POST
def set_state(request: HttpRequest, match_id: int) -> HttpResponse:
    if not request.user.has_perm(EDIT_PERMISSION):
        raise PermissionDenied
    match = get_object_or_404(Match, pk=match_id)
    state = request.POST.get("state", "")
    if state not in (Match.State.CONFIRMED, Match.State.HIDDEN, Match.State.SUGGESTED):
        messages.error(request, gettext("Unbekannter Status."))
        return redirect("matching_admin:overview")
    match.state = state
    match.state_changed_at = timezone.now()
    match.save(update_fields=["state", "state_changed_at"])
    messages.success(
        request,
        gettext("„{title}“ ist jetzt {state}.").format(
            title=match.target.title, state=match.get_state_display()
        ),
    )
    back = request.POST.get("next", "")
    if back.startswith("/") and not back.startswith("//"):
        return redirect(back)
    return redirect("matching_admin:overview")


def report(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm(EDIT_PERMISSION):
        raise PermissionDenied
    totals = ContactRequest.objects.aggregate(
        total=Count("id"),
        relayed=Count("id", filter=Q(relayed_at__isnull=False)),
        replied=Count("id", filter=Q(replied_at__isnull=False)),
        asked=Count("id", filter=Q(followup_sent_at__isnull=False)),
        yes=Count("id", filter=Q(outcome=ContactRequest.Outcome.YES)),
        no=Count("id", filter=Q(outcome=ContactRequest.Outcome.NO)),
        ongoing=Count("id", filter=Q(outcome=ContactRequest.Outcome.ONGOING)),
    )
    by_kind = (
        ContactRequest.objects.exclude(outcome="")
        .values("match__kind", "outcome")
        .annotate(count=Count("id"))
        .order_by("match__kind", "outcome")
    )
    return TemplateResponse(
        request,
        "matching/admin/report.html",
        {"totals": totals, "by_kind": list(by_kind)},
    )
