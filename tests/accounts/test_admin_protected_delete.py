"""Deleting a snippet that other rows still need (``on_delete=PROTECT``):
Wagtail's delete view and its bulk delete offered the button while the
reference index did not know the protecting rows, and the POST ended in
``ProtectedError``, a 500. The answer must be a German explanation and a
4xx with nothing deleted; objects nobody needs are still Wagtail's."""

from __future__ import annotations

import pytest

from kb.models import Partner
from kb.taxonomy import District, OrganisationType, Region

pytestmark = pytest.mark.django_db

REFUSED = "Kann nicht gelöscht werden"
DELETE = "/admin/snippets/kb/{model}/delete/{pk}/"
BULK_DELETE = "/admin/bulk/kb/{model}/delete/"


@pytest.fixture
def region() -> Region:
    """Braunschweig, with its ten districts."""
    return Region.objects.get(districts__ags="03101")


@pytest.fixture
def spare_region() -> Region:
    """A region no district belongs to."""
    return Region.objects.create(name="Testregion", slug="testregion")


def test_posting_the_deletion_of_a_region_with_districts_is_refused(
    admin_client, region
):
    districts = set(region.districts.values_list("pk", flat=True))

    response = admin_client.post(DELETE.format(model="region", pk=region.pk))

    assert response.status_code == 409
    page = response.content.decode()
    assert REFUSED in page
    assert "Landkreise und kreisfreie Städte (10)" in page
    assert "Salzgitter" in page
    assert Region.objects.filter(pk=region.pk).exists()
    assert set(region.districts.values_list("pk", flat=True)) == districts


def test_the_delete_page_of_a_region_with_districts_offers_no_button(
    admin_client, region
):
    delete = DELETE.format(model="region", pk=region.pk)

    response = admin_client.get(delete)

    assert response.status_code == 200
    page = response.content.decode()
    assert REFUSED in page
    assert f'action="{delete}"' not in page
    assert 'href="/admin/snippets/kb/region/"' in page


def test_bulk_deleting_regions_one_of_which_has_districts_deletes_none(
    admin_client, region, spare_region
):
    bulk = BULK_DELETE.format(model="region")
    address = f"{bulk}?id={region.pk}&id={spare_region.pk}"

    asked = admin_client.get(address)
    done = admin_client.post(address)

    assert asked.status_code == 200
    assert done.status_code == 409
    page = done.content.decode()
    assert REFUSED in page
    assert f"<h2>{region}</h2>" in page
    assert f"<h2>{spare_region}</h2>" not in page
    assert Region.objects.filter(pk__in=[region.pk, spare_region.pk]).count() == 2
    assert District.objects.filter(region=region).count() == 10


def test_every_kind_of_row_that_needs_an_organisation_type_is_named(
    admin_client, site_tree
):
    from projects.models import InitiativePage

    kind = OrganisationType.objects.create(name="Teststiftung", slug="teststiftung")
    Partner.objects.create(name="Bürgerstiftung Celle", organisation_type=kind)
    initiative = InitiativePage(title="Stiftung Lesepaten", organisation_type=kind)
    site_tree.add_child(instance=initiative)

    response = admin_client.post(DELETE.format(model="organisationtype", pk=kind.pk))

    assert response.status_code == 409
    page = response.content.decode()
    assert "Bürgerstiftung Celle" in page
    assert "Stiftung Lesepaten" in page
    assert OrganisationType.objects.filter(pk=kind.pk).exists()


def test_a_region_without_districts_is_still_deleted_by_wagtail(
    admin_client, spare_region
):
    delete = DELETE.format(model="region", pk=spare_region.pk)

    asked = admin_client.get(delete)
    done = admin_client.post(delete)

    assert asked.status_code == 200
    assert f'action="{delete}"' in asked.content.decode()
    assert done.status_code == 302
    assert not Region.objects.filter(pk=spare_region.pk).exists()


def test_regions_without_districts_are_still_bulk_deleted_by_wagtail(
    admin_client, spare_region
):
    other = Region.objects.create(name="Zweite Testregion", slug="testregion-2")
    bulk = BULK_DELETE.format(model="region")
    address = f"{bulk}?id={spare_region.pk}&id={other.pk}"

    response = admin_client.post(address)

    assert response.status_code == 302
    assert not Region.objects.filter(pk__in=[spare_region.pk, other.pk]).exists()


def test_without_the_permission_to_delete_the_refusal_is_wagtails(editor, region):
    response = editor.post(DELETE.format(model="region", pk=region.pk))

    assert response.status_code in (302, 403)
    assert Region.objects.filter(pk=region.pk).exists()
