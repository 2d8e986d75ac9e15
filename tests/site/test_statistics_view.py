"""The statistics page: cross table, status, months, supporters, chart."""

from __future__ import annotations

import pytest
from django.utils import timezone

from kb.models import Signature
from tests.site.content import add_project
from website.stats import bar_chart_svg, new_per_month

pytestmark = pytest.mark.django_db


def test_statistics_count_projects_by_region_field_status_and_supporters(
    client, site_content
):
    add_project(site_content.project_index, "Jobpaten", ("03101",), ("arbeit",))
    for kind, email, confirmed in [
        ("person", "a@example.org", True),
        ("person", "b@example.org", False),
        ("institution", "c@example.org", True),
    ]:
        Signature.objects.create(
            call=site_content.call,
            kind=kind,
            name="N",
            email=email,
            consent_text="ok",
            consented_at=timezone.now(),
            confirmed_at=timezone.now() if confirmed else None,
        )
    response = client.get("/statistik/")
    assert response.status_code == 200
    context = response.context
    rows = {label: values for label, values, _ in context["cross"].rows}
    columns = context["cross"].columns
    assert rows["Lüneburg"][columns.index("Sprachförderung")] == 1
    assert rows["Braunschweig"][columns.index("Arbeitsmarktintegration")] == 1
    assert rows["Braunschweig"][columns.index("Sprachförderung")] == 0
    assert dict(context["statuses"])["laufend"] == 2
    assert context["supporters"] == {"persons": 1, "institutions": 1}
    assert context["monthly"][-1][1] == 2
    html = response.content.decode()
    assert '<svg class="chart"' in html and 'aria-describedby="monthly-table"' in html
    assert '<table id="monthly-table">' in html


def test_new_per_month_covers_twelve_months_ending_this_month(site_content):
    months = new_per_month()
    assert len(months) == 12
    assert months[-1][0] == timezone.localdate().replace(day=1)


def test_chart_escapes_labels():
    svg = bar_chart_svg([("<b>", 1)], title="T & U", table_id="t")
    assert "<b>" not in svg and "&lt;b&gt;" in svg and "T &amp; U" in svg
