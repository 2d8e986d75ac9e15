"""Which search documents a change affects: the one place that knows what a
document is built from.

A project's document reads its own page, its initiative (the parent page:
title, type, id), its address (the url paths of its ancestors), the view
restrictions above it, its districts with their regions, its fields of
action, target groups, tags and offer/need categories. Articles read their
fields of action, events their region, initiatives their organisation type.
``affected`` turns a changed object into the documents to re-sync;
``search.signals`` records them in the outbox in the transaction of the
change.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from django.contrib.contenttypes.models import ContentType
from django.db.models import Model
from taggit.models import Tag
from wagtail.models import Page, PageViewRestriction

from kb.models import ArticlePage, EventPage
from kb.taxonomy import (
    District,
    FieldOfAction,
    OfferNeedCategory,
    OrganisationType,
    Region,
    TargetGroup,
)
from projects.models import InitiativePage, ProjectPage, ProjectPageTag

from .documents import DOCUMENTS

Key = tuple[str, str]
Targets = dict[Key, set[int]]


def _key(model: type[Model]) -> Key:
    return (model._meta.app_label, model._meta.model_name)


def _targets(*groups: tuple[type[Model], Iterable[int]]) -> Targets:
    found: Targets = defaultdict(set)
    for model, ids in groups:
        found[_key(model)].update(ids)
    return {key: ids for key, ids in found.items() if ids}


def _ids(queryset) -> list[int]:
    return list(queryset.values_list("pk", flat=True))


def indexed_subtree(page: Page, include_self: bool = True) -> Targets:
    """The page and every page below it that has a search document: their
    addresses and restrictions follow the page's (a move, a new slug, a view
    restriction)."""
    types = {
        ContentType.objects.get_for_model(model, for_concrete_model=False).pk: key
        for key, model in ((k, d.Django.model) for k, d in DOCUMENTS.items())
    }
    pages = Page.objects.descendant_of(page, inclusive=include_self).filter(
        content_type__in=list(types)
    )
    found: Targets = defaultdict(set)
    for pk, content_type in pages.values_list("pk", "content_type"):
        found[types[content_type]].add(pk)
    return dict(found)


def _page(page: Page) -> Targets:
    specific_class = page.specific_class
    key = _key(specific_class) if specific_class else None
    found = _targets((specific_class, [page.pk])) if key in DOCUMENTS else {}
    if specific_class is not None and issubclass(specific_class, InitiativePage):
        # Its projects show its title, type and id.
        projects = _ids(ProjectPage.objects.descendant_of(page))
        found = merge(found, _targets((ProjectPage, projects)))
    return found


def _restriction(restriction: PageViewRestriction) -> Targets:
    page = Page.objects.filter(pk=restriction.page_id).first()
    return indexed_subtree(page) if page is not None else {}


def _live_projects(**lookup) -> list[int]:
    return _ids(ProjectPage.objects.live().filter(**lookup).distinct())


def _district(district: District) -> Targets:
    return _targets((ProjectPage, _live_projects(districts=district)))


def _region(region: Region) -> Targets:
    return _targets(
        (ProjectPage, _live_projects(districts__region=region)),
        (EventPage, _ids(EventPage.objects.live().filter(region=region))),
    )


def _field_of_action(field: FieldOfAction) -> Targets:
    return _targets(
        (ProjectPage, _live_projects(fields_of_action=field)),
        (ArticlePage, _ids(ArticlePage.objects.live().filter(fields_of_action=field))),
    )


def _target_group(group: TargetGroup) -> Targets:
    return _targets((ProjectPage, _live_projects(target_groups=group)))


def _category(category: OfferNeedCategory) -> Targets:
    offers = _live_projects(offers__category=category)
    needs = _live_projects(needs__category=category)
    return _targets((ProjectPage, [*offers, *needs]))


def _organisation_type(kind: OrganisationType) -> Targets:
    initiatives = list(InitiativePage.objects.live().filter(organisation_type=kind))
    projects: set[int] = set()
    for initiative in initiatives:
        projects.update(_ids(ProjectPage.objects.descendant_of(initiative)))
    return _targets(
        (InitiativePage, [initiative.pk for initiative in initiatives]),
        (ProjectPage, projects),
    )


def _tag(tag: Tag) -> Targets:
    tagged = ProjectPageTag.objects.filter(tag=tag).values_list(
        "content_object_id", flat=True
    )
    return _targets((ProjectPage, tagged))


def _tagged_item(item: ProjectPageTag) -> Targets:
    return _targets((ProjectPage, [item.content_object_id]))


RULES = {
    District: _district,
    Region: _region,
    FieldOfAction: _field_of_action,
    TargetGroup: _target_group,
    OfferNeedCategory: _category,
    OrganisationType: _organisation_type,
    Tag: _tag,
    ProjectPageTag: _tagged_item,
    PageViewRestriction: _restriction,
}
"""Models other than pages whose rows documents are built from."""


def affected(instance: Model) -> Targets:
    """The documents (``(app_label, model_name)`` → ids) that must be
    re-synced because ``instance`` changed: a page (itself; an initiative's
    projects too), a view restriction (the pages at and below it), a
    vocabulary term, a tag or a tagged item (the pages using it). Images are
    part of no document: the pages showing them follow through the page
    cache (``kb.page_cache``)."""
    if instance.pk is None:
        return {}
    if isinstance(instance, Page):
        return _page(instance)
    rule = RULES.get(type(instance))
    return rule(instance) if rule else {}


def merge(*groups: Targets) -> Targets:
    found: Targets = defaultdict(set)
    for group in groups:
        for key, ids in group.items():
            found[key].update(ids)
    return dict(found)
