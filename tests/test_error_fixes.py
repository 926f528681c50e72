"""Every error kinerja raises names the fix: each `...Error(...)` in src/kinerja passes `fix=`."""

import ast
import builtins
from pathlib import Path

SOURCE = Path(__file__).resolve().parents[1] / "src" / "kinerja"
#: A group of errors: its members carry the fixes, the group itself takes none.
GROUPS = {"ValidationError"}
#: Python's own exceptions take no ``fix=``; kinerja raises one only for a bug of its own
#: (a text missing from its language catalog, a ``KeyError``), never for what it is given.
BUILT_IN = {name for name in dir(builtins) if name.endswith("Error")}


def _name(call: ast.Call) -> str:
    """The name of the called function: ``InvalidValueError`` for ``x.InvalidValueError(...)``."""
    if isinstance(call.func, ast.Name):
        return call.func.id
    if isinstance(call.func, ast.Attribute):
        return call.func.attr
    return ""


def sites_without_fix(source: Path = SOURCE) -> list[str]:
    """``path:line: Name`` of every construction of an error without ``fix=`` (nor ``**kwargs``)."""
    sites = []
    for path in sorted(source.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = _name(node)
            if not name.endswith("Error") or name in GROUPS | BUILT_IN:
                continue
            keywords = {keyword.arg for keyword in node.keywords}
            if "fix" in keywords or None in keywords:  # None: a **kwargs may carry the fix
                continue
            sites.append(f"{path.relative_to(source.parent)}:{node.lineno}: {name}")
    return sites


def test_every_error_names_its_fix() -> None:
    assert sites_without_fix() == []


def test_the_scan_finds_a_site_without_a_fix(tmp_path: Path) -> None:
    (tmp_path / "module.py").write_text(
        "from kinerja.exceptions import InvalidValueError\n"
        "def f(x, **kw):\n"
        "    if x:\n"
        "        raise InvalidValueError('bad', field='x', value=x)\n"
        "    raise InvalidValueError('bad', field='x', fix='give a good x')\n"
        "def g(**kw):\n"
        "    raise kinerja.InvalidTypeError('bad', **kw)\n"
        "def h():\n"
        "    raise KeyError('a bug')\n",
        encoding="utf-8")
    assert sites_without_fix(tmp_path) == [f"{tmp_path.name}/module.py:4: InvalidValueError"]
