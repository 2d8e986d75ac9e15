"""Load the German demo content; running it twice changes nothing."""

from __future__ import annotations

from django.core.management.base import BaseCommand
from django.db import transaction
from wagtail.models import Page, Site

from kb.demo_content import DEMO_PROJECTS
from kb.models import HomePage
from kb.taxonomy import District, FieldOfAction
from projects.models import ProjectIndexPage, ProjectPage


class Command(BaseCommand):
    help = "Create the home page, the project index and demo projects (idempotent)."

    @transaction.atomic
    def handle(self, *args, **options) -> None:
        home = self._home()
        index = ProjectIndexPage.objects.child_of(home).first()
        if index is None:
            index = ProjectIndexPage(
                title="Projekte",
                slug="projekte",
                intro="Gute Beispiele aus Niedersachsen.",
            )
            home.add_child(instance=index)
            index.save_revision().publish()
        created = 0
        for data in DEMO_PROJECTS:
            if ProjectPage.objects.filter(slug=data["slug"]).exists():
                continue
            project = ProjectPage(
                title=data["title"], slug=data["slug"], teaser=data["teaser"]
            )
            index.add_child(instance=project)
            project.districts.set(District.objects.filter(ags__in=data["districts"]))
            project.fields_of_action.set(
                FieldOfAction.objects.filter(slug__in=data["fields"])
            )
            project.save_revision().publish()
            created += 1
        self.stdout.write(f"Demo content ready ({created} projects added).")

    def _home(self) -> HomePage:
        home = HomePage.objects.first()
        if home is not None:
            return home
        root = Page.get_first_root_node()
        home = HomePage(
            title="Gute Praxis für Integration in Niedersachsen",
            slug="start",
            intro="<p>Bewährte Ideen finden, Initiativen vernetzen: die Wissensbasis "
            "des Bündnisses „Niedersachsen packt an“.</p>",
        )
        root.add_child(instance=home)
        home.save_revision().publish()
        site = Site.objects.filter(is_default_site=True).first()
        old_root = site.root_page if site else None
        if site is None:
            Site.objects.create(
                hostname="localhost", root_page=home, is_default_site=True
            )
        else:
            site.root_page = home
            site.save()
        if old_root is not None and old_root.pk != home.pk and old_root.depth == 2:
            old_root.delete()
        return home
