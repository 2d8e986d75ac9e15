"""Template helpers that load everything a project page lists in two queries,
so the page stays within its query budget however long the lists are."""

from __future__ import annotations

from dataclasses import dataclass, field

from django import template
from django.db.models import CharField, IntegerField, QuerySet, Value
from taggit.models import Tag

from kb.taxonomy import District, FieldOfAction, TargetGroup

from ..models import ProjectNeed, ProjectOffer, ProjectPage

register = template.Library()


@dataclass(frozen=True)
class DistrictLink:
    name: str
    ags: str
    kind: str

    def __str__(self) -> str:
        return f"Landkreis {self.name}" if self.kind == "Landkreis" else self.name


@dataclass
class ProjectLists:
    districts: list[DistrictLink] = field(default_factory=list)
    fields: list[str] = field(default_factory=list)
    target_groups: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    offers: list[tuple[str | None, str]] = field(default_factory=list)
    needs: list[tuple[str | None, str]] = field(default_factory=list)


def _rows(queryset: QuerySet, kind: str, *columns: str) -> QuerySet:
    """(kind, text, key, extra, order) rows, so different tables can be united."""
    constants = {
        "k": Value(kind, output_field=CharField()),
        "blank": Value("", output_field=CharField()),
        "zero": Value(0, output_field=IntegerField()),
    }
    return queryset.annotate(**constants).values_list("k", *columns)


@register.simple_tag
def project_lists(page: ProjectPage) -> ProjectLists:
    terms = _rows(
        District.objects.filter(projects=page), "d", "name", "ags", "kind", "zero"
    ).union(
        _rows(
            FieldOfAction.objects.filter(projects=page),
            "f",
            "name",
            "slug",
            "blank",
            "sort_order",
        ),
        _rows(
            TargetGroup.objects.filter(projects=page),
            "t",
            "name",
            "slug",
            "blank",
            "sort_order",
        ),
        _rows(
            Tag.objects.filter(projects_projectpagetag_items__content_object=page),
            "g",
            "name",
            "slug",
            "blank",
            "zero",
        ),
        all=True,
    )
    offers_needs = _rows(
        ProjectOffer.objects.filter(page=page),
        "o",
        "text",
        "category__name",
        "blank",
        "sort_order",
    ).union(
        _rows(
            ProjectNeed.objects.filter(page=page),
            "n",
            "text",
            "category__name",
            "blank",
            "sort_order",
        ),
        all=True,
    )
    lists = ProjectLists()
    for kind, text, key, extra, _order in sorted(
        terms, key=lambda row: (row[0], row[4], row[1].casefold())
    ):
        if kind == "d":
            lists.districts.append(DistrictLink(text, key, extra))
        else:
            {"f": lists.fields, "t": lists.target_groups, "g": lists.tags}[kind].append(
                text
            )
    for kind, text, category, _extra, _order in sorted(
        offers_needs, key=lambda row: (row[0], row[4])
    ):
        (lists.offers if kind == "o" else lists.needs).append((category, text))
    return lists
