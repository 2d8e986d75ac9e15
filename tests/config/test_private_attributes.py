"""No production module uses a private attribute of Django or Wagtail
(issue #17): such code breaks silently on an upgrade. The production tree is
every Python file outside ``tests/`` and the hidden and vendored folders."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SKIPPED_FOLDERS = {"tests", "node_modules", "static", "media", "var"}

# Private names of Django and Wagtail that code here has used or might reach
# for: request attributes Wagtail caches on, ORM compiler and queryset
# internals, the Redis cache client's pool helpers, image file helpers.
PRIVATE_NAMES = (
    # Wagtail
    "_wagtail_site",
    "_wagtail_cached_site_root_paths",
    "_wagtail_route_for_request",
    "_find_for_request",
    "_set_image_file_metadata",
    "_set_file_hash",
    # Django ORM
    "_iterable_class",
    "klass_info",
    "annotation_col_map",
    "_result_cache",
    "_prefetch_related_lookups",
    "_known_related_objects",
    "_raw_delete",
    "_filter_or_exclude",
    "_chain",
    "_clone",
    "_relation_tree",
    "_get_fields",
    # Django requests and caches
    "_get_raw_host",
    "_cached_user",
    "_get_connection_pool_index",
    "_get_connection_pool",
)
PATTERN = re.compile(
    r"(?<![A-Za-z0-9_])(" + "|".join(map(re.escape, PRIVATE_NAMES)) + r")\b"
)


def production_files() -> list[Path]:
    files = []
    for path in sorted(ROOT.rglob("*.py")):
        parts = path.relative_to(ROOT).parts
        if parts[0] in SKIPPED_FOLDERS or any(p.startswith(".") for p in parts):
            continue
        files.append(path)
    return files


def uses(text: str) -> list[tuple[int, str]]:
    """(line number, name) of every private name in ``text``."""
    return [
        (number, match.group(1))
        for number, line in enumerate(text.splitlines(), 1)
        for match in PATTERN.finditer(line)
    ]


def test_the_search_finds_each_name_as_an_attribute_or_a_word():
    text = (
        "request._wagtail_site = site\n"
        "qs._iterable_class\n"
        "info = compiler.klass_info\n"
        "self.my_iterable_class = 1\n"
        "Site.find_for_request(request)\n"
    )
    assert uses(text) == [
        (1, "_wagtail_site"),
        (2, "_iterable_class"),
        (3, "klass_info"),
    ]


def test_the_production_tree_is_searched():
    names = {path.relative_to(ROOT).as_posix() for path in production_files()}
    assert {"manage.py", "kb/page_cache.py", "config/cache.py"} <= names
    assert not [name for name in names if name.startswith(("tests/", ".venv/"))]


def test_no_production_module_uses_a_private_django_or_wagtail_attribute():
    found = []
    for path in production_files():
        relative = path.relative_to(ROOT).as_posix()
        for number, name in uses(path.read_text(encoding="utf-8")):
            found.append(f"{relative}:{number}: {name}")
    assert found == []
