"""A first, small set of German demo projects (the full set comes with the
content model)."""

DEMO_PROJECTS = [
    {
        "slug": "sprachpatenschaften-celle",
        "title": "Sprachpatenschaften in Celle",
        "teaser": "Ehrenamtliche Sprachpatinnen und -paten treffen sich wöchentlich mit "
        "geflüchteten Familien und üben Deutsch im Alltag.",
        "districts": ["03351"],
        "fields": ["sprache", "engagement"],
    },
    {
        "slug": "integrationslotsen-osnabrueck",
        "title": "Integrationslotsen im Landkreis Osnabrück",
        "teaser": "Geschulte Lotsinnen und Lotsen begleiten Neuzugewanderte zu Behörden, "
        "Ärztinnen und Schulen.",
        "districts": ["03459"],
        "fields": ["beratung", "engagement"],
    },
    {
        "slug": "deutschkurs-fuer-muetter-hannover",
        "title": "Deutschkurs für Mütter mit Kinderbetreuung",
        "teaser": "Ein Sprachkurs am Vormittag mit Kinderbetreuung im Nebenraum, damit "
        "Mütter mit kleinen Kindern teilnehmen können.",
        "districts": ["03241"],
        "fields": ["sprache", "bildung"],
    },
    {
        "slug": "jobpaten-braunschweig",
        "title": "Jobpaten Braunschweig",
        "teaser": "Berufstätige begleiten Geflüchtete bei Bewerbung, Praktikum und "
        "Ausbildungssuche in Braunschweiger Betrieben.",
        "districts": ["03101"],
        "fields": ["arbeit"],
    },
    {
        "slug": "wohnraumlotsen-lueneburg",
        "title": "Wohnraumlotsen Lüneburg",
        "teaser": "Vermittlung zwischen Vermieterinnen und geflüchteten Familien, mit "
        "Begleitung bei Besichtigung und Mietvertrag.",
        "districts": ["03355"],
        "fields": ["wohnen"],
    },
    {
        "slug": "fahrradkurs-fuer-frauen-oldenburg",
        "title": "Fahrradkurs für geflüchtete Frauen",
        "teaser": "Frauen lernen Rad fahren und die Verkehrsregeln – für mehr Mobilität "
        "zu Arbeit, Kurs und Kita.",
        "districts": ["03403"],
        "fields": ["teilhabe", "kultur_sport"],
    },
]
