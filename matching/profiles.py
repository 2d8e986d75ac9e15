"""Reading published projects into scoring profiles with a fixed number of
light queries (plain rows, no page instances), whatever the number of
projects."""

from __future__ import annotations

import json
import math
import re
from collections import defaultdict
from collections.abc import Iterable

from django.apps import apps
from django.db.models import Exists, OuterRef, TextField
from django.db.models.functions import Cast, Length, Substr
from wagtail.models import Page

from search.offers import implied_offers

from . import text as textsim
from . import topics
from .scoring.profile import OfferNeed, Profile

PRACTICE_FIELDS = ("starting_point", "goals", "approach", "results", "transferability")
# Implied offers per project at most (the sentences of a long description).
MAX_IMPLIED = 6
# Terms in more than this share of the projects are too common to be named
# as a reason (and weigh little in every vector anyway).
COMMON_SHARE = 0.2
COMMON_FLOOR = 5
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


def _initiative_ids(paths: Iterable[str]) -> dict[str, tuple[int, str]]:
    """Parent path → (initiative id, title), in one query for all pages."""
    initiative_model = apps.get_model("projects", "InitiativePage")
    parents = {path[: -Page.steplen] for path in paths}
    rows = initiative_model.objects.filter(path__in=parents)
    return {
        path: (pk, title) for path, pk, title in rows.values_list("path", "id", "title")
    }


def load_profiles(ids: Iterable[int] | None = None) -> dict[int, Profile]:
    """Profiles of the given (or all) public projects, without text vectors.

    Plain rows only: building Wagtail page instances and their prefetch caches
    cost a thousand times what the rows cost."""
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
        initiative_id, organisation = initiatives.get(
            row["path"][: -Page.steplen], (None, "")
        )
        profiles[pk] = Profile(
            id=pk,
            title=row["title"],
            initiative_id=initiative_id,
            organisation=organisation,
            fields=dict(fields.get(pk, ())),
            target_groups=dict(groups.get(pk, ())),
            tags={name.lower(): name for name in tag_names},
            districts={d[0]: _district_label(d[1], d[2]) for d in place},
            regions={d[3]: d[4] for d in place},
            location=location,
            statewide=row["statewide"],
            offers=(*offers.get(pk, ()), *_implied(row)),
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
    columns = ("page_id", "category__slug", "category__name", "text", "category_source")
    expand = model_name == "ProjectNeed"
    for page_id, slug, label, text, source in rows.values_list(*columns):
        grouped[page_id].append(
            OfferNeed(
                category=slug,
                category_label=label or "",
                text=text,
                terms=topics.short_terms(text, expand=expand),
                groups=topics.term_groups(text, expand=expand),
                by_person=source != "inferred",
            )
        )
    return grouped


def _implied(row: dict) -> list[OfferNeed]:
    """Offers the teaser and description state ("wir bieten …")."""
    description = _strip(" ".join(_strings(_raw_stream(row["description_json"]))))
    found = implied_offers(row["teaser"] or "") + implied_offers(description)
    return [
        OfferNeed(
            None,
            "",
            text,
            terms=topics.short_terms(text),
            groups=topics.term_groups(text),
            implied=True,
        )
        for text in found[:MAX_IMPLIED]
    ]


def vectorise(profiles: Iterable[Profile], idf: dict[str, float] | None = None):
    """Give every profile its TF-IDF vector; the idf comes from these profiles
    unless one is passed in. Returns the idf used.

    The vector also holds the profile's related terms (synonyms its text
    does not hold), weighed by an idf that counts them; the offer and need
    weights and the common terms come from the text alone."""
    profiles = list(profiles)
    counted = []
    for profile in profiles:
        if profile.counts is None:
            count_terms(profile)
        counted.append(profile.counts)
    widened = [
        {**profile.related, **counts} if profile.related else counts
        for profile, counts in zip(profiles, counted, strict=True)
    ]
    if idf is None:
        idf = textsim.idf_table(counted)
        vector_idf = textsim.idf_table(widened)
    else:
        vector_idf = idf
    common = common_idf(idf, len(counted))
    rare = max(idf.values(), default=1.0)
    for profile, counts, terms in zip(profiles, counted, widened, strict=True):
        profile.vector = textsim.tfidf(terms, vector_idf)
        profile.common = frozenset(t for t in counts if idf.get(t, rare) < common)
        profile.weighted = {}
        profile.term_weights = {
            term: idf.get(term, rare)
            for item in (*profile.offers, *profile.needs)
            for term in item.terms
        }
    return idf


def count_terms(profile: Profile) -> Profile:
    """Topical term counts of the profile's text, without the words of its
    organisation's name."""
    excluded = topics.organisation_stems(profile.organisation)
    profile.counts, profile.surface = topics.term_counts(profile.text, excluded)
    profile.related = topics.related_terms(profile.text, profile.counts)
    return profile


def common_terms(idf: dict[str, float], documents: int) -> frozenset[str]:
    """The terms of ``idf`` in more than ``COMMON_SHARE`` of the documents."""
    threshold = common_idf(idf, documents)
    return frozenset(term for term, value in idf.items() if value < threshold)


def common_idf(idf: dict[str, float], documents: int) -> float:
    """The idf of a term in ``COMMON_SHARE`` of the documents (at least in
    ``COMMON_FLOOR``): terms below it are too common to name."""
    df = max(COMMON_FLOOR, documents * COMMON_SHARE)
    return math.log((1 + documents) / (1 + df)) + 1.0
