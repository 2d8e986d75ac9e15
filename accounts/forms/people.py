"""Forms about people: sign-up, invitation, account deletion."""

from __future__ import annotations

from django import forms
from django.contrib.auth import password_validation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from kb.antispam import AntispamFormMixin

from .. import consent
from ..sanitize import validate_single_line


class PasswordFields(forms.Form):
    password1 = forms.CharField(
        label=_("Passwort"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("Mindestens 8 Zeichen, nicht nur Ziffern."),
    )
    password2 = forms.CharField(
        label=_("Passwort wiederholen"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def clean(self):
        cleaned = super().clean()
        first, second = cleaned.get("password1"), cleaned.get("password2")
        if first and second and first != second:
            self.add_error(
                "password2", gettext("Die Passwörter stimmen nicht überein.")
            )
        elif first:
            try:
                password_validation.validate_password(first)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned


class SignupForm(AntispamFormMixin, PasswordFields):
    organisation = forms.CharField(
        label=_("Name der Initiative oder Organisation"),
        max_length=200,
        validators=[validate_single_line],
    )
    contact_name = forms.CharField(
        label=_("Ihr Name (Ansprechperson)"),
        max_length=120,
        validators=[validate_single_line],
    )
    email = forms.EmailField(
        label=_("E-Mail-Adresse"),
        max_length=254,
        error_messages={
            "invalid": _("Bitte geben Sie eine gültige E-Mail-Adresse an.")
        },
    )
    accept_terms = forms.BooleanField(
        label=_("Ich akzeptiere die Nutzungsbedingungen."),
        help_text=_(consent.TERMS),
        error_messages={"required": _("Bitte stimmen Sie den Nutzungsbedingungen zu.")},
    )
    accept_privacy = forms.BooleanField(
        label=_("Ich habe die Datenschutzhinweise gelesen."),
        help_text=_(consent.PRIVACY),
        error_messages={"required": _("Bitte bestätigen Sie die Datenschutzhinweise.")},
    )

    field_order = [
        "organisation",
        "contact_name",
        "email",
        "password1",
        "password2",
        "accept_terms",
        "accept_privacy",
    ]

    def clean_email(self) -> str:
        return self.cleaned_data["email"].strip().lower()


class InvitationForm(forms.Form):
    email = forms.EmailField(
        label=_("E-Mail-Adresse der Person"),
        max_length=254,
        error_messages={
            "invalid": _("Bitte geben Sie eine gültige E-Mail-Adresse an.")
        },
    )

    def clean_email(self) -> str:
        return self.cleaned_data["email"].strip().lower()


class AcceptInvitationForm(PasswordFields):
    name = forms.CharField(
        label=_("Ihr Name"), max_length=120, validators=[validate_single_line]
    )
    accept_terms = forms.BooleanField(
        label=_("Ich akzeptiere die Nutzungsbedingungen."),
        help_text=_(consent.TERMS),
        error_messages={"required": _("Bitte stimmen Sie den Nutzungsbedingungen zu.")},
    )
    accept_privacy = forms.BooleanField(
        label=_("Ich habe die Datenschutzhinweise gelesen."),
        help_text=_(consent.PRIVACY),
        error_messages={"required": _("Bitte bestätigen Sie die Datenschutzhinweise.")},
    )
    field_order = ["name", "password1", "password2", "accept_terms", "accept_privacy"]


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        label=_("Ihr Passwort zur Bestätigung"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, *args, user, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(gettext("Das Passwort stimmt nicht."))
        return password


class VerifyForm(DeleteAccountForm):
    """The password chosen at sign-up activates the account."""

    def __init__(self, *args, user, **kwargs) -> None:
        super().__init__(*args, user=user, **kwargs)
        self.fields["password"].label = _("Ihr Passwort (aus der Anmeldung)")


class ResendVerificationForm(AntispamFormMixin, forms.Form):
    email = forms.EmailField(label=_("E-Mail-Adresse"), max_length=254)
