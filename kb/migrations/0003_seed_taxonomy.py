"""Seed the vocabularies and districts from the copies in kb/data/."""

import json
from pathlib import Path

from django.db import migrations
from django.utils.text import slugify

DATA = Path(__file__).resolve().parent.parent / "data"


def seed(apps, schema_editor):
    taxonomy = json.loads((DATA / "taxonomy.json").read_text(encoding="utf-8"))
    regions = json.loads((DATA / "regions-niedersachsen.json").read_text(encoding="utf-8"))
    for model_name, key in [
        ("FieldOfAction", "fields_of_action"),
        ("TargetGroup", "target_groups"),
        ("OfferNeedCategory", "offer_need_categories"),
    ]:
        model = apps.get_model("kb", model_name)
        for order, item in enumerate(taxonomy[key]):
            model.objects.update_or_create(
                slug=item["slug"], defaults={"name": item["name"], "sort_order": order}
            )
    organisation_type = apps.get_model("kb", "OrganisationType")
    for order, name in enumerate(taxonomy["organisation_types"]):
        organisation_type.objects.update_or_create(
            slug=slugify(name.replace("/", " ").replace("ä", "ae").replace("ö", "oe").replace("ü", "ue")),
            defaults={"name": name, "sort_order": order},
        )
    region_model = apps.get_model("kb", "Region")
    district_model = apps.get_model("kb", "District")
    for order, region in enumerate(regions["regions"]):
        region_obj, _ = region_model.objects.update_or_create(
            slug=region["slug"], defaults={"name": region["name"], "sort_order": order}
        )
        for district in region["districts"]:
            name = district["name"]
            slug = slugify(
                name.replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss")
            )
            district_model.objects.update_or_create(
                ags=district["ags"],
                defaults={
                    "name": name,
                    "slug": f"{slug}-{district['ags']}",
                    "kind": district["kind"],
                    "seat": district["seat"],
                    "lat": district["lat"],
                    "lon": district["lon"],
                    "region": region_obj,
                },
            )


class Migration(migrations.Migration):
    dependencies = [("kb", "0002_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
