"""The package's layout: imports run one way, from later stages to earlier ones and to the shared layers.

A module may import its own subpackage, any layer before its own, and nothing after it. The order is
the DAG's (pipeline/__init__.py draws it); a helper two stages need belongs below both.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "pipeline"
LAYERS = ["core", "text", "intake", "references", "bibliography", "content", "render"]
# Not stage logic: the package's data and the dispatcher that starts every stage.
OUTSIDE_LAYERS = {"schemas", "data", "__init__", "__main__"}
MAX_MODULES_PER_PACKAGE = 13
MAX_MODULE_LINES = 500


def modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def layer_of(dotted: str) -> str | None:
    """The top-level subpackage a module path ("pipeline.intake.clean") belongs to."""
    parts = dotted.split(".")
    return parts[1] if len(parts) > 1 and parts[0] == "pipeline" else None


def imported_modules(path: Path) -> list[tuple[int, str]]:
    """Every pipeline module the file imports (at any depth, lazy imports included), with its line."""
    found = []
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module == "pipeline":
            found += [(node.lineno, f"pipeline.{alias.name}") for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("pipeline."):
            found.append((node.lineno, node.module))
        elif isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names if alias.name.startswith("pipeline")]
    return found


def backward_imports(path: Path, package: Path = PACKAGE) -> list[str]:
    importer = layer_of(".".join(path.relative_to(package.parent).with_suffix("").parts))
    if importer not in LAYERS:
        return []
    rank = LAYERS.index(importer)
    problems = []
    for line, name in imported_modules(path):
        target = layer_of(name)
        if target in LAYERS and LAYERS.index(target) > rank:
            problems.append(f"{path.relative_to(package.parent)}:{line} ({importer}) imports {name} ({target})")
    return problems


def test_imports_run_from_later_stages_to_earlier_ones():
    problems = [problem for path in modules() for problem in backward_imports(path)]
    assert not problems, "imports that run back up:\n" + "\n".join(problems)


def test_the_check_sees_an_import_that_runs_back_up(tmp_path):
    core = tmp_path / "pipeline" / "core"
    core.mkdir(parents=True)
    module = core / "bad.py"
    module.write_text("from pipeline.core import errors\n\ndef f():\n    from pipeline.render.fill import main\n"
                      "    import pipeline.content.select\n")
    assert backward_imports(module, tmp_path / "pipeline") == [
        "pipeline/core/bad.py:4 (core) imports pipeline.render.fill (render)",
        "pipeline/core/bad.py:5 (core) imports pipeline.content.select (content)",
    ]


def test_no_stage_logic_sits_directly_in_the_package():
    loose = {path.stem for path in PACKAGE.glob("*.py")} - OUTSIDE_LAYERS
    assert not loose, f"modules outside every stage's subpackage: {sorted(loose)}"
    assert {path.name for path in PACKAGE.iterdir() if path.is_dir() and path.name != "__pycache__"} <= (
        set(LAYERS) | OUTSIDE_LAYERS
    )


@pytest.mark.parametrize("package", sorted({path.parent for path in modules()}), ids=lambda path: path.name)
def test_each_subpackage_stays_small_and_says_what_it_holds(package: Path):
    own = [path for path in package.glob("*.py") if path.name != "__init__.py"]
    assert len(own) <= MAX_MODULES_PER_PACKAGE, f"{package.name}: {len(own)} modules"
    if package != PACKAGE / "schemas" and package != PACKAGE / "data":
        docstring = ast.get_docstring(ast.parse((package / "__init__.py").read_text("utf-8")))
        assert docstring, f"{package.name}/__init__.py has no docstring mapping its modules"
        missing = [path.stem for path in own if path.stem not in docstring and not path.stem.startswith("__")]
        assert not missing, f"{package.name}/__init__.py does not mention {missing}"


@pytest.mark.parametrize("path", modules(), ids=lambda path: str(path.relative_to(PACKAGE)))
def test_no_module_outgrows_one_concept(path: Path):
    assert len(path.read_text("utf-8").splitlines()) <= MAX_MODULE_LINES
