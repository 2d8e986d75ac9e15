"""Turning project pages back into rows of the import schema."""

from __future__ import annotations

from collections.abc import Iterable

from projects.models import InitiativePage, ProjectPage

from .text import html_to_text

PRACTICE_KEYS = ("goals", "approach", "results", "obstacles", "transferability")


def export_rows(projects: Iterable[ProjectPage] | None = None) -> list[dict]:
    """One row per project; live pages as published, drafts as last saved."""
    if projects is None:
        projects = ProjectPage.objects.order_by("path")
    return [project_row(project) for project in projects]


def _content(project: ProjectPage) -> ProjectPage:
    if project.live:
        return project
    return project.get_latest_revision_as_object()


def _description_text(project: ProjectPage) -> str:
    # Raw block data: no query for images or documents in the stream.
    parts = []
    for block in project.description.raw_data:
        if block["type"] == "text":
            parts.append(html_to_text(block["value"]))
        elif block["type"] == "quote":
            parts.append(block["value"]["quote"])
    return "\n\n".join(part for part in parts if part)


def _initiative_of(page: ProjectPage) -> InitiativePage | None:
    parent = page.get_parent().specific
    return parent if isinstance(parent, InitiativePage) else None


def _listed(project: ProjectPage, name: str, related: dict | None) -> list:
    """A relation's objects, from ``related`` when the caller loaded it."""
    if related is None:
        return list(getattr(project, name).all())
    return related[name].get(project.pk, [])


def project_row(
    page: ProjectPage,
    initiatives: dict[str, InitiativePage] | None = None,
    related: dict[str, dict[int, list]] | None = None,
) -> dict:
    """The import-schema record of a page. A caller that has loaded the
    initiatives above many pages passes them by path: a page whose parent is
    not among them (a project right below the project index) has none, with
    no query to find that out. ``related`` is what
    ``search.relations.load_relations`` loaded for many live pages (a draft's
    relations live in its revision)."""
    project = _content(page)
    if related is not None and not page.live:
        raise ValueError("Loaded relations are a live page's, not a draft's.")
    if initiatives is None:
        initiative = _initiative_of(page)
    else:
        initiative = initiatives.get(page.path[: -ProjectPage.steplen])
    row = {
        "external_id": page.external_id,
        "title": project.title,
        "teaser": project.teaser,
        "description": _description_text(project),
        "organisation": initiative.title if initiative else "",
        "organisation_type": (
            initiative.organisation_type.slug
            if initiative and initiative.organisation_type
            else ""
        ),
        "place": project.place,
        "districts": sorted(d.ags for d in _listed(project, "districts", related)),
        "statewide": project.statewide,
        "lat": project.lat,
        "lon": project.lon,
        "fields": sorted(f.slug for f in _listed(project, "fields_of_action", related)),
        "target_groups": sorted(
            t.slug for t in _listed(project, "target_groups", related)
        ),
        "offers": _offer_needs(_listed(project, "offers", related)),
        "needs": _offer_needs(_listed(project, "needs", related)),
        "tags": sorted(tag.name for tag in _listed(project, "tags", related)),
        "status": project.status,
        "start_date": project.start_date.isoformat() if project.start_date else "",
        "end_date": project.end_date.isoformat() if project.end_date else "",
    }
    for key in PRACTICE_KEYS:
        row[key] = html_to_text(getattr(project, key))
    row.update(
        website=project.website,
        contact_name=project.contact_name,
        contact_email=project.contact_email,
        contact_phone=project.contact_phone,
        source_url=project.source_url,
        featured=project.featured,
        publish=page.live,
    )
    return row


def _offer_needs(items) -> list[dict]:
    return [
        {"category": item.category.slug if item.category else "", "text": item.text}
        for item in items
    ]
