"""Categories of offers and needs inferred from their text: confidence
stored, a person's choice kept, on import and in the idempotent backfill."""

from __future__ import annotations

import json
from io import StringIO

import pytest
from django.core.management import call_command

from kb.taxonomy import OfferNeedCategory
from projects.models import ProjectNeed, ProjectOffer, ProjectPage
from search.offer_categories import classify

from .builders import Spec, build

pytestmark = [pytest.mark.django_db, pytest.mark.services]


def test_interpreting_text_is_sorted_into_language_mediation():
    guess = classify("Dolmetscher für Arztbesuche gesucht")
    assert guess is not None
    assert guess.slug == "sprachmittlung"
    assert 0.3 <= guess.confidence <= 1.0
    assert guess.keywords


def test_editors_keywords_teach_the_classifier_a_new_word():
    assert classify("Lastenrad für Einkäufe") is None
    category = OfferNeedCategory.objects.get(slug="mobilitaet")
    category.keywords += ", Lastenrad"
    category.save()

    guess = classify("Lastenrad für Einkäufe")

    assert guess is not None and guess.slug == "mobilitaet"


def test_clearer_text_gets_higher_confidence():
    clear = classify("Wohnung oder Zimmer für eine Familie, Vermieter gesucht")
    vague = classify("Zimmer")
    assert clear is not None and vague is not None
    assert clear.confidence > vague.confidence


def _import(tmp_path, offers, needs):
    row = {
        "external_id": "cat-1",
        "title": "Begegnungscafé Nienburg",
        "teaser": "Ein offener Treff.",
        "districts": ["03256"],
        "fields": ["teilhabe"],
        "offers": offers,
        "needs": needs,
        "publish": True,
    }
    path = tmp_path / "rows.json"
    path.write_text(json.dumps([row], ensure_ascii=False), encoding="utf-8")
    call_command("import_projects", str(path), stdout=StringIO())
    return ProjectPage.objects.get(external_id="cat-1")


def test_import_infers_missing_categories_and_keeps_chosen_ones(site_tree, tmp_path):
    project = _import(
        tmp_path,
        offers=[{"category": "raeume", "text": "Dolmetscher für Arabisch"}],
        needs=[{"category": "", "text": "Dolmetscher für Arabisch und Dari"}],
    )

    offer = project.offers.get()
    need = project.needs.get()
    # The person said "Räume" for an interpreting text: their choice stays.
    assert offer.category.slug == "raeume"
    assert offer.category_source == "person"
    assert offer.category_confidence is None
    assert need.category.slug == "sprachmittlung"
    assert need.category_source == "inferred"
    assert 0.3 <= need.category_confidence <= 1.0


def test_backfill_is_idempotent_and_leaves_people_s_choices(site_tree):
    page = build(
        site_tree,
        Spec(
            "alt",
            "Altes Projekt",
            "Vor der Einordnung angelegt.",
            districts=("03256",),
            offers=(("raeume", "Fahrdienst zu Terminen"),),
            needs=(("", "Ehrenamtliche Helferinnen für die Hausaufgabenhilfe"),),
        ),
    )
    ProjectNeed.objects.filter(page=page).update(
        category=None, category_source="", category_confidence=None
    )
    ProjectOffer.objects.filter(page=page).update(category_source="")

    first, second = StringIO(), StringIO()
    call_command("infer_categories", stdout=first)
    snapshot = list(
        ProjectNeed.objects.filter(page=page).values_list(
            "category__slug", "category_source", "category_confidence"
        )
    )
    call_command("infer_categories", stdout=second)

    assert first.getvalue().startswith("2 ")
    assert second.getvalue().startswith("0 ")
    assert snapshot == list(
        ProjectNeed.objects.filter(page=page).values_list(
            "category__slug", "category_source", "category_confidence"
        )
    )
    slug, source, confidence = snapshot[0]
    assert source == "inferred" and slug is not None and confidence > 0
    offer = ProjectOffer.objects.get(page=page)
    assert offer.category.slug == "raeume" and offer.category_source == "person"
