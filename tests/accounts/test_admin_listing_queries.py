"""Malformed query values in the Wagtail admin's listings, choosers,
reports and the admin API, as superuser on the real database: none may end
in a 500. The walk sends every listing the values any listing takes (page
number, ordering, a search of 5000 characters, a NUL character, an unknown
export) and the filters it has with malformed values. What it found (a
search of many words, a NUL character compared as text, the admin API's
offset beyond bigint, the link choosers' parent page) answers 400 with a
German explanation (``accounts.views.admin_query_guard``); the tests after
the walk pin those answers and show valid requests unchanged."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import Client
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from kb.taxonomy import Region
from tests.accounts.conftest import png_bytes
from tests.factories.pages import make_project

pytestmark = pytest.mark.django_db

TOO_LARGE = "99999999999999999999"
# 5000 characters, 500 words.
LONG_SEARCH = " ".join(["Sprachcafé"] * 455)[:5000]
LONG_MESSAGE = "Suchbegriff zu lang"
NUL_MESSAGE = "Ungültiges Zeichen in der Adresse"
NUMBER_MESSAGE = "Ungültige Nummer in der Adresse"

EVERY_LISTING = [
    {"p": "abc"},
    {"p": "-1"},
    {"p": TOO_LARGE},
    {"ordering": "nonexistent"},
    {"q": LONG_SEARCH},
    {"q": "\x00"},
    {"export": "xyz"},
]
PAGE_FILTERS = [
    {"locale": "xx"},
    {"content_type": "abc"},
    {"owner": TOO_LARGE},
    {"site": "abc"},
    {"edited_by": "abc"},
    {"has_child_pages": "abc"},
    {"latest_revision_created_at_from": "abc"},
]
HISTORY_FILTERS = [
    {"action": "abc"},
    {"user": "abc"},
    {"timestamp_from": "abc"},
    {"is_commenting_action": "abc"},
]
PAGE_CHOOSER = [{"page_type": "abc"}, {"page_type": "a.b"}, {"locale": "xx"}]
LINK_CHOOSER = [{"parent_page_id": "abc"}, {"parent_page_id": TOO_LARGE}]
IMAGE_FILTERS = [
    {"collection_id": "abc"},
    {"collection_id": TOO_LARGE},
    {"tag": "gibt-es-nicht"},
    {"tag": "\x00"},
]
API = [
    {"search": LONG_SEARCH},
    {"search": "\x00"},
    {"locale": "\x00"},
    {"offset": TOO_LARGE},
    {"limit": "abc"},
    {"child_of": TOO_LARGE},
    {"type": "abc"},
    {"order": "abc"},
    {"fields": "abc"},
]
SNIPPETS = [
    "kb/region",
    "kb/district",
    "kb/fieldofaction",
    "kb/targetgroup",
    "kb/offerneedcategory",
    "kb/organisationtype",
    "kb/partner",
    "kb/goodexamplecollection",
    "taggit/tag",
    "search/synonymgroup",
    "search/glossaryentry",
]

# The listings by family: address (with the numbers of the objects made
# below) and the filters of the view beyond EVERY_LISTING.
LISTINGS: dict[str, list[tuple[str, list[dict]]]] = {
    "pages": [
        ("/admin/pages/", PAGE_FILTERS),
        ("/admin/pages/{home}/", PAGE_FILTERS),
        ("/admin/pages/{home}/results/", PAGE_FILTERS),
        ("/admin/pages/search/", PAGE_FILTERS),
        ("/admin/pages/{project}/history/", HISTORY_FILTERS),
        ("/admin/pages/{project}/usage/", []),
        ("/admin/pages/usage/projects/projectpage/", [{"locale": "xx"}]),
    ],
    "choosers": [
        ("/admin/choose-page/", PAGE_CHOOSER),
        ("/admin/choose-page/{home}/", PAGE_CHOOSER),
        ("/admin/choose-page/search/", PAGE_CHOOSER),
        ("/admin/choose-external-link/", LINK_CHOOSER),
        ("/admin/choose-email-link/", LINK_CHOOSER),
        ("/admin/choose-phone-link/", LINK_CHOOSER),
        ("/admin/choose-anchor-link/", LINK_CHOOSER),
        ("/admin/tag-autocomplete/", [{"term": "\x00"}, {"term": LONG_SEARCH}]),
        ("/admin/images/chooser/", IMAGE_FILTERS),
        ("/admin/images/chooser/results/", IMAGE_FILTERS),
        ("/admin/documents/chooser/", IMAGE_FILTERS[:2]),
        ("/admin/snippets/choose/kb/district/", [{"locale": "xx"}]),
        ("/admin/workflows/task_chooser/", []),
    ],
    "images and documents": [
        ("/admin/images/", IMAGE_FILTERS),
        ("/admin/images/usage/{image}/", []),
        ("/admin/documents/", IMAGE_FILTERS[:2]),
        ("/admin/documents/usage/{document}/", []),
    ],
    "snippets": [
        ("/admin/snippets/", []),
        *[(f"/admin/snippets/{snippet}/", [{"locale": "xx"}]) for snippet in SNIPPETS],
        ("/admin/snippets/kb/region/history/{region}/", HISTORY_FILTERS),
        ("/admin/snippets/kb/region/usage/{region}/", [{"describe_on_delete": "x"}]),
    ],
    "settings": [
        ("/admin/users/", [{"is_superuser": "abc"}, {"last_login_from": "abc"}]),
        ("/admin/groups/", []),
        ("/admin/sites/", []),
        ("/admin/collections/", []),
        ("/admin/workflows/list/", [{"show_disabled": "abc"}]),
        ("/admin/workflows/tasks/index/", [{"show_disabled": "abc"}]),
        ("/admin/redirects/", [{"is_permanent": "abc"}, {"site": "abc"}]),
        ("/admin/searchpicks/", []),
        ("/admin/forms/", [{"content_type": "abc"}]),
    ],
    "reports": [
        ("/admin/reports/locked/", [{"locked_by": "abc"}, {"locked_at_from": "abc"}]),
        (
            "/admin/reports/workflow/",
            [{"reviewable": "abc"}, {"requested_by": "abc"}, {"created_at_from": "x"}],
        ),
        (
            "/admin/reports/workflow_tasks/",
            [{"workflow": "abc"}, {"task": "abc"}, {"started_at_from": "abc"}],
        ),
        ("/admin/reports/site-history/", [*HISTORY_FILTERS, {"object_type": "abc"}]),
        (
            "/admin/reports/aging-pages/",
            [{"last_published_at": "abc"}, {"content_type": "abc"}],
        ),
        ("/admin/reports/page-types-usage/", [{"page_locale": "xx"}, {"site": "abc"}]),
        ("/admin/searchpicks/reports/search-terms/", [{"hit_date_from": "abc"}]),
        ("/admin/reports/stale/", []),
    ],
    "project reports": [
        ("/admin/treffer/", [{"project": TOO_LARGE}, {"state": "abc"}]),
        ("/admin/treffer/auswertung/", []),
        ("/admin/treffer/vorschlaege/", [{"kind": "abc"}]),
        ("/admin/suchauswertung/", [{"tage": "abc"}, {"tage": TOO_LARGE}]),
        ("/admin/suchindex-fehler/", []),
        ("/admin/bildfreigabe/", []),
    ],
    "admin api": [
        ("/admin/api/main/pages/", API),
        ("/admin/api/main/documents/", API),
        ("/admin/api/main/images/", API),
    ],
}


@pytest.fixture
def objects(site_tree, admin_user) -> dict[str, int]:
    """One object of each kind the listings with a number need."""
    project = make_project(site_tree)
    document = get_document_model().objects.create(
        title="Leitfaden", file=SimpleUploadedFile("leitfaden.pdf", b"%PDF-1.4")
    )
    image = get_image_model().objects.create(
        title="Sprachcafé", file=SimpleUploadedFile("bild.png", png_bytes())
    )
    return {
        "home": site_tree.get_parent().pk,
        "project": project.pk,
        "document": document.pk,
        "image": image.pk,
        "region": Region.objects.order_by("pk").first().pk,
    }


@pytest.fixture
def superuser(admin_user) -> Client:
    """A superuser's browser that gets a server error as a 500 answer."""
    client = Client(raise_request_exception=False)
    client.force_login(admin_user)
    return client


@pytest.mark.parametrize("family", LISTINGS)
def test_no_malformed_query_value_is_a_server_error(superuser, objects, family):
    server_errors = []
    for address, filters in LISTINGS[family]:
        listing = address.format(**objects)
        assert superuser.get(listing).status_code == 200, listing
        for query in EVERY_LISTING + filters:
            # A database error must not end the test's transaction.
            with transaction.atomic():
                status = superuser.get(listing, query).status_code
            if status >= 500:
                server_errors.append((listing, query, status))

    assert server_errors == []


SEARCHABLE = [
    "/admin/pages/search/",
    "/admin/pages/{home}/",
    "/admin/choose-page/search/",
    "/admin/documents/",
    "/admin/images/chooser/results/",
    "/admin/snippets/kb/district/",
    "/admin/snippets/choose/kb/district/",
    "/admin/forms/",
]


@pytest.mark.parametrize("address", SEARCHABLE)
def test_a_search_of_too_many_words_is_a_clear_error(superuser, objects, address):
    response = superuser.get(address.format(**objects), {"q": LONG_SEARCH})

    assert response.status_code == 400
    assert LONG_MESSAGE in response.content.decode()


def test_a_search_of_fifty_words_is_still_wagtails(superuser, objects):
    words = " ".join(["Sprachcafé", "Celle"] * 25)

    response = superuser.get("/admin/pages/search/", {"q": words})

    assert response.status_code == 200
    assert "Sprachcafé Celle" in response.content.decode()


@pytest.mark.parametrize(
    ("address", "query"),
    [
        ("/admin/images/chooser/", {"tag": "\x00"}),
        ("/admin/images/chooser/results/", {"tag": "a\x00b"}),
        ("/admin/api/main/pages/", {"search": "\x00"}),
        ("/admin/api/main/pages/", {"locale": "\x00"}),
        ("/admin/api/main/images/", {"search": "\x00"}),
        ("/admin/documents/", {"q\x00": "x"}),
    ],
)
def test_a_nul_character_in_the_query_is_a_clear_error(
    superuser, objects, address, query
):
    response = superuser.get(address, query)

    assert response.status_code == 400
    assert NUL_MESSAGE in response.content.decode()


@pytest.mark.parametrize("endpoint", ["pages", "documents", "images"])
def test_an_api_offset_beyond_bigint_is_a_clear_error(superuser, objects, endpoint):
    response = superuser.get(f"/admin/api/main/{endpoint}/", {"offset": TOO_LARGE})

    assert response.status_code == 400
    assert NUMBER_MESSAGE in response.content.decode()


def test_the_admin_api_still_lists_and_pages(superuser, objects):
    listing = superuser.get(
        "/admin/api/main/pages/", {"child_of": objects["home"], "offset": "0"}
    )
    beyond = superuser.get("/admin/api/main/pages/", {"offset": str(2**63 - 1)})

    assert listing.status_code == 200
    assert listing.json()["meta"]["total_count"] == 1
    assert listing.json()["items"][0]["meta"]["detail_url"].endswith(
        f"/admin/api/main/pages/{site_tree_pk(objects)}/"
    )
    assert beyond.status_code == 200
    assert beyond.json()["items"] == []


def site_tree_pk(objects: dict[str, int]) -> int:
    """The project index below the home page."""
    from projects.models import ProjectIndexPage

    return ProjectIndexPage.objects.get().pk


@pytest.mark.parametrize("chooser", ["external", "email", "phone", "anchor"])
@pytest.mark.parametrize("value", ["abc", "²", "-1"])
def test_a_malformed_parent_page_in_a_link_chooser_is_a_clear_error(
    superuser, chooser, value
):
    response = superuser.get(
        f"/admin/choose-{chooser}-link/", {"parent_page_id": value}
    )

    assert response.status_code == 400
    assert NUMBER_MESSAGE in response.content.decode()


def test_a_link_chooser_still_returns_to_its_parent_page(superuser, objects):
    response = superuser.get(
        "/admin/choose-external-link/", {"parent_page_id": objects["home"]}
    )

    assert response.status_code == 200
    assert (
        reverse("wagtailadmin_choose_page_child", args=[objects["home"]])
        in (response.json()["html"])
    )


def test_the_guarded_listings_still_require_the_admin_login(client):
    response = client.get("/admin/documents/", {"q": LONG_SEARCH})

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
