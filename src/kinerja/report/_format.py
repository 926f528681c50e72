"""The report file format's vocabulary: its name, version and the keys of each table.

Shared by the reader (:mod:`kinerja.report._read`) and the writer
(:mod:`kinerja.report._write`); the format is documented in the docs page
*Report file format* (``docs/report-format.md``).
"""

from __future__ import annotations

__all__ = [
    "CONVENTIONS",
    "EXAMPLE",
    "FORMAT",
    "GOAL",
    "INDICATOR",
    "LINE",
    "MISSING_WORDS",
    "NA_SCORE",
    "NOT_APPLICABLE_WORDS",
    "NOT_STATED_WORDS",
    "PLAN",
    "PRINTED",
    "REALIZATION",
    "SATKER",
    "TARGET",
    "TOP",
    "UNPRINTED_SCORES",
    "VERSION",
    "VERSIONS",
]

FORMAT = "kinerja-report"
#: The version written; every version in VERSIONS is read (version 2 adds "not stated"
#: figures and amounts, the IKPA/NKA summary figures, APBD classification and scheme
#: files; a version-1 file reads unchanged).
VERSION = 2
VERSIONS = (1, 2)
#: The bundled example: the 2023 LKjIP of Bapas Kelas II Pangkalpinang.
EXAMPLE = "reference_lkjip_2023.toml"

TOP = {"format", "version", "year", "title", "period", "classification", "satker",
       "conventions", "goals", "indicators", "budget", "ikpa", "nka", "emonev", "printed"}
SATKER = {"name", "code", "ministry", "region"}
CONVENTIONS = {"cap", "cap_lower", "lower_method", "zero_target", "floor"}
GOAL = {"code", "level", "name"}
INDICATOR = {"code", "name", "goal", "unit", "polarity", "level", "targets", "realizations",
             "plan", "note", "periods", "aggregation"}
PLAN = {"source", "period", "targets"}
TARGET = {"value", "low", "high", "unit"}
REALIZATION = {"value", "numerator", "denominator", "unit", "missing", "note", "stated"}
LINE = {"year", "pagu", "realization", "blokir", "program", "activity", "output", "account",
        "spending_type", "indicator", "name", "pagu_awal"}
PRINTED = {"figure", "text", "where", "indicator", "year", "breakdown", "line", "component",
           "aspect", "note", "period", "goal"}
NOT_APPLICABLE_WORDS = {"not applicable", "n/a", "na", "tidak berlaku", "-"}
MISSING_WORDS = {"missing", "not reported", "tidak dilaporkan"}
#: The document does not show the figure: unknown, neither missing nor not applicable.
NOT_STATED_WORDS = {"not stated", "tidak dicantumkan", "tidak tercantum", "t/d"}
#: How to write a score the document does not print (the fix of a word in [ikpa.components]).
NA_SCORE = '"not applicable" for a component that does not apply, or '
UNPRINTED_SCORES = ("leave the scores out when the document does not print them all (printed "
                    "totals and weights are still checked)")
