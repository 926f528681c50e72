"""A whole ministry at once: columnar achievements, absorption and scores.

Each function takes columns (numpy arrays, masked arrays or pandas Series,
one element per row) and returns numpy arrays, through the same formulas as
the scalar API: :func:`achievements` is :func:`kinerja.achievement`,
:func:`absorptions` is :func:`kinerja.absorption`, :func:`ikpa_scores` and
:func:`nka_scores` are :meth:`kinerja.Scheme.score_batch` under the preset
schemes.  Rounded (presented) figures agree with the scalar path; see
``docs/batch.md``.

* Columns are taken by position (a pandas index is ignored).  pandas is not
  imported by kinerja; its columns are read through ``to_numpy``.
* A masked element is *missing*: its result is masked.  NaN (or pandas'
  ``<NA>``) is never taken for a figure: it raises, unless ``nan=`` says what it
  means.
* Long columns are computed block by block, so the temporaries of the
  formulas stay small: peak memory stays below the size of the inputs.

>>> import numpy as np
>>> from kinerja import batch
>>> batch.achievements(np.array([75.0, 66.0]), np.array([60.0, 55.0]), polarity=[1, -1])
array([125.,  80.])
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

import numpy as np

from kinerja._absorption import absorption
from kinerja._achievement import AchievementPolicy, Cap, LowerMethod, ZeroTargetPolicy
from kinerja._columns import (
    NanPolicy,
    ScoreNanPolicy,
    check_nan_policy,
    float_column,
    realization_column,
    rupiah_column,
    score_columns,
)
from kinerja._convert import is_array
from kinerja._polarity import Polarity
from kinerja._synthetic import (
    BudgetColumns,
    IndicatorColumns,
    SchemeColumns,
    SyntheticNational,
)
from kinerja._synthetic import synthetic_national as _synthetic_national
from kinerja.exceptions import InvalidValueError

if TYPE_CHECKING:  # the scheme and audit machinery is imported when asked for
    from kinerja._findings import AuditResult, Lang
    from kinerja._report import Report
    from kinerja._scheme import DeductionOrder
    from kinerja._scoring import BatchScore, MissingPolicy

__all__ = [
    "BudgetColumns",
    "IndicatorColumns",
    "SchemeColumns",
    "SyntheticNational",
    "absorptions",
    "achievements",
    "audit_many",
    "findings_table",
    "ikpa_scores",
    "nka_scores",
    "synthetic_national",
    "synthetic_reports",
]


def achievements(
    realization: Any,
    target: Any,
    *,
    target_high: Any = None,
    polarity: Any = 1,
    cap: Cap | Any = None,
    lower_method: LowerMethod = "mirror",
    zero_target: ZeroTargetPolicy = "raise",
    floor: Any = None,
    nan: NanPolicy = "raise",
    with_raw: bool = False,
) -> Any:
    """Return the achievement (capaian) of every row, in percent.

    The formulas, policies and errors are those of :func:`kinerja.achievement`
    (SPEC 3); this function adds per-row range targets and caps, and pandas
    columns.

    Parameters
    ----------
    realization : array_like
        R per row: an array, a masked array (masked = not reported, the
        result is masked there) or a pandas Series.
    target : array_like or number
        T per row (the low bound of a range target).
    target_high : array_like, optional
        The high bound of each row's range target; NaN where the row has a
        point target.  None: every target is a point target.
    polarity : array_like, int, str or Polarity, default 1
        Per-row codes ``+1`` (higher is better) / ``-1`` (lower is better),
        or one polarity for every row.
    cap : Cap, number or array_like, optional
        A :class:`~kinerja.Cap` (or its upper bound) for every row, or a
        column of per-row upper bounds with NaN for "no cap in this row".
        None (the default): no cap.
    lower_method, zero_target, floor
        As for :func:`kinerja.achievement`.
    nan : {"raise", "missing"}, default "raise"
        What NaN (or ``<NA>``) in *realization* means: an error, or a figure
        that was not reported (masked in the result).  NaN elsewhere is always
        an error; mask a target explicitly if it is missing.
    with_raw : bool, default False
        Also return the raw (uncapped) achievements: ``(raw, capped)``.

    Returns
    -------
    numpy.ndarray or tuple of numpy.ndarray
        float64, masked where the realization is missing.  Round with
        :func:`kinerja.round_half_up` to present.

    Raises
    ------
    InvalidValueError
        NaN without ``nan="missing"``, negative values, columns of
        different lengths, polarity codes other than ±1, a range whose low
        bound exceeds its high bound, a cap that is not positive.
    ZeroTargetError, UndefinedRatioError
        As for :func:`kinerja.achievement`.

    Examples
    --------
    Three indicators: a point target, a lower-is-better one and a range
    target (80–90), the first capped at 120 %:

    >>> import numpy as np
    >>> from kinerja import batch
    >>> import kinerja
    >>> kinerja.round_half_up(batch.achievements(
    ...     np.array([75.0, 66.0, 92.0]), np.array([60.0, 55.0, 80.0]),
    ...     target_high=np.array([np.nan, np.nan, 90.0]), polarity=np.array([1, -1, 1]),
    ...     cap=np.array([120.0, np.nan, np.nan])), 2)
    array([120.  ,  80.  , 102.22])

    A realization that was not reported is missing, never 0:

    >>> batch.achievements(np.array([75.0, np.nan]), 60, nan="missing")
    masked_array(data=[125.0, --],
                 mask=[False,  True],
           fill_value=1e+20)
    """
    check_nan_policy(nan, ("raise", "missing"))
    cap_upper = None
    if cap is not None and not isinstance(cap, Cap):
        if is_array(cap):
            cap_upper, cap = float_column(cap), None
        else:
            cap = Cap(upper=cap)
    policy = AchievementPolicy(lower_method=lower_method, zero_target=zero_target,
                               floor=floor, cap=cap)
    r = realization_column(realization, nan)
    low = float_column(target)
    goal = low if target_high is None else _range(low, float_column(target_high))
    if isinstance(polarity, int | np.integer) and not isinstance(polarity, bool | np.bool_):
        polarity = Polarity.from_code(int(polarity))
    try:
        results = policy._evaluate(r, goal, float_column(polarity), cap_upper=cap_upper,
                                  want=(0, 1) if with_raw else (1,))
    except InvalidValueError as error:
        if error.field == "realization" and "NaN" in error.message:
            raise InvalidValueError(
                error.message, field=error.field,
                fix="missing is not zero: if NaN marks a figure that was not reported, "
                "pass nan='missing' (or a masked array)") from None
        raise
    return results if with_raw else results[0]


def _range(low: Any, high: Any) -> tuple[Any, Any]:
    """The ``(low, high)`` target of the engine: *high* is *low* where it is NaN."""
    if not isinstance(high, np.ndarray) or high.dtype.kind != "f":
        return low, high
    point = np.isnan(np.ma.getdata(high))
    if not point.any():
        return low, high
    low_data = np.ma.getdata(low) if isinstance(low, np.ndarray) else low
    filled = np.where(point, low_data, np.ma.getdata(high))
    mask = np.ma.getmask(low) if isinstance(low, np.ma.MaskedArray) else np.ma.nomask
    if isinstance(high, np.ma.MaskedArray):
        mask = np.ma.mask_or(mask, np.ma.getmask(high))
    return low, filled if mask is np.ma.nomask else np.ma.MaskedArray(filled, mask=mask)


def absorptions(realization: Any, pagu: Any, *, places: int | None = None) -> Any:
    """Return the budget absorption (penyerapan) of every line: realization / pagu × 100.

    This is :func:`kinerja.absorption` on columns: whole Rupiah as int64 (or
    pandas nullable ``Int64``, whose ``<NA>`` is refused), computed in exact
    integer long division.

    Parameters
    ----------
    realization, pagu : array_like of int
        Whole Rupiah per line.
    places : int, optional
        Round half up to this many decimals; the rounding is decided on the
        exact remainder, so each rounded figure equals the scalar path's.

    Returns
    -------
    numpy.ndarray
        float64, in percent (above 100 where spending exceeds pagu).

    Raises
    ------
    UndefinedRatioError
        A pagu of 0.
    InvalidValueError, MissingValueError
        Negative, fractional or missing amounts; columns of different lengths.

    Examples
    --------
    >>> import numpy as np
    >>> from kinerja import batch
    >>> batch.absorptions(np.array([734_881_464_333, 5_100_000_000_000]),
    ...                   np.array([855_830_897_000, 5_000_000_000_000]), places=2)
    array([ 85.87, 102.  ])
    """
    return absorption(rupiah_column(realization, "realization"), rupiah_column(pagu, "pagu"),
                      places=places)


def ikpa_scores(year: int, columns: Mapping[str, Any] | Any, *,
                not_applicable: Mapping[str, Any] | None = None,
                missing: MissingPolicy = "raise", nan: ScoreNanPolicy = "raise",
                deduction_order: DeductionOrder | None = None) -> BatchScore:
    """Return the IKPA of every satker (one row each) under the scheme in force in *year*.

    This is :meth:`kinerja.Scheme.score_batch` under
    :func:`kinerja.ikpa_scheme`.

    Parameters
    ----------
    year : int
        The fiscal year; it selects the regulation's components and weights.
    columns : mapping of str to array_like, or DataFrame
        One column per component (and deduction) key of the scheme.  From a
        DataFrame only the columns named by the scheme's keys are read.
    not_applicable : mapping of str to array_like of bool, optional
        Per key, the rows where the component does not apply.
    missing : {"raise", "zero"}, default "raise"
        What a missing (masked) score gives: an error, or 0.
    nan : {"raise", "missing", "not_applicable"}, default "raise"
        What NaN (or ``<NA>``) in a column means: an error, a missing score,
        or a component that does not apply to that satker.
    deduction_order : {"after_division", "before_division"}, optional
        As for :func:`kinerja.ikpa_scheme`.

    Returns
    -------
    BatchScore
        ``final`` (the IKPA), ``total``, ``weight_base``, ``aspects`` and
        ``category`` per row.

    Examples
    --------
    The reference report's 2023 components, and a satker without contracts:

    >>> import numpy as np
    >>> from kinerja import batch
    >>> scores = batch.ikpa_scores(2023, {
    ...     "revisi_dipa": [100, 100], "deviasi_halaman_iii": [94.18, 90],
    ...     "penyerapan_anggaran": [100, 95], "belanja_kontraktual": [100, np.nan],
    ...     "penyelesaian_tagihan": [100, 100], "pengelolaan_up_tup": [97.58, 100],
    ...     "dispensasi_spm": [100, 100], "capaian_output": [100, 98]},
    ...     nan="not_applicable")
    >>> import kinerja
    >>> kinerja.round_half_up(scores.final, 3)
    array([99.176, 97.222])
    >>> scores.category
    array(['Sangat Baik', 'Sangat Baik'], dtype='<U11')
    """
    from kinerja._presets import ikpa_scheme

    check_nan_policy(nan, ("raise", "missing", "not_applicable"))
    scheme = ikpa_scheme(year, deduction_order=deduction_order)
    values, flags = score_columns(scheme.keys, columns, not_applicable, nan)
    return scheme.score_batch(values, not_applicable=flags, missing=missing)


def nka_scores(year: int, columns: Mapping[str, Any] | Any, *,
               not_applicable: Mapping[str, Any] | None = None,
               missing: MissingPolicy = "raise", nan: ScoreNanPolicy = "raise") -> BatchScore:
    """Return the SMART DJA Nilai Kinerja Anggaran of every satker (one row each).

    This is :meth:`kinerja.Scheme.score_batch` under :func:`kinerja.nka_scheme`.

    Parameters
    ----------
    year : int
        The fiscal year (2021 or later: PMK 22/PMK.02/2021).
    columns : mapping of str to array_like, or DataFrame
        One column per component key (``penyerapan_anggaran``,
        ``konsistensi``, ``capaian_output``, ``efisiensi``).
    not_applicable, missing, nan
        As for :func:`ikpa_scores`.

    Returns
    -------
    BatchScore
        ``final`` (the NKA) per row; the scheme has no category bands.

    Examples
    --------
    The LAN Puslatbang worked example (NKA 87.93) and a perfect satker:

    >>> from kinerja import batch
    >>> scores = batch.nka_scores(2023, {
    ...     "penyerapan_anggaran": [95.53, 100], "konsistensi": [99.61, 100],
    ...     "capaian_output": [99.72, 100], "efisiensi": [59.98, 100]})
    >>> import kinerja
    >>> kinerja.round_half_up(scores.final, 3)
    array([ 87.928, 100.   ])
    """
    from kinerja._presets import nka_scheme

    check_nan_policy(nan, ("raise", "missing", "not_applicable"))
    scheme = nka_scheme(year)
    values, flags = score_columns(scheme.keys, columns, not_applicable, nan)
    return scheme.score_batch(values, not_applicable=flags, missing=missing)


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
    return _synthetic_national(seed=seed, satkers=satkers, years=years)


def synthetic_reports(data: SyntheticNational, rows: Iterable[int], *, seed: int = 0
                      ) -> list[Report]:
    """Build reports, with printed figures to audit, for some rows of a synthetic set.

    Parameters
    ----------
    data : SyntheticNational
        From :func:`synthetic_national`.
    rows : iterable of int
        Satker-year rows (``0 <= row < data.satker_years``).
    seed : int
        Seed of the mistakes planted in the printed figures.

    Returns
    -------
    list of Report
        One report per row: its 12 indicators, 8 budget lines and, printed, every
        achievement, every spending type's absorption and the total spending; 5 %
        of the achievements are off by 0.01 and 5 % of the absorptions truncated.

    Examples
    --------
    >>> from kinerja import batch
    >>> data = batch.synthetic_national(seed=1, satkers=3)
    >>> [len(r.indicators) for r in batch.synthetic_reports(data, range(3))]
    [12, 12, 12]
    """
    from kinerja._synthetic import synthetic_reports as build

    return build(data, rows, seed=seed)


def audit_many(reports: Iterable[Report]) -> list[AuditResult]:
    """Audit many reports (one per satker-year) with :func:`kinerja.audit`.

    Each report is audited exactly as :func:`kinerja.audit` does it; collect the
    findings of all of them with :func:`findings_table`.

    Examples
    --------
    >>> from kinerja import batch
    >>> data = batch.synthetic_national(seed=1, satkers=20)
    >>> results = batch.audit_many(batch.synthetic_reports(data, range(20)))
    >>> import collections
    >>> collections.Counter(f.rule for r in results for f in r).most_common(3)
    [('cap-applied', 15), ('achievement', 10), ('budget-over-pagu', 3)]
    """
    from kinerja._audit import audit

    return [audit(report) for report in reports]


def findings_table(results: Iterable[AuditResult], *, lang: Lang = "en") -> list[dict[str, Any]]:
    """Collect the findings of many audits as rows: satker, year, then the finding's fields.

    Feed the rows to ``pandas.DataFrame`` (or a CSV writer) to filter and count
    findings across a ministry.

    Examples
    --------
    >>> import kinerja
    >>> from kinerja import batch
    >>> rows = batch.findings_table([kinerja.audit(kinerja.example_report())])
    >>> rows[0]["satker"], rows[0]["year"], rows[0]["rule"]
    ('Balai Pemasyarakatan Kelas II Pangkalpinang', 2023, 'achievement-no-target')
    """
    return [{"satker": result.name, "year": result.year, **finding.as_dict(lang)}
            for result in results for finding in result]
