"""The editors' forms follow the admin language chosen in the account:
panel headings, field names and block labels are translated like the site."""

from __future__ import annotations

from django.urls import reverse
from wagtail.test.utils import WagtailPageTestCase
from wagtail.users.models import UserProfile

from tests.factories.pages import make_site_tree


class AdminLanguageTest(WagtailPageTestCase):
    def setUp(self) -> None:
        self.user = self.login()
        self.project_index = make_site_tree()

    def _new_project_form(self) -> str:
        url = reverse(
            "wagtailadmin_pages:add",
            args=("projects", "projectpage", self.project_index.pk),
        )
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        return response.content.decode()

    def _prefer_english(self) -> None:
        profile = UserProfile.get_for_user(self.user)
        profile.preferred_language = "en"
        profile.save()

    def test_project_form_in_english(self) -> None:
        self._prefer_english()
        html = self._new_project_form()
        for english in ("Classification", "Practice description", "We offer"):
            self.assertIn(english, html)
        for german in ("Einordnung", "Praxisbeschreibung", "Wir bieten"):
            self.assertNotIn(german, html)

    def test_project_form_in_german_by_default(self) -> None:
        html = self._new_project_form()
        for german in ("Einordnung", "Praxisbeschreibung", "Wir bieten"):
            self.assertIn(german, html)

    def test_snippet_names_in_english(self) -> None:
        self._prefer_english()
        html = self.client.get(reverse("wagtailsnippets:index")).content.decode()
        self.assertIn("Synonym groups", html)
        self.assertNotIn("Synonymgruppen", html)
