"""The import graph points one way (docs/architecture.md).

Layers, lowest first; a module may import its own layer and those below:

0. ``kb``: the foundation (taxonomy, knowledge-base pages, shared helpers,
   page URLs, antispam, geo distance, the page cache).
1. ``projects``: project and initiative pages, cards, page lists.
2. ``search``: documents, outbox, backends, the German language resources and
   the thesaurus (with the offer-category classifier built on them), the search
   page and its API.
3. ``matching``: explained matches; it queries search.
4. ``accounts``: members, their pages and consent; it reads every app below.
5. ``website``: the public site (home, topic, region and district pages,
   listings, feeds, sitemaps, statistics, open-data API, the project import
   and exports, demo content).
6. ``config``: settings and the URL configuration.

Every production module is parsed (``ast``); lazy imports inside functions
count too, and so does ``apps.get_model("<app>", ...)`` with a literal label:
looking a model up by name is still a dependency on its app.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

ROOT = Path(__file__).resolve().parents[2]

# Module prefix -> layer; the longest matching prefix decides.
LAYERS: dict[str, int] = {
    "kb": 0,
    "projects": 1,
    "search": 2,
    "matching": 3,
    "accounts": 4,
    "website": 5,
    "config": 6,
}
# App labels for ``apps.get_model`` (the label is not always the package).
LABELS: dict[str, str] = {
    "kb": "kb",
    "projects": "projects",
    "search": "search",
    "matching": "matching",
    "accounts": "accounts",
    "website": "website",
}
PACKAGES = ("kb", "projects", "search", "matching", "accounts", "website", "config")


@dataclass(frozen=True)
class Violation:
    module: str
    line: int
    target: str

    def __str__(self) -> str:
        source, target = layer_of(self.module), layer_of(self.target)
        return (
            f"{self.module}:{self.line} imports {self.target} "
            f"(layer {source} -> layer {target})"
        )


def layer_of(module: str) -> int | None:
    """The layer of a dotted module name, or None outside the project."""
    best, layer = -1, None
    for prefix, value in LAYERS.items():
        if (module == prefix or module.startswith(prefix + ".")) and len(prefix) > best:
            best, layer = len(prefix), value
    return layer


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imported_modules(source: str, module: str, is_package: bool):
    """(line, dotted name) of everything ``source`` imports or looks up by
    app label; ``from x import y`` yields ``x.y`` (y may be a submodule)."""
    package = module.split(".") if is_package else module.split(".")[:-1]
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - (node.level - 1)]
                stem = ".".join(base + ([node.module] if node.module else []))
            else:
                stem = node.module or ""
            for alias in node.names:
                yield node.lineno, f"{stem}.{alias.name}" if stem else alias.name
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "get_model"
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            label = node.args[0].value.split(".")[0]
            package_of_label = {v: k for k, v in LABELS.items()}.get(label)
            if package_of_label:
                yield node.lineno, package_of_label


def violations_in(source: str, module: str, is_package: bool = False):
    source_layer = layer_of(module)
    for line, target in imported_modules(source, module, is_package):
        target_layer = layer_of(target)
        if target_layer is not None and target_layer > source_layer:
            yield Violation(module, line, target)


def production_modules():
    for package in PACKAGES:
        yield from sorted((ROOT / package).rglob("*.py"))


def test_no_module_imports_a_higher_layer():
    found = [
        str(violation)
        for path in production_modules()
        for violation in violations_in(
            path.read_text(encoding="utf-8"),
            module_name(path),
            path.name == "__init__.py",
        )
    ]
    assert found == []


def test_the_checker_sees_upward_imports_of_every_form():
    source = "\n".join(
        [
            "import website.views",
            "from projects.models import ProjectPage",
            "def later():",
            "    from search import backends",
            "    return apps.get_model('projects', 'ProjectPage')",
            "apps.get_model('website.HomePage')",
        ]
    )
    found = sorted((v.line, v.target) for v in violations_in(source, "kb.example"))
    assert found == [
        (1, "website.views"),
        (2, "projects.models.ProjectPage"),
        (4, "search.backends"),
        (5, "projects"),
        (6, "website"),
    ]


def test_the_checker_resolves_relative_imports_and_allows_downward_ones():
    assert list(violations_in("from .. import exports", "website.api.events")) == []
    assert list(violations_in("from kb.taxonomy import Region", "website.x")) == []
    relative_up = list(violations_in("from ..website import views", "kb.models"))
    assert [v.target for v in relative_up] == ["website.views"]


def _exists(module: str) -> bool:
    path = ROOT.joinpath(*module.split("."))
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


def test_every_import_of_a_project_module_resolves():
    """Lazy imports inside functions run only when called; after modules move
    between apps, this finds the ones that would fail (``from x import y``
    needs the module ``x``)."""
    missing = []
    for path in production_modules():
        module = module_name(path)
        for line, target in imported_modules(
            path.read_text(encoding="utf-8"), module, path.name == "__init__.py"
        ):
            if layer_of(target) is None:
                continue
            if not (_exists(target) or _exists(target.rpartition(".")[0])):
                missing.append(f"{module}:{line} {target}")
    assert missing == []


def test_every_project_app_has_a_layer():
    local = [app for app in settings.INSTALLED_APPS if (ROOT / app).is_dir()]
    assert local and all(layer_of(app) is not None for app in local)
