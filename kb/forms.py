"""Public forms of the knowledge base."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .antispam import AntispamFormMixin
from .models.alliance import Signature


class SignatureForm(AntispamFormMixin, forms.ModelForm):
    consent = forms.BooleanField(
        label=_("Ich willige ein."),
        error_messages={
            "required": _("Ohne Ihre Einwilligung können wir nicht speichern.")
        },
    )

    class Meta:
        model = Signature
        fields = ["kind", "name", "organisation", "place", "email", "list_publicly"]
        widgets = {"kind": forms.RadioSelect}
        error_messages = {
            "name": {"required": _("Bitte geben Sie Ihren Namen an.")},
            "email": {
                "required": _("Bitte geben Sie Ihre E-Mail-Adresse an."),
                "invalid": _("Bitte geben Sie eine gültige E-Mail-Adresse an."),
            },
            "kind": {"required": _("Bitte wählen Sie, wie Sie unterzeichnen.")},
        }

    def __init__(self, *args, consent_text: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.consent_text = consent_text
        self.fields["consent"].help_text = consent_text
        # Two radio buttons, neither chosen in advance: without this the model
        # field's blank choice showed as a third, pre-selected "---------".
        self.fields["kind"].choices = Signature.Kind.choices

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("kind") == Signature.Kind.INSTITUTION and not cleaned.get(
            "organisation"
        ):
            self.add_error(
                "organisation", gettext("Bitte nennen Sie die Organisation.")
            )
        return cleaned

    def validate_unique(self):
        # A second signature with the same address is handled by re-sending the
        # confirmation, not by an error that would reveal who signed.
        pass
