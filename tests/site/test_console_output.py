"""The long commands' console output: a bar on a terminal, the summary always,
log lines held back while they run and their warnings named once."""

from __future__ import annotations

import io
import json
import logging

import pytest
from django.core.management import call_command
from django.core.management.base import OutputWrapper

from kb.console import progress


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.fixture
def console_handler():
    """A plain console handler on the root logger, as settings.LOGGING has."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    root = logging.getLogger()
    root.addHandler(handler)
    yield stream
    root.removeHandler(handler)


def test_a_terminal_gets_a_bar_and_the_warnings_once(console_handler):
    out = Terminal()
    log = logging.getLogger("npa.test.console")
    with progress(OutputWrapper(out), 4, "Import") as bar:
        for _ in range(3):
            log.warning("Elasticsearch fehlt")
            log.info("Task succeeded")
            bar.advance()
        log.error("Wirklich kaputt")
    text = out.getvalue()
    assert "\rImport [######################........] 3/4" in text
    # Fewer steps than announced: the bar ends full, on its own line.
    assert text.count("[##############################] 4/4\n") == 1
    assert text.endswith("Hinweis: Elasticsearch fehlt (3×)\n")
    logged = console_handler.getvalue()
    assert "Task succeeded" not in logged and "Elasticsearch fehlt" not in logged
    assert "Wirklich kaputt" in logged
    log.warning("danach")
    assert "danach" in console_handler.getvalue()


def test_piped_output_gets_the_summary_alone(console_handler):
    out = io.StringIO()
    with progress(OutputWrapper(out), 2, "Import") as bar:
        bar.advance()
        logging.getLogger("npa.test.console").warning("Nur einmal")
    assert out.getvalue() == "Hinweis: Nur einmal\n"


@pytest.mark.django_db
def test_import_projects_prints_no_line_per_project(tmp_path, site_content, capsys):
    rows = [
        {
            "title": f"Importprojekt {number}",
            "teaser": "Ein Projekt aus der Datei.",
            "fields": ["sprache"],
            "districts": ["03351"],
            "organisation": "Sprachbrücke Celle e. V.",
        }
        for number in range(3)
    ]
    path = tmp_path / "projekte.json"
    path.write_text(json.dumps(rows), encoding="utf-8")
    out = io.StringIO()
    call_command("import_projects", str(path), stdout=out)
    lines = out.getvalue().splitlines()
    assert lines == [
        "3 Zeilen gelesen, 3 Projekte neu, 0 aktualisiert, 0 Initiativen neu, "
        "0 Zeilen fehlerhaft."
    ]
