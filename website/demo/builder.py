"""Build the whole demo site under the home page, idempotently.

Every page is found by slug below its parent and only created when missing;
snippets are found by name. A fast check first looks whether every expected
slug already exists, so a second run (``make run`` calls it every time) does
almost nothing."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from wagtail.models import Page

from kb.models import (
    ArticleIndexPage,
    ArticlePage,
    CallPage,
    EventIndexPage,
    EventPage,
    GoodExampleCollection,
    GoodExampleItem,
    Partner,
    PartnerDirectoryPage,
    Region,
    Signature,
    StandardPage,
)
from kb.taxonomy import FieldOfAction, OrganisationType
from projects.models import (
    InitiativeIndexPage,
    InitiativePage,
    ProjectIndexPage,
    ProjectPage,
)

from ..models import HomePage, TopicPage
from .data import INITIATIVES, PROJECTS
from .data import editorial as content
from .illustrations import TITLE_PREFIX, ensure_illustrations
from .images import ensure_images
from .pages import ensure_child, ensure_home, paragraphs
from .projects import Terms, build_initiative, build_project, illustrate

HOME_COLLECTION = "Gute Beispiele auf der Startseite"
SINGLE_PAGES = (
    "projekte",
    "initiativen",
    "wissen",
    "veranstaltungen",
    "partner",
    "aufruf",
)


def expected_slugs() -> set[str]:
    return {
        *SINGLE_PAGES,
        *(spec.slug for spec in INITIATIVES),
        *(spec.slug for spec in PROJECTS),
        *(f"thema-{slug}" for slug in content.TOPIC_INTROS),
        *(article["slug"] for article in content.ARTICLES),
        *(event["slug"] for event in content.EVENTS),
        *(slug for slug, _, _ in content.LEGAL_PAGES),
    }


def is_complete() -> bool:
    slugs = expected_slugs()
    found = Page.objects.filter(slug__in=slugs).values("slug").distinct().count()
    return (
        found == len(slugs)
        and HomePage.objects.filter(good_examples__isnull=False).exists()
        and Partner.objects.count() >= len(content.PARTNERS)
        and not _unillustrated().exists()
    )


def _unillustrated():
    """Demo projects without their field's illustration (built before it)."""
    return ProjectPage.objects.filter(external_id__startswith="demo:").exclude(
        gallery_images__image__title__startswith=TITLE_PREFIX
    )


@dataclass
class Summary:
    skipped: bool
    projects: int
    initiatives: int


@transaction.atomic
def build() -> Summary:
    home = ensure_home()
    if is_complete():
        return Summary(
            True, ProjectPage.objects.count(), InitiativePage.objects.count()
        )
    images = ensure_images()
    terms = Terms()
    illustrations = ensure_illustrations(terms.fields.values())
    _indexes(home)
    initiative_index = ensure_child(
        home,
        InitiativeIndexPage,
        "initiativen",
        title="Initiativen",
        intro="Vereine, Gemeinden, Verbände und Betriebe, die in Niedersachsen "
        "Integration gestalten.",
    )
    initiatives = {
        spec.slug: build_initiative(initiative_index, spec, terms, images)
        for spec in INITIATIVES
    }
    projects = {
        spec.slug: build_project(
            initiatives[spec.initiative], spec, terms, images, illustrations
        )
        for spec in PROJECTS
    }
    for spec in PROJECTS:
        illustrate(projects[spec.slug], spec, illustrations)
    _collections(home, projects)
    _articles(home, projects)
    _events(home, projects)
    _partners(home)
    _call(home)
    for slug, title, text in content.LEGAL_PAGES:
        ensure_child(
            home, StandardPage, slug, title=title, body=[("text", paragraphs(text))]
        )
    return Summary(False, ProjectPage.objects.count(), InitiativePage.objects.count())


def _indexes(home: HomePage) -> None:
    ensure_child(
        home,
        ProjectIndexPage,
        "projekte",
        title="Projekte",
        intro="Gute Beispiele aus ganz Niedersachsen.",
    )


def _collection(title: str, intro: str, projects: list) -> GoodExampleCollection:
    collection = GoodExampleCollection.objects.filter(title=title).first()
    if collection is None:
        collection = GoodExampleCollection(title=title, intro=intro)
        collection.items = [GoodExampleItem(project=project) for project in projects]
        collection.save()
    return collection


def _collections(home: HomePage, projects: dict) -> None:
    good = [page for page in projects.values() if page.good_example]
    collection = _collection(
        HOME_COLLECTION,
        "Von der Redaktion ausgewählt: Projekte, die sich zum Nachmachen eignen.",
        good,
    )
    if home.good_examples_id is None:
        home.good_examples = collection
        home.save_revision().publish()
    for field in FieldOfAction.objects.all():
        intro = content.TOPIC_INTROS.get(field.slug)
        if intro is None:
            continue
        in_field = [
            page
            for page in projects.values()
            if field.pk in {f.pk for f in page.fields_of_action.all()}
        ]
        chosen = sorted(in_field, key=lambda p: (not p.good_example, p.title))[:4]
        topic_collection = _collection(
            f"Gute Beispiele: {field.name}",
            f"Ausgewählte Projekte – {field.name}.",
            chosen,
        )
        ensure_child(
            home,
            TopicPage,
            f"thema-{field.slug}",
            title=field.name,
            field_of_action=field,
            intro=paragraphs(intro),
            good_examples=topic_collection,
        )


def _articles(home: HomePage, projects: dict) -> None:
    index = ensure_child(
        home,
        ArticleIndexPage,
        "wissen",
        title="Wissen",
        intro="Erfahrungen, Empfehlungen der Konferenzen und Anleitungen.",
    )
    fields = {f.slug: f for f in FieldOfAction.objects.all()}
    today = timezone.localdate()
    for article in content.ARTICLES:
        ensure_child(
            index,
            ArticlePage,
            article["slug"],
            title=article["title"],
            date=today - datetime.timedelta(days=article["days_ago"]),
            teaser=article["teaser"],
            body=[("text", paragraphs(article["body"]))],
            is_recommendation=article.get("recommendation", False),
            fields_of_action=[fields[slug] for slug in article["fields"]],
            related_projects=[projects[slug] for slug in article["projects"]],
        )


def _events(home: HomePage, projects: dict) -> None:
    index = ensure_child(
        home,
        EventIndexPage,
        "veranstaltungen",
        title="Veranstaltungen",
        intro="Landesweite Integrationskonferenz, Regionalkonferenzen und Werkstätten.",
    )
    regions = {region.slug: region for region in Region.objects.all()}
    today = timezone.localtime().replace(hour=10, minute=0, second=0, microsecond=0)
    for event in content.EVENTS:
        start = today + datetime.timedelta(days=event["days_from_now"])
        ensure_child(
            index,
            EventPage,
            event["slug"],
            title=event["title"],
            kind=event["kind"],
            start=start,
            end=start + datetime.timedelta(hours=event["hours"]),
            venue=event["venue"],
            region=regions.get(event["region"]),
            teaser=event["teaser"],
            programme=paragraphs(event["programme"]),
            results=paragraphs(event["results"]) if event["results"] else "",
            linked_projects=[projects[slug] for slug in event["projects"]],
        )


def _partners(home: HomePage) -> None:
    types = {t.slug: t for t in OrganisationType.objects.all()}
    for name, type_slug, founding, description in content.PARTNERS:
        Partner.objects.get_or_create(
            name=name,
            defaults={
                "organisation_type": types[type_slug],
                "is_founding_partner": founding,
                "description": description,
            },
        )
    ensure_child(
        home,
        PartnerDirectoryPage,
        "partner",
        title="Bündnispartner",
        intro="<p>Das Bündnis „Niedersachsen packt an“ wird von diesen Partnern "
        "getragen.</p>",
    )


def _call(home: HomePage) -> None:
    call = ensure_child(
        home, CallPage, "aufruf", title="Aufruf", body=content.CALL_TEXT
    )
    now = timezone.now()
    for number, (kind, name, organisation, place, public) in enumerate(
        content.SIGNATURES
    ):
        Signature.objects.get_or_create(
            call=call,
            email=f"unterschrift{number}@example.org",
            defaults={
                "kind": kind,
                "name": name,
                "organisation": organisation,
                "place": place,
                "list_publicly": public,
                "consent_text": call.consent_text,
                "consented_at": now,
                "confirmed_at": now,
            },
        )
