"""The matching evaluation's measure (a pure function over rankings)."""

from eval.matching_eval import measure

LABELS = {
    "similar": [{"id": "s01", "seed": "a", "similar": {"b": 2, "c": 1, "d": 0}}],
    "complementary": [{"id": "c01", "needs": "b", "offers": "e"}],
    "traps": [{"id": "t01", "a": "a", "b": "f"}],
}


def test_the_seed_is_a_partner_of_its_members():
    # b's complementary list holds e (its labelled partner) and a (b is in
    # a's similar group): both are labelled partners, seen from either side.
    ranked = {
        ("a", "similar"): ["b", "c", "d"],
        ("b", "complementary"): ["e", "a"],
        ("e", "complementary"): ["b", "x"],
    }
    figures = measure(ranked, LABELS)
    assert figures.similar_recall == 1.0
    assert figures.complementary_recall == 1.0
    # a: 2 of 3, b: 2 of 2, e: 1 of 2.
    assert round(figures.precision_at_5, 3) == round((2 / 3 + 1 + 1 / 2) / 3, 3)
    assert figures.trap_rate == 0.0


def test_a_linked_trap_counts_from_either_side():
    figures = measure({("f", "complementary"): ["a"]}, LABELS)
    assert figures.trap_rate == 1.0
    assert figures.complementary_recall == 0.0
