"""Reading published projects into scoring profiles with a fixed number of
light queries (plain rows, no page instances), whatever the number of
projects."""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable

from django.apps import apps
from django.db.models import Exists, OuterRef, TextField
from django.db.models.functions import Cast, Length, Substr
from wagtail.models import Page

from . import text as textsim
from .scoring import OfferNeed, Profile

PRACTICE_FIELDS = ("starting_point", "goals", "approach", "results", "transferability")
# Rich text here is Wagtail's own well-formed HTML; a regex is far cheaper than
# Django's parser-based strip_tags over 10 000 projects.
_TAG = re.compile(r"<[^>]*>")


def public_projects():
    """Live projects without view restrictions: what the public sees."""
    project_model = apps.get_model("projects", "ProjectPage")
    return project_model.objects.live().public()


def public_ids(ids: Iterable[int]) -> set[int]:
    """Which of these pages the public sees now, in one query (``public()``
    costs a second one for the view restrictions). Candidates come from the
    index, which may lag behind an unpublish by a moment."""
    ids = list(ids)
    if not ids:
        return set()
    restriction_model = apps.get_model("wagtailcore", "PageViewRestriction")
    restricted = restriction_model.objects.filter(
        page__path=Substr(OuterRef("path"), 1, Length("page__path"))
    )
    live = Page.objects.filter(pk__in=ids, live=True).exclude(Exists(restricted))
    return set(live.order_by().values_list("pk", flat=True))


def _strings(value) -> Iterable[str]:
    """Every string inside StreamField raw data, without rendering blocks.

    A block's ``id`` (a random UUID) and ``type`` are no content: the UUIDs'
    letter runs made the fallback's idf, and so its scores, differ between
    two loads of the same content."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        block = "value" in value
        for key, item in value.items():
            if block and key in ("id", "type"):
                continue
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def _strip(html: str) -> str:
    return _TAG.sub(" ", html) if "<" in html else html


def _raw_stream(value) -> list:
    """StreamField raw data from its JSON text."""
    if not value:
        return []
    try:
        data = json.loads(value)
    except ValueError:
        return []
    return data if isinstance(data, list) else []


def project_text(row: dict, tags: Iterable[str]) -> str:
    """Title, teaser, description, practice texts and tags as one text."""
    description = " ".join(_strings(_raw_stream(row["description_json"])))
    parts = [row["title"], row["teaser"], _strip(description)]
    parts += [_strip(row[name] or "") for name in PRACTICE_FIELDS]
    parts += list(tags)
    return " ".join(part for part in parts if part)


def _grouped(rows) -> dict[int, list]:
    grouped: dict[int, list] = defaultdict(list)
    for page_id, value in rows:
        grouped[page_id].append(value)
    return grouped


def _filtered(queryset, column: str, ids: list[int] | None):
    return queryset if ids is None else queryset.filter(**{f"{column}__in": ids})


def _initiative_ids(paths: Iterable[str]) -> dict[str, int]:
    """Parent path → initiative id, in one query for all pages."""
    initiative_model = apps.get_model("projects", "InitiativePage")
    parents = {path[: -Page.steplen] for path in paths}
    rows = initiative_model.objects.filter(path__in=parents).values_list("path", "id")
    return dict(rows)


def load_profiles(ids: Iterable[int] | None = None) -> dict[int, Profile]:
    """Profiles of the given (or all) public projects, without text vectors.

    Plain rows only: building Wagtail page instances and their prefetch caches
    cost ~5 ms per project, the rows a few µs."""
    project_model = apps.get_model("projects", "ProjectPage")
    wanted = None if ids is None else list(ids)
    if wanted is not None and not wanted:
        return {}
    rows = list(
        _filtered(public_projects(), "pk", wanted)
        .order_by()
        .annotate(description_json=Cast("description", TextField()))
        .values(
            "pk",
            "title",
            "path",
            "teaser",
            "description_json",
            "lat",
            "lon",
            "statewide",
            *PRACTICE_FIELDS,
        )
    )
    if not rows:
        return {}
    found = [row["pk"] for row in rows]
    key = None if wanted is None else found

    def links(manager_name: str, *columns: str, order_by: str = "pk"):
        through = getattr(project_model, manager_name).through
        rows = _filtered(through.objects.order_by(order_by), "projectpage_id", key)
        return _grouped(
            (page_id, values)
            for page_id, *values in rows.values_list("projectpage_id", *columns)
        )

    fields = links("fields_of_action", "fieldofaction__slug", "fieldofaction__name")
    groups = links("target_groups", "targetgroup__slug", "targetgroup__name")
    # Ordered like District (by name): the first district places a project.
    districts = links(
        "districts",
        "district__ags",
        "district__name",
        "district__kind",
        "district__region__slug",
        "district__region__name",
        "district__lat",
        "district__lon",
        order_by="district__name",
    )
    tag_model = apps.get_model("projects", "ProjectPageTag")
    tags = _grouped(
        _filtered(tag_model.objects.order_by(), "content_object_id", key).values_list(
            "content_object_id", "tag__name"
        )
    )
    offers = _offer_needs("ProjectOffer", key)
    needs = _offer_needs("ProjectNeed", key)
    initiatives = _initiative_ids(row["path"] for row in rows)
    profiles = {}
    for row in rows:
        pk = row["pk"]
        place = districts.get(pk, ())
        location = None
        if row["lat"] is not None and row["lon"] is not None:
            location = (row["lat"], row["lon"])
        elif place:
            location = (place[0][5], place[0][6])
        tag_names = sorted(tags.get(pk, ()))
        profiles[pk] = Profile(
            id=pk,
            title=row["title"],
            initiative_id=initiatives.get(row["path"][: -Page.steplen]),
            fields=dict(fields.get(pk, ())),
            target_groups=dict(groups.get(pk, ())),
            tags={name.lower(): name for name in tag_names},
            districts={d[0]: _district_label(d[1], d[2]) for d in place},
            regions={d[3]: d[4] for d in place},
            location=location,
            statewide=row["statewide"],
            offers=tuple(offers.get(pk, ())),
            needs=tuple(needs.get(pk, ())),
            text=project_text(row, tag_names),
        )
    return profiles


def _district_label(name: str, kind: str) -> str:
    district_model = apps.get_model("kb", "District")
    return str(district_model(name=name, kind=kind))


def _offer_needs(model_name: str, ids: list[int] | None) -> dict[int, list[OfferNeed]]:
    model = apps.get_model("projects", model_name)
    rows = _filtered(model.objects.order_by("sort_order", "pk"), "page_id", ids)
    grouped: dict[int, list[OfferNeed]] = defaultdict(list)
    columns = ("page_id", "category__slug", "category__name", "text")
    for page_id, slug, label, text in rows.values_list(*columns):
        grouped[page_id].append(
            OfferNeed(category=slug, category_label=label or "", text=text)
        )
    return grouped


def vectorise(profiles: Iterable[Profile], idf: dict[str, float] | None = None):
    """Give every profile its TF-IDF vector; the idf comes from these profiles
    unless one is passed in. Returns the idf used."""
    profiles = list(profiles)
    counted = []
    for profile in profiles:
        if profile.counts is None:
            profile.counts, profile.surface = textsim.term_counts(profile.text)
        counted.append(profile.counts)
    if idf is None:
        idf = textsim.idf_table(counted)
    for profile, counts in zip(profiles, counted, strict=True):
        profile.vector = textsim.tfidf(counts, idf)
    return idf
