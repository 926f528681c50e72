#!/usr/bin/env python3
"""Developer tasks that install what they need into a local virtual environment.

    python3 dev.py example   audit the bundled example (the reference LKjIP)
    python3 dev.py test      run the whole test suite (unit, property, doctest, docs)
    python3 dev.py lint      ruff check, mypy --strict and the layer contract (import-linter)
    python3 dev.py docs      build the documentation site (mkdocs --strict)
    python3 dev.py bench     run the benchmarks (on demand; slow): the batch path, the national
                             set and import time (benchmarks/run.py); `bench NAME` runs
                             benchmarks/NAME.py: `scalar` (the scalar API, one report, start-up),
                             `frames` (pandas and polars), `sheets` (a 100,000-row export),
                             `extract` (a 60-page PDF), `parallel` (audit_many with workers and
                             Dask), `blocks` (the blocked batch path and the allocator)
    python3 dev.py fixtures  rebuild the spreadsheet test fixtures (tests/fixtures/sheets) and
                             the Word and PDF documents (tests/fixtures/documents; the PDFs
                             need LibreOffice's `soffice`, e.g. libreoffice-writer-nogui)
    python3 dev.py mutate    mutation testing of the formula modules (mutmut; slow, about
                             20 minutes; name modules to restrict it: `mutate _rounding`)

Only Python 3.11+ and access to the package registry are needed: the first run
creates .venv/ and installs kinerja (editable) with the extras the task needs.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
import venv
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
EXTRAS = {
    "example": [],
    "test": ["test", "pandas", "plot", "babel", "docx", "pdf", "xlsx", "dask"],
    "lint": ["lint", "test", "pandas", "plot", "babel", "docx", "pdf", "xlsx", "dask"],
    "docs": ["docs"],
    "bench": ["test", "pandas", "xlsx", "dask", "pdf", "docx", "bench", "fast"],
    "fixtures": ["xlsx", "docx"],
    "mutate": ["mutate", "test", "pandas"],
}

#: The modules `mutate` mutates (the formulas; docs/testing.md) and the tests it runs.
MUTATE = (
    "src/kinerja/indicators/_formulas.py",
    "src/kinerja/indicators/_achievement.py",
    "src/kinerja/indicators/_choice.py",
    "src/kinerja/budget/_absorption.py",
    "src/kinerja/core/_rounding.py",
    "src/kinerja/schemes/_combine.py",
)
MUTATE_TESTS = (
    "tests/test_achievement.py", "tests/test_rounding.py", "tests/test_budget.py",
    "tests/test_batch.py", "tests/test_ikpa.py", "tests/test_nka_emonev.py",
    "tests/test_scheme.py", "tests/test_audit.py", "tests/test_batch_audit.py",
    "tests/test_construction.py", "tests/test_values.py", "tests/test_renstra.py",
)


def _python() -> Path:
    scripts = "Scripts" if os.name == "nt" else "bin"
    return VENV / scripts / ("python.exe" if os.name == "nt" else "python")


def _ensure(extras: list[str]) -> Path:
    """Create .venv and install kinerja with *extras*, unless already done."""
    if sys.version_info < (3, 11):  # noqa: UP036 - dev.py may be run by an older Python
        sys.exit("kinerja needs Python 3.11 or newer")
    if not _python().exists():
        print("creating .venv ...", flush=True)
        try:
            venv.EnvBuilder(with_pip=True).create(VENV)
        except (OSError, subprocess.CalledProcessError) as error:
            sys.exit(f"cannot create .venv ({error}); on Debian or Ubuntu install the "
                     "python3-venv package first")
    spec = f".[{','.join(extras)}]" if extras else "."
    stamp_text = spec + hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    stamp = VENV / f".installed-{'-'.join(extras) or 'core'}"
    if not stamp.exists() or stamp.read_text() != stamp_text:
        print(f"installing kinerja {spec} into .venv ...", flush=True)
        subprocess.run(
            [str(_python()), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
             "-e", spec],
            cwd=ROOT, check=True,
        )
        stamp.write_text(stamp_text)
    return _python()


def _run(*args: str) -> int:
    return subprocess.run(args, cwd=ROOT).returncode


def _mutate(python: str, names: list[str]) -> int:
    """Run mutmut over the formula modules in a scratch copy; print the score per module.

    mutmut reads its settings from setup.cfg and writes mutants/ beside it, so it runs in
    a copy of src/, tests/ and docs/ under the temporary directory, never in the work tree.
    """
    modules = [m for m in MUTATE if not names or any(n in m for n in names)]
    if not modules:
        print(f"no formula module matches {names}; choose among:", *MUTATE, sep="\n  ")
        return 2
    work = Path(tempfile.gettempdir()) / "kinerja-mutate"
    shutil.rmtree(work, ignore_errors=True)
    for part in ("src", "tests", "docs"):
        shutil.copytree(ROOT / part, work / part,
                        ignore=shutil.ignore_patterns("__pycache__", ".hypothesis"))
    for name in ("conftest.py", "pyproject.toml"):
        shutil.copy2(ROOT / name, work / name)
    lines = "\n    ".join
    (work / "setup.cfg").write_text(
        "[mutmut]\n"
        "source_paths = src\n"
        f"only_mutate =\n    {lines(modules)}\n"
        "also_copy =\n    conftest.py\n    docs\n"
        f"pytest_add_cli_args_test_selection =\n    {lines(MUTATE_TESTS)}\n"
        "pytest_add_cli_args =\n    -p\n    no:cacheprovider\n    -q\n",
        encoding="utf-8")
    print(f"mutating {len(modules)} module(s) in {work} ...", flush=True)
    mutmut = str(Path(python).parent / "mutmut")
    status = subprocess.run([mutmut, "run"], cwd=work).returncode
    listing = subprocess.run([mutmut, "results", "--all", "true"], cwd=work,
                             capture_output=True, text=True).stdout
    counts: dict[str, Counter[str]] = {}
    for key, verdict in re.findall(r"^\s*(\S+__mutmut_\d+): (.+)$", listing, re.MULTILINE):
        module = key.split(".x")[0]  # kinerja.core._rounding.x_round_half_up__mutmut_3
        counts.setdefault(module, Counter())[verdict.strip()] += 1
    print(f"\n{'module':40} {'killed':>7} {'survived':>9} {'timeout':>8} {'other':>6}")
    for module, tally in sorted(counts.items()):
        other = sum(tally.values()) - tally["killed"] - tally["survived"] - tally["timeout"]
        print(f"{module:40} {tally['killed']:7} {tally['survived']:9} {tally['timeout']:8} "
              f"{other:6}")
    print(f"\nsurvivors: `cd {work} && {mutmut} results` lists them, "
          f"`{mutmut} show NAME` shows one")
    return status


def main(argv: list[str]) -> int:
    """Run one task; return its exit status."""
    task = argv[0] if argv else "help"
    rest = argv[1:]
    if task not in EXTRAS:
        print(__doc__)
        return 0 if task == "help" else 2
    python = str(_ensure(EXTRAS[task]))
    if task == "example":
        return _run(python, "-m", "kinerja", *(rest or ["audit"]))
    if task == "test":
        return _run(python, "-m", "pytest", *rest)
    if task == "lint":
        return (_run(python, "-m", "ruff", "check", ".") or _run(python, "-m", "mypy", "--strict")
                or _run(str(Path(python).parent / "lint-imports"), "--no-cache"))
    if task == "docs":
        return _run(python, "-m", "mkdocs", "build", "--strict", *rest)
    if task == "mutate":
        return _mutate(python, rest)
    if task == "fixtures":
        return (_run(python, "tests/fixtures/sheets/make_fixtures.py", *rest)
                or _run(python, "tests/fixtures/documents/make_documents.py"))
    if rest and not rest[0].startswith("-"):
        script = ROOT / "benchmarks" / f"{rest[0]}.py"
        if not script.is_file():
            names = sorted(p.stem for p in (ROOT / "benchmarks").glob("*.py"))
            print(f"no benchmark {rest[0]!r}; there are: {', '.join(names)}", file=sys.stderr)
            return 2
        return _run(python, str(script), *rest[1:])
    return _run(python, "benchmarks/run.py", *rest)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
