"""Editors can create every page type through the Wagtail admin."""

from __future__ import annotations

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    rich_text,
    streamfield,
)

from kb.models import (
    ArticleIndexPage,
    ArticlePage,
    CallPage,
    EventIndexPage,
    EventPage,
    PartnerDirectoryPage,
    StandardPage,
)
from kb.taxonomy import District, FieldOfAction, OfferNeedCategory, Region
from projects.models import (
    InitiativeIndexPage,
    InitiativePage,
    ProjectIndexPage,
    ProjectPage,
)
from tests.factories.pages import make_site_tree
from website.models import HomePage, TopicPage


def form(data: dict, **multi: list) -> dict:
    """``nested_form_data`` flattens lists, so multi-select values go on top."""
    flat = nested_form_data(data)
    flat.update(multi)
    return flat


def body(text: str = "Ein Absatz.") -> dict:
    return streamfield([("text", rich_text(f"<p>{text}</p>"))])


class AdminCreatesPagesTest(WagtailPageTestCase):
    def setUp(self) -> None:
        self.login()
        self.project_index = make_site_tree()
        self.home = HomePage.objects.get()

    def test_home_page_under_the_root(self) -> None:
        HomePage.objects.all().delete()
        root = Page.get_first_root_node()
        self.assertCanCreate(
            root, HomePage, nested_form_data({"title": "Start", "intro": rich_text("")})
        )

    def test_section_pages_under_the_home_page(self) -> None:
        cases = [
            (ProjectIndexPage, {"title": "Projekte 2", "intro": ""}),
            (InitiativeIndexPage, {"title": "Initiativen", "intro": ""}),
            (ArticleIndexPage, {"title": "Wissen", "intro": ""}),
            (EventIndexPage, {"title": "Veranstaltungen", "intro": ""}),
            (PartnerDirectoryPage, {"title": "Partner", "intro": rich_text("")}),
            (
                CallPage,
                {
                    "title": "Aufruf",
                    "body": rich_text("<p>Wir packen an.</p>"),
                    "consent_text": "Ich willige ein.",
                },
            ),
            (StandardPage, {"title": "Impressum", "body": body()}),
            (
                TopicPage,
                {
                    "title": "Sprachförderung",
                    "field_of_action": FieldOfAction.objects.get(slug="sprache").pk,
                    "intro": rich_text(""),
                    "good_examples": "",
                },
            ),
        ]
        for model, data in cases:
            with self.subTest(model=model.__name__):
                self.assertCanCreate(self.home, model, nested_form_data(data))

    def test_article_and_event_pages(self) -> None:
        articles = ArticleIndexPage(title="Wissen", slug="wissen")
        events = EventIndexPage(title="Termine", slug="termine")
        self.home.add_child(instance=articles)
        self.home.add_child(instance=events)
        self.assertCanCreate(
            articles,
            ArticlePage,
            form(
                {
                    "title": "Empfehlungen",
                    "date": "2024-05-01",
                    "teaser": "Was die Konferenz empfiehlt.",
                    "body": body(),
                },
                fields_of_action=[FieldOfAction.objects.first().pk],
            ),
        )
        self.assertCanCreate(
            events,
            EventPage,
            nested_form_data(
                {
                    "title": "Regionalkonferenz",
                    "kind": "regional_conference",
                    "start": "2030-05-01 10:00",
                    "end": "2030-05-01 16:00",
                    "venue": "Lüneburg",
                    "region": Region.objects.get(slug="lueneburg").pk,
                    "teaser": "Treffen der Region.",
                    "programme": rich_text("<p>Programm</p>"),
                    "results": rich_text(""),
                }
            ),
        )

    def test_initiative_and_project_with_offers_and_needs(self) -> None:
        index = InitiativeIndexPage(title="Initiativen", slug="initiativen")
        self.home.add_child(instance=index)
        self.assertCanCreate(
            index,
            InitiativePage,
            nested_form_data(
                {
                    "title": "Freundeskreis Celle",
                    "description": rich_text("<p>Wir helfen.</p>"),
                    "place": "Celle",
                    "district": District.objects.get(ags="03351").pk,
                }
            ),
        )
        initiative = InitiativePage.objects.get()
        category = OfferNeedCategory.objects.get(slug="sprachmittlung")
        self.assertCanCreate(
            initiative,
            ProjectPage,
            form(
                {
                    "title": "Sprachcafé Celle",
                    "teaser": "Deutsch üben bei Kaffee.",
                    "description": body("Jeden Dienstag."),
                    "status": "active",
                    "starting_point": rich_text("<p>Wenig Übung.</p>"),
                    "goals": rich_text(""),
                    "approach": rich_text(""),
                    "results": rich_text(""),
                    "obstacles": rich_text(""),
                    "transferability": rich_text(""),
                    "tags": "Sprachcafé, Begegnung",
                    "offers": inline_formset(
                        [{"category": category.pk, "text": "Dolmetschen Arabisch"}]
                    ),
                    "needs": inline_formset([{"category": "", "text": "Ein Raum"}]),
                    "gallery_images": inline_formset([]),
                },
                fields_of_action=[FieldOfAction.objects.get(slug="sprache").pk],
                districts=[District.objects.get(ags="03351").pk],
            ),
        )
        project = ProjectPage.objects.get(title="Sprachcafé Celle")
        self.assertTrue(project.live)
        self.assertEqual(project.offers.get().category, category)
        self.assertEqual(set(project.tags.names()), {"Sprachcafé", "Begegnung"})

    def test_project_without_district_is_refused_with_a_german_message(self) -> None:
        response = self.client.post(
            f"/admin/pages/add/projects/projectpage/{self.project_index.pk}/",
            form(
                {
                    "title": "Ohne Ort",
                    "slug": "ohne-ort",
                    "teaser": "Kurz.",
                    "description": streamfield([]),
                    "status": "active",
                    "offers": inline_formset([]),
                    "needs": inline_formset([]),
                    "gallery_images": inline_formset([]),
                    "action-publish": "publish",
                },
                fields_of_action=[FieldOfAction.objects.first().pk],
            ),
        )

        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Bitte mindestens einen Landkreis wählen")
        self.assertFalse(ProjectPage.objects.filter(slug="ohne-ort").exists())
