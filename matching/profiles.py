"""Reading published projects into scoring profiles with a fixed number of
queries, whatever the number of projects."""

from __future__ import annotations

from collections.abc import Iterable

from django.apps import apps
from django.utils.html import strip_tags
from wagtail.models import Page

from . import text as textsim
from .scoring import OfferNeed, Profile

PRACTICE_FIELDS = ("starting_point", "goals", "approach", "results", "transferability")


def public_projects():
    """Live projects without view restrictions: what the public sees."""
    project_model = apps.get_model("projects", "ProjectPage")
    return project_model.objects.live().public()


def _strings(value) -> Iterable[str]:
    """Every string inside StreamField raw data, without rendering blocks."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def project_text(page) -> str:
    raw = page.description.raw_data if page.description else []
    parts = [page.title, page.teaser, strip_tags(" ".join(_strings(list(raw))))]
    parts += [strip_tags(getattr(page, name) or "") for name in PRACTICE_FIELDS]
    parts += [tag.name for tag in page.tags.all()]
    return " ".join(part for part in parts if part)


def _initiative_ids(pages) -> dict[str, int]:
    """Parent path → initiative id, in one query for all pages."""
    initiative_model = apps.get_model("projects", "InitiativePage")
    parents = {page.path[: -Page.steplen] for page in pages}
    rows = initiative_model.objects.filter(path__in=parents).values_list("path", "id")
    return dict(rows)


def load_profiles(ids: Iterable[int] | None = None) -> dict[int, Profile]:
    """Profiles of the given (or all) public projects, without text vectors."""
    queryset = public_projects().prefetch_related(
        "districts__region",
        "fields_of_action",
        "target_groups",
        "tags",
        "offers__category",
        "needs__category",
    )
    if ids is not None:
        queryset = queryset.filter(pk__in=list(ids))
    pages = list(queryset)
    initiatives = _initiative_ids(pages)
    profiles = {}
    for page in pages:
        districts = list(page.districts.all())
        profiles[page.pk] = Profile(
            id=page.pk,
            title=page.title,
            initiative_id=initiatives.get(page.path[: -Page.steplen]),
            fields={f.slug: f.name for f in page.fields_of_action.all()},
            target_groups={t.slug: t.name for t in page.target_groups.all()},
            tags={t.name.lower(): t.name for t in page.tags.all()},
            districts={d.ags: str(d) for d in districts},
            regions={d.region.slug: d.region.name for d in districts},
            location=page.location,
            statewide=page.statewide,
            offers=tuple(_offer_need(row) for row in page.offers.all()),
            needs=tuple(_offer_need(row) for row in page.needs.all()),
            text=project_text(page),
        )
    return profiles


def _offer_need(row) -> OfferNeed:
    category = row.category
    return OfferNeed(
        category=category.slug if category else None,
        category_label=category.name if category else "",
        text=row.text,
    )


def vectorise(profiles: Iterable[Profile], idf: dict[str, float] | None = None):
    """Give every profile its TF-IDF vector; the idf comes from these profiles
    unless one is passed in. Returns the idf used."""
    profiles = list(profiles)
    counted = []
    for profile in profiles:
        counts, surface = textsim.term_counts(profile.text)
        profile.surface = surface
        counted.append(counts)
    if idf is None:
        idf = textsim.idf_table(counted)
    for profile, counts in zip(profiles, counted, strict=True):
        profile.vector = textsim.tfidf(counts, idf)
    return idf
