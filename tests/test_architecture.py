"""The shape of the code: layers, no cycles, no hidden imports, small modules, no outside refs."""

import ast
import re
from pathlib import Path

import pytest
from importlinter import api  # configures import-linter
from importlinter.application import use_cases

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "src" / "kinerja"
MODULES = sorted(SOURCE.rglob("*.py"))
#: Libraries a function may import when it runs: the optional extras, nothing of kinerja.
OPTIONAL_EXTRAS = {"pandas", "matplotlib", "babel"}
#: The most lines a module may have: one concept, read in one sitting.
MAX_LINES = 500


def _type_checking_blocks(tree: ast.Module) -> set[int]:
    """The ids of the statements under ``if TYPE_CHECKING:`` at module level."""
    inside: set[int] = set()
    for node in tree.body:
        if isinstance(node, ast.If) and ast.unparse(node.test) == "TYPE_CHECKING":
            inside |= {id(child) for child in ast.walk(node)}
    return inside


def _optional_import_blocks(tree: ast.Module) -> set[int]:
    """The ids of the imports in a module-level ``try: import x / except ImportError:``."""
    inside: set[int] = set()
    for node in tree.body:
        if isinstance(node, ast.Try) and any(
                isinstance(handler.type, ast.Name) and handler.type.id == "ImportError"
                for handler in node.handlers):
            inside |= {id(child) for part in (*node.body, *node.handlers, *node.orelse)
                       for child in ast.walk(part)}
    return inside


def _nested_imports(path: Path) -> list[tuple[int, str]]:
    """(line, module) of every import that is not a top-level statement of its module."""
    tree = ast.parse(path.read_text())
    top = {id(node) for node in tree.body} | _type_checking_blocks(tree) \
        | _optional_import_blocks(tree)
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import | ast.ImportFrom) and id(node) not in top:
            names = [node.module or ""] if isinstance(node, ast.ImportFrom) else \
                [alias.name for alias in node.names]
            found += [(node.lineno, name) for name in names]
    return found


def test_import_linter_contracts_are_kept():
    """The layers contract and the no-cycle contract of pyproject.toml both hold."""
    config = str(ROOT / "pyproject.toml")
    types = [contract["type"] for contract in api.read_configuration(config)["contracts_options"]]
    assert types == ["layers", "acyclic_siblings"]
    assert use_cases.lint_imports(config_filename=config, cache_dir=None, no_logo=True) is True


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(SOURCE)))
def test_no_import_hidden_in_a_function(path):
    """Only the optional extras are imported inside functions; kinerja modules never are."""
    bad = [(line, name) for line, name in _nested_imports(path)
           if name.split(".")[0] not in OPTIONAL_EXTRAS]
    assert bad == []


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(SOURCE)))
def test_modules_are_small(path):
    """No module is longer than one sitting's reading (~500 lines)."""
    assert len(path.read_text().splitlines()) <= MAX_LINES


def test_nothing_points_outside_the_repository():
    """No code, data or docs cite a specification that is not in the repository."""
    texts = [*SOURCE.rglob("*.py"), *SOURCE.rglob("*.toml"), *(ROOT / "docs").rglob("*.md"),
             *(ROOT / "tests").rglob("*.py"), ROOT / "README.md", ROOT / "ARCHITECTURE.md"]
    outside = re.compile(r"\bSPEC\b|shared/|public\s+material|kinerja's\s+sources")
    cited = [str(path.relative_to(ROOT)) for path in texts
             if path.name != "test_architecture.py" and outside.search(path.read_text())]
    assert cited == []


def test_architecture_page_answers_where_a_weight_lives():
    """ARCHITECTURE.md names the file of the IKPA 2024 weights and the function applying them."""
    text = (ROOT / "ARCHITECTURE.md").read_text()
    assert "src/kinerja/schemes/presets/ikpa-2024.toml" in text
    assert (SOURCE / "schemes" / "presets" / "ikpa-2024.toml").exists()
    assert "combine" in text


def test_layer_checker_is_used_not_fooled(tmp_path):
    """The nested-import check itself finds a kinerja import written inside a function."""
    module = tmp_path / "m.py"
    module.write_text("def f():\n    from kinerja.core import round_half_up\n")
    assert _nested_imports(module) == [(2, "kinerja.core")]
    module.write_text("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n"
                      "    from kinerja.report import Report\n")
    assert _nested_imports(module) == []
