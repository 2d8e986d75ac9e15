from django.db import migrations

GROUPS = [
    "Geflüchtete, Flüchtlinge, Schutzsuchende, Asylsuchende, Asylbewerber",
    "Deutschkurs, Sprachkurs, Deutschunterricht",
    "Ehrenamt, Freiwilligenarbeit, freiwilliges Engagement, Ehrenamtliche",
    "Job, Arbeit, Beschäftigung, Arbeitsplatz",
    "Kita, Kindertagesstätte, Kindergarten",
    "Dolmetschen, Sprachmittlung, Übersetzung, Dolmetscher",
    "Wohnung, Wohnraum",
    "Ausbildung, Lehre",
    "Mentoring, Patenschaft",
    "Frauen, Mütter",
    "Arztbesuch, Gesundheitsversorgung",
]


def seed(apps, schema_editor):
    SynonymGroup = apps.get_model("search", "SynonymGroup")
    for terms in GROUPS:
        SynonymGroup.objects.get_or_create(terms=terms)


def unseed(apps, schema_editor):
    apps.get_model("search", "SynonymGroup").objects.filter(terms__in=GROUPS).delete()


class Migration(migrations.Migration):
    dependencies = [("search", "0002_synonym_group")]

    operations = [migrations.RunPython(seed, unseed)]
