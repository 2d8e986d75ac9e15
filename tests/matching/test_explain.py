"""Reasons become German sentences a person can check."""

from __future__ import annotations

from django.utils.translation import override

from matching.explain import explain, in_place


def test_issue_example_reads_as_in_the_issue():
    text = explain(
        [
            {"type": "shared_field", "value": "sprache", "label": "Sprachförderung"},
            {"type": "same_district", "value": "03351", "label": "Landkreis Celle"},
            {
                "type": "offer_need",
                "direction": "target_offers",
                "category": "sprachmittlung",
                "label": "Sprachmittlung",
                "need": "Dolmetscher",
                "offer": "Dolmetscher für Arabisch",
            },
            {"type": "distance_km", "value": 23},
        ]
    )
    assert text == (
        "Beide arbeiten im Handlungsfeld Sprachförderung im Landkreis Celle. "
        "Sie suchen: „Dolmetscher“ – dieses Projekt bietet: "
        "„Dolmetscher für Arabisch“ (23 km entfernt)."
    )


def test_other_direction_says_this_project_needs_what_you_offer():
    text = explain(
        [
            {
                "type": "offer_need",
                "direction": "source_offers",
                "label": "Räume",
                "need": "Ein Raum für Kurse",
                "offer": "Gruppenraum",
            }
        ]
    )
    assert (
        text
        == "Dieses Projekt sucht: „Ein Raum für Kurse“ – Sie bieten: „Gruppenraum“."
    )


def test_places_get_the_right_preposition():
    assert in_place("Landkreis Celle") == "im Landkreis Celle"
    assert in_place("Region Hannover") == "in der Region Hannover"
    assert in_place("Braunschweig") == "in Braunschweig"


def test_groups_tags_terms_and_statewide_are_named():
    text = explain(
        [
            {"type": "shared_target_group", "value": "frauen", "label": "Frauen"},
            {
                "type": "shared_target_group",
                "value": "familien",
                "label": "Familien",
                "different_fields": True,
            },
            {"type": "shared_tag", "value": "kita", "label": "Kita"},
            {"type": "text", "terms": ["sprachcafé", "deutsch"]},
            {"type": "statewide"},
        ]
    )
    assert "Beide richten sich an: Frauen." in text
    assert "Beide erreichen Familien – über verschiedene Handlungsfelder." in text
    assert "Gemeinsame Schlagwörter: Kita." in text
    assert "Ähnliche Begriffe in den Beschreibungen: sprachcafé und deutsch." in text
    assert text.endswith("Eines der beiden Projekte arbeitet landesweit.")


def test_distance_alone_is_a_sentence():
    assert explain([{"type": "distance_km", "value": 40}]) == "40 km entfernt."


def test_the_english_ui_reads_the_reasons_in_english():
    with override("en"):
        text = explain(
            [
                {"type": "shared_field", "label": "Sprachförderung"},
                {"type": "shared_field", "label": "Arbeitsmarktintegration"},
                {"type": "same_region", "label": "Lüneburg"},
                {"type": "shared_tag", "label": "Patenschaft"},
                {"type": "distance_km", "value": 1},
            ]
        )
    assert text == (
        "Both work in the fields of action Sprachförderung and "
        "Arbeitsmarktintegration in the Lüneburg region. "
        "Shared keywords: Patenschaft (very close by)."
    )


def test_a_named_need_quotes_the_description():
    reason = {
        "type": "offer_need",
        "label": "",
        "need": "Die Anmeldung bei der Anerkennungsberatung wird vorbereitet.",
        "offer": "Anerkennungsberatung",
        "named": True,
    }
    mine = explain([{**reason, "direction": "target_offers"}])
    theirs = explain([{**reason, "direction": "source_offers"}])
    assert mine.startswith("Sie schreiben: „Die Anmeldung")
    assert theirs.startswith("Dieses Projekt schreibt: „Die Anmeldung")
    assert theirs.endswith("Sie bieten: „Anerkennungsberatung“.")
    with override("en"):
        assert explain([{**reason, "direction": "target_offers"}]).startswith(
            "You write: “Die Anmeldung"
        )
