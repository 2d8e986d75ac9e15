"""Building the demo initiatives and their projects."""

from __future__ import annotations

import datetime

from django.utils import timezone
from wagtail.models import Page

from kb.taxonomy import (
    District,
    FieldOfAction,
    OfferNeedCategory,
    OrganisationType,
    TargetGroup,
)
from projects.models import (
    InitiativePage,
    ProjectGalleryImage,
    ProjectNeed,
    ProjectOffer,
    ProjectPage,
)

from .illustrations import TITLE_PREFIX
from .pages import ensure_child, paragraphs
from .specs import InitiativeSpec, ProjectSpec


class Terms:
    """Every vocabulary term by slug (districts by key), loaded once."""

    def __init__(self) -> None:
        self.districts = {d.ags: d for d in District.objects.all()}
        self.fields = {t.slug: t for t in FieldOfAction.objects.all()}
        self.groups = {t.slug: t for t in TargetGroup.objects.all()}
        self.categories = {t.slug: t for t in OfferNeedCategory.objects.all()}
        self.organisation_types = {t.slug: t for t in OrganisationType.objects.all()}


def build_initiative(index: Page, spec: InitiativeSpec, terms: Terms, images) -> Page:
    logo = images[spec.logo][0] if spec.logo else None
    return ensure_child(
        index,
        InitiativePage,
        spec.slug,
        title=spec.title,
        organisation_type=terms.organisation_types[spec.organisation_type],
        description=paragraphs(spec.description),
        logo=logo,
        place=spec.place,
        district=terms.districts[spec.district],
        website=spec.website,
        contact_name=spec.contact_name,
        contact_email=spec.contact_email,
        contact_phone=spec.contact_phone,
        contact_public=spec.contact_public,
        is_partner=spec.is_partner,
        is_supporter=spec.is_supporter,
    )


def build_project(
    parent: Page, spec: ProjectSpec, terms: Terms, images, illustrations
) -> Page:
    today = timezone.localdate()
    existing = ProjectPage.objects.child_of(parent).filter(slug=spec.slug).first()
    if existing is not None:
        return existing
    values = {
        "title": spec.title,
        "teaser": spec.teaser,
        "description": [("text", paragraphs(spec.teaser))],
        "fields_of_action": [terms.fields[slug] for slug in spec.fields],
        "target_groups": [terms.groups[slug] for slug in spec.groups],
        "districts": [terms.districts[ags] for ags in spec.districts],
        "statewide": spec.statewide,
        "place": spec.place,
        "status": spec.status,
        "start_date": datetime.date.fromisoformat(spec.start),
        "end_date": datetime.date.fromisoformat(spec.end) if spec.end else None,
        "starting_point": paragraphs(spec.starting_point),
        "goals": paragraphs(spec.goals),
        "approach": paragraphs(spec.approach),
        "results": paragraphs(spec.results),
        "people_reached": spec.people,
        "volunteers": spec.volunteers,
        "obstacles": paragraphs(spec.obstacles),
        "transferability": paragraphs(spec.transferability),
        "cost_range": spec.cost,
        "staff": spec.staff,
        "required_partners": spec.required_partners,
        "lead_time": spec.lead_time,
        "partners": "\n".join(spec.partners),
        "offers": [
            ProjectOffer(category=terms.categories[cat], text=text)
            for cat, text in spec.offers
        ],
        "needs": [
            ProjectNeed(category=terms.categories[cat], text=text)
            for cat, text in spec.needs
        ],
        "gallery_images": [
            ProjectGalleryImage(image=image, alt_text=alt, sort_order=position)
            for position, (image, alt) in enumerate(
                [illustrations[spec.fields[0]], *(images[key] for key in spec.gallery)]
            )
        ],
        "contact_name": spec.contact_name,
        "contact_email": spec.contact_email,
        "external_id": f"demo:{spec.slug}",
        "last_confirmed": today - datetime.timedelta(days=spec.confirmed_days_ago),
        "featured": spec.featured,
        "good_example": bool(spec.good_example),
        "good_example_reason": spec.good_example,
    }
    page = ProjectPage(slug=spec.slug, **values)
    page.tags.add(*spec.tags)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def illustrate(page: Page, spec: ProjectSpec, illustrations) -> bool:
    """Give a demo project built before the illustrations its field's one as
    the lead picture, in a new published revision; False if it has one."""
    gallery = list(page.gallery_images.all())
    if any(item.image.title.startswith(TITLE_PREFIX) for item in gallery):
        return False
    image, alt = illustrations[spec.fields[0]]
    lead = ProjectGalleryImage(image=image, alt_text=alt)
    for position, item in enumerate([lead, *gallery]):
        item.sort_order = position
    page.gallery_images = [lead, *gallery]
    page.save_revision().publish()
    return True
