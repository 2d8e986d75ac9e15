"""The texts people agree to at sign-up; a new wording gets a new version."""

VERSION = "2025-06"
TERMS = (
    "Ich habe die Nutzungsbedingungen gelesen und akzeptiere sie. Ich stelle nur "
    "Inhalte ein, die ich veröffentlichen darf; die Redaktion prüft sie vor der "
    "Veröffentlichung."
)
PRIVACY = (
    "Ich habe die Datenschutzhinweise gelesen. Ich bin einverstanden, dass meine "
    "Angaben (Name, E-Mail-Adresse) gespeichert werden, um das Profil meiner "
    "Initiative zu pflegen. Ich kann mein Konto jederzeit löschen."
)
