"""Imports point down the layers (ARCHITECTURE.md): read from the sources with ``ast``, so
imports inside functions and under ``TYPE_CHECKING`` count too."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

import rangex_graphql

PACKAGE_DIR = Path(rangex_graphql.__file__).parent
PACKAGE = "rangex_graphql"


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE_DIR.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported_modules(path: Path) -> Iterator[str]:
    """Every module ``path`` imports, relative imports resolved to absolute names; for
    ``from x import y`` both ``x`` and ``x.y`` (``y`` may be a module)."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                source = ".".join([*base, node.module] if node.module else base)
            else:
                source = node.module or ""
            yield source
            yield from (f"{source}.{alias.name}" for alias in node.names)


def within(module: str, package: str) -> bool:
    return module == package or module.startswith(package + ".")


def modules_of(package: str) -> list[Path]:
    folder = PACKAGE_DIR.joinpath(*package.split(".")[1:])
    return sorted(folder.rglob("*.py")) if folder.is_dir() else [folder.with_suffix(".py")]


def offending_imports(package: str, forbidden: str) -> list[str]:
    return sorted(
        f"{module_name(path)} imports {imported}"
        for path in modules_of(package)
        for imported in set(imported_modules(path))
        if within(imported, forbidden)
    )


def test_the_resolver_reads_relative_imports() -> None:
    source = PACKAGE_DIR / "services" / "accounts.py"
    found = set(imported_modules(source))
    assert "rangex_graphql.runtime" in found  # ``from ..runtime import Runtime``
    assert "rangex_graphql.models" in found


@pytest.mark.parametrize(
    ("package", "forbidden"),
    [
        ("rangex_graphql.services", "rangex_graphql.api"),
        ("rangex_graphql.security", "rangex_graphql.api"),
        ("rangex_graphql.security", "rangex_graphql.services"),
        ("rangex_graphql.settings", "rangex_graphql.security"),
        ("rangex_graphql.observability", "rangex_graphql.api"),
        ("rangex_graphql.observability", "rangex_graphql.services"),
        ("rangex_graphql.observability", "rangex_graphql.jobs"),
    ],
)
def test_no_module_imports_a_layer_above(package: str, forbidden: str) -> None:
    assert offending_imports(package, forbidden) == []


def test_settings_import_only_leaves_of_the_package() -> None:
    """The settings (read by everything) import nothing of the package but ``netaddr``,
    which imports nothing of it at all."""
    settings = imported_modules(PACKAGE_DIR / "settings.py")
    netaddr = "rangex_graphql.netaddr"
    assert [m for m in settings if within(m, PACKAGE) and not within(m, netaddr)] == []
    assert [m for m in imported_modules(PACKAGE_DIR / "netaddr.py") if within(m, PACKAGE)] == []
