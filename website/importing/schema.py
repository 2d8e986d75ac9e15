"""The keys of the import/export schema and how single values are parsed.

Parsers raise ``ValueError`` with a German message; the row checker adds the
row number and the key."""

from __future__ import annotations

import datetime

KEYS: tuple[str, ...] = (
    "external_id",
    "title",
    "teaser",
    "description",
    "organisation",
    "organisation_type",
    "place",
    "districts",
    "statewide",
    "lat",
    "lon",
    "fields",
    "target_groups",
    "offers",
    "needs",
    "tags",
    "status",
    "start_date",
    "end_date",
    "goals",
    "approach",
    "results",
    "obstacles",
    "transferability",
    "website",
    "contact_name",
    "contact_email",
    "contact_phone",
    "source_url",
    "featured",
    "publish",
)
LIST_KEYS = frozenset({"districts", "fields", "target_groups", "tags"})
OFFER_NEED_KEYS = frozenset({"offers", "needs"})
BOOL_KEYS = frozenset({"statewide", "featured", "publish"})
TEXT_LIMITS = {
    "external_id": 100,
    "title": 255,
    "teaser": 300,
    "organisation": 255,
    "place": 120,
    "contact_name": 120,
    "contact_phone": 40,
}
CSV_LIST_SEPARATOR = ";"

_TRUE = {"1", "true", "ja", "yes", "j", "y", "wahr", "x"}
_FALSE = {"0", "false", "nein", "no", "n", "falsch", ""}


def is_empty(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def parse_bool(value: object, default: bool) -> bool:
    if is_empty(value):
        return default
    if isinstance(value, bool):
        return value
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    text = str(value).strip().lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise ValueError(f"„{value}“ ist kein Wahrheitswert (ja/nein, true/false, 1/0).")


def parse_date(value: object) -> datetime.date | None:
    if is_empty(value):
        return None
    try:
        return datetime.date.fromisoformat(str(value).strip())
    except ValueError:
        raise ValueError(
            f"„{value}“ ist kein Datum im Format JJJJ-MM-TT (z. B. 2024-03-01)."
        ) from None


def parse_coordinate(value: object, low: float, high: float) -> float | None:
    if is_empty(value):
        return None
    if isinstance(value, bool):
        raise ValueError(f"„{value}“ ist keine Zahl.")
    try:
        number = float(str(value).strip().replace(",", "."))
    except ValueError:
        raise ValueError(f"„{value}“ ist keine Zahl.") from None
    if not low <= number <= high:
        raise ValueError(f"{number} liegt nicht zwischen {low:g} und {high:g}.")
    return number


def parse_list(value: object) -> list[str]:
    """A JSON list or a ``;``-separated string; empty items are dropped."""
    if is_empty(value):
        return []
    if isinstance(value, str):
        items = value.split(CSV_LIST_SEPARATOR)
    elif isinstance(value, list | tuple):
        items = value
    else:
        raise ValueError("erwartet wird eine Liste oder durch „;“ getrennter Text.")
    result = []
    for item in items:
        if not isinstance(item, str | int | float) or isinstance(item, bool):
            raise ValueError(f"„{item}“ ist kein Text.")
        text = str(item).strip()
        if text:
            result.append(text)
    return result


def parse_text(value: object) -> str:
    if is_empty(value):
        return ""
    if isinstance(value, dict | list | tuple | bool):
        raise ValueError("erwartet wird ein Text.")
    return str(value).strip()
