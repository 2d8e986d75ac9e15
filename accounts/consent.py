"""The texts people agree to at sign-up; a new wording gets a new version.

The German wording is the binding one and is what ``Consent`` records store;
the forms show it translated (``gettext_noop`` only marks it for
``makemessages``)."""

from django.utils.translation import gettext_noop

VERSION = "2025-06"
TERMS = gettext_noop(
    "Ich habe die Nutzungsbedingungen gelesen und akzeptiere sie. Ich stelle nur "
    "Inhalte ein, die ich veröffentlichen darf; die Redaktion prüft sie vor der "
    "Veröffentlichung."
)
PRIVACY = gettext_noop(
    "Ich habe die Datenschutzhinweise gelesen. Ich bin einverstanden, dass meine "
    "Angaben (Name, E-Mail-Adresse) gespeichert werden, um das Profil meiner "
    "Initiative zu pflegen. Ich kann mein Konto jederzeit löschen."
)
