"""Open-data export: any search result as CSV or JSON in the import schema.

The site layer sits above search, so this module may use the search backends."""

from __future__ import annotations

import csv
import io
import json
import time
from collections.abc import Iterable

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse, QueryDict
from django.utils.translation import gettext
from django.views.decorators.http import require_GET

from kb.antispam import is_rate_limited
from kb.page_urls import full_page_url, site_root_paths
from projects.models import InitiativePage, ProjectPage
from search.backends import result_ids
from search.query import MAX_PAGE_SIZE, QueryError, parse_query
from search.relations import load_relations
from website.importing.export import project_row
from website.importing.schema import KEYS

MAX_ROWS = 1000
# Projects loaded per round; the time budget is checked between rounds.
CHUNK = 100
COLUMNS = (*KEYS, "url")
# Bulk exports carry no personal data: a contact person agreed (at most) to
# be named on the project's own page (docs/privacy.md).
PERSONAL_KEYS = ("contact_name", "contact_email", "contact_phone")
# Spreadsheet programs run a cell that starts with one of these as a formula.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: str) -> str:
    """Prefix a would-be formula with an apostrophe; plain numbers stay numbers."""
    if not value.startswith(FORMULA_PREFIXES):
        return value
    try:
        float(value)
    except ValueError:
        return "'" + value
    return value


def _projects(ids: list[int]) -> list[ProjectPage]:
    pages = ProjectPage.objects.live().public().filter(pk__in=ids)
    by_id = {page.pk: page for page in pages}
    return [by_id[pk] for pk in ids if pk in by_id]


def _initiatives(projects: list[ProjectPage]) -> dict[str, InitiativePage]:
    steplen = ProjectPage.steplen
    parent_paths = {page.path[:-steplen] for page in projects}
    return {
        initiative.path: initiative
        for initiative in InitiativePage.objects.filter(
            path__in=parent_paths
        ).select_related("organisation_type")
    }


def project_rows(projects: list[ProjectPage], request: HttpRequest) -> list[dict]:
    """One import-schema record per live project (lists as lists), plus its
    URL. The relations come as the search documents load them, one query per
    relation: prefetching through the managers took half of a long export."""
    initiatives = _initiatives(projects)
    related = load_relations([page.pk for page in projects])
    roots = site_root_paths(request)
    rows = []
    for page in projects:
        row = project_row(page, initiatives, related)
        row.update(dict.fromkeys(PERSONAL_KEYS, ""))
        row["external_id"] = page.external_id or f"npa-{page.pk}"
        row["url"] = full_page_url(page.url_path, roots, request)
        rows.append(row)
    return rows


def _result_ids(params: QueryDict) -> list[int]:
    """The result's first ``MAX_ROWS`` ids in the order of its pages of the
    largest size, whatever page or size the link carries."""
    params = params.copy()
    params["size"] = str(MAX_PAGE_SIZE)
    params["page"] = "1"
    return result_ids(parse_query(params), MAX_ROWS)


def _csv_cell(value: object) -> str | float | int:
    if isinstance(value, bool):
        return "ja" if value else "nein"
    if value is None:
        return ""
    if isinstance(value, (int, float)):
        return value
    if isinstance(value, list):
        texts = [item["text"] if isinstance(item, dict) else item for item in value]
        return neutralise("; ".join(str(text) for text in texts))
    return neutralise(str(value))


def write_csv(rows: Iterable[dict]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(COLUMNS)
    for row in rows:
        writer.writerow([_csv_cell(row[key]) for key in COLUMNS])
    return buffer.getvalue()


class _Refused(Exception):
    """An export that is not made: the status and the message for the user."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status
        self.message = message


def _rows(request: HttpRequest) -> list[dict]:
    # An export runs a search per page and loads up to 1,000 projects: per
    # address, a few dozen an hour are plenty for people and scripts alike.
    if is_rate_limited(request, "export", per_ip=settings.EXPORT_RATE_LIMIT):
        raise _Refused(
            429,
            gettext(
                "Von Ihrem Anschluss kamen in kurzer Zeit zu viele Exporte. "
                "Bitte versuchen Sie es in einer Stunde erneut."
            ),
        )
    deadline = time.monotonic() + settings.EXPORT_TIME_BUDGET
    try:
        ids = _result_ids(request.GET)
    except QueryError as error:
        raise _Refused(400, str(error)) from error
    rows = []
    for start in range(0, len(ids), CHUNK):
        _check_budget(deadline)
        rows += project_rows(_projects(ids[start : start + CHUNK]), request)
    _check_budget(deadline)
    return rows


def _check_budget(deadline: float) -> None:
    """A half export looks like a whole one to the program reading it, so
    an export over its time budget is refused rather than cut short."""
    if time.monotonic() > deadline:
        raise _Refused(
            503,
            gettext(
                "Der Export dauert gerade zu lange. Bitte versuchen Sie es in "
                "einer Minute erneut oder grenzen Sie die Suche ein."
            ),
        )


def _with_retry(response: HttpResponse, refused: _Refused) -> HttpResponse:
    if refused.status == 429:
        response["Retry-After"] = "3600"
    elif refused.status == 503:
        response["Retry-After"] = "60"
    return response


@require_GET
def export_csv(request: HttpRequest) -> HttpResponse:
    try:
        rows = _rows(request)
    except _Refused as refused:
        response = HttpResponse(
            refused.message,
            status=refused.status,
            content_type="text/plain; charset=utf-8",
        )
        return _with_retry(response, refused)
    # The byte order mark makes spreadsheet programs read UTF-8 correctly.
    response = HttpResponse(
        "\ufeff" + write_csv(rows), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = 'attachment; filename="projekte.csv"'
    return response


@require_GET
def export_json(request: HttpRequest) -> HttpResponse:
    try:
        rows = _rows(request)
    except _Refused as refused:
        response = JsonResponse({"error": refused.message}, status=refused.status)
        return _with_retry(response, refused)
    response = HttpResponse(
        json.dumps(rows, ensure_ascii=False, indent=1),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = 'attachment; filename="projekte.json"'
    return response
