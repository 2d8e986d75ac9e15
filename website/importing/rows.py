"""Checking one raw row of a file and turning it into typed values."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, URLValidator
from django.utils import translation

from kb.taxonomy import (
    District,
    FieldOfAction,
    OfferNeedCategory,
    OrganisationType,
    TargetGroup,
)
from projects.models import ProjectStatus

from .schema import (
    BOOL_KEYS,
    TEXT_LIMITS,
    is_empty,
    parse_bool,
    parse_coordinate,
    parse_date,
    parse_list,
    parse_text,
)
from .vocabulary import Vocabulary

# The import schema is German whatever the UI language: the labels are read
# once, as plain German strings (the choices are translatable).
with translation.override("de"):
    STATUS_ALIASES = {
        **{choice.value: choice.value for choice in ProjectStatus},
        **{str(choice.label): choice.value for choice in ProjectStatus},
    }
_EMAIL = EmailValidator()
_URL = URLValidator(schemes=["http", "https"])


@dataclass
class RowError:
    row: int
    key: str
    message: str

    def __str__(self) -> str:
        where = f"Zeile {self.row}"
        if self.key:
            where += f", Feld „{self.key}“"
        return f"{where}: {self.message}"


@dataclass
class OfferNeed:
    category: OfferNeedCategory | None
    text: str


@dataclass
class ProjectRecord:
    """A checked row: every value typed, every term resolved."""

    row: int
    external_id: str
    title: str
    teaser: str = ""
    description: str = ""
    organisation: str = ""
    organisation_type: OrganisationType | None = None
    place: str = ""
    districts: list[District] = field(default_factory=list)
    statewide: bool = False
    lat: float | None = None
    lon: float | None = None
    fields: list[FieldOfAction] = field(default_factory=list)
    target_groups: list[TargetGroup] = field(default_factory=list)
    offers: list[OfferNeed] = field(default_factory=list)
    needs: list[OfferNeed] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    status: str = ProjectStatus.ACTIVE
    start_date: datetime.date | None = None
    end_date: datetime.date | None = None
    goals: str = ""
    approach: str = ""
    results: str = ""
    obstacles: str = ""
    transferability: str = ""
    website: str = ""
    contact_name: str = ""
    contact_email: str = ""
    contact_phone: str = ""
    source_url: str = ""
    featured: bool = False
    publish: bool = True


PLAIN_TEXT_KEYS = (
    "external_id",
    "title",
    "teaser",
    "description",
    "organisation",
    "place",
    "goals",
    "approach",
    "results",
    "obstacles",
    "transferability",
    "contact_name",
    "contact_phone",
)


class RowChecker:
    """Checks rows against the vocabulary loaded once for the whole file."""

    def __init__(self) -> None:
        self.vocabulary = Vocabulary()

    def check(self, row: int, raw: dict) -> tuple[ProjectRecord | None, list[RowError]]:
        errors: list[RowError] = []
        values: dict[str, object] = {}

        def attempt(key: str, parse) -> None:
            try:
                values[key] = parse(raw.get(key))
            except ValueError as exc:
                errors.append(RowError(row, key, str(exc)))

        for key in PLAIN_TEXT_KEYS:
            attempt(key, lambda value, key=key: self._text(key, value))
        for key in BOOL_KEYS:
            attempt(key, lambda value, key=key: parse_bool(value, key == "publish"))
        attempt("lat", lambda value: parse_coordinate(value, -90, 90))
        attempt("lon", lambda value: parse_coordinate(value, -180, 180))
        attempt("start_date", parse_date)
        attempt("end_date", parse_date)
        attempt("status", self._status)
        attempt("contact_email", self._email)
        attempt("website", self._url)
        attempt("source_url", self._url)
        attempt("tags", self._tags)
        vocabulary = self.vocabulary
        attempt(
            "organisation_type", lambda v: self._term(vocabulary.organisation_types, v)
        )
        attempt("districts", lambda v: self._terms(vocabulary.districts, v))
        attempt("fields", lambda v: self._terms(vocabulary.fields, v))
        attempt("target_groups", lambda v: self._terms(vocabulary.target_groups, v))
        attempt("offers", self._offers_needs)
        attempt("needs", self._offers_needs)
        self._check_together(row, values, errors)
        if errors:
            return None, errors
        return ProjectRecord(row=row, **values), []

    def _check_together(self, row: int, values: dict, errors: list[RowError]) -> None:
        if "title" in values and not values["title"]:
            errors.append(RowError(row, "title", "Der Titel fehlt."))
        if values.get("fields") == []:
            errors.append(
                RowError(row, "fields", "Mindestens ein Handlungsfeld ist nötig.")
            )
        if values.get("districts") == [] and values.get("statewide") is False:
            errors.append(
                RowError(
                    row,
                    "districts",
                    "Mindestens ein Landkreis ist nötig, oder „statewide“ auf ja.",
                )
            )
        if ("lat" in values and "lon" in values) and (
            (values["lat"] is None) != (values["lon"] is None)
        ):
            errors.append(
                RowError(row, "lon", "Breiten- und Längengrad nur gemeinsam angeben.")
            )
        start, end = values.get("start_date"), values.get("end_date")
        if start and end and end < start:
            errors.append(RowError(row, "end_date", "Das Ende liegt vor dem Beginn."))

    @staticmethod
    def _text(key: str, value: object) -> str:
        text = parse_text(value)
        limit = TEXT_LIMITS.get(key)
        if limit and len(text) > limit:
            raise ValueError(
                f"Der Text ist {len(text)} Zeichen lang, erlaubt sind {limit}."
            )
        return text

    @staticmethod
    def _status(value: object) -> str:
        if is_empty(value):
            return ProjectStatus.ACTIVE
        status = STATUS_ALIASES.get(parse_text(value).lower())
        if status is None:
            allowed = ", ".join(choice.value for choice in ProjectStatus)
            raise ValueError(f"„{value}“ ist kein gültiger Stand (erlaubt: {allowed}).")
        return status

    @staticmethod
    def _email(value: object) -> str:
        text = parse_text(value)
        if text:
            try:
                _EMAIL(text)
            except ValidationError:
                raise ValueError(
                    f"„{text}“ ist keine gültige E-Mail-Adresse."
                ) from None
        return text

    @staticmethod
    def _url(value: object) -> str:
        text = parse_text(value)
        if text:
            try:
                _URL(text)
            except ValidationError:
                raise ValueError(
                    f"„{text}“ ist keine gültige Adresse (http:// oder https://)."
                ) from None
        return text

    @staticmethod
    def _tags(value: object) -> list[str]:
        tags = parse_list(value)
        too_long = [tag for tag in tags if len(tag) > 100]
        if too_long:
            raise ValueError(f"Schlagwort „{too_long[0][:30]}…“ ist zu lang.")
        return list(dict.fromkeys(tags))

    @staticmethod
    def _term(lookup, value: object):
        text = parse_text(value)
        return lookup.find(text) if text else None

    @staticmethod
    def _terms(lookup, value: object) -> list:
        return list(dict.fromkeys(lookup.find(item) for item in parse_list(value)))

    def _offers_needs(self, value: object) -> list[OfferNeed]:
        if is_empty(value):
            return []
        if isinstance(value, str):
            return [self._plain_offer_need(text) for text in parse_list(value)]
        if not isinstance(value, list):
            raise ValueError("erwartet wird eine Liste von Einträgen.")
        result = []
        for item in value:
            if isinstance(item, str):
                result.append(self._plain_offer_need(item))
                continue
            if not isinstance(item, dict):
                raise ValueError(
                    'jeder Eintrag braucht die Form {"category": …, "text": …}.'
                )
            text = parse_text(item.get("text"))
            if not text:
                raise ValueError("Ein Eintrag hat keinen Text.")
            if len(text) > 300:
                raise ValueError(f"„{text[:30]}…“ ist länger als 300 Zeichen.")
            category_name = parse_text(item.get("category"))
            category = (
                self.vocabulary.categories.find(category_name)
                if category_name
                else None
            )
            result.append(OfferNeed(category, text))
        return result

    def _plain_offer_need(self, text: str) -> OfferNeed:
        """CSV cells hold plain texts; ``kategorie: text`` names a category."""
        prefix, colon, rest = text.partition(":")
        if colon and rest.strip():
            try:
                category = self.vocabulary.categories.find(prefix)
            except ValueError:
                category = None
            if category is not None:
                text = rest.strip()
        else:
            category = None
        if len(text) > 300:
            raise ValueError(f"„{text[:30]}…“ ist länger als 300 Zeichen.")
        return OfferNeed(category, text)
