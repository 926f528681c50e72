#!/usr/bin/env python3
"""Developer tasks that install what they need into a local virtual environment.

    python3 dev.py example   audit the bundled example (the reference LKjIP)
    python3 dev.py test      run the whole test suite (unit, property, doctest, docs)
    python3 dev.py lint      ruff check, mypy --strict and the layer contract (import-linter)
    python3 dev.py docs      build the documentation site (mkdocs --strict)
    python3 dev.py bench     run the benchmarks (on demand; slow)

Only Python 3.11+ and access to the package registry are needed: the first run
creates .venv/ and installs kinerja (editable) with the extras the task needs.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
EXTRAS = {
    "example": [],
    "test": ["test", "pandas", "plot", "babel"],
    "lint": ["lint", "test", "pandas", "plot", "babel"],
    "docs": ["docs"],
    "bench": ["test", "pandas"],
}


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
    return _run(python, "benchmarks/run.py", *rest)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
