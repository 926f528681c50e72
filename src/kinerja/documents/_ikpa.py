"""Reading an IKPA print-out table (OM-SPAN's *Indikator Pelaksanaan Anggaran*).

The print-out has one column per component under its aspect, and rows
``Nilai`` (the component scores: the draft's inputs), ``Bobot``, ``Nilai Akhir``
(weighted) and ``Nilai Aspek``, then ``Nilai Total``, ``Koreksi Bobot`` and
``Nilai Akhir`` columns.  A row with fewer figures than components is not read
by position: which figure belongs to which component cannot be known, and a
review item says so.
"""

from __future__ import annotations

import re

from kinerja.documents._draft import Draft
from kinerja.documents._layout import Block, Row, number_in, similarity
from kinerja.documents._model import Provenance
from kinerja.schemes import ikpa_scheme

__all__ = ["read_ikpa"]

_ROWS = {"nilai": "ikpa.component", "bobot": "ikpa.weight", "nilai akhir": "ikpa.weighted",
         "nilai aspek": "ikpa.aspect"}
_TOTALS = (("nilai total", "ikpa.total"), ("koreksi bobot", "ikpa.weight_base"),
           ("nilai akhir", "ikpa.final"))


def _columns(header: list[Row], width: int) -> tuple[list[str], list[str]]:
    """Per column: the group (first header row, carried right) and the name (last row)."""
    groups, names = [""] * width, [""] * width
    carried = ""
    for j in range(width):
        cell = header[0].cells[j] if j < len(header[0].cells) else ""
        carried = cell or carried
        groups[j] = carried
        last = header[-1].cells
        names[j] = last[j] if len(header) > 1 and j < len(last) else ""
    return groups, names


def read_ikpa(draft: Draft, block: Block, header: list[Row], data: list[Row], year: int) -> None:
    """Read the component scores and every printed figure of an IKPA print-out."""
    scheme = ikpa_scheme(year)
    aspects = {aspect.name: aspect for aspect in scheme.aspects}
    width = max(len(row.cells) for row in block.rows)
    groups, names = _columns(header, width)
    component: dict[int, str] = {}
    for j in range(width):
        best = max(scheme.components, key=lambda c: similarity(c.name, names[j]))
        if names[j] and similarity(best.name, names[j]) >= 0.8:
            component[j] = best.key
        elif not names[j] and groups[j] in aspects and len(aspects[groups[j]].components) == 1:
            component[j] = aspects[groups[j]].components[0]
            draft.note(f"ikpa.components.{component[j]}", f"a column headed only by its aspect "
                       f"{groups[j]!r}: read as the aspect's one component")
    code_column = next((j for j, group in enumerate(groups) if group.lower() == "kode satker"),
                       None)
    for row in data:
        if code_column is not None and draft.code is None and code_column < len(row.cells) \
                and re.fullmatch(r"\d{6}", row.cells[code_column]):
            draft.code = row.cells[code_column]
            draft.provenance["satker.code"] = _source(block, row, draft.code, "Kode Satker")
        label = next((cell.lower() for cell in row.cells if cell.lower() in _ROWS), None)
        if label is None:
            continue
        figure = _ROWS[label]
        figures = {j: cell for j, cell in enumerate(row.cells)
                   if j in component and number_in(cell) is not None}
        if figure == "ikpa.aspect":
            _aspects(draft, block, row, groups, list(aspects), year)
            continue
        filled = [j for j in component if j < len(row.cells) and row.cells[j]]
        if sorted(filled) != sorted(component):
            draft.note("ikpa", f"the row {label!r} prints {len(filled)} figures for "
                       f"{len(component)} components: not read, which figure is whose cannot "
                       "be known", f"line {row.line}: " + " | ".join(row.cells[j] for j in filled))
            continue
        for j, cell in figures.items():
            source = _source(block, row, cell, names[j] or groups[j])
            value = number_in(cell)
            if figure == "ikpa.component" and value is not None:
                draft.ikpa[component[j]] = value
                draft.provenance[f"ikpa.components.{component[j]}"] = source
            else:
                draft.add_printed(source, figure=figure, component=component[j], year=year,
                                  text=cell, where=f"{block.caption or 'IKPA'}, {row.cells[0]}")
        if figure == "ikpa.component":
            for j, cell in enumerate(row.cells):
                total = next((fig for word, fig in _TOTALS if groups[j].lower().startswith(word)),
                             None)
                if total is not None and number_in(cell) is not None:
                    draft.add_printed(_source(block, row, cell, groups[j]), figure=total,
                                      year=year, text=cell,
                                      where=f"{block.caption or 'IKPA'}, {groups[j]}")


def _aspects(draft: Draft, block: Block, row: Row, groups: list[str], names: list[str],
             year: int) -> None:
    """The aspects' scores: one per aspect, left to right (print-outs shift them)."""
    cells = [(j, cell) for j, cell in enumerate(row.cells) if number_in(cell) is not None]
    if len(cells) != len(names):
        draft.note("ikpa", f"the row 'Nilai Aspek' prints {len(cells)} figures for "
                   f"{len(names)} aspects: not read", f"line {row.line}")
        return
    for (j, cell), name in zip(cells, names, strict=True):
        if j < len(groups) and groups[j] != name:
            draft.note("ikpa", f"an aspect score printed under {groups[j]!r}: read, left to "
                       f"right, as {name!r}'s", f"{cell} (line {row.line})")
        draft.add_printed(_source(block, row, cell, name), figure="ikpa.aspect", aspect=name,
                          year=year, text=cell, where=f"{block.caption or 'IKPA'}, Nilai Aspek")


def _source(block: Block, row: Row, cell: str, column: str) -> Provenance:
    return Provenance(line=row.line, text=cell, table=block.caption, row=None, column=column)
