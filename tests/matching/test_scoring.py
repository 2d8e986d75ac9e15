"""Pure scoring: weights, proximity order, directions, exclusions."""

from __future__ import annotations

import pytest

from kb.geo import distance_km
from matching import text as textsim
from matching.scoring.complementary import score_complementary
from matching.scoring.profile import OfferNeed, Profile, Scored
from matching.scoring.proximity import proximity
from matching.scoring.ranking import top_matches
from matching.scoring.similar import normalise_es_score, score_similar, text_similarity
from matching.scoring.weights import COMPLEMENTARY, SIMILAR, WEIGHTS

CELLE = (52.62, 10.08)
HERMANNSBURG = (52.83, 10.09)
LUENEBURG = (53.25, 10.41)
OSNABRUECK = (52.28, 8.05)


def profile(pid: int, **kwargs) -> Profile:
    kwargs.setdefault("fields", {"sprache": "Sprachförderung"})
    item = Profile(id=pid, title=f"P{pid}", **kwargs)
    counts, item.surface = textsim.term_counts(item.text)
    item.vector = textsim.tfidf(counts, {})
    return item


def reason_types(scored: Scored) -> list[str]:
    return [str(reason["type"]) for reason in scored.reasons]


def test_haversine_gives_kilometres_between_celle_and_lueneburg():
    assert 72 < distance_km(CELLE, LUENEBURG) < 75


def test_proximity_orders_district_region_near_statewide_far():
    source = profile(
        1,
        districts={"03351": "Landkreis Celle"},
        regions={"lueneburg": "Lüneburg"},
        location=CELLE,
    )
    same_district = profile(
        2, districts={"03351": "Landkreis Celle"}, regions={"lueneburg": "Lüneburg"}
    )
    same_region = profile(
        3,
        districts={"03355": "Landkreis Lüneburg"},
        regions={"lueneburg": "Lüneburg"},
        location=LUENEBURG,
    )
    near = profile(4, districts={"x": "X"}, regions={"y": "Y"}, location=HERMANNSBURG)
    statewide = profile(5, statewide=True)
    far = profile(6, districts={"03459": "LK Osnabrück"}, location=OSNABRUECK)
    values = [proximity(source, other)[0] for other in (same_district, same_region)]
    values += [proximity(source, other)[0] for other in (near, statewide, far)]
    assert values == sorted(values, reverse=True)
    assert len(set(values)) == 5


def test_distance_reason_carries_rounded_kilometres():
    source = profile(1, location=CELLE)
    other = profile(2, location=LUENEBURG)
    _, reasons = proximity(source, other)
    assert {"type": "distance_km", "value": 73} in reasons


def test_never_matches_itself_or_the_same_initiative():
    a = profile(1, initiative_id=9, text="Sprachcafé Deutsch üben")
    b = profile(2, initiative_id=9, text="Sprachcafé Deutsch üben")
    assert score_similar(a, a) is None
    assert score_similar(a, b) is None
    assert score_complementary(a, b) is None


def test_similar_counts_shared_fields_groups_tags_and_text():
    a = profile(
        1,
        text="Sprachcafé Deutsch üben Gesprächsrunde",
        target_groups={"frauen": "Frauen"},
        tags={"sprachcafé": "Sprachcafé"},
    )
    b = profile(
        2,
        text="Sprachcafé Deutsch üben Nachbarn",
        target_groups={"frauen": "Frauen"},
        tags={"sprachcafé": "Sprachcafé"},
    )
    scored = score_similar(a, b)
    assert scored is not None and scored.kind == SIMILAR
    assert {"shared_field", "shared_target_group", "shared_tag", "text"} <= set(
        reason_types(scored)
    )
    text = next(r for r in scored.reasons if r["type"] == "text")
    assert "sprachcafé" in text["terms"]


def test_shared_keyword_without_shared_field_is_no_similar_match():
    port = profile(1, fields={"arbeit": "Arbeit"}, text="Lotsen Schiffe Hafen Ems")
    guides = profile(2, text="Lotsen begleiten Behörden Schulen")
    assert score_similar(port, guides) is None


def test_both_paths_score_similar_text_alike():
    # Elasticsearch only names candidates; the topical cosine decides, so the
    # fallback and Elasticsearch rank a pair the same.
    a = profile(1, text="Sprachcafé Deutsch üben Gespräch Begegnung")
    b = profile(2, text="Sprachcafé Deutsch üben Gespräch Nachbarn")
    low = score_similar(a, b, text_score=0.0)
    high = score_similar(a, b, text_score=1.0)
    assert low is not None and high is not None
    assert high.score == low.score


def test_es_scores_are_normalised_below_one():
    assert normalise_es_score(0) == 0
    assert normalise_es_score(6) == pytest.approx(0.5)
    assert 0.5 < normalise_es_score(60) < 1


def test_need_meets_offer_in_both_directions():
    seeker = profile(
        1,
        needs=(OfferNeed("sprachmittlung", "Sprachmittlung", "Dolmetscher Arabisch"),),
        offers=(OfferNeed("raeume", "Räume", "Gruppenraum am Abend"),),
    )
    helper = profile(
        2,
        fields={"beratung": "Beratung"},
        offers=(OfferNeed("sprachmittlung", "Sprachmittlung", "Dolmetscher Arabisch"),),
        needs=(OfferNeed("raeume", "Räume", "Raum für Schulungen"),),
    )
    forward = score_complementary(seeker, helper)
    backward = score_complementary(helper, seeker)
    assert forward is not None and backward is not None
    directions = {r["direction"] for r in forward.reasons if r["type"] == "offer_need"}
    assert directions == {"target_offers", "source_offers"}
    first = next(r for r in forward.reasons if r["direction"] == "target_offers")
    assert first["category"] == "sprachmittlung"
    assert first["offer"] == "Dolmetscher Arabisch"
    assert forward.score == pytest.approx(backward.score)


def test_same_group_through_other_fields_is_complementary():
    a = profile(1, target_groups={"frauen": "Frauen"})
    b = profile(2, fields={"arbeit": "Arbeit"}, target_groups={"frauen": "Frauen"})
    c = profile(3, target_groups={"frauen": "Frauen"})
    scored = score_complementary(a, b)
    assert scored is not None
    assert scored.reasons[0]["different_fields"] is True
    assert score_complementary(a, c) is None


def test_nearer_partner_scores_higher():
    need = (OfferNeed("raeume", "Räume", "Raum"),)
    offer = (OfferNeed("raeume", "Räume", "Raum"),)
    source = profile(1, needs=need, location=CELLE, districts={"03351": "Celle"})
    near = profile(2, offers=offer, location=HERMANNSBURG)
    far = profile(3, offers=offer, location=OSNABRUECK)
    assert (
        score_complementary(source, near).score > score_complementary(source, far).score
    )


def test_top_matches_keeps_best_ten_above_floor():
    floor = WEIGHTS.min_score[COMPLEMENTARY]
    # Eight below the floor, twelve above it.
    scored = [
        Scored(i, COMPLEMENTARY, floor + (i - 8) * 0.02, []) for i in range(0, 20)
    ]
    kept = top_matches([*scored, None], COMPLEMENTARY)
    assert len(kept) == WEIGHTS.top_n
    assert kept[0].target_id == 19
    assert all(s.score >= WEIGHTS.min_score[COMPLEMENTARY] for s in kept)


def test_german_stem_folds_inflections():
    assert textsim.stem("Sprachpatenschaften".lower()) == textsim.stem(
        "sprachpatenschaft"
    )
    assert textsim.stem("lotsinnen") == "lots"


def test_high_elasticsearch_score_on_few_shared_words_is_no_similar_match():
    port = profile(
        1,
        fields={"arbeit": "Arbeit"},
        text="Lotsen Ausbildung Berufe Schiffe Hafen Kaibetrieb Umschlag Frachter Kran",
    )
    guides = profile(
        2,
        text="Lotsen Ausbildung Berufe Behörden Schulen Termine Formulare Ämter Ärzte",
    )
    assert len(textsim.shared_terms(port.vector, guides.vector)) >= 3
    assert score_similar(port, guides, text_score=0.9) is None


def _with_text(pid: int, text: str, offers: tuple[str, ...] = ()) -> Profile:
    from matching import topics
    from matching.profiles import count_terms

    item = Profile(
        id=pid,
        title=f"P{pid}",
        fields={f"f{pid}": "Feld"},
        districts={"03355": "Landkreis Lüneburg"},
        text=text,
        offers=tuple(
            OfferNeed(
                None,
                "",
                offer,
                terms=topics.short_terms(offer),
                groups=topics.term_groups(offer),
                by_person=False,
            )
            for offer in offers
        ),
    )
    return count_terms(item)


def test_an_offer_the_other_description_names_is_complementary():
    from matching.profiles import vectorise

    women = _with_text(
        1,
        "Berufliche Orientierung für zugewanderte Frauen. Lebensläufe werden "
        "überarbeitet. Die Anmeldung bei der Anerkennungsberatung für "
        "ausländische Abschlüsse wird vorbereitet.",
        offers=("Bewerbungstraining für Frauen",),
    )
    recognition = _with_text(
        2,
        "Beratung zur Anerkennung ausländischer Berufsabschlüsse.",
        offers=("Anerkennungsberatung für ausländische Abschlüsse",),
    )
    same_work = _with_text(
        3,
        "Wir beraten zur Anerkennungsberatung für ausländische Abschlüsse.",
        offers=("Anerkennungsberatung für ausländische Abschlüsse",),
    )
    vectorise([women, recognition, same_work])

    scored = score_complementary(women, recognition)
    assert scored is not None and scored.score >= WEIGHTS.min_score[COMPLEMENTARY]
    reason = next(r for r in scored.reasons if r["type"] == "offer_need")
    assert reason["direction"] == "target_offers" and reason["named"] is True
    # The need is the sentence that names the offer, not the whole text.
    assert reason["need"].startswith("Die Anmeldung bei der Anerkennungsberatung")
    assert reason["offer"] == "Anerkennungsberatung für ausländische Abschlüsse"
    # Two projects offering the same are similar, not complementary.
    assert score_complementary(same_work, recognition) is None


def test_synonyms_bring_texts_together_but_are_never_named():
    from matching.profiles import vectorise

    homework = _with_text(1, "Hausaufgabenhilfe für Schulkinder am Nachmittag.")
    tutoring = _with_text(2, "Nachhilfe für Schulkinder am Nachmittag.")
    plain = [
        _with_text(3, "Hausaufgabenhilfe für Schulkinder am Nachmittag."),
        _with_text(4, "Nachhilfe für Schulkinder am Nachmittag."),
    ]
    for item in plain:
        item.related = {}
    vectorise([homework, tutoring])
    vectorise(plain)

    assert "nachhilf" in homework.related and "nachhilf" not in homework.counts
    with_synonyms = textsim.cosine(homework.vector, tutoring.vector)
    assert with_synonyms > textsim.cosine(plain[0].vector, plain[1].vector)
    _, terms = text_similarity(homework, tutoring)
    assert "nachhilfe" not in terms and "hausaufgabenhilfe" not in terms
