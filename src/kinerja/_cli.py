"""The ``kinerja`` command line."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from kinerja._achievement import CAP_120, AchievementPolicy
from kinerja._assessment import assess
from kinerja._figures import Realization, Target
from kinerja._indicator import Indicator
from kinerja._notation import format_number

# The reference LKjIP's seven activity indicators for 2023 (Bapas Kelas II
# Pangkalpinang), as (code, name, unit, polarity, target, realization counts or value).
_REFERENCE_2023 = [
    ("IKK-1.1", ("Persentase klien usia produktif yang memperoleh atau melanjutkan "
                 "pekerjaan di luar lembaga"), "%", "positif", 60, (994, 1327)),
    ("IKK-1.2", "Persentase menurunnya anak yang mendapatkan putusan pidana penjara",
     "%", "negatif", 55, (31, 47)),
    ("IKK-1.3", "Persentase klien anak yang terpenuhi hak pendidikannya", "%", "positif",
     35, (15, 17)),
    ("IKK-2.1", "Tersusunnya dokumen rencana kerja, anggaran UPT Pemasyarakatan",
     "Layanan", "positif", 1, 1),
    ("IKK-2.2", "Tersusunnya dokumen pengelolaan BMN dan kerumahtanggaan", "Layanan",
     "positif", 1, 1),
    ("IKK-2.3", "Terpenuhinya data dan peningkatan kompetensi pegawai pemasyarakatan",
     "Layanan", "positif", 1, 1),
    ("IKK-2.4", ("Tersusunnya dokumen pelaksanaan anggaran dan laporan keuangan yang "
                 "akuntabel dan tepat waktu"), "Layanan", "positif", 1, 1),
]


def _tables() -> str:
    policy = AchievementPolicy(cap=CAP_120)
    lines = [
        "Bapas Kelas II Pangkalpinang, LKjIP 2023: indikator kinerja kegiatan (recomputed)",
        "",
        "| Kode | Indikator | Target | Realisasi | Capaian | Capaian (konversi 120 %) |",
        "|---|---|---|---|---|---|",
    ]
    for code, name, unit, polarity, target, observed in _REFERENCE_2023:
        indicator = Indicator(code=code, name=name, level="IKK", unit=unit, polarity=polarity)
        if isinstance(observed, tuple):
            real = Realization(year=2023, numerator=observed[0], denominator=observed[1])
        else:
            real = Realization(year=2023, value=observed)
        result = assess(indicator, Target(year=2023, value=target), real, policy=policy)
        assert result.raw is not None and result.capped is not None and real.value is not None
        suffix = "%" if unit == "%" else f" {unit}"
        lines.append(
            f"| {code} | {name} | {target}{suffix} | {format_number(real.value)}{suffix} | "
            f"{format_number(result.raw)}% | {format_number(result.capped)}% |"
        )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    parser = argparse.ArgumentParser(
        prog="kinerja",
        description="Recompute the performance figures of an Indonesian government "
        "work unit's report (LKjIP).",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("tables", help="print the reference report's indicator table, "
                        "every achievement recomputed")
    args = parser.parse_args(argv)
    if args.command == "tables":
        print(_tables())
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
