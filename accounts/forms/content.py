"""Frontend forms for an initiative's profile and its projects.

They follow the project structure of ``ProjectPage`` and work without
JavaScript: plain text areas (limited HTML is cleaned), check boxes for the
vocabularies, and formsets with spare rows for offers and needs."""

from __future__ import annotations

from django import forms
from django.utils.functional import Promise
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.forms import ClusterForm
from wagtail.images import get_image_model

from kb.taxonomy import District, FieldOfAction, OfferNeedCategory, TargetGroup
from projects.forms import check_place_and_period
from projects.models import InitiativePage, ProjectGalleryImage, ProjectPage
from search.offer_categories import infer as infer_categories
from search.offer_categories import mark_choices

from ..sanitize import clean_rich_text, validate_single_line

RICH_TEXT_MAX = 10_000
MAX_TAGS = 15
MAX_TAG_LENGTH = 50


def rich_text_field(label: str | Promise) -> forms.CharField:
    return forms.CharField(
        label=label,
        required=False,
        max_length=RICH_TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Absätze durch Leerzeilen trennen."),
    )


LEAD_IMAGE_HELP = _(
    "Eines der Bilder Ihrer Initiative. Öffentlich erscheint es erst, "
    "wenn die Redaktion das Bild freigegeben hat."
)


class SanitisingMixin:
    rich_text_fields: tuple[str, ...] = ()
    single_line_fields: tuple[str, ...] = ()

    def clean(self):
        cleaned = super().clean()
        for name in self.rich_text_fields:
            if name in cleaned:
                cleaned[name] = clean_rich_text(cleaned[name])
        for name in self.single_line_fields:
            value = cleaned.get(name)
            if value:
                try:
                    validate_single_line(value)
                except forms.ValidationError as error:
                    self.add_error(name, error)
        return cleaned


class InitiativeForm(SanitisingMixin, forms.ModelForm):
    description = rich_text_field(_("Beschreibung"))
    rich_text_fields = ("description",)
    single_line_fields = ("title", "place", "contact_name", "contact_phone")

    class Meta:
        model = InitiativePage
        fields = [
            "title",
            "organisation_type",
            "description",
            "logo",
            "place",
            "district",
            "website",
            "contact_name",
            "contact_email",
            "contact_phone",
            "contact_public",
        ]
        labels = {"title": _("Name der Initiative")}

    def __init__(self, *args, images=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["logo"].queryset = (
            images if images is not None else get_image_model().objects.none()
        )
        self.fields["logo"].help_text = LEAD_IMAGE_HELP
        self.fields["title"].validators.append(validate_single_line)


class OfferNeedForm(forms.ModelForm):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["category"].queryset = OfferNeedCategory.objects.all()

    def clean_text(self) -> str:
        text = self.cleaned_data["text"]
        validate_single_line(text)
        return text


OFFER_NEED = {
    "fields": ["category", "text"],
    "extra": 2,
    "can_delete": True,
    "form": OfferNeedForm,
}


class ProjectForm(SanitisingMixin, ClusterForm):
    lead_image = forms.ModelChoiceField(
        label=_("Titelbild"),
        queryset=get_image_model().objects.none(),
        required=False,
        empty_label=_("kein Titelbild"),
        help_text=LEAD_IMAGE_HELP,
    )
    lead_alt_text = forms.CharField(
        label=_("Alternativtext des Titelbilds"),
        max_length=250,
        required=False,
        validators=[validate_single_line],
        help_text=_(
            "Was ist auf dem Bild zu sehen? Leer lassen, um die Beschreibung "
            "vom Hochladen zu übernehmen."
        ),
    )
    starting_point = rich_text_field(_("Ausgangslage"))
    goals = rich_text_field(_("Ziele"))
    approach = rich_text_field(_("Vorgehen"))
    results = rich_text_field(_("Ergebnisse und Wirkung"))
    obstacles = rich_text_field(_("Hemmnisse und Lösungswege"))
    transferability = rich_text_field(_("Übertragbarkeit"))
    rich_text_fields = (
        "starting_point",
        "goals",
        "approach",
        "results",
        "obstacles",
        "transferability",
    )
    single_line_fields = (
        "title",
        "teaser",
        "place",
        "staff",
        "required_partners",
        "lead_time",
        "contact_name",
        "contact_phone",
    )

    class Meta:
        model = ProjectPage
        fields = [
            "title",
            "teaser",
            "fields_of_action",
            "target_groups",
            "districts",
            "statewide",
            "place",
            "status",
            "start_date",
            "end_date",
            "starting_point",
            "goals",
            "approach",
            "results",
            "people_reached",
            "volunteers",
            "obstacles",
            "transferability",
            "cost_range",
            "staff",
            "required_partners",
            "lead_time",
            "partners",
            "tags",
            "contact_name",
            "contact_email",
            "contact_phone",
            "contact_public",
            "website",
        ]
        formsets = {"offers": OFFER_NEED, "needs": OFFER_NEED}
        labels = {"title": _("Name des Projekts")}
        widgets = {
            "teaser": forms.Textarea(attrs={"rows": 3, "maxlength": 300}),
            "fields_of_action": forms.CheckboxSelectMultiple,
            "target_groups": forms.CheckboxSelectMultiple,
            "districts": forms.CheckboxSelectMultiple,
            "start_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "end_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "partners": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, images=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["lead_image"].queryset = (
            images if images is not None else get_image_model().objects.none()
        )
        lead = self._current_lead()
        if lead is not None:
            self.fields["lead_image"].initial = lead.image_id
            self.fields["lead_alt_text"].initial = lead.alt_text
        self.fields["fields_of_action"].queryset = FieldOfAction.objects.all()
        self.fields["target_groups"].queryset = TargetGroup.objects.all()
        self.fields["districts"].queryset = District.objects.all()
        self.fields["partners"].max_length = 2000
        self.fields["tags"].help_text = _(
            "Durch Kommas getrennt, z. B. Sprachcafé, Ehrenamt"
        )
        self.fields["fields_of_action"].error_messages["required"] = _(
            "Bitte mindestens ein Handlungsfeld wählen."
        )

    def clean_tags(self) -> list[str]:
        tags = self.cleaned_data.get("tags") or []
        if len(tags) > MAX_TAGS:
            raise forms.ValidationError(
                gettext("Bitte höchstens {count} Schlagwörter.").format(count=MAX_TAGS)
            )
        for tag in tags:
            if len(tag) > MAX_TAG_LENGTH:
                raise forms.ValidationError(
                    gettext(
                        "Schlagwörter dürfen höchstens {count} Zeichen haben."
                    ).format(count=MAX_TAG_LENGTH)
                )
            validate_single_line(tag)
        return tags

    def clean_partners(self) -> str:
        partners = self.cleaned_data.get("partners", "")
        if len(partners) > 2000:
            raise forms.ValidationError(gettext("Bitte höchstens 2.000 Zeichen."))
        return partners

    def clean(self):
        cleaned = super().clean()
        check_place_and_period(self, cleaned)
        return cleaned

    def _current_lead(self):
        """The first gallery picture if it is one of the initiative's own
        (an editor's choice from elsewhere is left alone), else None."""
        first = min(
            self.instance.gallery_images.all(),
            key=lambda item: item.sort_order or 0,
            default=None,
        )
        choices = self.fields["lead_image"].queryset
        if first is not None and choices.filter(pk=first.image_id).exists():
            return first
        return None

    def _apply_lead(self, page) -> None:
        lead = self._current_lead()
        chosen = self.cleaned_data.get("lead_image")
        alt = self.cleaned_data.get("lead_alt_text") or ""
        gallery = sorted(page.gallery_images.all(), key=lambda i: i.sort_order or 0)
        if lead is not None:
            gallery = [item for item in gallery if item is not lead]
        if chosen is not None:
            alt = alt or chosen.description or chosen.title
            gallery.insert(0, ProjectGalleryImage(image=chosen, alt_text=alt))
        for position, item in enumerate(gallery):
            item.sort_order = position
        page.gallery_images = gallery

    def save(self, commit: bool = True):
        page = super().save(commit=False)
        self._apply_lead(page)
        # A category the person set is theirs; empty ones come from the text.
        for name in ("offers", "needs"):
            mark_choices(self.formsets[name].forms)
        infer_categories([*page.offers.all(), *page.needs.all()])
        if commit:
            page.save()
        return page


class ImageUploadForm(forms.Form):
    title = forms.CharField(
        label=_("Bildtitel / Alternativtext"),
        max_length=250,
        validators=[validate_single_line],
        help_text=_("Beschreiben Sie kurz, was auf dem Bild zu sehen ist."),
    )
    file = forms.FileField(
        label=_("Bilddatei"),
        help_text=_("JPEG, PNG oder WebP, höchstens 10 MB und 40 Megapixel."),
        error_messages={"required": _("Bitte wählen Sie eine Bilddatei.")},
    )
