"""Offers a project states in its text without listing them as offers:
"Wir bieten …", "… stellt Räume zur Verfügung"."""

from __future__ import annotations

import re

SENTENCE = re.compile(r"(?<=[.!?])\s+")
OFFER_MARKERS = re.compile(
    r"\b(bieten|bietet|biete|anbieten|angeboten|zur\s+verfügung|"
    r"stellen|stellt|vermitteln|vermittelt|verleihen|verleiht)\b",
    re.IGNORECASE,
)


def implied_offers(text: str) -> list[str]:
    """The sentences of ``text`` that state an offer."""
    return [s for s in SENTENCE.split(text or "") if OFFER_MARKERS.search(s)]
