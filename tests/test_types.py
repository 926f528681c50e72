"""Types as documented: mypy --strict accepts the docs' examples and infers precise types."""

import re
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent
#: The pages whose examples run as tests (pyproject: testpaths), hence the documented usage.
PAGES = sorted([*(ROOT / "docs").rglob("*.md"), ROOT / "README.md", ROOT / "ARCHITECTURE.md"])
FENCE = re.compile(r"```python\n(.*?)```", re.DOTALL)
#: How mypy runs: strict; a page may bind one name to values of several types, as a reader
#: of a session would (``result`` is an achievement, later a score); the modules the
#: examples import are checked by `dev.py lint`, not here.
FLAGS = ["--strict", "--allow-redefinition", "--ignore-missing-imports", "--no-error-summary",
         "--follow-imports", "silent",
         "--cache-dir", str(ROOT / ".mypy_cache" / "docs-examples")]


def _source(page: Path) -> str:
    """The Python a page's examples run, as one module (prompts and outputs removed)."""
    lines = []
    for block in FENCE.findall(page.read_text(encoding="utf-8")):
        for line in block.splitlines():
            if line.startswith((">>> ", "... ")) or line in (">>>", "..."):
                lines.append(line[4:])
    return "\n".join(lines) + "\n"


def _mypy(directory: Path) -> tuple[str, int]:
    api = pytest.importorskip("mypy.api")
    out, err, status = api.run([*FLAGS, str(directory)])
    return out + err, status


def test_every_page_has_examples_to_check():
    """The extraction finds the examples of the pages that have them."""
    sources = {page.name: _source(page) for page in PAGES}
    assert "kinerja.achievement(" in sources["getting-started.md"]
    assert "kinerja.audit(" in sources["audit.md"]
    assert sum(1 for text in sources.values() if text.strip()) >= 15


def test_docs_examples_type_check_under_mypy_strict(tmp_path):
    """Every documented example, page by page, passes mypy --strict."""
    for page in PAGES:
        source = _source(page)
        if source.strip():
            name = re.sub(r"\W", "_", str(page.relative_to(ROOT)).removesuffix(".md"))
            (tmp_path / f"doc_{name}.py").write_text(source, encoding="utf-8")
    output, status = _mypy(tmp_path)
    assert output == ""
    assert status == 0


PRECISE = '''
from decimal import Decimal
from typing import assert_type

import numpy as np
import numpy.typing as npt

import kinerja

FloatArray = npt.NDArray[np.float64]
array = np.array([75.0, 66.0])

assert_type(kinerja.achievement(75, 60), Decimal)
assert_type(kinerja.achievement("74,91", 60, cap=120), Decimal)
assert_type(kinerja.achievement(75, 60, polarity=-1), Decimal)
assert_type(kinerja.achievement(6.5, (7, 8), polarity="negatif"), Decimal)
assert_type(kinerja.achievement(75, kinerja.Target(year=2023, value=60)), Decimal)
assert_type(kinerja.achievement(array, 60), FloatArray)
assert_type(kinerja.achievement(75, array), FloatArray)
assert_type(kinerja.achievement([75, 66], [60, 55], polarity=[1, -1], cap=kinerja.CAP_120),
            FloatArray)
assert_type(kinerja.absorption(5, 6), Decimal)
assert_type(kinerja.absorption("4.100.202.041", "4.100.832.000", places=2), Decimal)
assert_type(kinerja.absorption(np.array([5, 6]), np.array([6, 7])), FloatArray)
assert_type(kinerja.percentage(994, 1327), Decimal)
assert_type(kinerja.percentage([994, 31], [1327, 47]), FloatArray)
assert_type(kinerja.CAP_120.apply(130), Decimal)
assert_type(kinerja.CAP_120.apply(array), FloatArray)

line = kinerja.BudgetLine(year=2023, pagu="2.500.000.000", realization=2_400_000_000)
assert_type(line.pagu, int | kinerja.NotStated)
report = kinerja.Report(satker=kinerja.Satker(name="Satker"), year=2023, goals=[],
                        indicators=[], ikpa={"revisi_dipa": 100})
policy = kinerja.AchievementPolicy(cap=120)
assert_type(kinerja.Polarity("negatif"), kinerja.Polarity)
'''


def test_documented_calls_have_precise_types(tmp_path):
    """Scalars give Decimal, arrays give float64 arrays; constructors take what they convert."""
    (tmp_path / "precise.py").write_text(textwrap.dedent(PRECISE), encoding="utf-8")
    output, status = _mypy(tmp_path)
    assert output == ""
    assert status == 0


def test_the_check_would_see_a_wrong_type(tmp_path):
    """The harness is not vacuous: a wrong expectation is an error mypy reports."""
    (tmp_path / "wrong.py").write_text(
        "from typing import assert_type\nimport kinerja\n"
        "assert_type(kinerja.achievement(75, 60), str)\n", encoding="utf-8")
    output, status = _mypy(tmp_path)
    assert "assert-type" in output
    assert status == 1
