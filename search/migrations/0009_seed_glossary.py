from django.db import migrations

# English phrases people type for the alliance's work, with the German terms
# projects use. Editors maintain them in the admin (Snippets → Glossar).
ENTRIES = {
    "job fair": "Jobmesse, Berufsmesse",
    "language café": "Sprachcafé, Sprachtreff",
    "language cafe": "Sprachcafé, Sprachtreff",
    "language course": "Sprachkurs, Deutschkurs",
    "german course": "Deutschkurs, Sprachkurs",
    "german lessons": "Deutschunterricht, Deutschkurs",
    "refugee": "Geflüchtete, Flüchtlinge",
    "refugees": "Geflüchtete, Flüchtlinge",
    "asylum seekers": "Asylsuchende, Asylbewerber",
    "unaccompanied minors": "unbegleitete minderjährige Geflüchtete, UMF",
    "volunteer": "Ehrenamtliche, Freiwillige",
    "volunteering": "Ehrenamt, freiwilliges Engagement",
    "mentoring": "Patenschaft, Mentoring",
    "buddy program": "Patenschaft, Patenprojekt",
    "interpreter": "Dolmetscher, Sprachmittler",
    "interpreting": "Sprachmittlung, Dolmetschen",
    "housing": "Wohnung, Wohnraum",
    "flat hunting": "Wohnungssuche",
    "apartment search": "Wohnungssuche",
    "homework help": "Hausaufgabenhilfe, Nachhilfe",
    "tutoring": "Nachhilfe, Lernhilfe",
    "childcare": "Kinderbetreuung, Kita",
    "daycare": "Kita, Kindertagesstätte",
    "apprenticeship": "Ausbildung, Azubi",
    "internship": "Praktikum",
    "job application training": "Bewerbungstraining",
    "job centre": "Jobcenter",
    "job center": "Jobcenter",
    "employers": "Arbeitgeber, Betriebe",
    "sewing café": "Nähcafé",
    "bike repair": "Fahrradwerkstatt, Fahrradreparatur",
    "women": "Frauen",
    "mothers": "Mütter",
    "welcome culture": "Willkommenskultur",
    "meeting place": "Treffpunkt, Begegnungsstätte",
    "counselling": "Beratung",
    "counseling": "Beratung",
    "ukrainian": "ukrainisch, Ukraine",
    "ukrainians": "Ukrainer, Ukraine",
    "craft trades": "Handwerk",
    "crafts": "Handwerk",
    "work permit": "Arbeitserlaubnis, Beschäftigungserlaubnis",
    "legal advice": "Rechtsberatung, Asylverfahrensberatung",
    "skilled workers": "Fachkräfte",
    "recognition of qualifications": "Anerkennung, Berufsanerkennung",
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
    dependencies = [("search", "0008_sqlite_fts")]

    operations = [migrations.RunPython(seed, unseed)]
