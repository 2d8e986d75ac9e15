from __future__ import annotations

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from kb.antispam import AntispamFormMixin

from .contact import CONSENT_TEXT
from .models import ContactRequest


class ContactForm(AntispamFormMixin, forms.Form):
    sender_name = forms.CharField(label=_("Ihr Name"), max_length=120)
    sender_email = forms.EmailField(
        label=_("Ihre E-Mail-Adresse"),
        help_text=_("Wird erst weitergegeben, wenn das Projekt Ihnen antwortet."),
    )
    message = forms.CharField(
        label=_("Ihre Nachricht"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 8}),
    )
    consent = forms.BooleanField(label=_(CONSENT_TEXT), required=True)
    # The project whose suggestion the form was opened from: when the match
    # is gone on submit, the answer links to that project's current ones.
    source = forms.IntegerField(widget=forms.HiddenInput, required=False)

    # What a form for a vanished match shows again (consent is asked anew).
    KEPT_FIELDS = ("sender_name", "sender_email", "message", "source")

    def clean_message(self) -> str:
        message = self.cleaned_data["message"].strip()
        if len(message) < 20:
            raise forms.ValidationError(
                gettext("Bitte schreiben Sie ein paar Sätze (mindestens 20 Zeichen).")
            )
        return message


class ReplyForm(forms.Form):
    reply = forms.CharField(
        label=_("Ihre Antwort"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 8}),
    )


class OutcomeForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("Hat dieser Kontakt zu einer Zusammenarbeit geführt?"),
        choices=ContactRequest.Outcome.choices,
        widget=forms.RadioSelect,
    )
