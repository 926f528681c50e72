"""An indicator's figures per period of a year (TW, semester, month), for the report model.

The periods and the aggregations are defined in :mod:`kinerja.indicators._periods`;
here they are tied to an indicator record: each year may hold a target and a
realization per period, and the year's realization, when the report does not
give it, is the aggregation of the periods' realizations.  Docs page *Report
file format*, section "Periods".
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from kinerja.core._frozen import FrozenMap
from kinerja.core._validators import checked, year_map
from kinerja.exceptions import InvalidTypeError, KinerjaError, MissingValueError
from kinerja.indicators._figures import Realization, Target, as_realization, as_target
from kinerja.indicators._periods import (
    Aggregation,
    aggregate_periods,
    finest_periods,
    period_key,
    period_order,
)

__all__ = ["PeriodFigures", "aggregated_realization", "period_map"]


@checked
@attrs.frozen(kw_only=True)
class PeriodFigures:
    """The target and the realization of one indicator in one period (either may be absent).

    >>> PeriodFigures(target=Target(year=2023, value=20),
    ...               realization=Realization(year=2023, value=25)).realization.value
    Decimal('25')
    """

    target: Target | None = None
    realization: Realization | None = None


def _period_figures(year: int, value: Any, field: str) -> PeriodFigures:
    if isinstance(value, PeriodFigures):
        return value
    if not isinstance(value, Mapping):
        # A bare figure is the period's realization.
        return PeriodFigures(realization=as_realization(year, value, field))
    unknown = set(value) - {"target", "realization"}
    if unknown:
        raise InvalidTypeError("a period holds a target and a realization", field=field,
                               value=sorted(unknown),
                               fix="write { target = ..., realization = ... }")
    target = value.get("target")
    realization = value.get("realization")
    if isinstance(realization, Mapping):  # counts: { numerator = 31, denominator = 47 }
        counts = dict(realization)
        try:
            realization = Realization(year=year, **counts)
        except KinerjaError as error:
            raise error.at(f"{field}.realization") from None
        except TypeError:
            raise InvalidTypeError("counts are numerator and denominator",
                                   field=f"{field}.realization", value=counts,
                                   fix="write { numerator = 31, denominator = 47 }") from None
    return PeriodFigures(
        target=None if target is None else as_target(year, target, f"{field}.target"),
        realization=None if realization is None
        else as_realization(year, realization, f"{field}.realization"))


def period_map(value: Any) -> FrozenMap[int, FrozenMap[str, PeriodFigures]]:
    """Year → period key → figures, periods in calendar order, keys made canonical ("TW1").

    >>> m = period_map({2023: {"TW II": 12, "TW I": {"target": 10, "realization": 11}}})
    >>> list(m[2023]), m[2023]["TW1"].target.value
    (['TW1', 'TW2'], Decimal('10'))
    """

    def year_periods(year: int, periods: Any, field: str) -> FrozenMap[str, PeriodFigures]:
        if not isinstance(periods, Mapping):
            raise InvalidTypeError("give a mapping of period to figures", field=field,
                                   value=periods, fix='write e.g. { "TW I" = 20, "TW II" = 25 }')
        keyed: dict[str, PeriodFigures] = {}
        for name, figures in periods.items():
            try:
                key = period_key(name)
            except KinerjaError as error:
                raise error.at(f"{field}.{name}") from None
            if key in keyed:
                raise InvalidTypeError("the period is given twice", field=f"{field}.{name}",
                                       value=name, fix="give each period once")
            keyed[key] = _period_figures(year, figures, f"{field}.{name}")
        return FrozenMap(sorted(keyed.items(), key=lambda item: period_order(item[0])))

    if type(value) is dict and not value:  # no periods (most indicators)
        return FrozenMap()
    return year_map(value, "periods", year_periods)


def aggregated_realization(year: int, periods: Mapping[str, PeriodFigures],
                           how: Aggregation | None, code: str) -> Realization | None:
    """The year's realization from its periods by *how*, or None when no period has one.

    Only the finest periods given are aggregated (months, else quarters, else
    semesters): a table of months with its semester line is not counted twice.
    """
    reported = {key: f.realization for key, f in periods.items()
                if f.realization is not None and f.realization.value is not None}
    reported = finest_periods(reported)
    if not reported:
        return None
    if how is None:
        raise MissingValueError(
            "the year's realization must come from its periods, but no aggregation is named",
            field=f"{code}.aggregation", value=None,
            fix='name it: aggregation = "sum" (counts of events), "last" (a rate or stock at '
            'the period\'s end), "max" or "mean"; or give the year\'s realization')
    value = aggregate_periods({k: r.value for k, r in reported.items()}, how)
    return Realization(year=year, value=value,
                       note=f"{how} of {', '.join(reported)}")
