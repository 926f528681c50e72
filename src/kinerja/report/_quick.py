"""The reader's commonest values built at once: point targets, realizations, records.

A report file gives most targets and realizations as plain numbers (``2023 = 60``),
and most indicators without periods.  Such a value needs none of its class's
conversions, only its checks: a plausible year, a finite number from 0 below the
magnitude limit, the record's own checks of the whole.  These functions make those
checks and set the fields as the class sets them (``object.__setattr__`` past the
frozen guard, through each field's slot); anything else gives None, and the class
itself then builds the value and reports what is wrong.  The tests check that both
give equal values (``tests/test_report_fast.py``).
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any, cast

import attrs

from kinerja.core._frozen import FrozenMap
from kinerja.core._input import FIRST_YEAR, LAST_YEAR, MAX_MAGNITUDE
from kinerja.core._validators import slot_setters
from kinerja.indicators._figures import Realization, Target
from kinerja.indicators._indicator import Indicator
from kinerja.indicators._renstra import Trajectory
from kinerja.report._model import IndicatorRecord

__all__ = ["common_realization", "plain_plan", "plain_record", "point_target"]

_new = object.__new__
_TARGET = slot_setters(Target, "year value low high unit")
_REALIZATION = slot_setters(Realization, "year value numerator denominator unit missing note "
                                         "stated")
_RECORD = slot_setters(IndicatorRecord, "indicator goal targets realizations plan note periods "
                                        "aggregation derived_years")
#: The record's own converters of its targets and realizations.
_TARGETS = cast("Callable[[Any], Any]", attrs.fields(IndicatorRecord).targets.converter)
_REALIZATIONS = cast("Callable[[Any], Any]",
                     attrs.fields(IndicatorRecord).realizations.converter)
_MISSING = frozenset({"missing", "note"})
_PLAN = slot_setters(Trajectory, "targets period source")
#: The plan's own converters of its targets and period.
_PLAN_TARGETS = cast("Callable[[Any], Any]", attrs.fields(Trajectory).targets.converter)
_PLAN_PERIOD = cast("Callable[[Any], Any]", attrs.fields(Trajectory).period.converter)


def _plain(year: Any, value: Any) -> Decimal | None:
    """*value* as the figure's Decimal when *year* and *value* are plain, else None."""
    if type(year) is not int or not FIRST_YEAR <= year <= LAST_YEAR:
        return None
    if type(value) is int and 0 <= value < MAX_MAGNITUDE:
        return Decimal(value)
    if type(value) is Decimal and value.is_finite() and 0 <= value < MAX_MAGNITUDE:
        return value  # as the class keeps it (a TOML float, read exactly)
    return None


def point_target(year: Any, value: Any) -> Target | None:
    """``Target(year=year, value=value)`` for a plain year and number, else None.

    >>> point_target(2023, 60) == Target(year=2023, value=60)
    True
    >>> point_target(2023, "60") is None, point_target(2023, -1) is None
    (True, True)
    """
    number = _plain(year, value)
    if number is None:
        return None
    target = _new(Target)
    set_year, set_value, set_low, set_high, set_unit = _TARGET
    set_year(target, year)
    set_value(target, number)
    set_low(target, None)
    set_high(target, None)
    set_unit(target, None)
    return target


def common_realization(year: Any, value: Any) -> Realization | None:
    """The realization of a plain number, or of ``{ missing = true, note = "..." }``; else None.

    >>> common_realization(2023, 75) == Realization(year=2023, value=75)
    True
    >>> common_realization(2023, {"missing": True}) == Realization.not_reported(2023)
    True
    >>> common_realization(1800, 75) is None, common_realization(2023, "75") is None
    (True, True)
    """
    missing, note = False, None
    number = _plain(year, value)
    if number is None:
        if type(value) is not dict or value.get("missing") is not True \
                or not _MISSING.issuperset(value) or type(year) is not int \
                or not FIRST_YEAR <= year <= LAST_YEAR:
            return None
        note = value.get("note")
        if note is not None and type(note) is not str:
            return None
        missing = True
    realization = _new(Realization)
    (set_year, set_value, set_numerator, set_denominator, set_unit, set_missing, set_note,
     set_stated) = _REALIZATION
    set_year(realization, year)
    set_value(realization, number)
    set_numerator(realization, None)
    set_denominator(realization, None)
    set_unit(realization, None)
    set_missing(realization, missing)
    set_note(realization, note)
    set_stated(realization, True)
    return realization


def plain_record(indicator: Any, goal: Any, targets: dict[int, Any],
                 realizations: dict[int, Any], plan: Any, note: Any) -> IndicatorRecord | None:
    """An :class:`IndicatorRecord` without periods of the values the reader built, else None.

    The record's own converters and checks run (its targets and realizations
    sorted by year, each under its own year); a value of another kind, or a
    check that fails, gives None.

    >>> from kinerja.indicators._indicator import Indicator
    >>> fields = dict(indicator=Indicator(code="A", name="a", level="IKK", unit="%"),
    ...               goal="SK-1", targets={2023: Target(year=2023, value=60)},
    ...               realizations={}, plan=None, note=None)
    >>> plain_record(**fields) == IndicatorRecord(**fields)
    True
    """
    if type(indicator) is not Indicator or type(goal) is not str or not goal.strip() \
            or (plan is not None and type(plan) is not Trajectory) \
            or (note is not None and type(note) is not str):
        return None
    record = _new(IndicatorRecord)
    (set_indicator, set_goal, set_targets, set_realizations, set_plan, set_note, set_periods,
     set_aggregation, set_derived_years) = _RECORD
    try:
        set_targets(record, _TARGETS(targets))
        set_realizations(record, _REALIZATIONS(realizations))
        set_indicator(record, indicator)
        set_goal(record, goal)
        set_plan(record, plan)
        set_note(record, note)
        set_periods(record, FrozenMap())  # what the class makes of no periods
        set_aggregation(record, None)
        set_derived_years(record, frozenset())
        record.__attrs_post_init__()  # the record's checks of the whole
    except Exception:  # the class itself says what is wrong
        return None
    return record


def plain_plan(targets: dict[int, Any], period: Any, source: Any) -> Trajectory | None:
    """A :class:`Trajectory` of the targets the reader built, else None.

    The plan's own converters and checks run; a source that is not text, or a
    check that fails, gives None.

    >>> plain_plan({2024: Target(year=2024, value=70)}, [2020, 2024], "Renstra") == Trajectory(
    ...     targets={2024: 70}, period=(2020, 2024), source="Renstra")
    True
    >>> plain_plan({2025: Target(year=2025, value=70)}, [2020, 2024], None) is None
    True
    """
    if source is not None and type(source) is not str:
        return None
    plan = _new(Trajectory)
    set_targets, set_period, set_source = _PLAN
    try:
        set_targets(plan, _PLAN_TARGETS(targets))
        set_period(plan, _PLAN_PERIOD(period))
        set_source(plan, source)
        plan.__attrs_post_init__()  # the plan's checks of the whole
    except Exception:  # the class itself says what is wrong
        return None
    return plan
