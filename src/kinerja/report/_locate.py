"""Finding where a key path is written in a report file's TOML text, for error messages."""

from __future__ import annotations

import re

__all__ = ["locate"]


def locate(text: str, path: str) -> int | None:
    r"""Return the line (1-based) where *path* is written in TOML *text*, if it can be found.

    Examples
    --------
    >>> locate("[[goals]]\ncode = 'A'\n[[goals]]\ncode = 'B'\n", "goals[1].code")
    4
    >>> locate("[[budget.activity]]\npagu = 1\n[[budget.activity]]\npagu = -1\n",
    ...        "budget.activity[1].pagu")
    4
    """
    lines = text.splitlines()
    tokens = re.findall(r"[^.\[\]]+|\[\d+\]", path.split(" (line")[0])
    start, table = 0, ""
    line_found: int | None = None
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token.startswith("["):
            i += 1
            continue
        index = int(tokens[i + 1][1:-1]) if i + 1 < len(tokens) and \
            tokens[i + 1].startswith("[") else None
        dotted = f"{table}.{token}" if table else token
        if index is not None:
            header = re.compile(rf"^\s*\[\[\s*{re.escape(dotted)}\s*\]\]")
            hits = [n for n, line in enumerate(lines) if n >= start and header.match(line)]
            if index >= len(hits):
                return line_found
            start = hits[index]
            line_found, table = start + 1, dotted
            i += 2
            continue
        header = re.compile(rf"^\s*\[\s*{re.escape(dotted)}\s*[\].]")
        key = re.compile(rf"^\s*\"?{re.escape(token)}\"?\s*=")
        for n in range(start, len(lines)):
            if n > start and lines[n].lstrip().startswith("[[") and table and \
                    not lines[n].lstrip().startswith(f"[[{table}."):
                break
            if header.match(lines[n]):
                start, line_found, table = n, n + 1, dotted
                break
            if key.match(lines[n]):
                start, line_found = n, n + 1
                break
        else:
            if i + 1 < len(tokens):  # an implicit table: [[budget.x]] opens "budget"
                table = dotted
                i += 1
                continue
            return line_found
        i += 1
    return line_found
