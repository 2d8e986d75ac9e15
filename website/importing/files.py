"""Reading and writing JSON and CSV files of the import schema."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from .schema import CSV_LIST_SEPARATOR, KEYS, LIST_KEYS, OFFER_NEED_KEYS


class FileFormatError(Exception):
    """The file as a whole cannot be read; no row is imported."""


def file_format(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix not in {".json", ".csv"}:
        raise FileFormatError(
            f"„{path.name}“: nur .json- und .csv-Dateien werden unterstützt."
        )
    return suffix[1:]


def read_rows(path: Path) -> list[tuple[int, dict]]:
    """``(row number, raw dict)``: the list position in JSON (from 1), the line
    in CSV (the header is line 1)."""
    kind = file_format(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise FileFormatError(f"Die Datei „{path}“ gibt es nicht.") from None
    except UnicodeDecodeError:
        raise FileFormatError(f"„{path.name}“ ist nicht UTF-8-kodiert.") from None
    return _read_json(text) if kind == "json" else _read_csv(text)


def _read_json(text: str) -> list[tuple[int, dict]]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise FileFormatError(
            f"Kein gültiges JSON (Zeile {exc.lineno}, Spalte {exc.colno}): {exc.msg}"
        ) from None
    if not isinstance(data, list):
        raise FileFormatError("Die JSON-Datei muss eine Liste von Objekten sein.")
    return list(enumerate(data, start=1))


def _read_csv(text: str) -> list[tuple[int, dict]]:
    reader = csv.DictReader(io.StringIO(text))
    if not reader.fieldnames or "title" not in reader.fieldnames:
        raise FileFormatError("Die CSV-Datei braucht eine Kopfzeile mit „title“.")
    rows = []
    for raw in reader:
        if not any((value or "").strip() for value in raw.values() if value):
            continue
        rows.append((reader.line_num, {k: v for k, v in raw.items() if k}))
    return rows


def write_rows(path: Path, rows: list[dict]) -> None:
    if file_format(path) == "json":
        path.write_text(
            json.dumps(rows, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
        return
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=KEYS)
        writer.writeheader()
        for row in rows:
            writer.writerow({key: _csv_cell(key, row.get(key)) for key in KEYS})


def _csv_cell(key: str, value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nein"
    if key in LIST_KEYS:
        return CSV_LIST_SEPARATOR.join(_list_item(item) for item in value)
    if key in OFFER_NEED_KEYS:
        return CSV_LIST_SEPARATOR.join(
            _list_item(f"{item['category']}: {item['text']}")
            if item["category"]
            else _list_item(item["text"])
            for item in value
        )
    return str(value)


def _list_item(text: str) -> str:
    # A list cell has no escape for its separator.
    return text.replace(CSV_LIST_SEPARATOR, ",")
