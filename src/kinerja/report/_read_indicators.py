"""Reading a report file's ``[[indicators]]``: targets, realizations, plans and periods.

Part of the report reader (:mod:`kinerja.report._read`); the format is in the
docs page *Report file format* (``docs/report-format.md``).  Every problem is
recorded with its key path (``indicators[2].targets.2023``).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any, TypeVar

from kinerja.core._problems import Problems
from kinerja.core._sentinels import NOT_APPLICABLE, NOT_STATED, NotApplicable, NotStated
from kinerja.core._units import Unit, UnitKind
from kinerja.exceptions import MissingValueError
from kinerja.indicators._figures import Realization, Target
from kinerja.indicators._indicator import Indicator
from kinerja.indicators._renstra import Trajectory
from kinerja.report._format import (
    INDICATOR,
    MISSING_WORDS,
    NOT_APPLICABLE_WORDS,
    NOT_STATED_WORDS,
    PLAN,
    REALIZATION,
    TARGET,
)
from kinerja.report._model import IndicatorRecord
from kinerja.report._quick import common_realization, plain_plan, plain_record, point_target
from kinerja.report._read_values import build, number_of, table_of, text_of, words, year_key

__all__ = ["read_indicator"]

T = TypeVar("T")


def read_indicator(entry: Any, path: str, goal_levels: Mapping[str, Any],
                   problems: Problems) -> IndicatorRecord | None:
    """One ``[[indicators]]`` entry as a record, or ``None`` after recording its problems."""
    table = table_of(entry, path, problems)
    if table is None:
        return None
    problems.check_keys(table, INDICATOR, path)
    code = text_of(table, "code", path, problems)
    name = text_of(table, "name", path, problems)
    goal = text_of(table, "goal", path, problems)
    unit = text_of(table, "unit", path, problems)
    level = table.get("level") or goal_levels.get(goal or "")
    if level is None and goal is not None:
        problems.add(f"{path}.goal", "refers to an unknown goal", value=goal,
                     fix="use the code of one of the [[goals]]")
    indicator = None
    if code and name and unit and level is not None:
        indicator = build(problems, path, Indicator, code=code, name=name, level=level,
                          unit=unit, polarity=table.get("polarity", "higher_is_better"))
    targets = _read_years(table.get("targets", {}), f"{path}.targets", problems, _read_target,
                          point_target)
    # Counts of a rate indicator ("per 100.000") give the rate in that unit.
    rate = indicator.unit if indicator is not None \
        and indicator.unit.kind is UnitKind.RATE else None
    realizations = _read_years(table.get("realizations", {}), f"{path}.realizations", problems,
                               _read_realization if rate is None
                               else functools.partial(_read_realization, rate=rate),
                               common_realization)
    plan = None
    if "plan" in table:
        plan = _read_plan(table["plan"], f"{path}.plan", problems)
    if indicator is None or goal is None:
        return None
    if not table.get("targets"):
        problems.add(f"{path}.targets", "an indicator needs at least one target",
                     kind=MissingValueError, fix="add a [indicators.targets] table: 2023 = 60")
    periods = _read_years(table["periods"], f"{path}.periods", problems, _as_given) \
        if "periods" in table else {}
    note = table.get("note")
    fields: dict[str, Any] = {
        "indicator": indicator, "goal": goal, "targets": targets, "realizations": realizations,
        "plan": plan, "note": note, "periods": periods, "aggregation": table.get("aggregation")}
    if not periods and fields["aggregation"] is None and (record := plain_record(
            indicator, goal, targets, realizations, plan, note)) is not None:
        return record
    if note is None or isinstance(note, str):  # the one field no converter checks
        return build(problems, path, IndicatorRecord, **fields)
    return problems.attempt(path, lambda: IndicatorRecord(**fields))


def _as_given(year: int, value: Any, path: str, problems: Problems) -> Any:
    return value


def _read_years(value: Any, path: str, problems: Problems,
                read: Callable[[int, Any, str, Problems], T | None],
                quick: Callable[[int, Any], T | None] | None = None) -> dict[int, T]:
    """Each year's figure by *read* (*quick* first, for a plain number), problems recorded."""
    out: dict[int, T] = {}
    table = value if type(value) is dict else table_of(value, path, problems)
    if table is None:
        return out
    for key, item in table.items():
        # A four-digit key ("2023") at once; year_key says what is wrong with any other.
        year = int(key) if len(key) == 4 and key.isdecimal() else year_key(key, path, problems)
        if year is None:
            continue
        if year in out:
            problems.add(f"{path}.{key}", "the year is given twice", value=key,
                         fix="give each year once")
            continue
        figure = quick(year, item) if quick is not None else None
        if figure is None:
            figure = read(year, item, f"{path}.{key}", problems)
        if figure is not None:
            out[year] = figure
    return out


def _read_target(year: int, value: Any, path: str,
                 problems: Problems) -> Target | NotApplicable | NotStated | None:
    if type(value) is int or type(value) is Decimal:  # the common figure: no word, no table
        return build(problems, path, Target, year=year, value=value)
    if isinstance(value, str) and value.strip().lower() in NOT_APPLICABLE_WORDS:
        return NOT_APPLICABLE
    if isinstance(value, str) and value.strip().lower() in NOT_STATED_WORDS:
        return NOT_STATED
    if words(value, path, problems, '"not stated" when the document does not show it, or '
             '"not applicable" when the indicator has no target that year'):
        return None
    if isinstance(value, dict):
        problems.check_keys(value, TARGET, path)
        fields = {k: number_of(v, f"{path}.{k}", problems) if k != "unit" else v
                  for k, v in value.items() if k in TARGET}
        return None if None in fields.values() else build(
            problems, path, Target, year=year, **fields)
    number = number_of(value, path, problems)
    if number is None:
        return None
    return build(problems, path, Target, year=year, value=number)


def _read_realization(year: int, value: Any, path: str, problems: Problems, *,
                      rate: Unit | None = None) -> Realization | None:
    if type(value) is int or type(value) is Decimal:  # the common figure: no word, no table
        return build(problems, path, Realization, year=year, value=value)
    if isinstance(value, str) and value.strip().lower() in MISSING_WORDS:
        return Realization.not_reported(year)
    if isinstance(value, str) and value.strip().lower() in NOT_STATED_WORDS:
        return Realization.not_stated(year)
    if words(value, path, problems, '"not stated" when the document does not show it, or '
             '"missing" when the unit did not report it'):
        return None
    if isinstance(value, dict):
        problems.check_keys(value, REALIZATION, path)
        fields = {k: (number_of(v, f"{path}.{k}", problems)
                      if k in ("value", "numerator", "denominator") else v)
                  for k, v in value.items() if k in REALIZATION}
        if rate is not None and "numerator" in fields and "unit" not in fields:
            fields["unit"] = rate
        return None if None in fields.values() else build(  # one error, not two
            problems, path, Realization, year=year, **fields)
    number = number_of(value, path, problems)
    if number is None:
        return None
    return build(problems, path, Realization, year=year, value=number)


def _read_plan(value: Any, path: str, problems: Problems) -> Trajectory | None:
    table = table_of(value, path, problems)
    if table is None:
        return None
    problems.check_keys(table, PLAN, path, required=("targets",))
    targets = _read_years(table.get("targets", {}), f"{path}.targets", problems, _read_target,
                          point_target)
    plan_targets: dict[int, Any]
    if set(map(type, targets.values())) == {Target}:  # the common plan: nothing to leave out
        plan_targets = targets
    else:
        if any(isinstance(t, NotApplicable) for t in targets.values()):
            problems.add(f"{path}.targets", "a plan has a target for every year it lists",
                         fix="leave years without a plan target out")
            return None
        if not targets:
            return None
        plan_targets = {y: t for y, t in targets.items() if isinstance(t, Target)}
    source = table.get("source")
    if (plan := plain_plan(plan_targets, table.get("period"), source)) is not None:
        return plan
    if source is None or isinstance(source, str):  # the one field no converter checks
        return build(problems, path, Trajectory, targets=plan_targets,
                     period=table.get("period"), source=source)
    return problems.attempt(path, lambda: Trajectory(
        targets=plan_targets, period=table.get("period"), source=source))
