"""The command's modules import one way: the package assembles the commands, the commands
use ``cli.common``, and nothing imports back up (not even inside a function)."""

from __future__ import annotations

import ast
from graphlib import CycleError, TopologicalSorter
from pathlib import Path

import rangex_graphql.cli

PACKAGE = "rangex_graphql.cli"
FOLDER = Path(rangex_graphql.cli.__file__).parent


def _module_name(path: Path) -> str:
    return PACKAGE if path.stem == "__init__" else f"{PACKAGE}.{path.stem}"


def _imported(path: Path) -> set[str]:
    """The modules of the package that ``path`` imports, wherever the import stands."""
    package = PACKAGE.split(".")
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            module = ".".join([*base, *(node.module or "").split(".")]).strip(".")
            found.add(module)
            found.update(f"{module}.{alias.name}" for alias in node.names)
    modules = {_module_name(p) for p in FOLDER.glob("*.py")}
    return {name for name in found if name in modules} - {_module_name(path)}


def test_the_cli_modules_import_each_other_without_a_circle() -> None:
    graph = {_module_name(path): _imported(path) for path in FOLDER.glob("*.py")}
    assert graph[f"{PACKAGE}.scenario"] >= {f"{PACKAGE}.common"}, graph  # the walk sees imports
    try:
        tuple(TopologicalSorter(graph).static_order())
    except CycleError as circle:
        raise AssertionError(f"import circle: {circle.args[1]}") from None
