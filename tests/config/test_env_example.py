"""``.env.example`` lists every variable the settings read."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
READ = re.compile(r'env_[a-z]+\(\s*"([A-Z][A-Z0-9_]*)"')
LISTED = re.compile(r"^#?\s*([A-Z][A-Z0-9_]*)=", re.MULTILINE)


def test_every_variable_the_settings_read_is_in_env_example():
    read = set()
    for module in (ROOT / "config" / "settings").glob("*.py"):
        read |= set(READ.findall(module.read_text()))
    listed = set(LISTED.findall((ROOT / ".env.example").read_text()))

    assert read, "no env_* calls found: the pattern no longer matches the settings"
    assert read - listed == set()


def test_every_variable_in_env_example_has_a_comment_line_above_it():
    lines = (ROOT / ".env.example").read_text().splitlines()
    for number, line in enumerate(lines):
        if LISTED.match(line) and not line.startswith("#"):
            assert number > 0 and lines[number - 1].startswith("#"), line
