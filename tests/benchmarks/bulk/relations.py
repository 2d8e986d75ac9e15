"""What synthetic projects link to, written with bulk inserts."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from taggit.models import Tag

from kb.taxonomy import District, FieldOfAction, TargetGroup
from projects.models import ProjectNeed, ProjectOffer, ProjectPage, ProjectPageTag


@dataclass
class Relations:
    """One project's links; offers and needs are unsaved rows whose page
    ``insert_relations`` fills in."""

    districts: list[District]
    fields: list[FieldOfAction]
    groups: list[TargetGroup]
    tags: list[str]
    offers: list[ProjectOffer]
    needs: list[ProjectNeed]


def tag_ids(names: Iterable[str], slug_suffix: str = "") -> dict[str, int]:
    """Ids of the tags ``names``; missing ones are created in this order, with
    the lower-case name and ``slug_suffix`` as slug."""
    names = list(names)
    existing = set(Tag.objects.filter(name__in=names).values_list("name", flat=True))
    Tag.objects.bulk_create(
        Tag(name=name, slug=f"{name.lower()}{slug_suffix}")
        for name in names
        if name not in existing
    )
    return dict(Tag.objects.filter(name__in=names).values_list("name", "pk"))


def insert_relations(
    pages: list[ProjectPage], relations: list[Relations], tags: dict[str, int]
) -> None:
    """The M2M through rows, tags, offers and needs of saved ``pages``;
    ``tags`` maps tag names to ids (see ``tag_ids``)."""
    pairs = list(zip(pages, relations, strict=True))
    through = ProjectPage.districts.through
    through.objects.bulk_create(
        through(projectpage_id=page.pk, district_id=district.pk)
        for page, links in pairs
        for district in links.districts
    )
    through = ProjectPage.fields_of_action.through
    through.objects.bulk_create(
        through(projectpage_id=page.pk, fieldofaction_id=field.pk)
        for page, links in pairs
        for field in links.fields
    )
    through = ProjectPage.target_groups.through
    through.objects.bulk_create(
        through(projectpage_id=page.pk, targetgroup_id=group.pk)
        for page, links in pairs
        for group in links.groups
    )
    ProjectPageTag.objects.bulk_create(
        ProjectPageTag(content_object_id=page.pk, tag_id=tags[name])
        for page, links in pairs
        for name in links.tags
    )
    for page, links in pairs:
        for row in (*links.offers, *links.needs):
            row.page_id = page.pk
    ProjectOffer.objects.bulk_create(row for _, links in pairs for row in links.offers)
    ProjectNeed.objects.bulk_create(row for _, links in pairs for row in links.needs)
