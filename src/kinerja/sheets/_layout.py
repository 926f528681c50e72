"""A declared sheet layout: which sheet, the words of each heading, the scale and the notation.

Exports differ between applications and versions (SAKTI, OM-SPAN, a unit's own
monitoring sheet), so a reader never assumes a fixed row or column: it finds
the header row by the words a layout declares for each field.  A layout is a
small dict or TOML file; users adapt it without code.  Docs page
*Spreadsheets* (``docs/sheets.md``).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal, TypeAlias

import attrs

from kinerja.core._frozen import FrozenMap
from kinerja.core._options import check_choice
from kinerja.core._parse import Notation
from kinerja.core._problems import Problems
from kinerja.core._toml import read_text_file, read_toml
from kinerja.core._validators import checked
from kinerja.exceptions import InvalidTypeError, InvalidValueError
from kinerja.indicators._periods import AGGREGATIONS, Aggregation

__all__ = ["BUDGET_COLUMNS", "IKPA_COLUMNS", "INDICATOR_COLUMNS", "LAYOUTS", "Kind",
           "SheetLayout", "layout_from_dict", "load_layout"]

Kind: TypeAlias = Literal["budget", "indicators", "ikpa"]

#: The fields of a budget export and the headings that name them (compared in lower case,
#: without parenthesised parts: "PAGU (Rp ribu)" is "pagu").  Month columns ("Jan",
#: "Januari", "Realisasi Jan") are found by their month.
BUDGET_COLUMNS: FrozenMap[str, tuple[str, ...]] = FrozenMap({
    "code": ("kode", "kode akun", "code"),
    "description": ("uraian", "uraian program/kegiatan/output/akun", "deskripsi", "description"),
    "pagu": ("pagu", "pagu dipa", "pagu revisi", "jumlah biaya", "ceiling"),
    "realization": ("realisasi", "realisasi s.d. bulan ini", "total realisasi", "jumlah "
                    "realisasi", "realization"),
    "blokir": ("blokir", "pagu blokir"),
})
#: The fields of an indicator monitoring sheet and their headings; period columns ("TW I",
#: "Target TW I", "Realisasi Maret") are found by their period.
INDICATOR_COLUMNS: FrozenMap[str, tuple[str, ...]] = FrozenMap({
    "code": ("kode", "kode indikator", "no. indikator", "code"),
    "indicator": ("indikator", "indikator kinerja", "indikator kinerja kegiatan", "indicator"),
    "unit": ("satuan", "unit"),
    "polarity": ("polaritas", "polarity", "sifat"),
    "target": ("target", "target tahunan", "target pk", "target tahun"),
    "realization": ("realisasi", "realisasi tahunan", "realization"),
    "aggregation": ("agregasi", "aggregation", "cara agregasi"),
    "goal": ("sasaran", "kode sasaran", "goal"),
})
#: The fields of an OM-SPAN IKPA table (one row per component, then the totals).
IKPA_COLUMNS: FrozenMap[str, tuple[str, ...]] = FrozenMap({
    "component": ("komponen", "indikator", "komponen ikpa", "uraian", "component"),
    "value": ("nilai", "nilai indikator", "value"),
    "weight": ("bobot", "weight"),
    "weighted": ("nilai akhir", "nilai tertimbang", "nilai x bobot", "weighted"),
})
#: Built-in layouts, by name (a reader's ``layout="sakti"``; ``kinerja import budget
#: --layout sakti``): SAKTI's realization / POK export in thousands of Rupiah, OM-SPAN's
#: in Rupiah; both with numbers stored as text in Indonesian notation.
LAYOUTS: FrozenMap[str, FrozenMap[str, str]] = FrozenMap({
    "sakti": FrozenMap({"kind": "budget", "scale": "ribu", "notation": "id"}),
    "omspan": FrozenMap({"kind": "budget", "scale": "rupiah", "notation": "id"}),
})
_REQUIRED = {"budget": ("code", "description", "pagu"), "indicators": ("indicator", "unit"),
             "ikpa": ("component", "value")}
_DEFAULTS = {"budget": BUDGET_COLUMNS, "indicators": INDICATOR_COLUMNS, "ikpa": IKPA_COLUMNS}
_SCALES = {"rupiah": 1, "rp": 1, "ribu": 1000, "ribuan": 1000, "thousands": 1000,
           "juta": 1_000_000, "millions": 1_000_000}
_KEYS = ("kind", "sheet", "columns", "scale", "notation", "year", "header_search", "level",
         "goal", "aggregation")


def _scale(value: Any) -> int:
    if isinstance(value, str) and value.strip().lower() in _SCALES:
        return _SCALES[value.strip().lower()]
    if isinstance(value, int) and not isinstance(value, bool) and value in (1, 1000, 1_000_000):
        return value
    raise InvalidValueError("unknown scale", field="scale", value=value,
                            fix="use 'rupiah' (1), 'ribu' (1000, thousands of Rupiah) or "
                            "'juta' (1000000)")


def _notation(value: Any) -> Notation | None:
    return None if value is None else check_choice(value, ("id", "en"), "notation")


def _aggregation(value: Any) -> Aggregation | None:
    return None if value is None else check_choice(value, AGGREGATIONS, "aggregation")


def _kind(value: Any) -> Kind:
    return check_choice(value, ("budget", "indicators", "ikpa"), "kind")


def _columns(value: Any) -> FrozenMap[str, tuple[str, ...]]:
    if not isinstance(value, Mapping):
        raise InvalidTypeError("columns maps each field to its heading words", field="columns",
                               value=value, fix="write columns = { pagu = ['Pagu DIPA'] }")
    columns: dict[str, tuple[str, ...]] = {}
    for field, words in value.items():
        options = (words,) if isinstance(words, str) else words
        if not isinstance(options, tuple | list) or not options or not all(
                isinstance(w, str) and w.strip() for w in options):
            raise InvalidTypeError("a field's headings are a word or a list of words",
                                   field=f"columns.{field}", value=words,
                                   fix="write e.g. pagu = ['Pagu', 'Pagu DIPA']")
        columns[str(field)] = tuple(options)
    return FrozenMap(columns)


@checked
@attrs.frozen(kw_only=True)
class SheetLayout:
    """Where a sheet's data is and how its figures are written.

    Parameters
    ----------
    kind : {"budget", "indicators", "ikpa"}
        A budget realization export, an indicator monitoring sheet or an
        OM-SPAN IKPA table.
    sheet : str, optional
        The sheet's name (default: the first sheet).
    columns : mapping of field to heading words, optional
        The headings that name each field; fields not given keep the default
        words (:data:`BUDGET_COLUMNS`, :data:`INDICATOR_COLUMNS`).
    scale : {"rupiah", "ribu", "juta"} or 1, 1000, 1000000, default "rupiah"
        The unit of the amounts: thousands of Rupiah is ``"ribu"``.
    notation : {"id", "en"}, optional
        The notation of numbers stored as text; ``"4,100"`` needs it.
    year : int, optional
        The fiscal year (a reader's ``year=`` argument overrides it).
    header_search : int, default 30
        How many rows from the top are searched for the header row.
    level, goal, aggregation : str, optional
        For indicator sheets: the level of every indicator (default
        ``"IKK"``), the goal code of rows without a goal column, and the
        aggregation of rows without an aggregation column.

    Examples
    --------
    >>> layout = SheetLayout(kind="budget", scale="ribu", columns={"pagu": ["Pagu DIPA"]})
    >>> layout.scale, layout.words["pagu"], layout.words["code"][0]
    (1000, ('Pagu DIPA',), 'kode')
    """

    kind: Kind = attrs.field(converter=_kind)
    sheet: str | None = None
    columns: FrozenMap[str, tuple[str, ...]] = attrs.field(factory=FrozenMap,
                                                           converter=_columns)
    scale: int = attrs.field(default=1, converter=_scale)
    notation: Notation | None = attrs.field(default=None, converter=_notation)
    year: int | None = None
    header_search: int = 30
    level: str = "IKK"
    goal: str | None = None
    aggregation: Aggregation | None = attrs.field(default=None, converter=_aggregation)

    def __attrs_post_init__(self) -> None:
        unknown = set(self.columns) - set(_DEFAULTS[self.kind])
        if unknown:
            raise InvalidValueError(
                f"unknown field of a {self.kind} sheet", field="columns",
                value=sorted(unknown), fix="use " + ", ".join(_DEFAULTS[self.kind]))
        if self.header_search < 1:
            raise InvalidValueError("search at least one row", field="header_search",
                                    value=self.header_search, fix="give a positive number")

    @property
    def words(self) -> FrozenMap[str, tuple[str, ...]]:
        """Every field's heading words: the declared ones, else the defaults."""
        return FrozenMap({**_DEFAULTS[self.kind], **self.columns})

    @property
    def required(self) -> tuple[str, ...]:
        """The fields the header row must name."""
        return _REQUIRED[self.kind]


def layout_from_dict(data: Mapping[str, Any], *, source: str = "layout") -> SheetLayout:
    """Build a :class:`SheetLayout` from a dict (as a layout file reads), every problem at once.

    >>> layout_from_dict({"kind": "budget", "sheet": "POK", "scale": "ribu"}).sheet
    'POK'
    >>> layout_from_dict({"kind": "budget", "skala": 1000})
    Traceback (most recent call last):
    ...
    kinerja.exceptions.ValidationError: 1 problem in layout (1 sub-exception)
    """
    problems = Problems()
    if not isinstance(data, Mapping):
        raise InvalidTypeError("a layout is a table of keys", field=source, value=data,
                               fix="give a table of keys, e.g. {kind = \"budget\"}")
    problems.check_keys(data, _KEYS, "", required=("kind",))
    problems.raise_if_any(source)
    layout = problems.attempt("", lambda: SheetLayout(**dict(data)))
    problems.raise_if_any(source)
    assert layout is not None
    return layout


def load_layout(path: str | Path) -> SheetLayout:
    """Read a layout from a TOML file (keys as :class:`SheetLayout`'s parameters).

    The file names the sheet, the heading words per field, the scale and the
    notation, e.g. ``kind = "budget"``, ``scale = "ribu"``,
    ``[columns]`` ``pagu = ["Pagu DIPA"]``.

    >>> import pathlib, tempfile
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "tata-letak.toml"
    >>> lines = ['kind = "budget"', "year = 2024", 'scale = "ribu"']
    >>> _ = path.write_text(chr(10).join(lines), encoding="utf-8")
    >>> layout = load_layout(path)
    >>> layout.kind, layout.scale
    ('budget', 1000)
    """
    text = read_text_file(path, what="layout file", fix="check the path")
    return layout_from_dict(read_toml(text, origin=str(path)), source=str(path))
