"""Medium-term plans (Renstra) and comparisons across years.

An LKjIP compares, for every indicator (PermenPAN-RB 53/2014, outline of
chapter III): (1) target and realization this year; (2) this year against
last year and earlier years; (3) realization so far against the medium-term
targets of the strategic plan; (4) a national standard, where one exists.
This module holds the data of (2) and (3) and their polarity-aware
comparisons; (1) is :func:`kinerja.assess`.  The comparisons are stated in
the docs page *Reports, plans and tables* (``docs/reports.md``).
"""

from __future__ import annotations

import enum
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any

import attrs

from kinerja.core._frozen import FrozenMap
from kinerja.core._input import FIRST_YEAR, LAST_YEAR, to_year
from kinerja.core._polarity import Polarity
from kinerja.core._sentinels import NOT_APPLICABLE, NotApplicable, NotStated
from kinerja.core._validators import checked, year_map
from kinerja.exceptions import InvalidTypeError, InvalidValueError, MissingValueError
from kinerja.indicators._achievement import AchievementPolicy
from kinerja.indicators._assessment import AchievementResult, assess
from kinerja.indicators._figures import Realization, Target, as_target
from kinerja.indicators._indicator import Indicator

__all__ = ["Direction", "PlanProgress", "Trajectory", "YearFigures", "history", "progress"]


def _targets(value: Any) -> FrozenMap[int, Target]:
    if type(value) is dict and all(
            type(year) is int and FIRST_YEAR <= year <= LAST_YEAR and type(target) is Target
            for year, target in value.items()):
        return FrozenMap(sorted(value.items()))  # what year_map gives built targets, at once
    return year_map(value, "plan.targets", as_target)


def _period(value: Any) -> tuple[int, int] | None:
    """``None`` (the span of the targets), or the plan's first and last year."""
    if value is None:
        return None
    if type(value) is list and len(value) == 2 and all(
            type(year) is int and FIRST_YEAR <= year <= LAST_YEAR for year in value):
        return value[0], value[1]  # two years as a file gives them: what to_year gives
    if isinstance(value, str | bytes) or not isinstance(value, Sequence) or len(value) != 2:
        raise InvalidTypeError("must be [first year, last year]", field="plan.period",
                               value=value, fix="write period = [2020, 2024], or leave it out")
    first, last = (to_year(year, field=f"plan.period[{i}]") for i, year in enumerate(value))
    return first, last


@checked
@attrs.frozen(kw_only=True)
class Trajectory:
    """The yearly targets of a medium-term plan (target jangka menengah, Renstra).

    Parameters
    ----------
    targets : mapping of year to Target (or number)
        One target per plan year (the reference report's Tabel 3.4: 2022 50 %,
        2023 60 %, 2024 70 %, 2025 70 %).
    period : (int, int), optional
        First and last year of the plan; every target must lie inside it.
        Defaults to the span of the targets.
    source : str, optional
        Where the trajectory comes from ("Renstra 2020–2024", "Tabel 3.4").

    Examples
    --------
    >>> plan = Trajectory(targets={2022: 50, 2023: 60, 2024: 70, 2025: 70})
    >>> plan.final_year, plan.final_target.value
    (2025, Decimal('70'))
    >>> Trajectory(targets={2025: 70}, period=(2020, 2024))
    Traceback (most recent call last):
    ...
    kinerja.exceptions.InvalidValueError: plan.targets.2025: the year lies outside the plan \
period 2020–2024 (got 2025). Fix: correct the year or the plan period.
    """

    targets: FrozenMap[int, Target] = attrs.field(converter=_targets)
    period: tuple[int, int] | None = attrs.field(default=None, converter=_period)
    source: str | None = None

    def __attrs_post_init__(self) -> None:
        if not self.targets:
            raise MissingValueError("a plan needs at least one yearly target",
                                    field="plan.targets", value={},
                                    fix="give the targets per plan year")
        for year, target in self.targets.items():
            if target.year != year:
                raise InvalidValueError(f"the target is for {target.year}",
                                        field=f"plan.targets.{year}", value=target.year,
                                        fix="key each target by its own year")
        start, end = self.span
        if start > end:
            raise InvalidValueError("the plan period ends before it starts", field="plan.period",
                                    value=self.period, fix="give [first year, last year]")
        for year in self.targets:
            if not start <= year <= end:
                raise InvalidValueError(
                    f"the year lies outside the plan period {start}–{end}",
                    field=f"plan.targets.{year}", value=year,
                    fix="correct the year or the plan period",
                )

    @property
    def span(self) -> tuple[int, int]:
        """The plan period as (first year, last year): *period*, or the span of the targets."""
        if self.period is not None:
            return self.period
        return min(self.targets), max(self.targets)

    @property
    def final_year(self) -> int:
        """The last year with a target: the plan's end goal."""
        return max(self.targets)

    @property
    def final_target(self) -> Target:
        """The target of the final year (the end goal)."""
        return self.targets[self.final_year]


class Direction(enum.Enum):
    """How a realization moved since the previous reported year, judged by polarity.

    >>> Direction.IMPROVED.indonesian
    'meningkat'
    """

    IMPROVED = "improved"
    WORSENED = "worsened"
    UNCHANGED = "unchanged"
    UNKNOWN = "unknown"

    @property
    def indonesian(self) -> str:
        """The word an LKjIP uses."""
        return {"improved": "meningkat", "worsened": "menurun", "unchanged": "tetap",
                "unknown": "–"}[self.value]


def direction(before: Decimal | None, after: Decimal | None, polarity: Polarity) -> Direction:
    """Return whether *after* is better than *before* for an indicator of *polarity*.

    >>> direction(Decimal(50), Decimal("65.96"), Polarity.LOWER_IS_BETTER)
    <Direction.WORSENED: 'worsened'>
    """
    if before is None or after is None:
        return Direction.UNKNOWN
    if after == before:
        return Direction.UNCHANGED
    better = after > before if polarity is Polarity.HIGHER_IS_BETTER else after < before
    return Direction.IMPROVED if better else Direction.WORSENED


@checked
@attrs.frozen(kw_only=True)
class YearFigures:
    """One year of an indicator's history: agreed and planned target, realization, achievement.

    ``target`` is the year's performance-agreement (PK) target and
    ``plan_target`` the Renstra's target for the year; when they differ both
    are kept.  ``change`` says how the realization moved since the previous
    year with a realization.

    Examples
    --------
    >>> import kinerja
    >>> rows = kinerja.example_report().history("IKK-1.3")
    >>> rows[1].year, rows[1].target.value, rows[1].plan_target.value, rows[1].change.value
    (2023, Decimal('35'), Decimal('35'), 'improved')
    """

    year: int
    target: Target | NotApplicable | NotStated
    plan_target: Target | None
    realization: Realization | None
    result: AchievementResult | None
    change: Direction

    @property
    def target_differs_from_plan(self) -> bool:
        """Whether the agreed target differs from the plan's target for the year."""
        if self.plan_target is None or not isinstance(self.target, Target):
            return False
        return self.target.bounds != self.plan_target.bounds


def history(
    indicator: Indicator,
    targets: Mapping[int, Target | NotApplicable | NotStated],
    realizations: Mapping[int, Realization],
    *,
    plan: Trajectory | None = None,
    policy: AchievementPolicy | None = None,
) -> list[YearFigures]:
    """Return an indicator's figures year by year, each compared with the year before.

    The second comparison of an LKjIP's chapter III (PermenPAN-RB 53/2014):
    this year's realization and achievement against earlier years'; a change
    is "improved" when the realization moved in the good direction of the
    indicator's polarity.  Docs page *Reports, plans and tables*.

    Parameters
    ----------
    indicator : Indicator
    targets : mapping of year to Target or NOT_APPLICABLE
        The performance-agreement targets.
    realizations : mapping of year to Realization
    plan : Trajectory, optional
        The Renstra targets, shown beside the agreed ones.
    policy : AchievementPolicy, optional

    Examples
    --------
    The reference report's lower-is-better indicator (children sentenced to
    prison): 50 % in 2022, 31 of 47 = 65.96 % in 2023, a worse result.

    >>> from kinerja import Indicator, Realization, Target, round_half_up
    >>> anak = Indicator(code="IKK-1.2", name="Anak putusan penjara", level="IKK", unit="%",
    ...                  polarity="negatif")
    >>> rows = history(anak, {2022: Target(year=2022, value=60), 2023: Target(year=2023, value=55)},
    ...                {2022: Realization(year=2022, value=50),
    ...                 2023: Realization(year=2023, numerator=31, denominator=47)})
    >>> [(r.year, round_half_up(r.result.raw), r.change.value) for r in rows]
    [(2022, Decimal('116.67'), 'unknown'), (2023, Decimal('80.08'), 'worsened')]
    """
    years = sorted(set(targets) | set(realizations))
    rows: list[YearFigures] = []
    previous: Decimal | None = None
    for year in years:
        target = targets.get(year, NOT_APPLICABLE)
        realization = realizations.get(year)
        result = None
        if realization is not None:
            result = assess(indicator, target, realization, policy=policy)
        value = realization.value if realization is not None else None
        rows.append(YearFigures(
            year=year,
            target=target,
            plan_target=plan.targets.get(year) if plan else None,
            realization=realization,
            result=result,
            change=direction(previous, value, indicator.polarity),
        ))
        if value is not None:
            previous = value
    return rows


@checked
@attrs.frozen(kw_only=True)
class PlanProgress:
    """Realization so far against the plan: this year's plan target, the later ones, the end goal.

    ``achievement_year`` is the achievement against the plan's target for the
    year, ``achievement_final`` against the final-year target, both with the
    same formula (and policy) as any achievement.  ``on_track`` is whether the
    year's plan target is met; ``None`` when the realization is missing or the
    plan has no target for the year.

    Examples
    --------
    >>> import kinerja
    >>> p = kinerja.example_report().progress("IKK-1.3")
    >>> p.on_track, p.reached_final, list(p.later_targets)
    (True, True, [2024])
    """

    indicator: Indicator
    year: int
    realization: Realization | None
    plan: Trajectory
    achievement_year: Decimal | None
    achievement_final: Decimal | None

    @property
    def on_track(self) -> bool | None:
        """Whether the realization meets the plan's target for the year."""
        if self.achievement_year is None:
            return None
        return self.achievement_year >= 100

    @property
    def reached_final(self) -> bool | None:
        """Whether the realization already meets the plan's final target."""
        if self.achievement_final is None:
            return None
        return self.achievement_final >= 100

    @property
    def later_targets(self) -> FrozenMap[int, Target]:
        """The plan's targets after this year."""
        return FrozenMap((y, t) for y, t in self.plan.targets.items() if y > self.year)


def progress(
    indicator: Indicator,
    realization: Realization | None,
    plan: Trajectory,
    *,
    policy: AchievementPolicy | None = None,
) -> PlanProgress:
    """Compare a realization with the plan's target for its year and with the final target.

    The third comparison of an LKjIP's chapter III (PermenPAN-RB 53/2014): the
    realization against the medium-term (Renstra) targets, through the same
    achievement formula (and policy) as any achievement.  Docs page *Reports,
    plans and tables*.

    Examples
    --------
    The reference report's IKK-1.1: 994 of 1,327 clients employed (74.91 %) in
    2023 against the plan 2022 50 %, 2023 60 %, 2024 70 %, 2025 70 %.

    >>> from kinerja import Indicator, Realization, round_half_up
    >>> klien = Indicator(code="IKK-1.1", name="Klien bekerja", level="IKK", unit="%")
    >>> p = progress(klien, Realization(year=2023, numerator=994, denominator=1327),
    ...              Trajectory(targets={2022: 50, 2023: 60, 2024: 70, 2025: 70}))
    >>> round_half_up(p.achievement_year), round_half_up(p.achievement_final), p.reached_final
    (Decimal('124.84'), Decimal('107.01'), True)
    """
    policy = policy or AchievementPolicy()
    achievement_year = achievement_final = None
    if realization is not None and not realization.is_missing:
        year_target = plan.targets.get(realization.year)
        if year_target is not None:
            achievement_year = _raw(indicator, year_target, realization, policy)
        achievement_final = _raw(indicator, plan.final_target, realization, policy)
    year = realization.year if realization is not None else plan.final_year
    return PlanProgress(indicator=indicator, year=year, realization=realization, plan=plan,
                        achievement_year=achievement_year, achievement_final=achievement_final)


def _raw(indicator: Indicator, target: Target, realization: Realization,
         policy: AchievementPolicy) -> Decimal | None:
    # The final target is compared in the realization's year (same formula, other target).
    moved = attrs.evolve(target, year=realization.year)
    return assess(indicator, moved, realization, policy=policy).raw
