"""The layers the README's Layout promises: the engine knows no web, forms no web, and no blueprint reaches
into another blueprint's module (shared helpers live in modules that are not blueprints)."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def imports(path: Path) -> set[str]:
    """Every module `path` imports, anywhere in it (functions too), as absolute names."""
    package = ".".join(path.relative_to(ROOT).with_suffix("").parts[:-1])
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(parent + ([base] if base else []))
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return found


def modules(folder: str) -> list[Path]:
    return sorted((ROOT / folder).rglob("*.py"))


def under(name: str, roots: tuple[str, ...]) -> bool:
    return any(name == root or name.startswith(root + ".") for root in roots)


@pytest.mark.parametrize("path", modules("petition"), ids=lambda p: str(p.relative_to(ROOT)))
def test_the_engine_imports_no_web_no_database_and_no_http(path):
    outside = ("flask", "flask_babel", "flask_wtf", "werkzeug", "sqlalchemy", "requests", "requests_cache",
               "web", "forms", "integrations", "pdf")
    assert not [name for name in imports(path) if under(name, outside)]


@pytest.mark.parametrize("path", modules("forms") + modules("integrations"), ids=lambda p: str(p.relative_to(ROOT)))
def test_forms_and_integrations_import_nothing_from_the_web_side(path):
    assert not [name for name in imports(path) if under(name, ("web", "app"))]


# The screens' language (web/i18n.py) is set up for every page; its blueprint is only the switch's link.
EVERY_PAGE = {"web.i18n"}


def blueprint_modules() -> set[str]:
    return {f"web.{path.stem}" for path in modules("web") if "Blueprint(" in path.read_text(encoding="utf-8")}


def test_the_split_areas_are_blueprints_of_their_own():
    assert {"web.api", "web.drafting", "web.mp_lookup", "web.sponsors", "web.answers", "web.timeline",
            "web.downloads"} <= blueprint_modules()


@pytest.mark.parametrize("module", sorted(blueprint_modules()))
def test_no_blueprint_imports_another_blueprints_module(module):
    others = blueprint_modules() - {module} - EVERY_PAGE
    assert not [name for name in imports(ROOT / (module.replace(".", "/") + ".py")) if under(name, tuple(others))]
