"""Admin form rules for project pages that span several fields."""

from __future__ import annotations

from wagtail.admin.forms import WagtailAdminPageForm


class ProjectPageForm(WagtailAdminPageForm):
    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("statewide") and not cleaned.get("districts"):
            self.add_error(
                "districts",
                "Bitte mindestens einen Landkreis wählen oder „landesweit“ ankreuzen.",
            )
        start, end = cleaned.get("start_date"), cleaned.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", "Das Ende darf nicht vor dem Beginn liegen.")
        lat, lon = cleaned.get("lat"), cleaned.get("lon")
        if (lat is None) != (lon is None):
            self.add_error("lon", "Bitte Breiten- und Längengrad gemeinsam angeben.")
        if cleaned.get("good_example") and not cleaned.get("good_example_reason"):
            self.add_error(
                "good_example_reason",
                "Bitte begründen, warum das Projekt ein gutes Beispiel ist.",
            )
        return cleaned
