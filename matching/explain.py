"""Sentences from structured reasons, so people can check a match.

Written from the point of view of the project page the match is shown on:
"Sie" is that project, "dieses Projekt" the suggested one. Every sentence is a
whole msgid (German, the site's language), so the English UI reads them in
English; the labels inside (fields of action, places, offers) are content and
stay as entered.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache

from django.utils import translation

Reason = dict[str, object]


# A project page explains twenty matches with some seven messages each. Django
# looks every message up in each of the catalogues of the active language
# (twenty-one here: Wagtail brings one per app), some hundred and forty lookups
# a page; the translations of this module's few messages are kept per language
# instead. The
# wrappers keep the usual names, so ``makemessages`` still finds the messages.
@lru_cache(maxsize=512)
def _translated(
    language: str | None, context: str, singular: str, plural: str, n: int
) -> str:
    with translation.override(language):
        if plural:
            return translation.ngettext(singular, plural, n)
        if context:
            return translation.pgettext(context, singular)
        return translation.gettext(singular)


def gettext(message: str) -> str:
    return _translated(translation.get_language(), "", message, "", 0)


def ngettext(singular: str, plural: str, n: int) -> str:
    return _translated(translation.get_language(), "", singular, plural, n)


def pgettext(context: str, message: str) -> str:
    return _translated(translation.get_language(), context, message, "", 0)


def _join(items: Sequence[str]) -> str:
    items = [str(item) for item in items]
    if len(items) <= 1:
        return "".join(items)
    return gettext("%(first)s und %(last)s") % {
        "first": ", ".join(items[:-1]),
        "last": items[-1],
    }


def in_place(label: str) -> str:
    """'im Landkreis Celle', 'in der Region Hannover', 'in Braunschweig'."""
    if label.startswith("Landkreis "):
        return gettext("im %(district)s") % {"district": label}
    if label.startswith("Region "):
        return gettext("in der %(region)s") % {"region": label}
    return gettext("in %(place)s") % {"place": label}


def _of(reasons: Iterable[Reason], kind: str) -> list[Reason]:
    return [reason for reason in reasons if reason.get("type") == kind]


def _place(reasons: list[Reason]) -> str:
    district = _of(reasons, "same_district")
    if district:
        return in_place(str(district[0]["label"]))
    region = _of(reasons, "same_region")
    if region:
        return gettext("in der Region %(name)s") % {"name": region[0]["label"]}
    return ""


def _distance(reasons: list[Reason]) -> str:
    distance = _of(reasons, "distance_km")
    if not distance:
        return ""
    km = int(distance[0]["value"])  # type: ignore[arg-type]
    if km < 2:
        return gettext("ganz in der Nähe")
    return gettext("%(km)s km entfernt") % {"km": km}


def _fields_sentence(fields: list[str], place: str) -> str:
    values = {"fields": _join(fields), "place": place}
    if place:
        return (
            ngettext(
                "Beide arbeiten im Handlungsfeld %(fields)s %(place)s.",
                "Beide arbeiten in den Handlungsfeldern %(fields)s %(place)s.",
                len(fields),
            )
            % values
        )
    return (
        ngettext(
            "Beide arbeiten im Handlungsfeld %(fields)s.",
            "Beide arbeiten in den Handlungsfeldern %(fields)s.",
            len(fields),
        )
        % values
    )


def _offer_need_sentence(reason: Reason) -> str:
    """Names the concrete need and offer: "Sie suchen: „…“ – dieses Projekt
    bietet: „…“." """
    values = {"need": reason["need"], "offer": reason["offer"]}
    if reason.get("named"):
        # The need is a sentence of the description that names the offer.
        if reason.get("direction") == "target_offers":
            return gettext(
                "Sie schreiben: „%(need)s“ – dieses Projekt bietet: „%(offer)s“."
            ) % (values)
        return gettext(
            "Dieses Projekt schreibt: „%(need)s“ – Sie bieten: „%(offer)s“."
        ) % (values)
    if reason.get("direction") == "target_offers":
        return gettext(
            "Sie suchen: „%(need)s“ – dieses Projekt bietet: „%(offer)s“."
        ) % (values)
    return gettext("Dieses Projekt sucht: „%(need)s“ – Sie bieten: „%(offer)s“.") % (
        values
    )


def explain(reasons: list[Reason]) -> str:
    """One short paragraph of sentences for a match's reasons, in the active
    language."""
    return " ".join(explain_sentences(reasons))


def explain_sentences(reasons: list[Reason]) -> list[str]:
    """The sentences of ``explain`` one by one (the project page lists them)."""
    sentences: list[str] = []
    place = _place(reasons)
    fields = [str(r["label"]) for r in _of(reasons, "shared_field")]
    if fields:
        sentences.append(_fields_sentence(fields, place))
    elif place:
        sentences.append(gettext("Beide sind %(place)s aktiv.") % {"place": place})
    groups = _of(reasons, "shared_target_group")
    plain_groups = [str(r["label"]) for r in groups if not r.get("different_fields")]
    other_way = [str(r["label"]) for r in groups if r.get("different_fields")]
    if plain_groups:
        sentences.append(
            gettext("Beide richten sich an: %(groups)s.")
            % {"groups": _join(plain_groups)}
        )
    if other_way:
        sentences.append(
            gettext("Beide erreichen %(groups)s – über verschiedene Handlungsfelder.")
            % {"groups": _join(other_way)}
        )
    for reason in _of(reasons, "offer_need"):
        sentences.append(_offer_need_sentence(reason))
    tags = [str(r["label"]) for r in _of(reasons, "shared_tag")]
    if tags:
        sentences.append(
            gettext("Gemeinsame Schlagwörter: %(tags)s.") % {"tags": _join(tags)}
        )
    for reason in _of(reasons, "text"):
        terms = [str(term) for term in reason.get("terms", [])][:5]  # type: ignore[union-attr]
        if terms:
            sentences.append(
                gettext("Ähnliche Begriffe in den Beschreibungen: %(terms)s.")
                % {"terms": _join(terms)}
            )
    if _of(reasons, "statewide"):
        sentences.append(gettext("Eines der beiden Projekte arbeitet landesweit."))
    distance = _distance(reasons)
    if distance and sentences:
        sentences[-1] = f"{sentences[-1][:-1]} ({distance})."
    elif distance:
        sentences.append(f"{distance[0].upper()}{distance[1:]}.")
    return sentences
