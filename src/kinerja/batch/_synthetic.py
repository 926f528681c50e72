"""A seeded synthetic data set at national scale, for the batch path and its benchmarks.

The figures are invented (no real satker is described) but have the shape and
the awkward parts of the real thing: every satker-year has 12 indicators, a
quarter of them lower-is-better, some with range targets, some not reported; 8
budget lines with pagu up to about 10^13 Rupiah, some spent above pagu; and
the IKPA (and, from 2021, NKA) components of the scheme in force that year,
some not applicable.  One seed gives the same data on every machine (numpy's
PCG64 generator, drawn in a fixed order).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import attrs
import numpy as np
import numpy.typing as npt

from kinerja.core._frozen import FrozenMap, freeze, read_only
from kinerja.core._input import to_count, to_year
from kinerja.core._validators import checked
from kinerja.exceptions import InvalidTypeError, InvalidValueError
from kinerja.schemes._presets import ikpa_scheme, nka_scheme
from kinerja.schemes._scheme import Scheme

__all__ = [
    "BudgetColumns",
    "IndicatorColumns",
    "SchemeColumns",
    "SyntheticNational",
    "synthetic_national",
]

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]
BoolArray = npt.NDArray[np.bool_]

#: Indicators per satker-year, of which a quarter are lower-is-better.
INDICATORS = 12
#: The most satkers one synthetic set holds (far above the 25,000 of a national set).
MAX_SATKERS = 10_000_000
LOWER_PER_SATKER = INDICATORS // 4
#: Budget lines per satker-year, by spending type (51 pegawai, 52 barang, 53 modal, 57 bansos).
LINE_TYPES = (51, 51, 52, 52, 52, 53, 53, 57)
#: Shares of indicators with a range target, of realizations not reported, of satkers
#: whose ministry caps achievements at 120 %, of budget lines spent above pagu and of
#: components that may not apply that do not apply.
RANGE_SHARE = 0.10
MISSING_SHARE = 0.03
CAPPED_SHARE = 0.40
OVER_PAGU_SHARE = 0.02
NOT_APPLICABLE_SHARE = 0.20


@checked
@attrs.frozen(kw_only=True, eq=False)
class IndicatorColumns:
    """One row per indicator of a satker-year (12 per satker-year).

    Attributes
    ----------
    unit : ndarray of int64
        The satker-year row (an index into :attr:`SyntheticNational.satker`).
    realization : ndarray of float64
        The realization; NaN where it was not reported (see :attr:`missing`).
    target, target_high : ndarray of float64
        The target; for a range target its low bound and, in *target_high*,
        its high bound (NaN for a point target).
    polarity : ndarray of int8
        ``+1`` higher is better, ``-1`` lower is better.
    cap : ndarray of float64
        The cap of the satker's ministry: 120 (the "konversi 120 %"
        convention), or NaN for no cap.
    missing : ndarray of bool
        Rows whose realization was not reported.

    >>> from kinerja import batch
    >>> rows = batch.synthetic_national(seed=1, satkers=2, years=[2024]).indicators
    >>> rows.realization.shape, rows.target.dtype.name
    ((24,), 'float64')
    """

    unit: IntArray
    realization: FloatArray
    target: FloatArray
    target_high: FloatArray
    polarity: npt.NDArray[np.int8]
    cap: FloatArray
    missing: BoolArray

    def __attrs_post_init__(self) -> None:
        _lock_columns(self)

    def masked_realization(self) -> np.ma.MaskedArray[Any, Any]:
        """The realization as a masked array (masked = not reported)."""
        return np.ma.MaskedArray(self.realization, mask=self.missing)

    @property
    def nbytes(self) -> int:
        """Bytes held by the columns."""
        return sum(int(getattr(self, a.name).nbytes) for a in attrs.fields(type(self)))


@checked
@attrs.frozen(kw_only=True, eq=False)
class BudgetColumns:
    """One row per budget line of a satker-year (8 per satker-year).

    ``unit`` is the satker-year row; ``spending_type`` the jenis belanja (51,
    52, 53, 57); ``pagu`` and ``realization`` whole Rupiah as int64 (some
    realizations above pagu).

    >>> from kinerja import batch
    >>> lines = batch.synthetic_national(seed=1, satkers=2, years=[2024]).budget
    >>> lines.pagu.shape, lines.pagu.dtype.name
    ((16,), 'int64')
    """

    unit: IntArray
    spending_type: npt.NDArray[np.int16]
    pagu: IntArray
    realization: IntArray

    def __attrs_post_init__(self) -> None:
        _lock_columns(self)


def _float_columns(value: Mapping[str, FloatArray]) -> FrozenMap[str, FloatArray]:
    return FrozenMap((key, read_only(column)) for key, column in value.items())


def _flag_columns(value: Mapping[str, BoolArray]) -> FrozenMap[str, BoolArray]:
    return FrozenMap((key, read_only(column)) for key, column in value.items())


def _lock_columns(instance: Any) -> None:
    """Make every array field of a frozen column class read-only."""
    for field in attrs.fields(type(instance)):
        value = getattr(instance, field.name)
        if isinstance(value, np.ndarray):
            read_only(value)


@checked
@attrs.frozen(kw_only=True, eq=False)
class SchemeColumns:
    """The components of one scoring scheme for every satker in one year.

    ``columns`` maps each key of the scheme (components and deductions) to a
    float64 column, NaN where the component does not apply;
    ``not_applicable`` maps the keys that may not apply to their boolean flags.
    ``unit`` gives each row's satker-year row.  Pass ``columns`` and
    ``not_applicable`` to :func:`kinerja.batch.ikpa_scores` (or
    :meth:`kinerja.Scheme.score_batch`).

    >>> from kinerja import batch
    >>> ikpa = batch.synthetic_national(seed=1, satkers=2, years=[2024]).ikpa[2024]
    >>> ikpa.year, len(ikpa.unit), "revisi_dipa" in ikpa.columns
    (2024, 2, True)
    """

    year: int
    unit: IntArray
    columns: FrozenMap[str, FloatArray] = attrs.field(converter=_float_columns)
    not_applicable: FrozenMap[str, BoolArray] = attrs.field(converter=_flag_columns)


def _by_year(value: Mapping[int, SchemeColumns]) -> FrozenMap[int, SchemeColumns]:
    return freeze(value)


@checked
@attrs.frozen(kw_only=True, eq=False)
class SyntheticNational:
    """A synthetic national data set: see :func:`kinerja.batch.synthetic_national`.

    Attributes
    ----------
    seed : int
        The seed it was drawn with.
    years : tuple of int
        The fiscal years, in order; satker-year rows are year by year.
    satker, year : ndarray of int64
        For each satker-year row, the satker number and the year.
    indicators : IndicatorColumns
        12 indicator rows per satker-year.
    budget : BudgetColumns
        8 budget lines per satker-year.
    ikpa, nka : dict of int to SchemeColumns
        Per year, the IKPA (every year) and NKA (years from 2021) components.

    >>> from kinerja import batch
    >>> data = batch.synthetic_national(seed=1, satkers=2, years=[2023, 2024])
    >>> data.years, data.satker_years
    ((2023, 2024), 4)
    """

    seed: int
    years: tuple[int, ...]
    satker: IntArray
    year: IntArray
    indicators: IndicatorColumns
    budget: BudgetColumns
    ikpa: FrozenMap[int, SchemeColumns] = attrs.field(converter=_by_year)
    nka: FrozenMap[int, SchemeColumns] = attrs.field(converter=_by_year)

    def __attrs_post_init__(self) -> None:
        _lock_columns(self)

    @property
    def satker_years(self) -> int:
        """The number of satker-year rows."""
        return int(self.satker.size)


def synthetic_national(*, seed: int = 0, satkers: int = 25_000,
                       years: Iterable[int] = (2024,)) -> SyntheticNational:
    """Draw a seeded synthetic national data set (invented figures, realistic shape).

    Every satker-year has 12 indicators (exactly a quarter lower-is-better,
    about 10 % with a range target, about 3 % not reported), 8 budget lines
    (pagu up to about 10^13 Rupiah, about 2 % spent above pagu) and the IKPA
    components of the scheme in force that year (components that may not
    apply do not apply in about 20 % of satkers), plus the NKA components from
    2021.  About 40 % of satkers belong to ministries that cap achievements at
    120 %.  The same seed gives the same data.

    Parameters
    ----------
    seed : int, default 0
        Seed of numpy's PCG64 generator.
    satkers : int, default 25000
        Work units (about 25,000 in the country).
    years : iterable of int, default (2024,)
        Fiscal years (2020 or later); one satker-year per satker and year.

    Returns
    -------
    SyntheticNational
        Columns of numpy arrays.

    Examples
    --------
    >>> from kinerja import batch
    >>> data = batch.synthetic_national(seed=1, satkers=100, years=[2023, 2024])
    >>> data.satker_years, data.indicators.target.size, data.budget.pagu.size
    (200, 2400, 1600)
    >>> float((data.indicators.polarity == -1).mean())
    0.25
    >>> capaian = batch.achievements(data.indicators.realization, data.indicators.target,
    ...                              target_high=data.indicators.target_high,
    ...                              polarity=data.indicators.polarity,
    ...                              cap=data.indicators.cap, nan="missing")
    >>> int(capaian.count()) == int((~data.indicators.missing).sum())
    True
    >>> ikpa = data.ikpa[2024]
    >>> batch.ikpa_scores(2024, ikpa.columns, not_applicable=ikpa.not_applicable,
    ...                   nan="not_applicable").final.shape
    (100,)
    """
    seed = to_count(seed, field="seed")
    satkers = to_count(satkers, field="satkers", minimum=1, maximum=MAX_SATKERS)
    if isinstance(years, str | bytes) or not isinstance(years, Iterable) or (
            isinstance(years, np.ndarray) and years.ndim == 0):
        raise InvalidTypeError("give the years as a list of ints", field="years",
                               value=years, fix="write e.g. years=(2023, 2024)")
    year_list = tuple(to_year(y, field=f"years[{i}]") for i, y in enumerate(years))
    if not year_list or len(set(year_list)) != len(year_list):
        raise InvalidValueError("give one or more distinct years", field="years",
                                value=year_list,
                                fix="write e.g. years=(2023, 2024), each year once")
    schemes = {year: ikpa_scheme(year) for year in year_list}  # checks each year
    rng = np.random.default_rng(seed)
    units = satkers * len(year_list)
    satker = np.tile(np.arange(satkers, dtype=np.int64), len(year_list))
    year = np.repeat(np.array(year_list, dtype=np.int64), satkers)

    indicators = _indicators(rng, satkers, units)
    budget = _budget(rng, units)
    ikpa = {}
    nka = {}
    for index, fiscal_year in enumerate(year_list):
        rows = np.arange(index * satkers, (index + 1) * satkers, dtype=np.int64)
        ikpa[fiscal_year] = _scheme_columns(rng, schemes[fiscal_year], fiscal_year, rows)
        if fiscal_year >= 2021:
            nka[fiscal_year] = _scheme_columns(rng, nka_scheme(fiscal_year), fiscal_year, rows)
    return SyntheticNational(seed=seed, years=year_list, satker=satker, year=year,
                             indicators=indicators, budget=budget, ikpa=ikpa, nka=nka)


def _indicators(rng: np.random.Generator, satkers: int, units: int) -> IndicatorColumns:
    # What each satker measures is fixed over the years: polarity, range, unit, cap.
    lower = np.argsort(rng.random((satkers, INDICATORS)), axis=1) < LOWER_PER_SATKER
    ranged = rng.random((satkers, INDICATORS)) < RANGE_SHARE
    percent = rng.random((satkers, INDICATORS)) < 0.7  # else a count ("Layanan", cases)
    capped = rng.random(satkers) < CAPPED_SHARE
    repeat = units // satkers
    lower = np.tile(lower.ravel(), repeat)
    ranged = np.tile(ranged.ravel(), repeat)
    percent = np.tile(percent.ravel(), repeat)
    cap = np.tile(np.repeat(np.where(capped, 120.0, np.nan), INDICATORS), repeat)
    rows = units * INDICATORS
    # Targets: percentages (lower-is-better ones are rates such as 5-60 %) or counts.
    target = np.where(
        percent,
        np.where(lower, rng.uniform(5, 60, rows), rng.uniform(50, 100, rows)).round(2),
        rng.integers(1, 500, rows).astype(np.float64),
    )
    width = np.where(percent, rng.uniform(2, 15, rows).round(2),
                     rng.integers(1, 50, rows).astype(np.float64))
    target_high = np.where(ranged, target + width, np.nan)
    if percent.any():  # a percentage range stays within 100 %
        target_high = np.where(percent & ranged, np.minimum(target_high, 100.0), target_high)
    # Realizations scatter around the target (a tenth exactly on it, as reports often are).
    spread = rng.lognormal(0.0, 0.25, rows)
    realization = np.where(rng.random(rows) < 0.1, target, target * spread)
    realization = np.where(percent, np.minimum(realization, 100.0).round(2),
                           np.round(realization))
    missing = rng.random(rows) < MISSING_SHARE
    realization[missing] = np.nan
    polarity = np.where(lower, -1, 1).astype(np.int8)
    unit = np.repeat(np.arange(units, dtype=np.int64), INDICATORS)
    return IndicatorColumns(unit=unit, realization=realization, target=target,
                            target_high=target_high, polarity=polarity, cap=cap,
                            missing=missing)


def _budget(rng: np.random.Generator, units: int) -> BudgetColumns:
    rows = units * len(LINE_TYPES)
    # Ceilings log-uniform from 10^8 to 10^13 Rupiah, whole thousands as DIPA print them.
    pagu = (10.0 ** rng.uniform(8, 13, rows) // 1000).astype(np.int64) * 1000
    share = np.where(rng.random(rows) < OVER_PAGU_SHARE, rng.uniform(1.0, 1.05, rows),
                     rng.beta(12, 1, rows))
    realization = (pagu * share).astype(np.int64)
    spending_type = np.tile(np.array(LINE_TYPES, dtype=np.int16), units)
    unit = np.repeat(np.arange(units, dtype=np.int64), len(LINE_TYPES))
    return BudgetColumns(unit=unit, spending_type=spending_type, pagu=pagu,
                         realization=realization)


def _scheme_columns(rng: np.random.Generator, scheme: Scheme, year: int, unit: IntArray
                    ) -> SchemeColumns:
    rows = unit.size
    columns: dict[str, FloatArray] = {}
    flags: dict[str, BoolArray] = {}
    for component in scheme.components:
        # Mostly good scores, a long tail of poor ones (two decimals, as printed).
        values = (100 * rng.beta(9, 1, rows)).round(2)
        if component.key == "efisiensi":  # the normalised NE of PMK 214 lies in [0, 100]
            values = (50 + 50 * rng.beta(5, 2, rows)).round(2)
        if component.can_be_not_applicable:
            na = rng.random(rows) < NOT_APPLICABLE_SHARE
            values[na] = np.nan
            flags[component.key] = na
        columns[component.key] = values
    for deduction in scheme.deductions:
        points = np.where(rng.random(rows) < 0.1, rng.uniform(0, 2, rows), 0.0).round(2)
        columns[deduction.key] = points
    return SchemeColumns(year=year, unit=unit, columns=columns, not_applicable=flags)
