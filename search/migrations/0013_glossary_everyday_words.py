from django.db import migrations

# More English words and phrases people type for integration work (health,
# school, sport, culture, everyday needs), with the German terms projects use;
# added beside 0009's entries. Editors maintain them in the admin (Snippets →
# Glossar); an entry an editor has already made is left as it is.
ENTRIES = {
    "free": "kostenlos, kostenfrei",
    "free of charge": "kostenlos, kostenfrei",
    "german": "Deutsch, Deutschkurs",
    "learn german": "Deutsch lernen, Deutschkurs",
    "sports": "Sport, Sportverein",
    "sport": "Sport, Sportverein",
    "sports club": "Sportverein",
    "football": "Fußball",
    "soccer": "Fußball",
    "swimming": "Schwimmkurs, Schwimmen",
    "trauma": "Trauma, traumatisiert",
    "traumatised": "traumatisiert, Trauma",
    "traumatized": "traumatisiert, Trauma",
    "therapy": "Therapie, psychosozial",
    "mental health": "psychosozial, Psychotherapie",
    "health": "Gesundheit",
    "doctor": "Arzt, Ärztin",
    "doctors": "Arzt, Ärzte",
    "hospital": "Krankenhaus, Klinik",
    "midwife": "Hebamme",
    "pregnancy": "Schwangerschaft, Geburt",
    "school": "Schule, Schüler",
    "pupils": "Schüler, Schule",
    "students": "Studierende, Studenten",
    "university": "Hochschule, Universität",
    "study": "Studium, studieren",
    "jobs": "Arbeit, Job",
    "work": "Arbeit, Beschäftigung",
    "training": "Qualifizierung, Schulung",
    "vocational training": "Ausbildung, Berufsausbildung",
    "job placement": "Arbeitsvermittlung",
    "career guidance": "Berufsorientierung, Berufsberatung",
    "hiring": "Einstellung, Beschäftigung",
    "hire": "einstellen, Beschäftigung",
    "integration guides": "Integrationslotsen",
    "integration pilots": "Integrationslotsen",
    "guides": "Lotsen, Begleitung",
    "seniors": "Senioren, Ältere",
    "elderly": "Ältere, Senioren",
    "older people": "Ältere, Senioren",
    "young people": "Jugendliche, junge Menschen",
    "youth": "Jugendliche, Jugend",
    "teenagers": "Jugendliche",
    "girls": "Mädchen",
    "men": "Männer",
    "disability": "Behinderung, Inklusion",
    "disabilities": "Behinderung, Inklusion",
    "meeting cafe": "Begegnungscafé, Treffpunkt",
    "meeting café": "Begegnungscafé, Treffpunkt",
    "encounter": "Begegnung",
    "neighbourhood": "Nachbarschaft, Quartier",
    "neighborhood": "Nachbarschaft, Quartier",
    "cooking": "Kochen, Kochkurs",
    "music": "Musik",
    "theatre": "Theater",
    "theater": "Theater",
    "art": "Kunst",
    "sewing": "Nähen, Nähcafé",
    "clothes": "Kleiderkammer, Kleidung",
    "clothing": "Kleiderkammer, Kleidung",
    "furniture": "Möbel",
    "donations": "Spenden, Sachspenden",
    "food bank": "Tafel",
    "driving licence": "Führerschein",
    "driving license": "Führerschein",
    "translation": "Übersetzung, Sprachmittlung",
    "translators": "Übersetzer, Sprachmittler",
    "asylum procedure": "Asylverfahren",
    "asylum hearing": "Anhörung, Asylverfahren",
    "deportation": "Abschiebung",
    "residence permit": "Aufenthaltserlaubnis, Aufenthalt",
    "citizenship": "Einbürgerung",
    "naturalisation": "Einbürgerung",
    "participation": "Teilhabe, Partizipation",
    "democracy": "Demokratie",
    "racism": "Rassismus",
    "discrimination": "Diskriminierung, Antidiskriminierung",
    "parents": "Eltern",
    "kindergarten": "Kita, Kindergarten",
    "literacy": "Alphabetisierung",
    "reading": "Lesen, Lesepaten",
    "nursing": "Pflege, Pflegeausbildung",
    "network": "Netzwerk",
    "municipality": "Kommune, Gemeinde",
    "municipalities": "Kommunen, Gemeinden",
    "district": "Landkreis",
    "welcome": "Willkommen, Ankommen",
    "arrival": "Ankommen, Erstorientierung",
    "orientation": "Orientierung, Erstorientierung",
    "newcomers": "Neuzugewanderte, Zugewanderte",
    "migrants": "Migranten, Zugewanderte",
    "immigrants": "Zugewanderte, Migranten",
    "social counselling": "Sozialberatung, Migrationsberatung",
    "migration counselling": "Migrationsberatung",
    "language support": "Sprachförderung",
    "language learning": "Sprachförderung, Deutsch lernen",
    "leisure": "Freizeit",
    "holidays": "Ferien",
    "excursions": "Ausflüge",
}


def seed(apps, schema_editor):
    GlossaryEntry = apps.get_model("search", "GlossaryEntry")
    for english, german in ENTRIES.items():
        GlossaryEntry.objects.get_or_create(
            english=english, defaults={"german": german}
        )


def unseed(apps, schema_editor):
    apps.get_model("search", "GlossaryEntry").objects.filter(
        english__in=list(ENTRIES)
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("search", "0012_index_version")]

    operations = [migrations.RunPython(seed, unseed)]
