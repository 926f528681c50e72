#!/usr/bin/env python3
"""Reading a 100,000-row budget export vs openpyxl read-only only loading its cells.

    .venv/bin/python benchmarks/sheets.py            100,000 akun rows
    .venv/bin/python benchmarks/sheets.py --rows N   another size

The export (Kode, Uraian, Pagu, Jan … Des, Realisasi; one program, kegiatan and KRO, an
RO per 50,000 rows, a komponen per 50 rows) is written to a temporary directory first.
Timed, best of --repeat runs (time.perf_counter):

1. openpyxl ``load_workbook(read_only=True)`` and every row's values (``iter_rows``):
   the floor, what any reader built on openpyxl pays;
2. ``kinerja.sheets.read_budget_export``: the same load, plus the header search, each
   row's level, every amount through the strict parser, the subtotal checks and one
   BudgetLine per akun row.

The ratio 2 / 1 is printed.  Never part of the test suite.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

import openpyxl

from kinerja import sheets

MONTHS = ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agt", "Sep", "Okt", "Nop", "Des"]


def write_export(path: Path, rows: int) -> None:
    """An export of *rows* akun rows (amounts in Rupiah; subtotal rows without amounts)."""
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("POK")
    sheet.append(["Kode", "Uraian", "Pagu", *MONTHS, "Realisasi"])
    for code, text in (("013.05.WA", "Program"), ("5976", "Kegiatan"), ("5976.EBA", "KRO")):
        sheet.append([code, text])
    for n in range(rows):
        if n % 50_000 == 0:
            sheet.append([f"5976.EBA.{n // 50_000:03d}", "RO"])
        if n % 50 == 0:
            sheet.append([f"{n // 50 % 1000:03d}", "Komponen"])
        sheet.append([f"52{n % 50:04d}", "Belanja Barang", 1_200_000, *([100_000] * 12),
                      1_200_000])
    book.save(path)


def load_only(path: Path) -> int:
    """openpyxl read-only: load the workbook and every row's values; return the cell count."""
    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        return sum(len(row) for row in book["POK"].iter_rows(values_only=True))
    finally:
        book.close()


def best(function, repeat: int) -> float:
    """The shortest of *repeat* timings of *function*, in seconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    """Write the export, time both readers, print the ratio."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "export.xlsx"
        write_export(path, args.rows)
        export = sheets.read_budget_export(path, year=2024)
        assert len(export.lines) == args.rows, len(export.lines)
        assert export.total.pagu == 1_200_000 * args.rows
        floor = best(lambda: load_only(path), args.repeat)
        reader = best(lambda: sheets.read_budget_export(path, year=2024), args.repeat)
    print(f"{args.rows:,} akun rows ({path.name}, {args.repeat} repeats, best of each)")
    print(f"  openpyxl read-only, cells only : {floor:8.2f} s")
    print(f"  kinerja.sheets.read_budget_export: {reader:8.2f} s")
    print(f"  ratio                          : {reader / floor:8.2f}x")


if __name__ == "__main__":
    main()
