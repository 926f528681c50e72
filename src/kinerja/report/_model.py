"""One satker-year as data: goals, indicators, targets, realizations, plans and budget.

The fifth layer (above :mod:`kinerja.schemes`) ties one work unit's
performance year together; the report file format is in
:mod:`kinerja.report._read` and :mod:`kinerja.report._write`.  The data model
is described in the docs page *Reports, plans and tables* (``docs/reports.md``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any, TypeVar

import attrs

from kinerja.budget._lines import BudgetLine
from kinerja.budget._regional import CLASSIFICATIONS
from kinerja.budget._totals import BudgetTotal, total
from kinerja.core._frozen import FrozenMap
from kinerja.core._hooks import html_of
from kinerja.core._input import FIRST_YEAR, LAST_YEAR, to_year
from kinerja.core._options import check_choice
from kinerja.core._sentinels import NOT_APPLICABLE, NOT_STATED, NotApplicable, NotStated
from kinerja.core._validators import checked, instance_of, non_empty_text, year_map
from kinerja.core._validators import year as year_validator
from kinerja.exceptions import InvalidTypeError, InvalidValueError
from kinerja.indicators._achievement import AchievementPolicy
from kinerja.indicators._assessment import AchievementResult, assess
from kinerja.indicators._figures import Realization, Target, as_realization, as_target
from kinerja.indicators._indicator import Indicator, Level
from kinerja.indicators._periods import AGGREGATIONS, Aggregation, period_key
from kinerja.indicators._renstra import PlanProgress, Trajectory, YearFigures, history, progress
from kinerja.report._periods import PeriodFigures, aggregated_realization, period_map
from kinerja.report._printed import PrintedFigure
from kinerja.report._score_maps import (
    custom_schemes,
    emonev_scale,
    ikpa_scores,
    nka_variables,
    scheme_files,
)
from kinerja.report._validation import report_problems
from kinerja.schemes._presets import ikpa_scheme, nka_scheme
from kinerja.schemes._scheme import Scheme
from kinerja.schemes._scoring import ScoreResult

__all__ = ["Goal", "IndicatorRecord", "Report", "Satker"]

T = TypeVar("T")


@checked
@attrs.frozen(kw_only=True)
class Satker:
    """The work unit (satuan kerja) a report is about.

    >>> Satker(name="Balai Pemasyarakatan Kelas II Pangkalpinang", code="693222").code
    '693222'
    """

    name: str = attrs.field(validator=non_empty_text)
    code: str | None = None
    ministry: str | None = None
    region: str | None = None


def _level(value: Level | str) -> Level:
    return Level.parse(value)


@checked
@attrs.frozen(kw_only=True)
class Goal:
    """A goal (sasaran) of the performance agreement, at one level.

    >>> Goal(code="SK-2", level="kegiatan", name="Meningkatnya Dukungan Layanan Manajemen "
    ...      "Satker").level
    <Level.ACTIVITY: 'activity'>
    """

    code: str = attrs.field(validator=non_empty_text)
    level: Level = attrs.field(converter=_level)
    name: str = attrs.field(validator=non_empty_text)


def _agreed_target(year: int, value: Any, field: str) -> Target | NotApplicable | NotStated:
    return value if isinstance(value, NotApplicable | NotStated) \
        else as_target(year, value, field)


def _built(value: Any, kinds: type | tuple[type, ...]) -> bool:
    """Whether *value* is a dict of year to figures already built (as the reader gives them).

    :func:`year_map` gives such a dict unchanged, sorted by year: the converters
    below skip its checks, which ask nothing more of it.
    """
    if type(value) is not dict:
        return False
    for year, item in value.items():
        if type(year) is not int or not FIRST_YEAR <= year <= LAST_YEAR \
                or not isinstance(item, kinds):
            return False
    return True


def _target_map(value: Any) -> FrozenMap[int, Target | NotApplicable | NotStated]:
    if _built(value, (Target, NotApplicable, NotStated)):
        return FrozenMap(sorted(value.items()))
    return year_map(value, "targets", _agreed_target)


def _realization_map(value: Any) -> FrozenMap[int, Realization]:
    if _built(value, Realization):
        return FrozenMap(sorted(value.items()))
    return year_map(value, "realizations", as_realization)


def _aggregation(value: Any) -> Aggregation:
    return check_choice(value, AGGREGATIONS, "aggregation")


@checked
@attrs.frozen(kw_only=True)
class IndicatorRecord:
    """An indicator with everything known about it: agreed targets, realizations, plan.

    Parameters
    ----------
    indicator : Indicator
    goal : str
        The code of the goal it measures.
    targets : mapping of year to Target, NOT_APPLICABLE or NOT_STATED
        The performance-agreement (PK) targets; NOT_STATED where the
        document does not show the year's target.
    realizations : mapping of year to Realization
    plan : Trajectory, optional
        The medium-term (Renstra) targets; kept beside the agreed targets
        when they differ, never overwriting them.
    note : str, optional
        Anything a reader should know (how the figures were transcribed).
    periods : mapping of year to mapping of period to figures, optional
        Targets and realizations per quarter ("TW I"), semester or month
        (:class:`PeriodFigures`, or a bare number for a realization).
    aggregation : {"sum", "last", "max", "mean"}, optional
        How the year's realization comes from its periods; no default.  A
        year with period realizations but no yearly realization takes the
        aggregation of them (and needs *aggregation*).

    Examples
    --------
    >>> import kinerja
    >>> record = kinerja.IndicatorRecord(
    ...     indicator=kinerja.Indicator(code="IKK-1", name="x", level="IKK", unit="%"),
    ...     goal="SK-1", targets={2023: kinerja.Target(year=2023, value=60)},
    ...     realizations={2023: kinerja.Realization(year=2023, value=75)})
    >>> record.target(2023).value, record.target(2024)
    (Decimal('60'), NOT_APPLICABLE)
    """

    indicator: Indicator = attrs.field(validator=instance_of(Indicator))
    goal: str = attrs.field(validator=non_empty_text)
    targets: FrozenMap[int, Target | NotApplicable | NotStated] = attrs.field(
        factory=FrozenMap, converter=_target_map)
    realizations: FrozenMap[int, Realization] = attrs.field(factory=FrozenMap,
                                                            converter=_realization_map)
    plan: Trajectory | None = attrs.field(default=None,
                                          validator=instance_of(Trajectory, optional=True))
    note: str | None = None
    periods: FrozenMap[int, FrozenMap[str, PeriodFigures]] = attrs.field(
        factory=FrozenMap, converter=period_map)
    aggregation: Aggregation | None = attrs.field(
        default=None, converter=attrs.converters.optional(_aggregation))

    def __attrs_post_init__(self) -> None:
        code = self.indicator.code
        derived = {year: real for year, periods in self.periods.items()
                   if year not in self.realizations
                   and (real := aggregated_realization(year, periods, self.aggregation, code))
                   is not None} if self.periods else None
        if derived:
            # The year's realization from its periods: set once, while the record is built.
            object.__setattr__(self, "realizations",
                               FrozenMap(sorted({**self.realizations, **derived}.items())))
            object.__setattr__(self, "derived_years", frozenset(derived))
        targets, realizations = self.targets, self.realizations
        for year in targets:  # (a FrozenMap's own iterator: no items view to go through)
            target = targets[year]
            if isinstance(target, Target) and target.year != year:
                raise InvalidValueError(f"the target is for {target.year}",
                                        field=f"{code}.targets.{year}", value=target.year,
                                        fix=f"give the target for {year} under the key {year}")
        for year in realizations:
            realization = realizations[year]
            if realization.year != year:
                raise InvalidValueError(f"the realization is for {realization.year}",
                                        field=f"{code}.realizations.{year}",
                                        value=realization.year,
                                        fix=f"give the realization for {year} under the key {year}")

    #: The years whose realization was aggregated from the periods (not given).
    derived_years: frozenset[int] = attrs.field(init=False, factory=frozenset, eq=False,
                                                repr=False)

    @property
    def code(self) -> str:
        """The indicator's code."""
        return self.indicator.code

    def target(self, year: int) -> Target | NotApplicable | NotStated:
        """The agreed target of *year* (NOT_STATED if unshown, NOT_APPLICABLE if none)."""
        return self.targets.get(year, NOT_APPLICABLE)


def _items(value: Any, field: str, kind: type[T]) -> tuple[T, ...]:
    """A tuple of *kind* items from a sequence, or an error naming the first wrong item."""
    if type(value) is list and set(map(type, value)) <= {kind}:
        return tuple(value)  # a list of exactly *kind* (as the reader gives): nothing to say
    if isinstance(value, str | bytes | Mapping) or not isinstance(value, Iterable):
        raise InvalidTypeError(f"give a list of {kind.__name__}", field=field, value=value,
                               fix=f"write e.g. [{kind.__name__}(...), ...]")
    items = tuple(value)
    for index, item in enumerate(items):
        if not isinstance(item, kind):
            raise InvalidTypeError(f"expected a {kind.__name__}, not {type(item).__name__}",
                                   field=f"{field}[{index}]", value=item,
                                   fix=f"build it with kinerja.{kind.__name__}(...)")
    return items


def _goals(value: Any) -> tuple[Goal, ...]:
    return _items(value, "goals", Goal)


def _records(value: Any) -> tuple[IndicatorRecord, ...]:
    return _items(value, "indicators", IndicatorRecord)


def _printed(value: Any) -> tuple[PrintedFigure, ...]:
    return _items(value, "printed", PrintedFigure)


def _breakdowns(value: Any) -> FrozenMap[str, tuple[BudgetLine, ...]]:
    if not isinstance(value, Mapping):
        raise InvalidTypeError("give the budget as a mapping of breakdown to lines",
                               field="budget", value=value,
                               fix='write e.g. {"spending_type": [BudgetLine(...), ...]}')
    return FrozenMap((name, _items(lines, f"budget.{name}", BudgetLine))
                     for name, lines in value.items())


def _classification(value: Any) -> str:
    return check_choice(value, CLASSIFICATIONS, "classification")


@checked
@attrs.frozen(kw_only=True)
class Report:
    """One satker's performance year: the data of an LKjIP.

    Build it in code or load it from a file (:func:`kinerja.load_report`);
    :func:`kinerja.example_report` is the bundled reference report.  Creating
    a report checks it as a whole and reports every problem at once (a
    :class:`~kinerja.ValidationError`).

    Parameters
    ----------
    satker : Satker
    year : int
        The reporting year.
    goals : sequence of Goal
    indicators : sequence of IndicatorRecord
    policy : AchievementPolicy, optional
        The report's conventions (its cap, its lower-is-better formula).
    budget : mapping of str to sequence of BudgetLine, optional
        Budget breakdowns by classification: ``"spending_type"``,
        ``"activity"``, ``"program"``, ``"output"``, ``"account"``,
        ``"indicator"``.  Each breakdown covers the same money in another cut;
        every line of a breakdown carries that classification.
    printed : sequence of PrintedFigure, optional
        The figures as the report prints them, for the audit.
    period : str, optional
        The part of the year the report covers, for a semester or quarterly
        report ("Semester I", "TW III"); ``None`` for a yearly report.  The
        figures of a period are given in each indicator's ``periods``.
    ikpa : mapping of str to number or NOT_APPLICABLE, optional
        IKPA component scores of the reporting year.
    nka : mapping of str to number, optional
        SMART DJA variables (penyerapan_anggaran, konsistensi, capaian_output,
        efisiensi).
    emonev : mapping of str to number, optional
        The e-Monev progress scale as the report prints it.
    title : str, optional
    classification : {"apbn", "apbd", "apbd-provisional"}, optional
        The chart of accounts of the budget's spending types: the central
        government's (APBN: 51/52/53/57, the default) or the regional
        government's (APBD, Permendagri 90/2019; ``"apbd-provisional"``
        also reads its provisional codes).  Docs page *Budget*.
    schemes : mapping of {"ikpa", "nka"} to Scheme, optional
        Custom scoring schemes (:func:`kinerja.load_scheme`) for the report's
        IKPA or NKA scores and printed figures, in the years each applies
        to; other years use the scheme in force.
    scheme_files : mapping of {"ikpa", "nka"} to str, optional
        The file each custom scheme was read from, as the report file names
        it (written back by :func:`kinerja.dump_report`).
    source : str, optional
        The file the report was read from (``None`` when built in Python or
        read from text): relative ``scheme_files`` start from its directory,
        and :func:`kinerja.save_report` writes them relative to the new file.
        Not part of equality.

    Examples
    --------
    >>> import kinerja
    >>> report = kinerja.example_report()
    >>> report.satker.name, report.year
    ('Balai Pemasyarakatan Kelas II Pangkalpinang', 2023)
    >>> kinerja.round_half_up(report.assess("IKK-1.2").raw)
    Decimal('80.08')
    """

    satker: Satker = attrs.field(validator=instance_of(Satker))
    year: int = attrs.field(validator=year_validator)
    goals: tuple[Goal, ...] = attrs.field(converter=_goals)
    indicators: tuple[IndicatorRecord, ...] = attrs.field(converter=_records)
    policy: AchievementPolicy = attrs.field(factory=AchievementPolicy,
                                            validator=instance_of(AchievementPolicy))
    budget: FrozenMap[str, tuple[BudgetLine, ...]] = attrs.field(factory=FrozenMap,
                                                                 converter=_breakdowns)
    ikpa: FrozenMap[str, Decimal | NotApplicable] | None = attrs.field(default=None,
                                                                      converter=ikpa_scores)
    nka: FrozenMap[str, Decimal] | None = attrs.field(default=None, converter=nka_variables)
    emonev: FrozenMap[str, Decimal] | None = attrs.field(default=None, converter=emonev_scale)
    title: str | None = None
    printed: tuple[PrintedFigure, ...] = attrs.field(default=(), converter=_printed)
    period: str | None = attrs.field(default=None,
                                     converter=attrs.converters.optional(period_key))
    classification: str = attrs.field(default="apbn", converter=_classification)
    schemes: FrozenMap[str, Scheme] = attrs.field(factory=FrozenMap, converter=custom_schemes)
    scheme_files: FrozenMap[str, str] = attrs.field(factory=FrozenMap, converter=scheme_files)
    source: str | None = attrs.field(default=None, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        problems = report_problems(self)
        if problems:
            problems.raise_if_any(f"the report of {self.satker.name} {self.year}")

    def __repr__(self) -> str:
        return (f"Report({self.satker.name!r}, {self.year}: {len(self.indicators)} indicators, "
                f"{sum(len(v) for v in self.budget.values())} budget lines, "
                f"{len(self.printed)} printed figures)")

    def _repr_html_(self) -> str:
        return html_of(self)

    # --- budget-execution scores ----------------------------------------------------

    def scheme(self, family: str, year: int | None = None) -> Scheme:
        """The IKPA or NKA scheme of *year*: the report's custom one if it applies, else the preset.

        >>> import kinerja
        >>> kinerja.example_report().scheme("ikpa").regulation
        'PER-5/PB/2022'
        """
        year = self._year(year)
        custom = self.schemes.get(family)
        if custom is not None and custom.applies_to(year):
            return custom
        if family not in ("ikpa", "nka"):
            raise InvalidValueError("no such family of scores", field="family", value=family,
                                    fix='use "ikpa" or "nka"')
        return ikpa_scheme(year) if family == "ikpa" else nka_scheme(year)

    def ikpa_score(self) -> ScoreResult | None:
        """Score the report's IKPA components under the scheme in force that year.

        >>> import kinerja
        >>> result = kinerja.example_report().ikpa_score()
        >>> result.total, result.category
        (Decimal('99.176'), 'Sangat Baik')
        """
        if self.ikpa is None:
            return None
        return self.scheme("ikpa").score(self.ikpa)

    def nka_score(self) -> ScoreResult | None:
        """Score the report's SMART DJA variables (NKA, provisional weights).

        >>> import kinerja
        >>> kinerja.example_report().nka_score().final
        Decimal('85.24034')
        """
        if self.nka is None:
            return None
        return self.scheme("nka").score(self.nka)

    # --- indicators ----------------------------------------------------------------

    def _year(self, year: int | None) -> int:
        """*year* checked, or the report's year when None."""
        return self.year if year is None else to_year(year)

    def indicator(self, code: str) -> IndicatorRecord:
        """Return the record of the indicator with *code*."""
        if not isinstance(code, str):
            raise InvalidTypeError("an indicator code is text", field="code", value=code,
                                   fix="use one of " + ", ".join(r.code for r in self.indicators))
        for record in self.indicators:
            if record.code == code:
                return record
        raise InvalidValueError("no such indicator in the report", field="code", value=code,
                                fix="use one of " + ", ".join(r.code for r in self.indicators))

    def goal(self, code: str) -> Goal:
        """Return the goal with *code*."""
        for goal in self.goals:
            if goal.code == code:
                return goal
        raise InvalidValueError("no such goal in the report", field="code", value=code,
                                fix="use the code of one of the report's goals (report.goals)")

    def assess(self, code: str, year: int | None = None, *, period: str | None = None
               ) -> AchievementResult:
        """Return the achievement of one indicator in *year* (default: the report's year).

        A year without a realization counts as not reported (status missing).
        With *period* ("TW I", "Semester II", "Maret"), the achievement of that
        period against its own target; a period figure the report does not
        give is "not stated".
        """
        record = self.indicator(code)
        year = self._year(year)
        if period is not None:
            key = period_key(period)
            figures = record.periods.get(year, FrozenMap()).get(key, PeriodFigures())
            return assess(record.indicator, figures.target or NOT_STATED,
                          figures.realization or Realization.not_stated(year),
                          policy=self.policy)
        realization = record.realizations.get(year, Realization.not_reported(year))
        return assess(record.indicator, record.target(year), realization, policy=self.policy)

    def results(self, year: int | None = None) -> list[AchievementResult]:
        """Return the achievement of every indicator in *year* (default: the report's year)."""
        return [self.assess(record.code, year) for record in self.indicators]

    def history(self, code: str) -> list[YearFigures]:
        """Return one indicator's figures year by year (this year against earlier years)."""
        record = self.indicator(code)
        return history(record.indicator, record.targets, record.realizations, plan=record.plan,
                       policy=self.policy)

    def progress(self, code: str, year: int | None = None) -> PlanProgress | None:
        """Return one indicator's progress against its plan, or None without a plan."""
        record = self.indicator(code)
        if record.plan is None:
            return None
        year = self._year(year)
        return progress(record.indicator, record.realizations.get(year), record.plan,
                        policy=self.policy)

    def by_level(self, level: Level | str) -> list[IndicatorRecord]:
        """Return the indicators of one level (strategic, program, activity)."""
        wanted = Level.parse(level)
        return [r for r in self.indicators if r.indicator.level is wanted]

    # --- budget --------------------------------------------------------------------

    def budget_lines(self, breakdown: str, year: int | None = None) -> tuple[BudgetLine, ...]:
        """Return the lines of one budget breakdown, optionally of one year only."""
        if not isinstance(breakdown, str) or breakdown not in self.budget:
            raise InvalidValueError("the report has no such budget breakdown",
                                    field="breakdown", value=breakdown,
                                    fix="use one of " + (", ".join(self.budget) or "(none)"))
        lines = self.budget[breakdown]
        return lines if year is None else tuple(x for x in lines if x.year == to_year(year))

    def budget_total(self, breakdown: str, year: int | None = None) -> BudgetTotal:
        """Return the total of one budget breakdown in *year* (default: the report's year)."""
        return total(self.budget_lines(breakdown, self._year(year)))

    def budget_years(self) -> list[int]:
        """Return the years any budget line is for, in order."""
        return sorted({line.year for lines in self.budget.values() for line in lines})

    def indicator_budget(self, code: str, year: int | None = None) -> BudgetTotal | None:
        """Return the budget attached to an indicator (anggaran per indikator), if any."""
        if "indicator" not in self.budget:
            return None
        lines = [x for x in self.budget_lines("indicator", self._year(year))
                 if x.indicator == code]
        return total(lines) if lines else None

    def years(self) -> list[int]:
        """Return every year with a target or realization, in order."""
        found: set[int] = set()
        for record in self.indicators:
            found |= set(record.targets) | set(record.realizations)
        return sorted(found)
