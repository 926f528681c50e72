"""The public package: every name importable, listed once, nothing private on show."""

import ast
import subprocess
import sys
from pathlib import Path

import pytest

import kinerja
import kinerja.batch
import kinerja.plot

INIT = Path(kinerja.__file__)
SUBPACKAGES = ("auditing", "batch", "budget", "core", "indicators", "outputs", "report", "schemes")


def test_all_is_sorted_and_unique():
    """__all__ lists every public name once, sorted (constants, classes, functions)."""
    assert kinerja.__all__ == sorted(kinerja.__all__, key=lambda n: (not n.isupper(),
                                                                      not n[0].isupper(), n))
    assert len(set(kinerja.__all__)) == len(kinerja.__all__)


def test_all_is_exactly_what_init_imports():
    """The names __init__ imports from the layers are the names __all__ lists."""
    tree = ast.parse(INIT.read_text())
    imported = {alias.asname or alias.name for node in ast.walk(tree)
                if isinstance(node, ast.ImportFrom) and node.module != "typing"
                for alias in node.names}
    helpers = {*SUBPACKAGES, "documents", "sheets", "lazy_attributes"}
    assert imported - helpers == set(kinerja.__all__)


def test_the_top_layers_load_on_first_use():
    """The lazily loaded names are imported for type checkers too, and each one resolves."""
    import subprocess
    import sys

    assert set(kinerja._LAZY) <= {*kinerja.__all__, "batch", "documents", "sheets"}
    code = ("import sys, kinerja; print(sorted(m for m in ('kinerja.batch', 'kinerja.documents',"
            " 'kinerja.sheets', 'numpy') if m in sys.modules and type(sys.modules[m]).__name__"
            " == 'module')); kinerja.read_budget_export; kinerja.batch;"
            " print('kinerja.sheets' in sys.modules, 'kinerja.batch' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.split("\n")
    assert out[0] == "[]"  # import kinerja loads neither the top layers nor numpy
    assert out[1] == "True True"


@pytest.mark.parametrize("package", [*(getattr(kinerja, name) for name in SUBPACKAGES),
                                     kinerja.plot, kinerja.exceptions],
                         ids=[*SUBPACKAGES, "plot", "exceptions"])
def test_public_names_resolve_and_nothing_else_shows(package):
    """Each package's __all__ resolves, and dir() shows exactly it: no helper, no private module."""
    for name in package.__all__:
        assert getattr(package, name) is not None, name
    assert dir(package) == sorted(package.__all__)


def test_top_level_dir_is_the_public_surface():
    """dir(kinerja) is __all__ and the subpackages: no private module or helper on show."""
    assert set(dir(kinerja)) == {*kinerja.__all__, "__version__", *SUBPACKAGES, "exceptions"}


def test_moved_names_stay_importable_from_kinerja():
    """Every name the public package had before the layers still imports from kinerja."""
    earlier = ["achievement", "assess", "absorption", "audit", "BudgetLine", "Report",
               "load_report", "dump_report", "ikpa_scheme", "load_scheme", "Table",
               "chapter_three", "PENYERAPAN_TARGETS", "CalculatedComponent", "round_half_up"]
    for name in earlier:
        assert name in kinerja.__all__
    assert kinerja.batch.achievements is not None
    assert kinerja.plot.achievements is not None


def test_unknown_attribute_is_an_attribute_error():
    """A name kinerja does not have raises AttributeError, as for any module."""
    with pytest.raises(AttributeError, match="achievment"):
        kinerja.achievment  # noqa: B018


@pytest.mark.parametrize("statement", [
    "import kinerja; kinerja.achievement; kinerja.audit",
    "import kinerja.batch",
    "import kinerja.plot",
])
def test_import_loads_no_optional_extra(statement):
    """Importing and using kinerja loads none of pandas, matplotlib, Babel (they load when used)."""
    code = (f"import sys; {statement}; "
            "print(' '.join(m for m in ('pandas', 'matplotlib', 'babel') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.strip()
    assert out == ""
