"""The public package: every name importable, listed once, loaded only when used."""

import ast
import importlib
import subprocess
import sys
from pathlib import Path

import pytest

import kinerja

INIT = Path(kinerja.__file__)


def test_all_is_sorted_and_complete():
    """__all__ lists every public name once, sorted; each resolves."""
    assert kinerja.__all__ == sorted(kinerja.__all__, key=lambda n: (not n.isupper(),
                                                                      not n[0].isupper(), n))
    assert len(set(kinerja.__all__)) == len(kinerja.__all__)
    for module, names in kinerja._EXPORTS.items():
        for name in names:
            assert getattr(kinerja, name) is getattr(importlib.import_module(module), name)


def test_lazy_table_matches_the_typing_imports():
    """The lazy-loading table and the imports type checkers read name the same things."""
    tree = ast.parse(INIT.read_text())
    typing_block = next(node for node in tree.body if isinstance(node, ast.If))
    imported = {(node.module, alias.name) for node in typing_block.body
                for alias in node.names}
    exported = {(module, name) for module, names in kinerja._EXPORTS.items()
                for name in names}
    assert imported == exported
    eager = set(kinerja.exceptions.__all__)
    assert {name for _, name in exported} | eager == set(kinerja.__all__)


def test_unknown_attribute_is_an_attribute_error():
    """A name kinerja does not have raises AttributeError, as for any module."""
    with pytest.raises(AttributeError, match="achievment"):
        kinerja.achievment  # noqa: B018


@pytest.mark.parametrize("statement", [
    "import kinerja; kinerja.achievement; kinerja.audit",
    "import kinerja.batch",
])
def test_import_loads_no_optional_extra(statement):
    """Importing and using kinerja loads none of pandas, matplotlib, Babel (they load when used)."""
    code = (f"import sys; {statement}; "
            "print(' '.join(m for m in ('pandas', 'matplotlib', 'babel') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.strip()
    assert out == ""
