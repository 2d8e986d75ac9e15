"""Labelled queries over the demo content (``load_demo``: 61 projects).

Each query maps to the demo project slugs that answer it, graded: 2 = what
the searcher is looking for, 1 = also fitting. Queries with filters are
written as URL parameters. Labels were made by reading ``website/demo/data``."""

from __future__ import annotations

COMPOUNDS = {
    "Sprachpatenschaft": {"sprachpatenschaften-celle": 2, "sprachpaten-hameln": 2},
    "Sprachpaten": {"sprachpaten-hameln": 2, "sprachpatenschaften-celle": 2},
    "Hausaufgabenhilfe": {
        "hausaufgabenhilfe-salzgitter": 2,
        "lernwerkstatt-wilhelmshaven": 2,
    },
    "Integrationslotse": {
        "integrationslotsen-rotenburg": 2,
        "integrationslotsen-osnabrueck": 2,
    },
    "Gesundheitslotsen": {
        "gesundheitslotsen-schaumburg": 2,
        "gesundheitslotsen-celle": 2,
        "gesundheitsmittlerinnen-osnabrueck": 1,
    },
    "Wohnraumlotsen": {
        "wohnraumlotsen-lueneburg": 2,
        "wohnungsbruecke-hildesheim": 2,
        "wohnungsboerse-wolfenbuettel": 1,
    },
    "Jobpatenschaft": {"jobpaten-braunschweig": 2, "ausbildungspaten-emsland": 1},
    "Fahrradwerkstatt": {"selbsthilfewerkstatt-oldenburg": 2},
    "Sprachcafé": {"sprachcafe-wolfenbuettel": 2, "sprachcafe-stadthagen": 2},
    "Elterncafé": {"elterncafe-peine": 2},
    "Dolmetscherpool": {
        "dolmetscherpool-heidekreis": 2,
        "sprachmittlerpool-northeim": 1,
    },
    "Sprachmittlerpool": {
        "sprachmittlerpool-northeim": 2,
        "dolmetscherpool-heidekreis": 1,
    },
    "Mietführerschein": {"mietfuehrerschein-harburg": 2, "wohnraumlotsen-lueneburg": 1},
    "Kleiderkammer": {"kleiderkammer-buchholz": 2, "kleiderstube-stade": 1},
    "Berufssprachkurs": {"berufssprache-aurich": 2},
    "Ausbildungspaten": {"ausbildungspaten-emsland": 2},
    "Frauencafé": {"frauencafe-linden": 2},
    "Jugendwerkstatt": {"jugendwerkstatt-wittmund": 2},
    "Stadtteilmütter": {"stadtteilmuetter-wilhelmshaven": 2},
    "Schwimmkurs": {"schwimmkurs-maedchen-diepholz": 2, "sport-offen-nienburg": 1},
}
UMLAUTS = {
    "Stadtteilmuetter": {"stadtteilmuetter-wilhelmshaven": 2},
    "Deutschkurs Muetter": {
        "deutschkurs-fuer-muetter-hannover": 2,
        "sprachkurs-mit-kinderbetreuung-cloppenburg": 2,
    },
    "Mietfuehrerschein": {"mietfuehrerschein-harburg": 2},
    "Fussball": {"fussball-fuer-alle-verden": 2},
    "Goettingen": {
        "radfahrkurs-frauen-goettingen": 2,
        "psychosoziale-beratung-goettingen": 2,
    },
    "Wohnungsboerse": {"wohnungsboerse-wolfenbuettel": 2},
    "Maedchen Schwimmen": {"schwimmkurs-maedchen-diepholz": 2},
    "Wohnraumlotsen Lueneburg": {"wohnraumlotsen-lueneburg": 2},
    "Buecherei": {"sprachcafe-wolfenbuettel": 2},
    "Kloenschnack": {"plattdeutsch-und-arabisch-leer": 2},
}
TYPOS = {
    "Integrationslotzen": {
        "integrationslotsen-rotenburg": 2,
        "integrationslotsen-osnabrueck": 2,
    },
    "Hausaufgabnhilfe": {
        "hausaufgabenhilfe-salzgitter": 2,
        "lernwerkstatt-wilhelmshaven": 2,
    },
    "Sprachpatenshaft": {"sprachpatenschaften-celle": 2, "sprachpaten-hameln": 2},
    "Gesundheitslotzen": {
        "gesundheitslotsen-schaumburg": 2,
        "gesundheitslotsen-celle": 2,
    },
    "Fahradkurs Frauen": {
        "fahrradkurs-fuer-frauen-oldenburg": 2,
        "fahrradschule-frauen-hannover": 2,
        "radfahrkurs-frauen-goettingen": 2,
    },
    "Dolmetcher": {"dolmetscherpool-heidekreis": 2},
    "Psychosoziale Beratnug": {"psychosoziale-beratung-goettingen": 2},
    "Kleiderstube": {"kleiderstube-stade": 2, "kleiderkammer-buchholz": 1},
}
SYNONYMS = {
    "Flüchtlinge Wohnung": {
        "wohnraumlotsen-lueneburg": 2,
        "wohnungsbruecke-hildesheim": 1,
        "wohnungsboerse-wolfenbuettel": 1,
        "wohnprojekt-osnabruecker-land": 1,
    },
    "Sprachkurs Mütter": {
        "deutschkurs-fuer-muetter-hannover": 2,
        "sprachkurs-mit-kinderbetreuung-cloppenburg": 2,
    },
    "Freiwilligenarbeit": {
        "ehrenamtsakademie-region-hannover": 2,
        "nachbarschaftshilfe-salzgitter-senioren": 1,
        "sprachkurs-gemeindehaus-stade": 1,
    },
    "Beschäftigung Geflüchtete": {
        "faire-arbeit-wolfsburg": 2,
        "jobpaten-braunschweig": 2,
        "betriebsraete-als-mentoren-helmstedt": 1,
    },
    "Asylsuchende Gesundheit": {
        "gesundheitslotsen-celle": 2,
        "gesundheitslotsen-schaumburg": 2,
        "psychosoziale-beratung-goettingen": 1,
    },
    "Dolmetschen": {"sprachmittlerpool-northeim": 2, "dolmetscherpool-heidekreis": 2},
    "Senioren": {
        "nachbarschaftshilfe-salzgitter-senioren": 2,
        "plattdeutsch-und-arabisch-leer": 2,
    },
    "Job Geflüchtete": {"jobpaten-braunschweig": 2, "faire-arbeit-wolfsburg": 1},
}
FILTERS = {
    "q=Sprachcafé&region=braunschweig": {"sprachcafe-wolfenbuettel": 2},
    "q=Integrationslotsen&region=weser-ems": {"integrationslotsen-osnabrueck": 2},
    "q=Gesundheitslotsen&region=lueneburg": {"gesundheitslotsen-celle": 2},
    "q=Fahrradkurs&region=leine-weser": {"fahrradschule-frauen-hannover": 2},
    "q=Hausaufgabenhilfe&region=weser-ems": {"lernwerkstatt-wilhelmshaven": 2},
    "q=Deutschkurs&district=03453": {"sprachkurs-mit-kinderbetreuung-cloppenburg": 2},
    "q=Ausbildung&region=weser-ems": {
        "ausbildungspaten-emsland": 2,
        "willkommen-im-betrieb-emsland": 1,
        "berufssprache-aurich": 1,
        "jugendwerkstatt-wittmund": 1,
        "hauswirtschaft-vechta": 1,
    },
    "q=Sprachpaten&region=leine-weser": {"sprachpaten-hameln": 2},
}
LABELLED = {
    "compounds": COMPOUNDS,
    "umlauts": UMLAUTS,
    "typos": TYPOS,
    "synonyms": SYNONYMS,
    "filters": FILTERS,
}
