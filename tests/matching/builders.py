"""Building rich projects (initiative, offers, needs, tags) for matching tests."""

from __future__ import annotations

from dataclasses import dataclass, field

from wagtail.models import Page

from kb.taxonomy import District, FieldOfAction, OfferNeedCategory, TargetGroup
from projects.models import (
    InitiativeIndexPage,
    InitiativePage,
    ProjectIndexPage,
    ProjectNeed,
    ProjectOffer,
    ProjectPage,
)


@dataclass(frozen=True)
class Spec:
    slug: str
    title: str
    teaser: str
    districts: tuple[str, ...] = ()
    fields: tuple[str, ...] = ()
    groups: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    offers: tuple[tuple[str, str], ...] = ()
    needs: tuple[tuple[str, str], ...] = ()
    initiative: str = ""
    statewide: bool = False
    lat: float | None = None
    lon: float | None = None
    contact_email: str = ""
    approach: str = ""


@dataclass
class Built:
    pages: dict[str, ProjectPage] = field(default_factory=dict)

    def __getitem__(self, slug: str) -> ProjectPage:
        return self.pages[slug]

    def id(self, slug: str) -> int:
        return self.pages[slug].pk


def initiative_parent(index: ProjectIndexPage, slug: str) -> Page:
    home = index.get_parent()
    initiatives = InitiativeIndexPage.objects.first()
    if initiatives is None:
        initiatives = InitiativeIndexPage(title="Initiativen", slug="initiativen")
        home.add_child(instance=initiatives)
    existing = InitiativePage.objects.filter(slug=slug).first()
    if existing is not None:
        return existing
    initiative = InitiativePage(
        title=slug.replace("-", " ").title(),
        slug=slug,
        contact_email=f"{slug}@initiative.example",
    )
    initiatives.add_child(instance=initiative)
    initiative.save_revision().publish()
    return initiative


def build(index: ProjectIndexPage, spec: Spec, *, publish: bool = True) -> ProjectPage:
    parent = initiative_parent(index, spec.initiative) if spec.initiative else index
    page = ProjectPage(
        title=spec.title,
        slug=spec.slug,
        teaser=spec.teaser,
        statewide=spec.statewide,
        lat=spec.lat,
        lon=spec.lon,
        contact_email=spec.contact_email,
        approach=f"<p>{spec.approach}</p>" if spec.approach else "",
        live=False,
    )
    parent.add_child(instance=page)
    page.districts.set(District.objects.filter(ags__in=spec.districts))
    page.fields_of_action.set(FieldOfAction.objects.filter(slug__in=spec.fields))
    page.target_groups.set(TargetGroup.objects.filter(slug__in=spec.groups))
    categories = {c.slug: c for c in OfferNeedCategory.objects.all()}
    page.offers = [
        ProjectOffer(category=categories.get(slug), text=text)
        for slug, text in spec.offers
    ]
    page.needs = [
        ProjectNeed(category=categories.get(slug), text=text)
        for slug, text in spec.needs
    ]
    for tag in spec.tags:
        page.tags.add(tag)
    revision = page.save_revision()
    if publish:
        revision.publish()
    page.refresh_from_db()
    return page


def build_all(index: ProjectIndexPage, specs: list[Spec]) -> Built:
    built = Built()
    for spec in specs:
        built.pages[spec.slug] = build(index, spec)
    return built
