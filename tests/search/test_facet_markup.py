"""The facet checkboxes, result cards and map links written in Python escape
what editors and initiatives typed, as the template did (pure units, no
services)."""

from __future__ import annotations

import json

from django.http import QueryDict
from django.utils.translation import override

from kb.templatetags.map_tags import _markers_script, marker_links, marker_shapes
from projects.card_details import CardDetails
from projects.cards import Thumbnail
from search.backends import Hit
from search.highlight import POST, PRE, render_highlight
from search.templatetags.facet_tags import facet_fieldsets
from search.templatetags.result_tags import result_cards


def test_facet_labels_and_values_are_escaped_and_labelled():
    html = facet_fieldsets(
        [
            {
                "name": "tag",
                "title": "Schlagwort",
                "items": [
                    {
                        "value": '"><b>',
                        "label": "<script>x</script>",
                        "count": 3,
                        "checked": True,
                    },
                    {
                        "value": "sprache",
                        "label": "Sprache",
                        "count": 1,
                        "checked": False,
                    },
                ],
            }
        ]
    )
    assert "<script>" not in html and "&lt;script&gt;x&lt;/script&gt; (3)" in html
    assert 'value="&quot;&gt;&lt;b&gt;" checked>' in html
    assert '<input type="checkbox" id="f-tag-2" name="tag" value="sprache">' in html
    assert '<label for="f-tag-2">Sprache (1)</label>' in html
    assert html.count("<fieldset") == 1
    assert '<legend class="visually-hidden">Schlagwort</legend>' in html
    # A selected value opens its facet's disclosure.
    opened = '<details class="facet" open>\n<summary>Schlagwort</summary>'
    assert html.startswith(opened)


def test_a_facet_without_a_selection_is_closed():
    item = {"value": "sprache", "label": "Sprache", "count": 2, "checked": False}
    html = facet_fieldsets(
        [{"name": "field", "title": "Handlungsfeld", "items": [item]}]
    )
    assert html.startswith('<details class="facet">\n<summary>Handlungsfeld</summary>')
    assert html.endswith("</fieldset>\n</details>")


def test_marker_links_keep_the_search_and_reset_the_page():
    params = QueryDict("q=Sprache&district=03351&page=3&field=arbeit")
    markers = [
        {
            "ags": "03352",
            "name": "Cuxhaven & Umgebung",
            "count": 4,
            "lat": 53.8,
            "lon": 8.7,
        },
    ]
    html = marker_links(params, markers)
    assert html == (
        '<li><a href="?q=Sprache&amp;district=03352&amp;field=arbeit">'
        "Cuxhaven &amp; Umgebung</a> (4)</li>"
    )
    assert params.getlist("district") == ["03351"]
    shapes = marker_shapes(markers)
    assert shapes.count("<circle") == 1 and ">4</text>" in shapes


def test_marker_json_cannot_end_its_script_element():
    markers = [
        {
            "ags": "03352",
            "name": "</script><b>A & B",
            "count": 4,
            "lat": 53.8,
            "lon": 8.7,
        }
    ]
    html = _markers_script(markers)
    assert html.startswith('<script id="search-map-markers" type="application/json">')
    data = html.removeprefix(
        '<script id="search-map-markers" type="application/json">'
    ).removesuffix("</script>")
    assert "<" not in data and ">" not in data and "&" not in data
    assert json.loads(data) == markers


def _hit(**values) -> Hit:
    fields = {
        "id": 1,
        "slug": "s",
        "url": "/projekte/s/",
        "title": "Sprachcafé",
        "teaser": "Deutsch üben.",
        "organisation": "",
        "districts": [],
        "fields": [],
    }
    return Hit(**{**fields, **values})


def test_result_cards_escape_everything_but_the_marked_snippet():
    details = CardDetails(
        status="active",
        status_label="<u>laufend</u>",
        good_example=True,
        regions=["Lüneburg & Co"],
        thumbnail=Thumbnail('/m/"x.webp', '/m/"x.jpg', 480, 320, 'Bild "A"'),
    )
    html = result_cards(
        [
            _hit(
                url='/p/"><script>',
                title="<b>Titel</b>",
                organisation="A & B",
                districts=["Celle", "<i>x</i>"],
                fields=["Sprache"],
                highlight=render_highlight(f"Ein {PRE}<Sprach>{POST}café"),
                promoted=True,
            ),
            _hit(id=2, teaser="<em>Kurz</em>"),
        ],
        {1: details},
    )
    assert "<script>" not in html and 'href="/p/&quot;&gt;&lt;script&gt;"' in html
    assert ">&lt;b&gt;Titel&lt;/b&gt;</a>" in html
    assert "<p>Ein <mark>&lt;Sprach&gt;</mark>café</p>" in html
    assert '<p class="meta">A &amp; B · Sprache</p>' in html
    assert "Celle, &lt;i&gt;x&lt;/i&gt; · Region Lüneburg &amp; Co</p>" in html
    assert 'srcset="/m/&quot;x.webp"' in html
    assert (
        'src="/m/&quot;x.jpg" width="480" height="320" alt="Bild &quot;A&quot;"' in html
    )
    assert "&lt;u&gt;laufend&lt;/u&gt;" in html
    assert html.count('<span class="kern-label">Empfehlung der Redaktion</span>') == 1
    assert html.count('<span class="kern-label">Gutes Beispiel</span>') == 1
    assert "<p>&lt;em&gt;Kurz&lt;/em&gt;</p>" in html
    # A hit without organisation, districts, fields or details has no meta
    # line, no picture and no badges.
    assert html.count('class="meta') == 2 and html.count('<article class="card') == 2
    assert html.count("<img") == 1 and html.count('class="badges"') == 1


def test_result_badge_follows_the_language():
    with override("en"):
        html = result_cards([_hit(promoted=True)], {})
    assert "Empfehlung" not in html
