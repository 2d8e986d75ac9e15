"""Admin report: live projects nobody confirmed for more than 15 months."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.views.generic import TemplateView

from projects.models import ProjectPage

from ..freshness import stale_before


def stale_projects():
    cutoff = stale_before()
    return (
        ProjectPage.objects.live()
        .filter(
            Q(last_confirmed__lt=cutoff)
            | Q(last_confirmed=None, first_published_at__date__lt=cutoff)
        )
        .order_by("last_confirmed", "first_published_at")
    )


class StaleProjectsView(TemplateView):
    template_name = "accounts/admin/stale_projects.html"

    def dispatch(self, request, *args, **kwargs):
        user = request.user
        if not (user.is_superuser or user.groups.filter(name="Redaktion").exists()):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["projects"] = stale_projects()
        context["cutoff"] = stale_before()
        return context
