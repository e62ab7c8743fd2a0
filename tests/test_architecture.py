"""The package's layout: stages depend only on earlier stages, no import cycles, lazy imports
only where deliberate (and said so), and docs/architecture.md names every module."""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import pytest

from alliance_lib.config import PROJECT_ROOT

PACKAGE = PROJECT_ROOT / "alliance_lib"
# Each stage may import itself, the stages before it, and the shared modules.
SHARED = ("alliance_lib.config", "alliance_lib.errors", "alliance_lib.datafiles")
SHARED += ("alliance_lib.locks",)  # the output lock `alliance run` and `alliance corpus` share
STAGES = ["text", "analysis", "report"]


def _modules() -> dict[str, Path]:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PROJECT_ROOT).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = path
    return found


def _imports(path: Path) -> list[tuple[ast.stmt, str, bool]]:
    """(node, imported alliance_lib module, at module level) for each import of the package."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    top_level = {id(node) for node in tree.body}
    found = []
    for node in ast.walk(tree):
        names = []
        if isinstance(node, ast.ImportFrom) and node.module:
            names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
        elif isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        for name in names:
            found.append((node, name, id(node) in top_level))
    return found


def test_no_import_cycle_between_modules():
    modules = _modules()
    graph = {
        name: {
            target
            for _, target, top in _imports(path)
            if top and target in modules and target != name
        }
        for name, path in modules.items()
    }
    state: dict[str, int] = {}

    def visit(name: str, trail: list[str]) -> None:
        if state.get(name) == 2:
            return
        assert state.get(name) != 1, "import cycle: " + " -> ".join(trail + [name])
        state[name] = 1
        for target in sorted(graph[name]):
            # a package's __init__ importing its own submodules is not a cycle through them
            if not name.startswith(target + "."):
                visit(target, trail + [name])
        state[name] = 2

    for module in sorted(graph):
        visit(module, [])


@pytest.mark.parametrize("stage", STAGES)
def test_stages_import_only_earlier_stages(stage):
    allowed = {f"alliance_lib.{s}" for s in STAGES[: STAGES.index(stage) + 1]}
    for name, path in _modules().items():
        if not name.startswith(f"alliance_lib.{stage}"):
            continue
        for _, target, _top in _imports(path):
            if not target.startswith("alliance_lib.") or target.startswith(SHARED):
                continue
            assert any(target == a or target.startswith(a + ".") for a in allowed), (
                f"{name} imports {target}, a later stage"
            )


# corpus mode (docs/architecture.md): it uses text, analysis and report/outputs.py
# and the shared modules; only the CLI and notebook 05 use it
CORPUS_USES = ("alliance_lib.corpus", "alliance_lib.text", "alliance_lib.analysis")
CORPUS_USES += ("alliance_lib.report.outputs", *SHARED)
_NOTEBOOK_CORPUS_IMPORT = re.compile(
    r"^\s*(?:from|import)\s+alliance_lib\.corpus\b|^\s*from\s+alliance_lib\s+import\s.*\bcorpus\b",
    re.M,
)


def _within(target: str, allowed: tuple[str, ...]) -> bool:
    """`target` is an allowed module (or inside one), or a package on the way to one."""
    return any(
        target == a or target.startswith(a + ".") or a.startswith(target + ".") for a in allowed
    )


def test_corpus_imports_only_text_analysis_and_report_outputs():
    for name, path in _modules().items():
        if not name.startswith("alliance_lib.corpus"):
            continue
        for _, target, _top in _imports(path):
            if target.startswith("alliance_lib."):
                assert _within(target, CORPUS_USES), f"{name} imports {target}"


def test_only_the_cli_and_notebook_05_import_corpus():
    importers = {
        name
        for name, path in _modules().items()
        if not name.startswith("alliance_lib.corpus")
        for _, target, _top in _imports(path)
        if _within(target, ("alliance_lib.corpus",)) and target != "alliance_lib"
    }
    assert importers == {"alliance_lib.cli"}
    notebooks = {
        path.name
        for path in sorted((PROJECT_ROOT / "notebooks").glob("*.ipynb"))
        for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]
        if cell["cell_type"] == "code" and _NOTEBOOK_CORPUS_IMPORT.search("".join(cell["source"]))
    }
    assert notebooks == {"05_coverage_comparison.ipynb"}


def test_imports_inside_functions_are_deliberate_lazy_imports():
    for name, path in _modules().items():
        lines = path.read_text(encoding="utf-8").splitlines()
        for node, target, top in _imports(path):
            if top or target.startswith("__future__"):
                continue
            # the import's own line, or the comment above its block of imports, says "lazy"
            block = [lines[node.lineno - 1]]
            row = node.lineno - 2
            while row >= 0 and re.match(r"\s*(import |from |#|$)", lines[row]):
                block.append(lines[row])
                if lines[row].strip().startswith("#") or not lines[row].strip():
                    break
                row -= 1
            assert any("lazy" in line for line in block), (
                f"{name}:{node.lineno} imports {target} inside a function without saying why"
            )


def test_architecture_page_names_every_module():
    page = (PROJECT_ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    section = page.split("## The package", 1)[1]
    named = set(re.findall(r"`([a-z_]+(?:/[a-z_]+)?\.py)`", section))
    on_disk = {
        str(p.relative_to(PACKAGE)) for p in PACKAGE.rglob("*.py") if p.name != "__init__.py"
    }
    assert named == on_disk
