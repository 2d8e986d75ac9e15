"""Labelled pairs over the demo content: ``website/demo/pairs.py`` plus pairs added
here (by demo slug, after reading the 61 demo projects) so that the set holds
at least 30 similar and 20 complementary pairs (issue 5).

Labels say what a person would call a good link, not what the scorer finds:
a pair the scorer cannot see (no shared field, no offer/need category) still
counts against recall."""

from __future__ import annotations

from website.demo import pairs

# The same kind of work in another place (exchange of experience).
EXTRA_SIMILAR: list[tuple[str, str]] = [
    # Volunteers practise everyday German with newcomers.
    ("sprachcafe-stadthagen", "sprachpaten-hameln"),
    ("sprachcafe-wolfenbuettel", "sprachpaten-hameln"),
    ("sprachpatenschaften-celle", "sprachcafe-wolfenbuettel"),
    ("sprachpatenschaften-celle", "sprachcafe-stadthagen"),
    # Cycling courses for refugee women.
    ("fahrradschule-frauen-hannover", "radfahrkurs-frauen-goettingen"),
    # Multilingual guides to the health system.
    ("gesundheitslotsen-celle", "gesundheitsmittlerinnen-osnabrueck"),
    ("gesundheitslotsen-schaumburg", "gesundheitsmittlerinnen-osnabrueck"),
    # Bringing landlords and refugee families together.
    ("wohnraumlotsen-lueneburg", "wohnungsboerse-wolfenbuettel"),
    ("wohnungsbruecke-hildesheim", "wohnungsboerse-wolfenbuettel"),
    ("wohnraumlotsen-lueneburg", "mietfuehrerschein-harburg"),
    # Mentoring into and through work or an apprenticeship.
    ("jobpaten-braunschweig", "betriebsraete-als-mentoren-helmstedt"),
    ("ausbildungspaten-emsland", "ausbildungsbruecke-uelzen"),
    ("jobpaten-braunschweig", "ausbildungsbruecke-uelzen"),
    ("jugendwerkstatt-wittmund", "ausbildungsbruecke-uelzen"),
    # Advising employers on hiring refugees (residence law, training).
    ("willkommenslotsen-handwerk-hildesheim", "willkommen-im-betrieb-emsland"),
    # Language for a profession with placements (care, crafts).
    ("berufssprache-aurich", "hauswirtschaft-vechta"),
    # Pools of lay interpreters.
    ("sprachmittlerpool-northeim", "dolmetscherpool-heidekreis"),
    # Women with migration history inform families (health, school, Kita).
    ("stadtteilmuetter-wilhelmshaven", "gesundheitsmittlerinnen-osnabrueck"),
    # Parents learn the school or Kita system.
    ("elterncafe-peine", "integrationskurs-gifhorn-kita"),
    ("elterncafe-peine", "stadtteilmuetter-wilhelmshaven"),
    # Open sport for girls, boys and women.
    ("sport-offen-nienburg", "schwimmkurs-maedchen-diepholz"),
    ("sport-offen-nienburg", "fussball-fuer-alle-verden"),
    ("fussball-fuer-alle-verden", "sportpark-schinkel-osnabrueck"),
    # Meeting over food, music and stories.
    ("kulturabende-salzgitter", "begegnung-bad-pyrmont"),
    ("begegnung-bad-pyrmont", "nachbarschaftsgarten-osterholz"),
    ("plattdeutsch-und-arabisch-leer", "kulturabende-salzgitter"),
    # Repairing things together.
    ("repair-cafe-holzminden", "selbsthilfewerkstatt-oldenburg"),
    # Second-hand clothes stores.
    ("kleiderstube-stade", "kleiderkammer-buchholz"),
]

# One offers what the other needs (``need -> offer``), or the same people are
# served differently.
EXTRA_COMPLEMENTARY: list[tuple[str, str]] = [
    # Therapy talks need interpreters -> the Northeim pool (same district).
    ("psychosoziale-beratung-goettingen", "sprachmittlerpool-northeim"),
    # Dari/Pashto interpreting -> Farsi speakers of the Linden women's café.
    ("gesundheitslotsen-schaumburg", "frauencafe-linden"),
    # Training in asylum and residence law -> the Ehrenamtsakademie's seminars.
    ("integrationslotsen-rotenburg", "ehrenamtsakademie-region-hannover"),
    # Arabic interpreting for rental contracts -> the neighbouring pool.
    ("wohnraumlotsen-lueneburg", "dolmetscherpool-heidekreis"),
    # Flats for large families -> the Wolfenbüttel landlords' exchange.
    ("wohnungsbruecke-hildesheim", "wohnungsboerse-wolfenbuettel"),
    # Donated bicycles for graduates -> repaired bicycles from Oldenburg.
    ("fahrradschule-frauen-hannover", "selbsthilfewerkstatt-oldenburg"),
    # Childcare during courses -> Cloppenburg's childcare concept.
    ("sprachkurs-gemeindehaus-stade", "sprachkurs-mit-kinderbetreuung-cloppenburg"),
    # Girls and women for swimming courses <-> coaches and pool hours.
    ("sport-offen-nienburg", "schwimmkurs-maedchen-diepholz"),
    # Technical language tutoring -> vocational language courses.
    ("ausbildungspaten-emsland", "berufssprache-aurich"),
    # Craft placements and care placements <-> vocational language learners.
    ("berufssprache-aurich", "hauswirtschaft-vechta"),
    # Interpreting for the first meeting -> the pool of the next district.
    ("dorfpatenschaften-wendland", "dolmetscherpool-heidekreis"),
    # Village families need rides -> the Wendland ride network.
    ("mitfahrbank-wendland", "dorfpatenschaften-wendland"),
    # Training on role and confidentiality -> training for lay interpreters.
    ("sprachmittlerpool-northeim", "dolmetscherpool-heidekreis"),
    # Interpreting for parents' talks -> Osnabrück's multilingual mediators.
    ("hauswirtschaft-vechta", "gesundheitsmittlerinnen-osnabrueck"),
]

# A shared keyword or place name, but not shared work.
EXTRA_NON_MATCHES: list[tuple[str, str]] = [
    # "Lotsen" in the harbour vs. in health and housing.
    ("maritime-lotsen-cuxhaven", "gesundheitslotsen-celle"),
    ("maritime-lotsen-cuxhaven", "wohnraumlotsen-lueneburg"),
    # "Osnabrück": the city's sports park vs. the Landkreis' integration guides.
    ("sportpark-schinkel-osnabrueck", "integrationslotsen-osnabrueck"),
    ("gesundheitsmittlerinnen-osnabrueck", "wohnprojekt-osnabruecker-land"),
    # "Brücke": housing vs. apprenticeships.
    ("wohnungsbruecke-hildesheim", "ausbildungsbruecke-uelzen"),
    # "Café": repairing appliances vs. practising German.
    ("repair-cafe-holzminden", "sprachcafe-stadthagen"),
]

SIMILAR = pairs.SIMILAR + EXTRA_SIMILAR
COMPLEMENTARY = pairs.COMPLEMENTARY + EXTRA_COMPLEMENTARY
NON_MATCHES = pairs.NON_MATCHES + EXTRA_NON_MATCHES
