"""Facet names, labels and the geography behind ``near``."""

from __future__ import annotations

from django.apps import apps
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .memo import Memo
from .query import FILTER_KEYS, QueryError

FACET_TITLES = {
    "region": _("Region"),
    "district": _("Landkreis / Stadt"),
    "field": _("Handlungsfeld"),
    "target_group": _("Zielgruppe"),
    "offer": _("Angebot"),
    "need": _("Bedarf"),
    "status": _("Stand"),
    "organisation_type": _("Organisationsart"),
    "tag": _("Schlagwort"),
}
TAG_FACET_SIZE = 20
FACET_SIZE = 100
_VOCABULARY = {
    "region": ("kb", "Region", "slug"),
    "district": ("kb", "District", "ags"),
    "field": ("kb", "FieldOfAction", "slug"),
    "target_group": ("kb", "TargetGroup", "slug"),
    "offer": ("kb", "OfferNeedCategory", "slug"),
    "need": ("kb", "OfferNeedCategory", "slug"),
    "organisation_type": ("kb", "OrganisationType", "slug"),
}


def _status_labels() -> dict[str, str]:
    from projects.models.project import ProjectStatus

    return dict(ProjectStatus.choices)


def _load_labels() -> dict[str, dict[str, str]]:
    result: dict[str, dict[str, str]] = {"status": _status_labels(), "tag": {}}
    loaded: dict[tuple[str, str, str], dict[str, str]] = {}
    for facet, spec in _VOCABULARY.items():
        if spec not in loaded:
            model = apps.get_model(spec[0], spec[1])
            loaded[spec] = {
                str(key): name
                for key, name in model.objects.values_list(spec[2], "name")
            }
        result[facet] = loaded[spec]
    return result


def _load_seats() -> dict[str, tuple[float, float]]:
    District = apps.get_model("kb", "District")
    return {
        ags: (lat, lon)
        for ags, lat, lon in District.objects.values_list("ags", "lat", "lon")
    }


_labels = Memo(_load_labels)
_seats = Memo(_load_seats)


def labels() -> dict[str, dict[str, str]]:
    """value → label per facet, from the in-process copy of this content
    version (``search.memo``)."""
    return _labels.get()


def seats() -> dict[str, tuple[float, float]]:
    """Official district key → seat (lat, lon)."""
    return _seats.get()


def build_facets(
    counts: dict[str, dict[str, int]], selected: dict[str, tuple[str, ...]]
) -> dict[str, list[dict]]:
    """Facet lists in the API shape; selected values stay even at count 0."""
    names = labels()
    facets: dict[str, list[dict]] = {}
    for facet in FILTER_KEYS:
        values = dict(counts.get(facet, {}))
        for value in selected.get(facet, ()):
            values.setdefault(value, 0)
        facet_labels = names.get(facet, {})
        items = [
            {"value": value, "label": facet_labels.get(value, value), "count": count}
            for value, count in values.items()
            if value not in (None, "")
        ]
        items.sort(key=lambda item: (-item["count"], item["label"].casefold()))
        if facet == "tag":
            chosen = set(selected.get("tag", ()))
            items = [i for i in items if i["value"] in chosen] + [
                i for i in items if i["value"] not in chosen
            ][:TAG_FACET_SIZE]
        facets[facet] = items
    return facets


def district_seat(ags: str) -> tuple[float, float]:
    seat = seats().get(ags)
    if seat is None:
        raise QueryError(gettext("Diesen Kreisschlüssel (near) gibt es nicht."))
    return seat
