"""Columnar achievements, absorptions and scores: one result per row, per-row options.

The same formulas as the scalar API (docs page *A whole ministry (batch)*):
:func:`achievements` is :func:`kinerja.achievement` with per-row range
targets, caps and a NaN policy; :func:`absorptions` is
:func:`kinerja.absorption` on int64 columns; :func:`ikpa_scores` and
:func:`nka_scores` are :meth:`kinerja.Scheme.score_batch` under the presets.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np

from kinerja.budget._absorption import absorption
from kinerja.core._columns import (
    NanPolicy,
    ScoreNanPolicy,
    check_nan_policy,
    float_column,
    realization_column,
    rupiah_column,
    score_columns,
)
from kinerja.core._input import is_array, to_float_array
from kinerja.exceptions import InvalidValueError
from kinerja.indicators._achievement import AchievementPolicy, LowerMethod, ZeroTargetPolicy
from kinerja.indicators._formulas import Cap
from kinerja.schemes._batch import BatchScore
from kinerja.schemes._combine import MissingPolicy
from kinerja.schemes._parts import DeductionOrder
from kinerja.schemes._presets import ikpa_scheme, nka_scheme

__all__ = ["absorptions", "achievements", "ikpa_scores", "nka_scores"]


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
    (docs page *Achievement (capaian)*); this function adds per-row range
    targets and caps, and pandas columns.

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
            cap_upper, cap = float_column(cap, "cap"), None
        else:
            cap = Cap(upper=cap)
    policy = AchievementPolicy(lower_method=lower_method, zero_target=zero_target,
                               floor=floor, cap=cap)
    r = realization_column(realization, nan)
    low = float_column(target, "target")
    goal = low if target_high is None else _range(low, float_column(target_high, "target_high"))
    try:
        results = policy._evaluate(r, goal, float_column(polarity, "polarity"), cap_upper=cap_upper,
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
    low_data, low_mask = to_float_array(low, field="target", allow_negative=True)
    try:
        filled = np.where(point, low_data, np.ma.getdata(high))
    except ValueError:
        raise InvalidValueError(
            f"array shapes cannot be broadcast together: target {np.shape(low_data)}, "
            f"target_high {np.shape(high)}", field="target, target_high",
            fix="give columns of the same length (or scalars)") from None
    mask = np.ma.nomask if low_mask is None else low_mask
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
    check_nan_policy(nan, ("raise", "missing", "not_applicable"))
    scheme = nka_scheme(year)
    values, flags = score_columns(scheme.keys, columns, not_applicable, nan)
    return scheme.score_batch(values, not_applicable=flags, missing=missing)
