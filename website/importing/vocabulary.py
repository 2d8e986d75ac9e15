"""Looking up taxonomy terms by slug, name or official key, loaded once per run."""

from __future__ import annotations

from collections import defaultdict

from django.db.models import Model

from kb.taxonomy import (
    District,
    FieldOfAction,
    OfferNeedCategory,
    OrganisationType,
    TargetGroup,
)


def _key(text: str) -> str:
    return " ".join(text.casefold().split())


class TermLookup:
    """Slug or name (case-insensitive) of one vocabulary snippet."""

    def __init__(self, model: type[Model], label: str) -> None:
        self.label = label
        self._by_key: dict[str, Model] = {}
        for term in model.objects.all():
            self._by_key.setdefault(_key(term.name), term)
            self._by_key[_key(term.slug)] = term

    def find(self, value: str) -> Model:
        term = self._by_key.get(_key(value))
        if term is None:
            raise ValueError(
                f"{self.label} „{value}“ ist unbekannt (Kürzel oder Bezeichnung "
                "angeben)."
            )
        return term


class DistrictLookup:
    """Official key (``03351``), name (``Celle``) or full name (``Landkreis
    Celle``). A name shared by a city and a Landkreis (Osnabrück) needs the key."""

    def __init__(self) -> None:
        self._by_ags: dict[str, District] = {}
        self._by_name: dict[str, list[District]] = defaultdict(list)
        for district in District.objects.all():
            self._by_ags[district.ags] = district
            self._by_name[_key(district.name)].append(district)
            self._by_name[_key(district.slug)].append(district)
            full = _key(f"{district.kind} {district.name}")
            if full != _key(district.name):
                self._by_name[full].append(district)

    def find(self, value: str) -> District:
        text = value.strip()
        if text.isdigit():
            district = self._by_ags.get(text.zfill(5))
            if district is None:
                raise ValueError(f"Kreisschlüssel „{value}“ ist unbekannt.")
            return district
        candidates = sorted(set(self._by_name.get(_key(text), [])), key=lambda d: d.ags)
        if not candidates:
            raise ValueError(
                f"Landkreis „{value}“ ist unbekannt (Kreisschlüssel oder Name angeben)."
            )
        if len(candidates) > 1:
            options = ", ".join(f"{d.ags} ({d.kind})" for d in candidates)
            raise ValueError(
                f"„{value}“ ist mehrdeutig: {options}; "
                "bitte den Kreisschlüssel angeben."
            )
        return candidates[0]


class Vocabulary:
    def __init__(self) -> None:
        self.districts = DistrictLookup()
        self.fields = TermLookup(FieldOfAction, "Handlungsfeld")
        self.target_groups = TermLookup(TargetGroup, "Zielgruppe")
        self.categories = TermLookup(OfferNeedCategory, "Kategorie")
        self.organisation_types = TermLookup(OrganisationType, "Organisationsart")
