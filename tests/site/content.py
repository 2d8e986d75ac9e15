"""One page of every public type, built directly so the site tests do not
depend on the demo content."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from django.utils import timezone

from kb.models import (
    ArticleIndexPage,
    ArticlePage,
    CallPage,
    EventIndexPage,
    EventPage,
    OrganisationType,
    Partner,
    PartnerDirectoryPage,
    Region,
    StandardPage,
)
from kb.taxonomy import District, FieldOfAction, TargetGroup
from projects.models import InitiativeIndexPage, InitiativePage, ProjectPage
from tests.factories.pages import make_site_tree
from website.models import TopicPage

LEGAL = {
    "impressum": "Impressum",
    "datenschutz": "Datenschutz",
    "barrierefreiheit": "Erklärung zur Barrierefreiheit",
    "open-data-lizenz": "Open-Data-Lizenz",
}


@dataclass
class SiteContent:
    home: object
    project_index: object
    initiative_index: object
    initiative: object
    project: object
    topic: object
    article_index: object
    article: object
    event_index: object
    event: object
    partners: object
    call: object
    legal: dict

    def pages(self) -> dict[str, object]:
        return {
            "home": self.home,
            "project_index": self.project_index,
            "initiative_index": self.initiative_index,
            "initiative": self.initiative,
            "project": self.project,
            "topic": self.topic,
            "article_index": self.article_index,
            "article": self.article,
            "event_index": self.event_index,
            "event": self.event,
            "partners": self.partners,
            "call": self.call,
            "standard": self.legal["impressum"],
        }


def _add(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def add_project(parent, title: str, districts=("03351",), fields=("sprache",), **kw):
    project = ProjectPage(title=title, teaser=f"{title}: ein gutes Beispiel.", **kw)
    parent.add_child(instance=project)
    project.districts.set(District.objects.filter(ags__in=districts))
    project.fields_of_action.set(FieldOfAction.objects.filter(slug__in=fields))
    project.save_revision().publish()
    project.refresh_from_db()
    return project


def build_site() -> SiteContent:
    project_index = make_site_tree()
    home = project_index.get_parent().specific
    initiative_index = _add(
        home, InitiativeIndexPage(title="Initiativen", slug="initiativen")
    )
    initiative = _add(
        initiative_index,
        InitiativePage(
            title="Sprachbrücke Celle e. V.",
            slug="sprachbruecke-celle",
            place="Celle",
            district=District.objects.get(ags="03351"),
            organisation_type=OrganisationType.objects.first(),
        ),
    )
    project = ProjectPage(
        title="Sprachpatenschaften in Celle",
        slug="sprachpatenschaften-celle",
        teaser="Ehrenamtliche üben Deutsch im Alltag mit geflüchteten Familien.",
        goals="<p>Alltagsdeutsch üben.</p>",
        place="Celle",
        people_reached=120,
    )
    initiative.add_child(instance=project)
    project.districts.set(District.objects.filter(ags__in=["03351", "03241"]))
    project.fields_of_action.set(FieldOfAction.objects.filter(slug="sprache"))
    project.target_groups.set(TargetGroup.objects.all()[:2])
    project.offers.create(text="Erfahrung mit Patenschaften")
    project.needs.create(text="Räume am Abend")
    project.tags.add("Patenschaft")
    project.save()
    project.save_revision().publish()
    project.refresh_from_db()
    field = FieldOfAction.objects.get(slug="sprache")
    topic = _add(
        home, TopicPage(title="Sprache", slug="thema-sprache", field_of_action=field)
    )
    article_index = _add(home, ArticleIndexPage(title="Wissen", slug="wissen"))
    article = _add(
        article_index,
        ArticlePage(
            title="Was Sprachpatenschaften gelingen lässt",
            slug="sprachpatenschaften-gelingen",
            date=dt.date(2026, 3, 1),
            teaser="Fünf Erfahrungen aus drei Landkreisen.",
            body=[("text", "<p>Regelmäßigkeit hilft.</p>")],
        ),
    )
    event_index = _add(
        home, EventIndexPage(title="Veranstaltungen", slug="veranstaltungen")
    )
    event = _add(
        event_index,
        EventPage(
            title="Regionalkonferenz Lüneburg",
            slug="regionalkonferenz-lueneburg",
            kind="regional_conference",
            start=timezone.now() + dt.timedelta(days=30),
            end=timezone.now() + dt.timedelta(days=30, hours=6),
            venue="Lüneburg, Leuphana",
            region=Region.objects.get(slug="lueneburg"),
            teaser="Gute Beispiele aus der Region.",
        ),
    )
    partners = _add(home, PartnerDirectoryPage(title="Bündnispartner", slug="partner"))
    Partner.objects.create(
        name="Landesregierung", organisation_type=OrganisationType.objects.first()
    )
    call = _add(
        home,
        CallPage(
            title="Aufruf Niedersachsen packt an",
            slug="aufruf",
            body="<p>Wir packen an.</p>",
        ),
    )
    legal = {
        slug: _add(
            home,
            StandardPage(title=title, slug=slug, body=[("text", f"<p>{title}.</p>")]),
        )
        for slug, title in LEGAL.items()
    }
    return SiteContent(
        home=home,
        project_index=project_index,
        initiative_index=initiative_index,
        initiative=initiative,
        project=project,
        topic=topic,
        article_index=article_index,
        article=article,
        event_index=event_index,
        event=event,
        partners=partners,
        call=call,
        legal=legal,
    )


# Per-request values: the CSRF token and the signed time stamp of the
# anti-spam field (it changes when a second ticks over between two requests).
TOKENS = re.compile(r'name="(?:csrfmiddlewaretoken|form_ts)" value="[^"]*"')


def without_tokens(response) -> str:
    """The response's HTML without its per-request tokens, for comparisons."""
    return TOKENS.sub("", response.content.decode())
