"""Plain descriptions of demo content; the builder turns them into pages."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class InitiativeSpec:
    slug: str
    title: str
    organisation_type: str
    district: str
    place: str
    description: str
    website: str = ""
    contact_name: str = ""
    contact_email: str = ""
    contact_phone: str = ""
    contact_public: bool = False
    is_partner: bool = False
    is_supporter: bool = False
    logo: str = ""


@dataclass(frozen=True)
class ProjectSpec:
    """One demo project; practice texts are plain sentences, paragraphs
    separated by an empty line."""

    slug: str
    initiative: str
    title: str
    teaser: str
    districts: tuple[str, ...]
    place: str
    fields: tuple[str, ...]
    groups: tuple[str, ...]
    start: str
    starting_point: str
    goals: str
    approach: str
    results: str
    obstacles: str
    transferability: str
    offers: tuple[tuple[str, str], ...] = ()
    needs: tuple[tuple[str, str], ...] = ()
    tags: tuple[str, ...] = ()
    status: str = "active"
    end: str = ""
    people: int | None = None
    volunteers: int | None = None
    cost: str = ""
    staff: str = ""
    lead_time: str = ""
    required_partners: str = ""
    partners: tuple[str, ...] = ()
    featured: bool = False
    good_example: str = ""
    confirmed_days_ago: int = 60
    statewide: bool = False
    gallery: tuple[str, ...] = field(default=())
    contact_name: str = ""
    contact_email: str = ""
