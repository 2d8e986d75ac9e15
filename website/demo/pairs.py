"""Hand-picked pairs of demo projects (by slug) for the matching benchmark.

SIMILAR: the same kind of work in different places (exchange of experience).
COMPLEMENTARY: one offers what the other needs, nearby (``need -> offer`` in
the comment), or they serve the same people differently.
NON_MATCHES: pairs that share a keyword or a place name but not the work."""

from __future__ import annotations

SIMILAR: list[tuple[str, str]] = [
    ("fahrradkurs-fuer-frauen-oldenburg", "radfahrkurs-frauen-goettingen"),
    ("fahrradkurs-fuer-frauen-oldenburg", "fahrradschule-frauen-hannover"),
    ("sprachpatenschaften-celle", "sprachpaten-hameln"),
    ("jobpaten-braunschweig", "ausbildungspaten-emsland"),
    ("wohnraumlotsen-lueneburg", "wohnungsbruecke-hildesheim"),
    ("deutschkurs-fuer-muetter-hannover", "sprachkurs-mit-kinderbetreuung-cloppenburg"),
    ("hausaufgabenhilfe-salzgitter", "lernwerkstatt-wilhelmshaven"),
    ("gesundheitslotsen-celle", "gesundheitslotsen-schaumburg"),
    ("integrationslotsen-osnabrueck", "integrationslotsen-rotenburg"),
    ("sprachcafe-stadthagen", "sprachcafe-wolfenbuettel"),
]

COMPLEMENTARY: list[tuple[str, str]] = [
    # Celle needs interpreters (Dari, Tigrinya) -> the pool next door offers them;
    # the pool needs requests from Celle's practices -> Celle brings participants.
    ("gesundheitslotsen-celle", "dolmetscherpool-heidekreis"),
    # The Cloppenburg course needs a room, the Oldenburg course needs childcare
    # that Cloppenburg offers.
    ("fahrradkurs-fuer-frauen-oldenburg", "sprachkurs-mit-kinderbetreuung-cloppenburg"),
    # Göttingen needs bicycles -> the Oldenburg workshop offers repaired ones.
    ("radfahrkurs-frauen-goettingen", "selbsthilfewerkstatt-oldenburg"),
    # Peine's parents' café needs Arabic interpreting -> Salzgitter offers it.
    ("elterncafe-peine", "hausaufgabenhilfe-salzgitter"),
    # Jobpaten need Tigrinya -> the Northeim pool offers Tigrinya.
    ("jobpaten-braunschweig", "sprachmittlerpool-northeim"),
    # The Hildesheim craft pilots need applicants; Uelzen needs craft placements.
    ("willkommenslotsen-handwerk-hildesheim", "ausbildungsbruecke-uelzen"),
    # The Stade course needs childcare; the Hannover course offers know-how.
    ("sprachkurs-gemeindehaus-stade", "deutschkurs-fuer-muetter-hannover"),
    # The Nordheide clothes store needs a van; the Wendland network drives.
    ("kleiderkammer-buchholz", "mitfahrbank-wendland"),
]

NON_MATCHES: list[tuple[str, str]] = [
    # "Lotsen": harbour pilots' boats vs. integration guides.
    ("maritime-lotsen-cuxhaven", "integrationslotsen-osnabrueck"),
    ("maritime-lotsen-cuxhaven", "integrationslotsen-rotenburg"),
    # Same place name, different districts and work: the city of Osnabrück
    # (sport in a park) vs. the Landkreis Osnabrück (housing in villages).
    ("sportpark-schinkel-osnabrueck", "wohnprojekt-osnabruecker-land"),
    # "Kammer": a clothes store vs. the craft chamber's apprenticeship pilots.
    ("kleiderkammer-buchholz", "willkommenslotsen-handwerk-hildesheim"),
    # "Fahrrad" in a course for women vs. a ride service for villages.
    ("fahrradkurs-fuer-frauen-oldenburg", "mitfahrbank-wendland"),
]
