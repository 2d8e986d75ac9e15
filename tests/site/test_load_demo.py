"""`load_demo` builds the whole German demo site once and never duplicates it."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.db.models import Count
from wagtail.images import get_image_model
from wagtail.models import Page, Site

from kb.models import (
    ArticlePage,
    CallPage,
    EventPage,
    GoodExampleCollection,
    Partner,
    Signature,
    StandardPage,
)
from kb.taxonomy import District, FieldOfAction, TargetGroup
from projects.models import InitiativePage, ProjectIndexPage, ProjectPage
from website.demo import pairs
from website.demo.data import PROJECTS
from website.models import HomePage, TopicPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(db):
    call_command("load_demo")


def counts() -> dict[str, int]:
    return {
        "pages": Page.objects.count(),
        "partners": Partner.objects.count(),
        "signatures": Signature.objects.count(),
        "collections": GoodExampleCollection.objects.count(),
        "images": get_image_model().objects.count(),
    }


def test_load_demo_twice_gives_no_duplicates(demo):
    first = counts()

    call_command("load_demo")

    assert counts() == first
    assert HomePage.objects.count() == 1
    assert Site.objects.get(is_default_site=True).root_page.specific_class is HomePage
    duplicated = (
        Page.objects.values("path").annotate(n=Count("id")).filter(n__gt=1).exists()
    )
    assert not duplicated


def test_second_run_only_checks_and_skips(demo, django_assert_max_num_queries):
    with django_assert_max_num_queries(10):
        call_command("load_demo")


def test_missing_pages_are_rebuilt_without_touching_the_rest(demo):
    before = counts()
    ArticlePage.objects.get(slug="wohnraum-vermitteln").delete()

    call_command("load_demo")

    assert counts() == before


def test_the_tree_has_every_section(demo):
    home = HomePage.objects.get()
    slugs = set(home.get_children().values_list("slug", flat=True))
    assert {"projekte", "initiativen", "wissen", "veranstaltungen", "partner"} <= slugs
    assert {"aufruf", "impressum", "datenschutz", "barrierefreiheit"} <= slugs
    assert "open-data-lizenz" in slugs
    assert ProjectIndexPage.objects.get().slug == "projekte"
    assert TopicPage.objects.count() == FieldOfAction.objects.count() == 9
    assert ArticlePage.objects.count() >= 6
    assert StandardPage.objects.count() == 4
    assert home.good_examples.items.count() >= 3
    assert all(topic.good_examples_id for topic in TopicPage.objects.all())


def test_projects_cover_regions_districts_fields_and_groups(demo):
    projects = ProjectPage.objects.live()
    assert projects.count() >= 60
    assert InitiativePage.objects.live().count() >= 15
    assert all(
        isinstance(project.get_parent().specific, InitiativePage)
        for project in projects
    )
    districts = District.objects.filter(projects__in=projects).distinct()
    assert districts.count() >= 25
    assert districts.values("region").distinct().count() == 4
    assert FieldOfAction.objects.filter(projects__in=projects).distinct().count() == 9
    assert (
        TargetGroup.objects.filter(projects__in=projects).distinct().count()
        == TargetGroup.objects.count()
    )
    assert projects.filter(featured=True).exists()
    assert not projects.filter(good_example=True, good_example_reason="").exists()
    assert projects.filter(gallery_images__isnull=False).exists()
    assert InitiativePage.objects.filter(logo__isnull=False).exists()


def test_events_are_past_and_upcoming_of_every_kind(demo):
    events = EventPage.objects.live()
    assert events.count() >= 4
    assert any(event.is_past for event in events)
    assert any(not event.is_past for event in events)
    assert {"state_conference", "regional_conference", "workshop"} <= set(
        events.values_list("kind", flat=True)
    )


def test_call_has_confirmed_public_and_private_signatures(demo):
    call = CallPage.objects.get()
    confirmed = call.confirmed()
    assert confirmed.filter(kind="person").exists()
    assert confirmed.filter(kind="institution").exists()
    assert confirmed.filter(list_publicly=True).exists()
    assert confirmed.filter(list_publicly=False).exists()
    assert Partner.objects.filter(name__contains="Gewerkschaftsbund").exists()


def test_benchmark_pairs_name_existing_demo_projects():
    slugs = {spec.slug for spec in PROJECTS}
    for group in (pairs.SIMILAR, pairs.COMPLEMENTARY, pairs.NON_MATCHES):
        for first, second in group:
            assert first in slugs and second in slugs, (first, second)


def test_complementary_pairs_really_offer_what_the_other_needs():
    specs = {spec.slug: spec for spec in PROJECTS}
    for first, second in pairs.COMPLEMENTARY:
        a, b = specs[first], specs[second]
        a_to_b = {c for c, _ in a.needs} & {c for c, _ in b.offers}
        b_to_a = {c for c, _ in b.needs} & {c for c, _ in a.offers}
        assert a_to_b or b_to_a, (first, second)


def test_home_page_lists_demo_projects(demo, client):
    response = client.get("/")

    assert response.status_code == 200
    assert "Sprachpatenschaften in Celle" in response.content.decode()


def test_every_demo_project_leads_with_its_fields_illustration(demo, client):
    from projects.models import ProjectGalleryImage
    from projects.templatetags.profile_tags import lead_picture
    from website.demo.illustrations import TITLE_PREFIX

    projects = ProjectPage.objects.filter(external_id__startswith="demo:")
    assert projects.count() == len(PROJECTS)
    for project in projects:
        lead = lead_picture(project)
        assert lead.image.title.startswith(TITLE_PREFIX)
        assert lead.alt_text.startswith("Illustration zum Handlungsfeld ")
        assert lead.image.description == lead.alt_text
        assert (lead.image.width, lead.image.height) == (1200, 750)
    drawn = get_image_model().objects.filter(title__startswith=TITLE_PREFIX)
    assert drawn.count() == FieldOfAction.objects.count()
    assert not get_image_model().objects.filter(description="").exists()

    html = client.get(projects.first().url).content.decode()
    assert '<picture><source sizes="(min-width: 75rem) 72rem, 100vw"' in html
    assert 'type="image/webp"' in html
    assert 'alt="Illustration zum Handlungsfeld ' in html

    # A demo site loaded before the illustrations gets them on the next run.
    older = projects.get(slug="sprachpatenschaften-celle")  # and a photo
    ProjectGalleryImage.objects.filter(page=older, image__in=drawn).delete()
    call_command("load_demo")
    titles = [item.image.title for item in older.gallery_images.all()]
    assert titles[0].startswith(TITLE_PREFIX)
    assert len(titles) == 2
    assert lead_picture(older).image.title == titles[0]
