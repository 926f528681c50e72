"""The rows of a budget export as read, and the sheet's figures that disagree with them.

:class:`ExportRow` is one data row (its level, code, description and
amounts), :func:`export_rows` all of them, kept as columns until a row is
looked at; :class:`SheetWarning` a subtotal or total of the sheet that is
not the sum of the rows beneath it.  The reading itself is
:mod:`kinerja.sheets._reader`.  Docs page *Spreadsheets* (``docs/sheets.md``).
"""

from __future__ import annotations

from decimal import Decimal

import attrs

from kinerja.core._frozen import FrozenMap
from kinerja.core._ondemand import OnDemand
from kinerja.core._validators import checked, trusted
from kinerja.sheets._columns import AmountColumn

__all__ = ["ExportRow", "SheetWarning", "export_rows"]


@checked
@attrs.frozen(kw_only=True)
class SheetWarning:
    """A figure of the sheet that disagrees with its own lines (a finding, not an error).

    ``printed`` is the sheet's figure, ``expected`` the sum of the rows beneath it.

    Examples
    --------
    >>> import kinerja.sheets as sheets
    >>> export = sheets.read_budget_export("tests/fixtures/sheets/sakti_wrong_total.xlsx",
    ...                                    "sakti")
    >>> warning = export.warnings[-1]                 # the JUMLAH row's pagu, 1.000 thousand high
    >>> warning.cell, warning.printed - warning.expected
    ('POK!C29', 1000000)
    >>> warning.message
    'the pagu of the total row differs from the sum of the rows beneath it'
    """

    cell: str
    message: str
    printed: int | Decimal
    expected: int | Decimal


@checked
@attrs.frozen(kw_only=True)
class ExportRow:
    """One row of an export as read: its level, code, description and amounts (whole Rupiah).

    *level* is one of the code levels (``"program"`` … ``"akun"``), ``"detail"``
    (a line without a code, under an akun) or ``"total"``; *months* holds the
    realization of each month given (``"M1"`` … ``"M12"``).

    Examples
    --------
    >>> import kinerja.sheets as sheets
    >>> export = sheets.read_budget_export("tests/fixtures/sheets/sakti_export.xlsx", "sakti")
    >>> akun = export.rows[5]
    >>> akun.row, akun.level, akun.code, akun.pagu, akun.months["M12"]
    (14, 'akun', '511111', 1250000000, 104000000)
    >>> total = export.rows[-1]
    >>> total.level, total.description, total.realization
    ('total', 'JUMLAH', 2197852500)
    """

    row: int
    level: str
    code: str | None
    description: str | None
    pagu: int | None
    realization: int | None
    blokir: int | None = None
    months: FrozenMap[str, int] = attrs.field(factory=FrozenMap)


def export_rows(first: int, levels: list[str], codes: list[str | None],
                descriptions: list[str | None], amounts: tuple[AmountColumn, ...],
                months: dict[str, AmountColumn], cells: list[int]) -> OnDemand[ExportRow]:
    """The data rows of an export, kept as columns; each :class:`ExportRow` made when read.

    The columns hold every row read from sheet row *first* on: its level
    (``"total"`` for the total row), code, description, pagu, realization and
    blokir (*amounts*) and *months*; the export's rows are those at *cells*.

    >>> import kinerja.sheets as sheets
    >>> rows = sheets.read_budget_export("tests/fixtures/sheets/sakti_export.xlsx", "sakti").rows
    >>> rows
    OnDemand(21 rows)
    >>> rows[-1].level, [row.level for row in rows[:3]]
    ('total', ['program', 'kegiatan', 'kro'])
    """
    listed: list[list[list[int | None]]] = []  # pagu, realization, blokir, the months

    def make(i: int) -> ExportRow:
        if not listed:  # listed whole before it is kept: a thread sees it whole, or not yet
            listed.append([column.values for column in (*amounts, *months.values())])
        columns = listed[0]
        cell = cells[i]
        level = levels[cell]
        # Every value was read by the strict parser: the row is built without
        # re-checking its annotations.
        return trusted(
            ExportRow, row=first + cell, level=level,
            code=None if level == "total" else codes[cell], description=descriptions[cell],
            pagu=columns[0][cell], realization=columns[1][cell], blokir=columns[2][cell],
            months=FrozenMap((key, amount) for key, column in zip(months, columns[3:],
                                                                  strict=True)
                             if (amount := column[cell]) is not None))

    return OnDemand(len(cells), make, name="rows")
