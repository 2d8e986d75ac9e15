"""A small labelled set of projects and queries: search quality floor and
behaviour tests run on it against both backends."""

from __future__ import annotations

import datetime
import math

from kb.taxonomy import (
    District,
    FieldOfAction,
    OfferNeedCategory,
    OrganisationType,
    TargetGroup,
)
from projects.models import InitiativePage, ProjectPage
from projects.models.project import ProjectNeed, ProjectOffer

PROJECTS = {
    "patenschaft": dict(
        title="Sprachpatenschaften im Heidekreis",
        teaser="Ehrenamtliche Paten üben mit Geflüchteten Deutsch im Alltag.",
        districts=["03358"],
        fields=["sprache"],
        groups=["gefluechtete"],
        tags=["Patenschaft", "Deutsch"],
        offers=[("ehrenamtliche", "Erfahrene Sprachpaten")],
    ),
    "hausaufgaben": dict(
        title="Hausaufgabenhilfe für Kinder in Celle",
        teaser="Studierende helfen Schulkindern aus geflüchteten Familien.",
        districts=["03351"],
        fields=["bildung"],
        groups=["kinder_jugend"],
        tags=["Schule"],
        needs=[("raeume", "Ein Raum am Nachmittag")],
    ),
    "lotsen": dict(
        title="Integrationslotsen Osnabrück",
        teaser="Geschulte Lotsinnen begleiten Neuzugewanderte zu Ämtern.",
        districts=["03404"],
        fields=["beratung"],
        groups=["gefluechtete"],
        tags=["Begleitung"],
        organisation=True,
    ),
    "muetter": dict(
        title="Deutschkurs für Mütter mit Kinderbetreuung",
        teaser="Ein Kurs am Vormittag, während die Kleinen betreut werden.",
        districts=["03241"],
        fields=["sprache"],
        groups=["frauen", "familien"],
        tags=["Deutsch", "Frauen"],
        offers=[("kinderbetreuung", "Betreuung während des Kurses")],
    ),
    "behoerden": dict(
        title="Flüchtlingshilfe Wolfsburg",
        teaser="Begleitung zu Behörden, Ärzten und Schulen.",
        districts=["03103"],
        fields=["beratung"],
        groups=["gefluechtete"],
        tags=["Begleitung"],
        needs=[("sprachmittlung", "Dolmetscher für Arabisch")],
    ),
    "jobs": dict(
        title="Jobpaten Braunschweig",
        teaser="Betriebe und Paten öffnen Wege in Beschäftigung und Ausbildung.",
        districts=["03101"],
        fields=["arbeit"],
        groups=["arbeitgeber"],
        tags=["Beruf"],
        offers=[("praktika_jobs", "Praktikumsplätze")],
        status="completed",
    ),
    "kita": dict(
        title="Brücken in die Kita",
        teaser="Eltern lernen die Kindertagesstätte kennen, bevor ihr Kind startet.",
        districts=["03159"],
        fields=["bildung"],
        groups=["familien"],
        tags=["Eltern"],
    ),
    "wohnen": dict(
        title="Wohnraum für Geflüchtete vermitteln",
        teaser="Vermieter und Suchende finden zueinander.",
        districts=["03159"],
        fields=["wohnen"],
        groups=["gefluechtete"],
        tags=["Wohnen"],
        offers=[("wohnraum", "Vermittlung von Wohnungen")],
        organisation=True,
    ),
    "dolmetscher": dict(
        title="Dolmetscherpool Lüneburg",
        teaser="Ehrenamtliche Sprachmittler für Gespräche in Schule und Praxis.",
        districts=["03355"],
        fields=["sprache"],
        groups=["gefluechtete"],
        tags=["Sprachmittlung"],
        offers=[("sprachmittlung", "Sprachmittlung in zwölf Sprachen")],
    ),
    "fahrrad": dict(
        title="Fahrradwerkstatt für alle",
        teaser="Gemeinsam reparieren, Mobilität gewinnen.",
        districts=["03355"],
        fields=["teilhabe"],
        groups=["gefluechtete"],
        tags=["Mobilität"],
        last_confirmed=datetime.date(2020, 1, 1),
    ),
    "naehcafe": dict(
        title="Nähcafé Oldenburg",
        teaser="Frauen nähen, reden und lernen Deutsch nebenbei.",
        districts=["03403"],
        fields=["engagement"],
        groups=["frauen"],
        tags=["Frauen"],
    ),
    "ehrenamt": dict(
        title="Freiwilligenagentur Emsland",
        teaser="Wir vermitteln Freiwilligenarbeit in der Integrationsarbeit.",
        districts=["03454"],
        fields=["engagement"],
        groups=["ehrenamtliche"],
        tags=["Engagement"],
    ),
}

# query → relevant project keys (graded: 2 = the answer, 1 = also fitting)
LABELLED_QUERIES = {
    "Sprachpatenschaft": {"patenschaft": 2},
    "Sprachpaten": {"patenschaft": 2},
    "Hausaufgabenhilfe": {"hausaufgaben": 2},
    "Integrationslotse": {"lotsen": 2},
    "Integrationslotzen": {"lotsen": 2},
    "Deutschkurs für Mütter": {"muetter": 2},
    "Sprachkurs": {"muetter": 2},
    "Flüchtlingshilfe": {"behoerden": 2},
    "Fluechtlingshilfe": {"behoerden": 2},
    "Flüchtlinge Wohnung": {"wohnen": 2},
    "Beschäftigung": {"jobs": 2},
    "Kindergarten": {"kita": 2},
    "Dolmetschen": {"dolmetscher": 2, "behoerden": 1},
    "Nähcafe": {"naehcafe": 2},
    "Freiwilligenarbeit": {"ehrenamt": 2},
    "Fahrradwerkstatt": {"fahrrad": 2},
}


def build_corpus(index) -> dict[str, ProjectPage]:
    """Publish every project of ``PROJECTS`` below ``index``."""
    org_type = OrganisationType.objects.order_by("pk").first()
    initiative = InitiativePage(
        title="Netzwerk Willkommen e. V.", slug="netzwerk-willkommen"
    )
    initiative.organisation_type = org_type
    index.get_parent().add_child(instance=initiative)
    initiative.save_revision().publish()
    pages = {}
    for key, spec in PROJECTS.items():
        parent = initiative if spec.get("organisation") else index
        page = ProjectPage(
            title=spec["title"],
            slug=key,
            teaser=spec["teaser"],
            status=spec.get("status", "active"),
            last_confirmed=spec.get("last_confirmed"),
        )
        parent.add_child(instance=page)
        page.districts.set(District.objects.filter(ags__in=spec["districts"]))
        page.fields_of_action.set(FieldOfAction.objects.filter(slug__in=spec["fields"]))
        page.target_groups.set(TargetGroup.objects.filter(slug__in=spec["groups"]))
        page.tags.set(spec["tags"])
        for slug, text in spec.get("offers", []):
            page.offers.add(
                ProjectOffer(
                    category=OfferNeedCategory.objects.get(slug=slug), text=text
                )
            )
        for slug, text in spec.get("needs", []):
            page.needs.add(
                ProjectNeed(
                    category=OfferNeedCategory.objects.get(slug=slug), text=text
                )
            )
        page.save_revision().publish()
        page.refresh_from_db()
        pages[key] = page
    return pages


def ndcg_at_10(ranked: list[str], relevant: dict[str, int]) -> float:
    gains = [relevant.get(key, 0) for key in ranked[:10]]
    dcg = sum((2**g - 1) / math.log2(i + 2) for i, g in enumerate(gains))
    ideal = sorted(relevant.values(), reverse=True)[:10]
    idcg = sum((2**g - 1) / math.log2(i + 2) for i, g in enumerate(ideal))
    return dcg / idcg if idcg else 0.0


def recall_at_10(ranked: list[str], relevant: dict[str, int]) -> float:
    return len(set(ranked[:10]) & set(relevant)) / len(relevant)
