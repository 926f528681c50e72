"""Run the examples in README.md and docs/*.md as tests (Sybil); draw charts off screen."""

import os
import sys
from doctest import ELLIPSIS, NORMALIZE_WHITESPACE

import pytest
from sybil import Sybil
from sybil.parsers.markdown import CodeBlockParser, PythonCodeBlockParser, SkipParser

os.environ.setdefault("MPLBACKEND", "Agg")


@pytest.fixture(autouse=True)
def _close_figures():
    """Close every Matplotlib figure a test or an example opened."""
    yield
    if "matplotlib.pyplot" in sys.modules:
        sys.modules["matplotlib.pyplot"].close("all")



def _run_console(example):
    """Run each ``$ kinerja ...`` line of a console block; check the lines shown below it.

    Every non-empty output line shown must appear, in order, in the command's output
    (a line ``...`` skips any output).
    """
    import contextlib
    import io
    import shlex

    from kinerja.cli._main import main

    blocks = []
    for line in example.parsed.splitlines():
        if line.startswith("$ "):
            blocks.append((line[2:], []))
        elif blocks and line.strip() and line.strip() != "...":
            blocks[-1][1].append(line.rstrip())
    for command, expected in blocks:
        words = shlex.split(command)
        assert words[0] == "kinerja", f"only kinerja commands run in docs: {command}"
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            status = main(words[1:])
        assert status in (0, 1), f"{command}: exit status {status}"
        text = out.getvalue()
        position = 0
        for wanted in expected:
            found = text.find(wanted, position)
            assert found >= 0, f"{command}: {wanted!r} not in the output:\n{text}"
            position = found + len(wanted)


pytest_collect_file = Sybil(
    parsers=[
        PythonCodeBlockParser(doctest_optionflags=ELLIPSIS | NORMALIZE_WHITESPACE),
        CodeBlockParser(language="console", evaluator=_run_console),
        SkipParser(),
    ],
    patterns=["*.md"],
).pytest()
