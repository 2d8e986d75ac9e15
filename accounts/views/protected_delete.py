"""Deleting snippets that other rows still need (``on_delete=PROTECT``),
refused before Wagtail tries.

Wagtail's delete view and its bulk delete of snippets only know a
protecting row from the reference index, which misses rows written by
migrations and imports until ``rebuild_references_index`` runs. They then
offer the button, and its POST (or a hand-made one) ended in
``ProtectedError`` from ``delete()``, a 500. ``refuse_protected`` runs on
the hook ``before_delete_snippet``, which both views call before anything
else, for GET and POST. It asks Django's deletion collector, which makes
the same check as ``delete()``, and answers with a German page naming the
rows that hold on to each object: no button on GET (200), 409 on POST.
Nothing is deleted; objects nobody holds on to go on to Wagtail."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from django.db import models, router
from django.db.models.deletion import Collector, ProtectedError, RestrictedError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import NoReverseMatch, reverse

TEMPLATE = "accounts/admin/protected_delete.html"
# Names shown per kind of holding row; the rest is counted.
SHOWN = 10


def holders(instances: Sequence[models.Model]) -> set[models.Model]:
    """The rows that would stop deleting ``instances`` together."""
    if not instances:
        return set()
    model = type(instances[0])
    collector = Collector(using=router.db_for_write(model))
    try:
        collector.collect(list(instances))
    except ProtectedError as error:
        return set(error.protected_objects)
    except RestrictedError as error:
        return set(error.restricted_objects)
    return set()


def _by_kind(rows: set[models.Model]) -> list[dict]:
    kinds: dict[type, list[str]] = defaultdict(list)
    for row in rows:
        kinds[type(row)].append(str(row))
    return [
        {
            "kind": model._meta.verbose_name_plural,
            "count": len(names),
            "names": sorted(names)[:SHOWN],
            "more": max(len(names) - SHOWN, 0),
        }
        for model, names in sorted(
            kinds.items(), key=lambda item: str(item[0]._meta.verbose_name_plural)
        )
    ]


def _listing(model: type[models.Model]) -> str | None:
    viewset = getattr(model, "snippet_viewset", None)
    try:
        return reverse(viewset.get_url_name("list")) if viewset else None
    except NoReverseMatch:
        return None


def refuse_protected(
    request: HttpRequest, instances: Sequence[models.Model]
) -> HttpResponse | None:
    """For ``before_delete_snippet``: the refusal when other rows hold on
    to any of ``instances``, else None (Wagtail goes on)."""
    instances = list(instances)
    if not holders(instances):
        return None
    blocked = [
        {"object": instance, "kinds": _by_kind(rows)}
        for instance in instances
        if (rows := holders([instance]))
    ]
    context = {
        "blocked": blocked,
        "model_name": instances[0]._meta.verbose_name,
        "listing": _listing(type(instances[0])),
    }
    status = 200 if request.method in ("GET", "HEAD") else 409
    return render(request, TEMPLATE, context, status=status)
