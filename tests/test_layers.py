"""The package's import graph, read from the source (every import, those inside functions
too): no module imports another in a circle, no package imports one above it, nothing but the
HTTP door imports Flask, and the door's exchange views leave locks, history and retries to
sidecar.exchange."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "sidecar"

# Lowest first: a module may import only from its own group or a lower rank.
LAYERS = [
    {"sidecar", "sidecar.errors", "sidecar.project_files", "sidecar.php"},
    {"sidecar.dotenv", "sidecar.safepath", "sidecar.requisites", "sidecar.onec_client"},
    {"sidecar.config"},
    {"sidecar.db"},
    {"sidecar.xcart", "sidecar.commerceml"},
    {"sidecar.settings", "sidecar.state"},  # the sidecar's own tables join X-Cart's
    {"sidecar.catalog", "sidecar.orders", "sidecar.vendors"},
    {"sidecar.exchange", "sidecar.status", "sidecar.doctor"},
    {"sidecar.offline", "sidecar.web", "sidecar.xcart_module"},
    {"sidecar.xcart_package"},  # the module, packed for X-Cart's Upload add-on
    {"sidecar.cli", "sidecar.app"},
]
RANK = {group: rank for rank, groups in enumerate(LAYERS) for group in groups}
HTTP = ("flask", "werkzeug")


def _name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_name(p): p for p in PACKAGE.rglob("*.py")}


def _imports(module: str) -> set[str]:
    """Every module `module` imports, of the package and outside it."""
    path = MODULES[module]
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            for alias in node.names:
                full = f"{target}.{alias.name}"
                found.add(full if full in MODULES else target)
    return found


GRAPH = {m: {d for d in _imports(m) if d in MODULES and d != m} for m in MODULES}


def group(module: str) -> str:
    return ".".join(module.split(".")[:2])


def test_every_module_has_a_layer():
    assert sorted({group(m) for m in MODULES} - set(RANK)) == []


def test_no_module_imports_in_a_circle():
    done: set[str] = set()

    def visit(module: str, path: list[str]) -> None:
        if module in path:
            pytest.fail("import circle: " + " → ".join([*path[path.index(module) :], module]))
        if module in done:
            return
        for dep in sorted(GRAPH[module]):
            visit(dep, [*path, module])
        done.add(module)

    for module in sorted(GRAPH):
        visit(module, [])


def test_no_package_imports_upward():
    upward = [
        f"{m} → {d}"
        for m, deps in GRAPH.items()
        for d in deps
        if group(m) != group(d) and RANK[group(d)] >= RANK[group(m)]
    ]
    assert upward == []


def test_only_the_http_door_imports_flask():
    users = sorted(m for m in MODULES if any(i.split(".")[0] in HTTP for i in _imports(m)))
    assert users and all(m.startswith("sidecar.web") for m in users), users


@pytest.mark.parametrize("view", ["sidecar.web.exchange", "sidecar.web.errors"])
def test_the_exchange_views_hold_no_lock_history_or_retry(view):
    lifecycle = {"sidecar.db", "sidecar.state.lease", "sidecar.state.history",
                 "sidecar.exchange.locks", "sidecar.orders", "sidecar.catalog"}  # fmt: skip
    held = {d for d in _imports(view) if any(d == x or d.startswith(x + ".") for x in lifecycle)}
    assert held == set()
