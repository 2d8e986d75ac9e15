"""Editorial demo content: topics, articles, events, partners, call, legal pages."""

TOPIC_INTROS = {
    "sprache": "Deutsch lernen gelingt dort am besten, wo Kurs und Alltag "
    "zusammenkommen: Sprachpatenschaften, Sprachcafés und Kurse mit Kinderbetreuung.",
    "arbeit": "Jobpatenschaften, Einstiegsqualifizierung und Beratung zu fairer "
    "Arbeit – Beispiele, wie Betriebe und Geflüchtete zueinanderfinden.",
    "engagement": "Tausende Ehrenamtliche tragen die Integration in Niedersachsen. "
    "Hier finden Sie Ideen für Koordination, Fortbildung und Anerkennung.",
    "wohnen": "Wohnraumlotsen, Mietführerschein und Leerstand auf dem Land: Wege aus "
    "der Gemeinschaftsunterkunft in die eigene Wohnung.",
    "teilhabe": "Mitreden, mitgestalten, mitfahren: Projekte für politische und "
    "gesellschaftliche Teilhabe.",
    "bildung": "Von der Kita über Hausaufgabenhilfe bis zur Ausbildung – Bildung als "
    "Schlüssel zur Integration.",
    "gesundheit": "Gesundheitslotsen, Sprachmittlung in Praxen und psychosoziale "
    "Beratung.",
    "beratung": "Lotsinnen, Stadtteilmütter und Sprachmittlerpools begleiten "
    "Neuzugewanderte durch Behörden und Alltag.",
    "kultur_sport": "Sportvereine, Radfahrkurse und Kulturabende bringen Menschen "
    "zusammen.",
}

ARTICLES = [
    {
        "slug": "sprachpatenschaften-aufbauen",
        "title": "Sprachpatenschaften aufbauen: sieben Erfahrungen",
        "days_ago": 40,
        "teaser": "Was Initiativen aus Celle und Hameln über stabile Tandems gelernt "
        "haben – vom Kennenlerngespräch bis zur Anerkennung.",
        "fields": ("sprache", "engagement"),
        "projects": ("sprachpatenschaften-celle", "sprachpaten-hameln"),
        "body": "Tandems halten länger, wenn Erwartungen zu Beginn geklärt sind.\n\n"
        "Eine feste Koordination mit wenigen Wochenstunden genügt, wenn sie "
        "erreichbar ist und regelmäßig zum Austausch einlädt.\n\n"
        "Anerkennung wirkt: ein Dankeschön-Abend im Jahr hält Ehrenamtliche.",
    },
    {
        "slug": "empfehlungen-landesintegrationskonferenz",
        "title": "Empfehlungen der Landesintegrationskonferenz",
        "days_ago": 120,
        "teaser": "Die Arbeitsgruppen der Konferenz empfehlen mehr Sprachmittlung, "
        "verlässliche Ehrenamtskoordination und schnellere Anerkennung.",
        "fields": ("beratung", "arbeit", "engagement"),
        "projects": ("dolmetscherpool-heidekreis", "jobpaten-braunschweig"),
        "recommendation": True,
        "body": "Sprachmittlung soll in Gesundheit und Schule verlässlich finanziert "
        "werden.\n\nEhrenamtskoordination braucht feste Stellen in jedem Landkreis.\n\n"
        "Anerkennungsverfahren sollen digital und schneller werden.",
    },
    {
        "slug": "wohnraum-vermitteln",
        "title": "Wohnraum vermitteln: was Vermietende überzeugt",
        "days_ago": 75,
        "teaser": "Feste Ansprechpersonen, ein Mietschuldenfonds und der "
        "Mietführerschein – drei Bausteine aus Lüneburg, Harburg und Hildesheim.",
        "fields": ("wohnen",),
        "projects": ("wohnraumlotsen-lueneburg", "mietfuehrerschein-harburg"),
        "body": "Vermietende wollen wissen, wen sie bei Problemen anrufen können.\n\n"
        "Ein kleiner Fonds für Mietschulden senkt das Risiko spürbar.",
    },
    {
        "slug": "fahrradkurse-fuer-frauen",
        "title": "Fahrradkurse für Frauen: Mobilität als Schlüssel",
        "days_ago": 20,
        "teaser": "Oldenburg, Göttingen und Langenhagen zeigen: Wer Rad fahren kann, "
        "kommt zu Kurs, Kita und Arbeit.",
        "fields": ("teilhabe", "kultur_sport"),
        "projects": (
            "fahrradkurs-fuer-frauen-oldenburg",
            "radfahrkurs-frauen-goettingen",
        ),
        "body": "Geschützte Kurse nur für Frauen senken die Hemmschwelle.\n\n"
        "Eine Werkstatt für Spendenräder sorgt dafür, dass nach dem Kurs ein Rad "
        "bereitsteht.",
    },
    {
        "slug": "ausbildung-abbrueche-vermeiden",
        "title": "Ausbildungsabbrüche vermeiden",
        "days_ago": 150,
        "teaser": "Ausbildungspaten, Fachsprache und Betriebsräte als Mentoren senken "
        "die Abbruchquote deutlich.",
        "fields": ("arbeit", "bildung"),
        "projects": (
            "ausbildungspaten-emsland",
            "betriebsraete-als-mentoren-helmstedt",
        ),
        "body": "Die Berufsschule ist die größte Hürde; Nachhilfe in Fachsprache "
        "hilft.\n\nPatinnen aus dem eigenen Betrieb kennen die Abläufe.",
    },
    {
        "slug": "empfehlungen-regionalkonferenz-weser-ems",
        "title": "Empfehlungen der Regionalkonferenz Weser-Ems",
        "days_ago": 200,
        "teaser": "Mobilität auf dem Land, Gesundheitsmittlerinnen und sichere Räume "
        "für queere Geflüchtete standen im Mittelpunkt.",
        "fields": ("gesundheit", "teilhabe"),
        "projects": (
            "gesundheitsmittlerinnen-osnabrueck",
            "queer-refugees-oldenburg",
        ),
        "recommendation": True,
        "body": "Landkreise sollen Fahrdienste des Ehrenamts absichern.\n\n"
        "Gesundheitsmittlerinnen sollen dauerhaft gefördert werden.",
    },
]

EVENTS = [
    {
        "slug": "landesintegrationskonferenz",
        "title": "Landesweite Integrationskonferenz",
        "kind": "state_conference",
        "days_from_now": -120,
        "hours": 7,
        "venue": "Hannover Congress Centrum, Hannover",
        "region": "",
        "teaser": "Rund 400 Engagierte aus ganz Niedersachsen diskutierten in zwölf "
        "Arbeitsgruppen über Sprache, Arbeit und Wohnen.",
        "programme": "Begrüßung durch die Landesregierung\n\nArbeitsgruppen zu den "
        "Handlungsfeldern\n\nMarkt der guten Beispiele",
        "results": "Die Empfehlungen sind als Artikel veröffentlicht.",
        "projects": ("jobpaten-braunschweig", "dolmetscherpool-heidekreis"),
    },
    {
        "slug": "regionalkonferenz-weser-ems",
        "title": "Regionalkonferenz Weser-Ems",
        "kind": "regional_conference",
        "days_from_now": -200,
        "hours": 6,
        "venue": "Kulturzentrum PFL, Oldenburg",
        "region": "weser-ems",
        "teaser": "Initiativen aus Weser-Ems stellten ihre Arbeit vor und vernetzten "
        "sich mit Landkreisen.",
        "programme": "Gute Beispiele aus der Region\n\nWorkshops Mobilität und "
        "Gesundheit",
        "results": "Vereinbart wurde ein regionales Netzwerk der Fahrradprojekte.",
        "projects": ("fahrradkurs-fuer-frauen-oldenburg", "ausbildungspaten-emsland"),
    },
    {
        "slug": "regionalkonferenz-lueneburg",
        "title": "Regionalkonferenz Lüneburg",
        "kind": "regional_conference",
        "days_from_now": 45,
        "hours": 6,
        "venue": "Leuphana Universität, Lüneburg",
        "region": "lueneburg",
        "teaser": "Wohnen, Mobilität im ländlichen Raum und Sprachmittlung: die "
        "Regionalkonferenz für die Landkreise zwischen Elbe und Heide.",
        "programme": "Podium mit Landkreisen\n\nMarkt der Initiativen\n\n"
        "Arbeitsgruppen",
        "results": "",
        "projects": ("wohnraumlotsen-lueneburg", "mitfahrbank-wendland"),
    },
    {
        "slug": "regionalkonferenz-braunschweig",
        "title": "Regionalkonferenz Braunschweig",
        "kind": "regional_conference",
        "days_from_now": 90,
        "hours": 6,
        "venue": "Stadthalle Braunschweig",
        "region": "braunschweig",
        "teaser": "Arbeitsmarktintegration im Fokus: Betriebe, Gewerkschaften und "
        "Initiativen aus der Region Braunschweig.",
        "programme": "Impulse aus Betrieben\n\nArbeitsgruppen",
        "results": "",
        "projects": ("faire-arbeit-wolfsburg",),
    },
    {
        "slug": "werkstatt-ehrenamtskoordination",
        "title": "Werkstatt: Ehrenamt koordinieren",
        "kind": "workshop",
        "days_from_now": 21,
        "hours": 4,
        "venue": "Freiwilligenzentrum Hannover",
        "region": "leine-weser",
        "teaser": "Eine praktische Werkstatt für Koordinatorinnen und Koordinatoren "
        "von Ehrenamtlichen in der Flüchtlingshilfe.",
        "programme": "Tandems vermitteln\n\nKonflikte lösen\n\nAnerkennung gestalten",
        "results": "",
        "projects": ("ehrenamtsakademie-region-hannover", "sprachpaten-hameln"),
    },
]

PARTNERS = [
    (
        "Niedersächsische Landesregierung",
        "land-landesbehoerde",
        True,
        "Die Staatskanzlei und das Innenministerium koordinieren das Bündnis.",
    ),
    (
        "Deutscher Gewerkschaftsbund Niedersachsen",
        "gewerkschaft",
        True,
        "Der DGB bringt Beratung zu Arbeitsrecht und fairer Arbeit ein.",
    ),
    (
        "Unternehmerverbände Niedersachsen",
        "unternehmerverband",
        True,
        "Die Arbeitgeber werben für Praktika, Ausbildung und Beschäftigung.",
    ),
    (
        "Konföderation evangelischer Kirchen in Niedersachsen",
        "kirche-kirchengemeinde",
        True,
        "Die evangelischen Kirchen unterstützen Gemeinden und Ehrenamtliche.",
    ),
    (
        "Katholisches Büro Niedersachsen",
        "kirche-kirchengemeinde",
        True,
        "Die katholischen Bistümer bringen Caritas und Gemeinden ein.",
    ),
    (
        "Kommunale Spitzenverbände Niedersachsen",
        "kommune-landkreis",
        True,
        "Städtetag, Landkreistag sowie Städte- und Gemeindebund.",
    ),
    (
        "Landesarbeitsgemeinschaft der Freien Wohlfahrtspflege",
        "wohlfahrtsverband",
        True,
        "AWO, Caritas, Diakonie, DRK, Paritätischer und Jüdische Wohlfahrt.",
    ),
    (
        "Landessportbund Niedersachsen",
        "verein-initiative",
        False,
        "Sportvereine öffnen sich mit dem Programm Integration durch Sport.",
    ),
    (
        "Arbeitsgemeinschaft der Industrie- und Handelskammern",
        "kammer",
        False,
        "Die Kammern beraten Betriebe zu Ausbildung und Anerkennung.",
    ),
    (
        "Flüchtlingsrat Niedersachsen",
        "verein-initiative",
        False,
        "Beratung und Fortbildung für Ehrenamtliche.",
    ),
]

CALL_TEXT = (
    "<h2>Niedersachsen packt an</h2>"
    "<p>Wir, Menschen und Institutionen in Niedersachsen, setzen uns gemeinsam dafür "
    "ein, dass Geflüchtete hier ankommen, Deutsch lernen, Arbeit finden und Teil "
    "unserer Gesellschaft werden.</p>"
    "<p>Wir teilen unser Wissen, machen gute Beispiele bekannt und packen gemeinsam "
    "an – in Städten und Dörfern, in Betrieben, Vereinen und Gemeinden.</p>"
)

SIGNATURES = [
    ("person", "Hannelore Krüger", "", "Celle", True),
    ("person", "Ahmad Sultani", "", "Osnabrück", True),
    ("person", "Jens Petersen", "", "Aurich", False),
    ("person", "Birgit Lammers", "", "Meppen", True),
    ("person", "Dr. Sabine Vogt", "", "Göttingen", False),
    ("institution", "Maren Schütte", "Freundeskreis Asyl Celle e. V.", "Celle", True),
    (
        "institution",
        "Rami Haddad",
        "Syrisch-Deutscher Kulturverein Salzgitter e. V.",
        "Salzgitter",
        True,
    ),
    ("institution", "Leyla Aydin", "Frauennetzwerk Brücke e. V.", "Hannover", True),
    (
        "institution",
        "Klaus Brinkmann",
        "Hafenlogistik Cuxhaven GmbH",
        "Cuxhaven",
        False,
    ),
]

LEGAL_PAGES = [
    (
        "impressum",
        "Impressum",
        "Verantwortlich für den Inhalt: Geschäftsstelle des Bündnisses "
        "„Niedersachsen packt an“, Hannover.\n\nDies ist eine Demo-Installation; alle "
        "Initiativen, Personen und Adressen sind erfunden.",
    ),
    (
        "datenschutz",
        "Datenschutz",
        "Wir speichern nur, was für den Betrieb der Plattform nötig ist.\n\n"
        "Unterschriften unter den Aufruf werden erst nach Bestätigung per E-Mail "
        "gezählt; Namen erscheinen nur mit Ihrer Einwilligung.\n\nSie können Ihre "
        "Einwilligung jederzeit widerrufen.",
    ),
    (
        "barrierefreiheit",
        "Erklärung zur Barrierefreiheit",
        "Diese Website soll den Anforderungen der BITV 2.0 entsprechen.\n\nAlle Seiten "
        "funktionieren ohne JavaScript; Bilder haben Alternativtexte.\n\nBarrieren "
        "melden Sie bitte der Geschäftsstelle.",
    ),
    (
        "open-data-lizenz",
        "Open-Data-Lizenz",
        "Die Projektbeschreibungen stehen unter der Lizenz CC BY 4.0.\n\nBitte nennen "
        "Sie als Quelle „Niedersachsen packt an – Gute Praxis“.",
    ),
]
