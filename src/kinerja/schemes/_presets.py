"""The schemes kinerja ships: IKPA by regulation year, SMART DJA NKA, the e-Monev scale.

The presets are TOML files in ``kinerja/schemes/presets`` (the format users
write their own schemes in), read from the installed package (``core/_data.py``) and checked
like any other scheme.  A new regulation year is a new file there, listed in
``_IKPA_FILES`` (docs page *Scheme files (TOML)*).
"""

from __future__ import annotations

import functools

import attrs

from kinerja.core._data import read_data
from kinerja.core._input import to_year
from kinerja.core._options import check_choice
from kinerja.core._toml import read_toml
from kinerja.exceptions import InvalidValueError
from kinerja.schemes._file import scheme_from_mapping
from kinerja.schemes._parts import DEDUCTION_ORDERS, DeductionOrder
from kinerja.schemes._progress import ProgressScale
from kinerja.schemes._scheme import Scheme

__all__ = ["emonev_scale", "ikpa_scheme", "nka_scheme", "preset_schemes"]

#: The preset files, oldest first within each index.
_IKPA_FILES = ("ikpa-2020.toml", "ikpa-2021.toml", "ikpa-2022.toml", "ikpa-2024.toml")
_NKA_FILES = ("nka-2021.toml",)


def _text(filename: str) -> str:
    return read_data("schemes", "presets", filename)


@functools.cache
def _preset(filename: str) -> Scheme:
    return scheme_from_mapping(read_toml(_text(filename), origin=filename), origin=filename)


def preset_schemes() -> tuple[Scheme, ...]:
    """Every preset scheme kinerja ships, IKPA then NKA, oldest first.

    >>> labels = [scheme.label for scheme in preset_schemes()]
    >>> labels[0], labels[-1]
    ('IKPA 2020 (PER-4/PB/2020)', 'NKA 2021– (PMK 22/PMK.02/2021)')
    """
    return tuple(_preset(name) for name in _IKPA_FILES + _NKA_FILES)


def _in_force(files: tuple[str, ...], year: int, index: str, fix: str) -> Scheme:
    year = to_year(year)
    for filename in files:
        scheme = _preset(filename)
        if scheme.applies_to(year):
            return scheme
    raise InvalidValueError(f"kinerja has no {index} scheme for this year", field="year",
                            value=year, fix=fix)


def ikpa_scheme(year: int, *, deduction_order: DeductionOrder | None = None) -> Scheme:
    """Return the IKPA scheme in force in fiscal *year*.

    ==========  ===================  =============================================
    years       regulation           notes
    ==========  ===================  =============================================
    2020        PER-4/PB/2020        13 components, no aspects
    2021        PER-4/PB/2021        13 components, no aspects
    2022–2023   PER-5/PB/2022        8 components, 3 aspects
    2024–       PER-5/PB/2024        7 components, Dispensasi SPM a deduction
    ==========  ===================  =============================================

    Parameters
    ----------
    year : int
        The fiscal year (2020 or later).
    deduction_order : {"after_division", "before_division"}, optional
        Override where the deductions (Dispensasi SPM from 2024) are
        subtracted; the preset subtracts after the division by Konversi
        Bobot, which is provisional (docs page *IKPA*, section "Deductions").

    Examples
    --------
    >>> import kinerja
    >>> scheme = kinerja.ikpa_scheme(2023)
    >>> scheme.label
    'IKPA 2022–2023 (PER-5/PB/2022)'
    >>> scheme.weights["capaian_output"]
    Decimal('25')
    >>> kinerja.ikpa_scheme(2025).regulation
    'PER-5/PB/2024'
    """
    scheme = _in_force(_IKPA_FILES, year, "IKPA",
                       "IKPA presets start in 2020 (PER-4/PB/2020); for an earlier year "
                       "write the scheme as TOML and read it with kinerja.load_scheme")
    if deduction_order is None:
        return scheme
    check_choice(deduction_order, DEDUCTION_ORDERS, "deduction_order", what="deduction order")
    return attrs.evolve(scheme, deductions=tuple(
        attrs.evolve(deduction, order=deduction_order) for deduction in scheme.deductions))


def nka_scheme(year: int) -> Scheme:
    """Return the SMART DJA Nilai Kinerja Anggaran scheme in force in fiscal *year*.

    From 2021: PMK 22/PMK.02/2021, components ``penyerapan_anggaran`` 9.7,
    ``konsistensi`` 18.2, ``capaian_output`` 43.5, ``efisiensi`` 28.6
    (weights provisional); no category bands.

    Examples
    --------
    >>> import kinerja
    >>> kinerja.nka_scheme(2023).weights
    {'penyerapan_anggaran': Decimal('9.7'), 'konsistensi': Decimal('18.2'), \
'capaian_output': Decimal('43.5'), 'efisiensi': Decimal('28.6')}
    """
    return _in_force(_NKA_FILES, year, "NKA",
                     "the NKA preset starts in 2021 (PMK 22/PMK.02/2021); PMK 214/PMK.02/2017 "
                     "years are not covered: write the scheme as TOML (kinerja.load_scheme)")


@functools.cache
def emonev_scale() -> ProgressScale:
    """Return the e-Monev Bappenas progress scale, as printed in the reference report.

    Belum dilapor 0, Perencanaan 25, Persiapan 75, Pelaksanaan 100,
    Penyelesaian 100.  No regulation text was found (docs page *e-Monev
    Bappenas*): build another
    :class:`~kinerja.ProgressScale` to replace it.

    Examples
    --------
    >>> import kinerja
    >>> scale = kinerja.emonev_scale()
    >>> scale.categories
    ('Belum dilapor', 'Perencanaan', 'Persiapan', 'Pelaksanaan', 'Penyelesaian')
    >>> scale.value("Pelaksanaan")
    Decimal('100')
    """
    data = read_toml(_text("emonev.toml"), origin="emonev.toml")
    return ProgressScale(name=data["name"], levels=data["levels"], source=data["source"],
                         notes=data.get("notes", ()))
