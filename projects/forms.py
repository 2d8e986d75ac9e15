"""Admin form rules for project pages that span several fields."""

from __future__ import annotations

from django.utils.translation import gettext
from wagtail.admin.forms import WagtailAdminPageForm


def check_place_and_period(form, cleaned: dict) -> None:
    """Rules every project form shares (admin and the initiatives' own forms)."""
    if not cleaned.get("statewide") and not cleaned.get("districts"):
        form.add_error(
            "districts",
            gettext(
                "Bitte mindestens einen Landkreis wählen oder „landesweit“ ankreuzen."
            ),
        )
    start, end = cleaned.get("start_date"), cleaned.get("end_date")
    if start and end and end < start:
        form.add_error(
            "end_date", gettext("Das Ende darf nicht vor dem Beginn liegen.")
        )


class ProjectPageForm(WagtailAdminPageForm):
    def clean(self):
        cleaned = super().clean()
        check_place_and_period(self, cleaned)
        lat, lon = cleaned.get("lat"), cleaned.get("lon")
        if (lat is None) != (lon is None):
            self.add_error(
                "lon", gettext("Bitte Breiten- und Längengrad gemeinsam angeben.")
            )
        if cleaned.get("good_example") and not cleaned.get("good_example_reason"):
            self.add_error(
                "good_example_reason",
                gettext("Bitte begründen, warum das Projekt ein gutes Beispiel ist."),
            )
        return cleaned
