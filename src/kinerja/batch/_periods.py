"""Periods in the batch path: a year's figures from its periods for many indicators at once."""

from __future__ import annotations

from typing import Any

from kinerja.indicators._periods import Aggregation, aggregate_periods_array

__all__ = ["aggregate_periods"]


def aggregate_periods(values: Any, how: Aggregation) -> Any:
    """Return each row's year figure from its periods (columns): sum, last, max or mean.

    The array twin of :func:`kinerja.aggregate_periods`, through the same
    rules: masked periods are not reported and are left out ("last" takes the
    last reported one); a row with no reported period is masked (missing).

    Parameters
    ----------
    values : array_like, shape (rows, periods)
        One row per indicator-year, periods in calendar order (TW I–IV, or
        months); masked or NaN where a period is not reported.
    how : {"sum", "last", "max", "mean"}
        The aggregation, named per indicator (no default).

    Examples
    --------
    >>> import numpy as np
    >>> from kinerja import batch
    >>> quarters = np.array([[11, 12, 9, 15], [70, 72.5, 75.5, np.nan]])
    >>> batch.aggregate_periods(quarters, "sum").tolist()
    [47.0, 218.0]
    >>> batch.aggregate_periods(quarters, "last").tolist()
    [15.0, 75.5]
    """
    return aggregate_periods_array(values, how)
