"""Template helpers that load everything a project page lists in one query,
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
    # No ORDER BY in the parts (the models' default orderings): SQLite refuses
    # it inside a UNION, and the rows are sorted in Python anyway.
    return queryset.order_by().annotate(**constants).values_list("k", *columns)


def _lists_query(page_id: int) -> QuerySet:
    """Terms, offers and needs of one project as (kind, text, key, extra,
    order) rows of one query."""
    return _rows(
        District.objects.filter(projects=page_id), "d", "name", "ags", "kind", "zero"
    ).union(
        _rows(
            FieldOfAction.objects.filter(projects=page_id),
            "f",
            "name",
            "slug",
            "blank",
            "sort_order",
        ),
        _rows(
            TargetGroup.objects.filter(projects=page_id),
            "t",
            "name",
            "slug",
            "blank",
            "sort_order",
        ),
        _rows(
            Tag.objects.filter(projects_projectpagetag_items__content_object=page_id),
            "g",
            "name",
            "slug",
            "blank",
            "zero",
        ),
        _rows(
            ProjectOffer.objects.filter(page=page_id),
            "o",
            "text",
            "category__name",
            "blank",
            "sort_order",
        ),
        _rows(
            ProjectNeed.objects.filter(page=page_id),
            "n",
            "text",
            "category__name",
            "blank",
            "sort_order",
        ),
        all=True,
    )


TERM_LISTS = {"f": "fields", "t": "target_groups", "g": "tags"}


@register.simple_tag
def project_lists(page: ProjectPage) -> ProjectLists:
    lists = ProjectLists()
    rows = sorted(
        _lists_query(page.pk),
        key=lambda row: (row[0], row[4], row[1].casefold() if row[0] in "dftg" else ""),
    )
    for kind, text, key, extra, _order in rows:
        if kind == "d":
            lists.districts.append(DistrictLink(text, key, extra))
        elif kind in TERM_LISTS:
            getattr(lists, TERM_LISTS[kind]).append(text)
        else:
            (lists.offers if kind == "o" else lists.needs).append((key, text))
    return lists
