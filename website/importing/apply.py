"""Writing checked rows as initiative and project pages.

Each row runs in its own savepoint, so one failing row never takes the others
with it. Published rows go through ``revision.publish()``: the same signals, the
same search outbox as an editor's click on "Veröffentlichen"."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import DataError, transaction
from django.utils.text import slugify
from wagtail.models import Page

from projects.models import (
    InitiativeIndexPage,
    InitiativePage,
    ProjectIndexPage,
    ProjectNeed,
    ProjectOffer,
    ProjectPage,
)
from search.offer_categories import infer as infer_categories

from .rows import ProjectRecord, RowChecker, RowError
from .text import text_to_html

PRACTICE_KEYS = ("goals", "approach", "results", "obstacles", "transferability")
SCALAR_KEYS = (
    "teaser",
    "place",
    "statewide",
    "lat",
    "lon",
    "status",
    "start_date",
    "end_date",
    "website",
    "contact_name",
    "contact_email",
    "contact_phone",
    "source_url",
    "featured",
)


class SetupError(Exception):
    """The site lacks what every row needs (a home page)."""


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    initiatives_created: int = 0
    errors: list[RowError] = field(default_factory=list)
    rows: int = 0

    @property
    def failed_rows(self) -> int:
        return len({error.row for error in self.errors})


def import_rows(rows: list[tuple[int, dict]], *, dry_run: bool = False) -> ImportReport:
    """Import ``(row number, raw dict)`` pairs; a dry run rolls everything back."""
    report = ImportReport(rows=len(rows))
    with transaction.atomic():
        writer = _Writer(report)
        checker = RowChecker()
        for number, raw in rows:
            if not isinstance(raw, dict):
                report.errors.append(
                    RowError(number, "", "Der Eintrag ist kein Objekt mit Feldern.")
                )
                continue
            record, errors = checker.check(number, raw)
            if errors:
                report.errors.extend(errors)
                continue
            try:
                with transaction.atomic():
                    writer.write(record)
            except ValidationError as exc:
                writer.forget_rolled_back()
                report.errors.extend(_validation_errors(number, exc))
            except DataError as exc:
                # A value the checks let through but a column refuses (a
                # website longer than its 500 characters): this row only.
                writer.forget_rolled_back()
                report.errors.append(
                    RowError(
                        number,
                        "",
                        "Ein Wert passt nicht in die Datenbank (zu lang?): "
                        f"{str(exc).splitlines()[0]}",
                    )
                )
        if dry_run:
            transaction.set_rollback(True)
    return report


def _validation_errors(row: int, exc: ValidationError) -> list[RowError]:
    if hasattr(exc, "message_dict"):
        return [
            RowError(row, key if key != "__all__" else "", " ".join(messages))
            for key, messages in exc.message_dict.items()
        ]
    return [RowError(row, "", " ".join(exc.messages))]


class _Writer:
    def __init__(self, report: ImportReport) -> None:
        self.report = report
        # The start page, found by the page-type rule of the index pages
        # (the site layer's HomePage) rather than by importing it.
        parents = ProjectIndexPage.allowed_parent_page_models()
        home = Page.objects.type(*parents).first()
        if home is None:
            raise SetupError(
                "Es gibt noch keine Startseite; bitte zuerst „manage.py load_demo“ "
                "ausführen oder eine Startseite anlegen."
            )
        self.home = home
        self._project_index: ProjectIndexPage | None = None
        self._initiative_index: InitiativeIndexPage | None = None

    def forget_rolled_back(self) -> None:
        """A failed row's savepoint may have taken index pages it created
        with it; the next row looks them up again."""
        self._project_index = None
        self._initiative_index = None

    def write(self, record: ProjectRecord) -> None:
        parent = self._parent_for(record)
        project = None
        if record.external_id:
            project = ProjectPage.objects.filter(external_id=record.external_id).first()
        if project is None:
            project = ProjectPage(
                title=record.title,
                slug=_free_slug(parent, record.title),
                external_id=record.external_id,
                live=False,
            )
            self._fill(project, record)
            parent.add_child(instance=project)
            self.report.created += 1
        else:
            project = project.specific
            if project.get_parent().pk != parent.pk:
                project.move(parent, pos="last-child")
                project.refresh_from_db()
            project.title = record.title
            self._fill(project, record)
            self.report.updated += 1
        revision = project.save_revision()
        if record.publish:
            revision.publish()

    def _fill(self, project: ProjectPage, record: ProjectRecord) -> None:
        for key in SCALAR_KEYS:
            setattr(project, key, getattr(record, key))
        for key in PRACTICE_KEYS:
            setattr(project, key, text_to_html(getattr(record, key)))
        project.description = (
            [("text", text_to_html(record.description))] if record.description else []
        )
        project.fields_of_action = record.fields
        project.target_groups = record.target_groups
        project.districts = record.districts
        # sort_order keeps the file's order (Orderable sorts by it; without it
        # the order of equal keys is up to the database's plan).
        project.offers = [
            ProjectOffer(category=item.category, text=item.text, sort_order=position)
            for position, item in enumerate(record.offers)
        ]
        project.needs = [
            ProjectNeed(category=item.category, text=item.text, sort_order=position)
            for position, item in enumerate(record.needs)
        ]
        # Offers and needs without a category get one from their text.
        infer_categories([*project.offers.all(), *project.needs.all()])
        project.tags.set(record.tags)

    def _parent_for(self, record: ProjectRecord) -> Page:
        if not record.organisation:
            return self._projects()
        initiative = (
            InitiativePage.objects.filter(title__iexact=record.organisation)
            .order_by("pk")
            .first()
        )
        if initiative is None:
            index = self._initiatives()
            initiative = InitiativePage(
                title=record.organisation,
                slug=_free_slug(index, record.organisation),
                organisation_type=record.organisation_type,
                place=record.place,
                district=record.districts[0] if record.districts else None,
                live=False,
            )
            index.add_child(instance=initiative)
            revision = initiative.save_revision()
            if record.publish:
                revision.publish()
            self.report.initiatives_created += 1
        return initiative

    def _projects(self) -> ProjectIndexPage:
        if self._project_index is None:
            self._project_index = _index(
                self.home, ProjectIndexPage, "Projekte", "projekte"
            )
        return self._project_index

    def _initiatives(self) -> InitiativeIndexPage:
        if self._initiative_index is None:
            self._initiative_index = _index(
                self.home, InitiativeIndexPage, "Initiativen", "initiativen"
            )
        return self._initiative_index


def _index(home: Page, model: type[Page], title: str, slug: str):
    index = model.objects.child_of(home).first()
    if index is None:
        index = model(title=title, slug=_free_slug(home, slug))
        home.add_child(instance=index)
        index.save_revision().publish()
    return index


def _free_slug(parent: Page, text: str) -> str:
    base = (slugify(text) or "projekt")[:240]
    taken = set(
        parent.get_children()
        .filter(slug__startswith=base)
        .values_list("slug", flat=True)
    )
    slug, number = base, 2
    while slug in taken:
        slug = f"{base}-{number}"
        number += 1
    return slug
