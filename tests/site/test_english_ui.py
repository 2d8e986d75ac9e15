"""The English UI: a complete, compiled catalogue and English pages and forms.

German is the source language (the msgids); ``locale/en`` translates the
templates and the Python-side texts of the public site and the members' area.
"""

from __future__ import annotations

import ast
import gettext
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client

from matching.models import Match
from tests.accounts.conftest import form_protection, make_member, signup_data
from tests.site.content import add_project

LOCALE = Path(settings.BASE_DIR) / "locale" / "en" / "LC_MESSAGES"
ENTRY_LINE = re.compile(r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)\s+(".*")$')


def read_po(path: Path) -> list[dict]:
    """The entries of a PO file (obsolete ``#~`` entries left out).

    Each entry has its flags, ``msgctxt``, ``msgid``, ``msgid_plural`` and
    ``msgstr`` (a dict of plural forms for plural entries)."""
    entries: list[dict] = []
    for block in path.read_text(encoding="utf-8").split("\n\n"):
        lines = [line for line in block.strip().splitlines() if line.strip()]
        if not lines or all(line.startswith("#") for line in lines):
            continue
        entry: dict = {"flags": set(), "msgctxt": None, "msgid_plural": None}
        plural: dict[int, str] = {}
        current = None
        for line in lines:
            if line.startswith("#,"):
                entry["flags"].update(f.strip() for f in line[2:].split(","))
            elif line.startswith("#"):
                continue
            elif match := ENTRY_LINE.match(line):
                current, value = match.group(1), ast.literal_eval(match.group(2))
                if current.startswith("msgstr["):
                    plural[int(current[7:-1])] = value
                else:
                    entry[current] = value
            elif line.startswith('"') and current:
                value = ast.literal_eval(line)
                if current.startswith("msgstr["):
                    plural[int(current[7:-1])] += value
                else:
                    entry[current] += value
            else:
                raise AssertionError(f"unexpected line in {path.name}: {line!r}")
        if plural:
            entry["msgstr"] = plural
        entries.append(entry)
    return entries


def catalogue_key(entry: dict) -> str:
    """How ``GNUTranslations`` stores an entry (context joined by EOT)."""
    if entry["msgctxt"] is not None:
        return f"{entry['msgctxt']}\x04{entry['msgid']}"
    return entry["msgid"]


@pytest.fixture(scope="module")
def po_entries() -> list[dict]:
    entries = [e for e in read_po(LOCALE / "django.po") if e["msgid"]]
    assert len(entries) > 300
    return entries


def test_every_message_is_translated_and_none_is_fuzzy(po_entries):
    fuzzy = [e["msgid"] for e in po_entries if "fuzzy" in e["flags"]]
    empty = [
        e["msgid"]
        for e in po_entries
        if (
            not all(e["msgstr"].values()) or len(e["msgstr"]) != 2
            if isinstance(e["msgstr"], dict)
            else not e["msgstr"]
        )
    ]
    assert fuzzy == []
    assert empty == []


def test_translations_keep_their_placeholders(po_entries):
    placeholder = re.compile(r"%\(\w+\)s|\{\w+\}")
    for entry in po_entries:
        translations = (
            entry["msgstr"].values()
            if isinstance(entry["msgstr"], dict)
            else [entry["msgstr"]]
        )
        expected = sorted(placeholder.findall(entry["msgid"]))
        for translation in translations:
            assert sorted(placeholder.findall(translation)) == expected, entry


def test_compiled_catalogue_matches_the_po_file(po_entries):
    with open(LOCALE / "django.mo", "rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    catalogue = {key: value for key, value in compiled._catalog.items() if key != ""}

    expected: dict = {}
    for entry in po_entries:
        key = catalogue_key(entry)
        if isinstance(entry["msgstr"], dict):
            for number, text in entry["msgstr"].items():
                expected[(key, number)] = text
        else:
            expected[key] = entry["msgstr"]

    assert set(catalogue) == set(expected), "run compilemessages"
    assert catalogue == expected, "run compilemessages"


SOURCES = (
    "accounts",
    "config",
    "kb",
    "matching",
    "projects",
    "search",
    "templates",
    "website",
)


def test_catalogue_holds_every_message_the_code_uses(po_entries, tmp_path):
    """``makemessages`` over a copy of the sources finds exactly the committed
    messages: none missing (a message in an f-string is invisible to it, and
    the next regeneration would drop its translation) and none left over."""
    for name in SOURCES:
        shutil.copytree(Path(settings.BASE_DIR) / name, tmp_path / name)
    shutil.copy(Path(settings.BASE_DIR) / "manage.py", tmp_path)
    (tmp_path / "locale" / "en").mkdir(parents=True)
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "en", "--no-location"],
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(tmp_path)},
        check=True,
        capture_output=True,
    )
    extracted = read_po(tmp_path / "locale" / "en" / "LC_MESSAGES" / "django.po")
    found = {catalogue_key(entry) for entry in extracted if entry["msgid"]}
    committed = {catalogue_key(entry) for entry in po_entries}
    assert sorted(found - committed) == [], "messages without a translation"
    assert sorted(committed - found) == [], "translations no code uses"


# Pages in English ------------------------------------------------------------


@pytest.fixture
def english(services) -> Client:
    """A visitor whose browser asks for English."""
    return Client(headers={"accept-language": "en"})


@pytest.fixture
def member(site_content):
    user, initiative = make_member("en-member@example.org", "Initiative English")
    return user, initiative


@pytest.fixture
def partner_match(site_content) -> Match:
    """A suggested partner of the site's project, with a contact address."""
    partner = add_project(
        site_content.initiative,
        "Dolmetscherpool Celle",
        contact_email="pool@dolmetscher.example",
    )
    return Match.objects.create(
        source=site_content.project,
        target=partner,
        kind=Match.Kind.COMPLEMENTARY,
        score=0.8,
        reasons=[],
    )


def english_html(client: Client, url: str, status: int = 200) -> str:
    response = client.get(url)
    assert response.status_code == status
    html = response.content.decode()
    assert '<html lang="en" dir="ltr" data-kern-theme="light">' in html
    return html


def assert_english(html: str, english: list[str], german: list[str]) -> None:
    missing = [text for text in english if text not in html]
    left = [text for text in german if text in html]
    assert missing == [], f"English text missing: {missing}"
    assert left == [], f"German text still shown: {left}"


def test_login_page_is_english(english, site_content):
    html = english_html(english, "/konto/anmelden/")
    assert_english(
        html,
        ["<h1>Log in</h1>", "E-mail address", "Password", "No account yet?"],
        ["<h1>Anmelden</h1>", "E-Mail-Adresse", "Passwort", "Noch kein Konto?"],
    )


def test_signup_page_is_english(english, site_content):
    html = english_html(english, "/konto/registrieren/")
    assert_english(
        html,
        [
            "<h1>Register an initiative</h1>",
            "Name of the initiative or organisation",
            "Your name (contact person)",
            "Repeat password",
            "I accept the terms of use.",
            "I have read and accept the terms of use.",
            "I have read the privacy notice.",
            ">Register</button>",
        ],
        [
            "Initiative anmelden",
            "Name der Initiative oder Organisation",
            "Passwort wiederholen",
            "Ich akzeptiere die Nutzungsbedingungen.",
            "Ich habe die Datenschutzhinweise gelesen.",
            "Stellen Sie Ihre Projekte selbst vor.",
            ">Anmelden</button>",
        ],
    )


def test_signup_errors_are_english(english, site_content, clean_rate_limits):
    response = english.post(
        "/konto/registrieren/",
        signup_data(email="not-an-address", password2="Etwas-anderes-42"),
    )

    assert response.status_code == 400
    assert_english(
        response.content.decode(),
        [
            "Please check the marked fields.",
            "Please enter a valid e-mail address.",
            "The passwords do not match.",
        ],
        [
            "Bitte prüfen Sie die markierten Felder.",
            "Bitte geben Sie eine gültige E-Mail-Adresse an.",
            "Die Passwörter stimmen nicht überein.",
        ],
    )


def test_the_same_errors_stay_german_by_default(
    client, site_content, clean_rate_limits
):
    response = client.post("/konto/registrieren/", signup_data(email="not-an-address"))

    html = response.content.decode()
    assert '<html lang="de" dir="ltr" data-kern-theme="light">' in html
    assert "Bitte geben Sie eine gültige E-Mail-Adresse an." in html
    assert "Please enter a valid e-mail address." not in html


def test_dashboard_is_english(english, member):
    user, _ = member
    english.force_login(user)

    html = english_html(english, "/konto/")

    assert_english(
        html,
        [
            "<h1>My pages</h1>",
            "Status: <strong>Draft</strong>",
            "Edit profile",
            "Invite a person",
            "Submit profile for review",
            "No projects yet.",
            "Download my data (JSON)",
            "Log out",
        ],
        [
            "Meine Seiten",
            "Entwurf",
            "Profil bearbeiten",
            "Person einladen",
            "Zur Prüfung einreichen",
            "Noch keine Projekte.",
            "Abmelden",
        ],
    )


def test_project_form_is_english(english, member):
    user, initiative = member
    english.force_login(user)

    html = english_html(english, f"/konto/initiative/{initiative.pk}/projekt-neu/")

    assert_english(
        html,
        [
            "<h1>New project for Initiative English</h1>",
            "Changes are saved as a draft.",
            "Name of the project",
            "Starting point",
            "Obstacles and solutions",
            "Separate paragraphs with a blank line.",
            "Separated by commas, e.g. language café, volunteering",
            "<legend>We offer</legend>",
            "<legend>We are looking for</legend>",
            "Save draft",
            "Back to the overview",
        ],
        [
            "Neues Projekt für",
            "Änderungen werden als Entwurf gespeichert.",
            "Name des Projekts",
            "Absätze durch Leerzeilen trennen.",
            "Durch Kommas getrennt",
            "<legend>Wir bieten</legend>",
            "Entwurf speichern",
            "Zurück zur Übersicht",
        ],
    )


def test_project_form_errors_are_english(english, member):
    user, initiative = member
    english.force_login(user)

    response = english.post(
        f"/konto/initiative/{initiative.pk}/projekt-neu/",
        {"title": "Sprachcafé", "offers-TOTAL_FORMS": "0", "needs-TOTAL_FORMS": "0"}
        | {f"{name}-INITIAL_FORMS": "0" for name in ("offers", "needs")},
    )

    assert response.status_code == 400
    assert_english(
        response.content.decode(),
        [
            "Please choose at least one field of action.",
            "Please choose at least one district or tick “state-wide”.",
        ],
        [
            "Bitte mindestens ein Handlungsfeld wählen.",
            "Bitte mindestens einen Landkreis wählen",
        ],
    )


def test_standard_page_is_english(english, site_content):
    html = english_html(english, site_content.legal["impressum"].url)
    assert_english(
        html,
        ["Skip to content", "Search projects", "Legal notices and open data"],
        ["Zum Inhalt springen", "Projekte durchsuchen", "Rechtliches und offene Daten"],
    )


def test_project_page_matches_section_is_english(english, site_content, partner_match):
    html = english_html(english, site_content.project.url)

    assert_english(
        html,
        ["<h2>Suitable partners</h2>", "Dolmetscherpool Celle", "Get in touch"],
        ["Passende Partner", "Kontakt aufnehmen"],
    )
    assert f"/treffer/{partner_match.pk}/kontakt/" in html


def test_match_contact_form_and_its_errors_are_english(english, partner_match):
    url = f"/treffer/{partner_match.pk}/kontakt/"
    html = english_html(english, url)
    assert_english(
        html,
        [
            "<h1>Contact “Dolmetscherpool Celle”</h1>",
            "We will forward your message by e-mail",
            "Your e-mail address",
            "Your message",
            "I agree that my message and my name are forwarded",
            "Send message",
        ],
        [
            "Kontakt zu „",
            "Ihre Nachricht leiten wir",
            "Ihre Nachricht",
            "Ich bin einverstanden",
            "Nachricht senden",
        ],
    )

    response = english.post(
        url,
        {
            "sender_name": "Amira",
            "sender_email": "amira@example.org",
            "message": "Hi",
            **form_protection(),
        },
    )

    assert response.status_code == 400
    assert_english(
        response.content.decode(),
        ["Please write a few sentences (at least 20 characters)."],
        ["Bitte schreiben Sie ein paar Sätze"],
    )


def test_language_switcher_turns_the_members_area_english(client, site_content):
    client.post("/i18n/setlang/", {"language": "en", "next": "/konto/anmelden/"})

    html = english_html(client, "/konto/registrieren/")

    assert "<h1>Register an initiative</h1>" in html


# Labels from the model definitions -------------------------------------------


def test_model_labels_on_public_pages_are_english(english, client, site_content):
    project = add_project(
        site_content.initiative, "Elterncafé Celle", status="planned", cost_range="low"
    )

    html = english_html(english, project.url)
    assert_english(
        html,
        ["<dt>Status</dt>", "<dd>planned</dd>", "<dd>under €5,000 a year</dd>"],
        ["geplant", "unter 5.000 € im Jahr"],
    )
    german = client.get(project.url).content.decode()
    assert "<dd>geplant</dd>" in german
    assert "<dd>unter 5.000 € im Jahr</dd>" in german

    html = english_html(english, site_content.event.url)
    assert '<p class="meta">Regional conference' in html

    html = english_html(english, site_content.call.url)
    assert_english(
        html,
        [
            "<legend>I am signing (required)</legend>",
            "as a private individual",
            "on behalf of an organisation or institution",
            "Place</label>",
            "E-mail (required)</label>",
            "List my name publicly</label>",
        ],
        ["Ich unterzeichne", "als Privatperson", "für eine Organisation", "Öffentlich"],
    )


def test_project_form_model_labels_are_english(english, member):
    user, initiative = member
    english.force_login(user)

    html = english_html(english, f"/konto/initiative/{initiative.pk}/projekt-neu/")

    assert_english(
        html,
        [
            "Short description (required)</label>",
            "At most 300 characters; shown in search results.",
            "Fields of action",
            "State-wide</label>",
            "Status (required)</label>",
            '<option value="active" selected>ongoing</option>',
            "Cost range</label>",
            '<option value="low">under €5,000 a year</option>',
            "People reached</label>",
            "One partner per line.",
            "Contact person</label>",
            "Telephone</label>",
            "Category</label>",
        ],
        [
            "Kurzbeschreibung",
            "Höchstens 300 Zeichen",
            "Handlungsfelder",
            "landesweit",
            ">laufend<",
            "Kostenrahmen",
            "unter 5.000 €",
            "Erreichte Menschen",
            "Ein Partner pro Zeile.",
            "Ansprechperson",
            "Telefon<",
            "Kategorie",
        ],
    )


def test_search_page_labels_follow_each_request_language(english, client, site_content):
    # Facet titles, sort labels and the map's texts are translated once per
    # language and kept: a German page in between must not leak into English.
    for _round in range(2):
        html = english_html(english, "/suche/?q=Sprachpatenschaften&view=map")
        assert_english(
            html,
            [
                "<summary>Field of action</summary>",
                '<option value="relevance" selected>Relevance</option>',
                '<h2 id="map-heading">Map of results by district</h2>',
            ],
            ["Handlungsfeld", "Relevanz", "Karte der Treffer"],
        )
        german = client.get("/suche/?q=Sprachpatenschaften&view=map")
        german = german.content.decode()
        assert "<summary>Handlungsfeld</summary>" in german
        assert '<option value="relevance" selected>Relevanz</option>' in german
        assert '<h2 id="map-heading">Karte der Treffer nach Landkreis</h2>' in german
