"""The package's modules import one another without a circle, and each imports on its own.

Every import counts: at module level, under ``if TYPE_CHECKING:``, and inside functions.
The GraphQL graph itself has circles (a user lists their sessions, a session names its
user), and Python modules cannot: a type that points back at another domain's type reaches
it by name (``api/node.py``: ``node_type`` and ``nodes_by_id``), never by an import.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import rangex_graphql

PACKAGE_DIR = Path(rangex_graphql.__file__).parent
PACKAGE = PACKAGE_DIR.name


@dataclass(frozen=True)
class Import:
    importer: str
    imported: str
    line: int
    at_module_level: bool  # run when the module loads (not TYPE_CHECKING, not in a function)


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE_DIR.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {module_name(path): path for path in sorted(PACKAGE_DIR.rglob("*.py"))}


def _known(name: str) -> str | None:
    """The package module ``name`` is, or is inside of (a name imported from a module)."""
    while name and name not in MODULES:
        name = name.rpartition(".")[0]
    return name or None


def _targets(importer: str, is_package: bool, node: ast.Import | ast.ImportFrom) -> Iterator[str]:
    if isinstance(node, ast.Import):
        names = [alias.name for alias in node.names]
    else:
        base = node.module or ""
        if node.level:
            anchor = importer.split(".") if is_package else importer.split(".")[:-1]
            anchor = anchor[: len(anchor) - (node.level - 1)]
            base = ".".join([*anchor, *([node.module] if node.module else [])])
        # `from package import module` names a module; `from module import name` does not.
        names = [f"{base}.{alias.name}" for alias in node.names]
        names = [name if name in MODULES else base for name in names]
    for name in names:
        if name.split(".")[0] == PACKAGE and (known := _known(name)) is not None:
            yield known


def _is_type_checking(test: ast.expr) -> bool:
    return ast.unparse(test) in {"TYPE_CHECKING", "typing.TYPE_CHECKING"}


def _imports_of(name: str, path: Path) -> Iterator[Import]:
    is_package = path.name == "__init__.py"

    def visit(node: ast.AST, module_level: bool) -> Iterator[Import]:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.Import | ast.ImportFrom):
                for target in _targets(name, is_package, child):
                    if target != name:
                        yield Import(name, target, child.lineno, module_level)
            elif isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
                yield from visit(child, False)
            elif isinstance(child, ast.If) and _is_type_checking(child.test):
                for statement in child.body:
                    yield from visit(ast.Module(body=[statement], type_ignores=[]), False)
                for statement in child.orelse:
                    yield from visit(ast.Module(body=[statement], type_ignores=[]), module_level)
            else:
                yield from visit(child, module_level)

    yield from visit(ast.parse(path.read_text(encoding="utf-8")), True)


IMPORTS = [found for name, path in MODULES.items() for found in _imports_of(name, path)]


def circles(edges: dict[str, set[str]]) -> list[list[str]]:
    """One circle (a path back to its start) per strongly connected group of modules."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[set[str]] = []

    def connect(node: str) -> None:  # Tarjan
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(edges.get(node, ())):
            if target not in index:
                connect(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = set()
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.add(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(group)

    for node in sorted(edges):
        if node not in index:
            connect(node)
    return [_path_around(group, edges) for group in groups]


def _path_around(group: set[str], edges: dict[str, set[str]]) -> list[str]:
    start = min(group)
    came_from: dict[str, str] = {}
    queue = [start]
    while queue:
        node = queue.pop(0)
        for target in sorted(edges.get(node, set()) & group):
            if target == start:
                path = [node]
                while path[-1] != start:
                    path.append(came_from[path[-1]])
                return [*reversed(path), start]
            if target not in came_from:
                came_from[target] = node
                queue.append(target)
    raise AssertionError(f"no circle through {start}")


def test_the_helpers_find_a_circle() -> None:
    assert circles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c", "a"]]
    assert circles({"a": {"b"}, "b": set()}) == []


def test_the_package_imports_form_no_circle() -> None:
    edges: dict[str, set[str]] = {name: set() for name in MODULES}
    for found in IMPORTS:
        edges[found.importer].add(found.imported)
    found_circles = circles(edges)
    assert not found_circles, "import circles:\n" + "\n".join(
        " -> ".join(circle) for circle in found_circles
    )


def test_every_module_imports_in_a_fresh_interpreter() -> None:
    """Every module imports, in a fresh interpreter that has loaded nothing of the package.

    One interpreter for all of them: with no circle among the imports that run at load
    time (the tests above), a module's imports run in the same order whichever module came
    first, so this answers as one interpreter per module would, in a fraction of the time.
    """
    script = """
import importlib, sys, traceback
failed = []
for name in sys.stdin.read().split():
    try:
        importlib.import_module(name)
    except Exception:
        failed.append(name + ":\\n" + traceback.format_exc(limit=-3))
print("\\n".join(failed))
sys.exit(1 if failed else 0)
"""
    # A package's __main__ runs its program when imported: it is not a module to import.
    names = [name for name in MODULES if not name.endswith(".__main__")]
    result = subprocess.run(
        [sys.executable, "-c", script],
        input="\n".join(names),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
