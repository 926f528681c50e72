"""One satker-year as data: goals, indicators, targets, realizations, plans and budget."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from typing import Any

import attrs

from kinerja._achievement import AchievementPolicy
from kinerja._assessment import AchievementResult, assess
from kinerja._budget import BudgetLine, BudgetTotal, total
from kinerja._figures import Realization, Target
from kinerja._indicator import Indicator, Level
from kinerja._presets import ikpa_scheme, nka_scheme
from kinerja._printed import PrintedFigure
from kinerja._renstra import PlanProgress, Trajectory, YearFigures, history, progress
from kinerja._scoring import ScoreResult
from kinerja._sentinels import NOT_APPLICABLE, NotApplicable
from kinerja._validators import non_empty_text
from kinerja._validators import year as year_validator
from kinerja.exceptions import InvalidValueError, KinerjaError, ValidationError

__all__ = ["Goal", "IndicatorRecord", "Report", "Satker"]

#: Budget breakdowns a report can hold, by the classification every line of it carries.
BREAKDOWNS = ("spending_type", "activity", "program", "output", "account", "indicator")


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


def _target_map(value: Mapping[int, Any]) -> dict[int, Target | NotApplicable]:
    return dict(sorted(value.items()))


def _realization_map(value: Mapping[int, Realization]) -> dict[int, Realization]:
    return dict(sorted(value.items()))


@attrs.frozen(kw_only=True)
class IndicatorRecord:
    """An indicator with everything known about it: agreed targets, realizations, plan.

    Parameters
    ----------
    indicator : Indicator
    goal : str
        The code of the goal it measures.
    targets : mapping of year to Target or NOT_APPLICABLE
        The performance-agreement (PK) targets.
    realizations : mapping of year to Realization
    plan : Trajectory, optional
        The medium-term (Renstra) targets; kept beside the agreed targets
        when they differ, never overwriting them.
    note : str, optional
        Anything a reader should know (how the figures were transcribed).

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

    indicator: Indicator
    goal: str
    targets: dict[int, Target | NotApplicable] = attrs.field(factory=dict, converter=_target_map)
    realizations: dict[int, Realization] = attrs.field(factory=dict,
                                                      converter=_realization_map)
    plan: Trajectory | None = None
    note: str | None = None

    def __attrs_post_init__(self) -> None:
        code = self.indicator.code
        for year, target in self.targets.items():
            if isinstance(target, Target) and target.year != year:
                raise InvalidValueError(f"the target is for {target.year}",
                                        field=f"{code}.targets.{year}", value=target.year)
        for year, realization in self.realizations.items():
            if realization.year != year:
                raise InvalidValueError(f"the realization is for {realization.year}",
                                        field=f"{code}.realizations.{year}",
                                        value=realization.year)

    @property
    def code(self) -> str:
        """The indicator's code."""
        return self.indicator.code

    def target(self, year: int) -> Target | NotApplicable:
        """The agreed target of *year*, or NOT_APPLICABLE when there is none."""
        return self.targets.get(year, NOT_APPLICABLE)


def _goals(value: Iterable[Goal]) -> tuple[Goal, ...]:
    return tuple(value)


def _records(value: Iterable[IndicatorRecord]) -> tuple[IndicatorRecord, ...]:
    return tuple(value)


def _printed(value: Iterable[PrintedFigure]) -> tuple[PrintedFigure, ...]:
    return tuple(value)


def _breakdowns(value: Mapping[str, Sequence[BudgetLine]]) -> dict[str, tuple[BudgetLine, ...]]:
    return {name: tuple(lines) for name, lines in value.items()}


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
    ikpa : mapping of str to number or NOT_APPLICABLE, optional
        IKPA component scores of the reporting year.
    nka : mapping of str to number, optional
        SMART DJA variables (penyerapan_anggaran, konsistensi, capaian_output,
        efisiensi).
    emonev : mapping of str to number, optional
        The e-Monev progress scale as the report prints it.
    title : str, optional

    Examples
    --------
    >>> import kinerja
    >>> report = kinerja.example_report()
    >>> report.satker.name, report.year
    ('Balai Pemasyarakatan Kelas II Pangkalpinang', 2023)
    >>> kinerja.round_half_up(report.assess("IKK-1.2").raw)
    Decimal('80.08')
    """

    satker: Satker
    year: int = attrs.field(validator=year_validator)
    goals: tuple[Goal, ...] = attrs.field(converter=_goals)
    indicators: tuple[IndicatorRecord, ...] = attrs.field(converter=_records)
    policy: AchievementPolicy = attrs.field(factory=AchievementPolicy)
    budget: dict[str, tuple[BudgetLine, ...]] = attrs.field(factory=dict,
                                                           converter=_breakdowns)
    ikpa: dict[str, Decimal | NotApplicable] | None = None
    nka: dict[str, Decimal] | None = None
    emonev: dict[str, Decimal] | None = None
    title: str | None = None
    printed: tuple[PrintedFigure, ...] = attrs.field(default=(), converter=_printed)

    def __attrs_post_init__(self) -> None:
        problems = list(self._problems())
        if problems:
            raise ValidationError(f"{len(problems)} problem(s) in the report of "
                                  f"{self.satker.name} {self.year}", problems)

    def _problems(self) -> list[KinerjaError]:
        problems: list[KinerjaError] = []
        goal_levels: dict[str, Level] = {}
        for i, goal in enumerate(self.goals):
            if goal.code in goal_levels:
                problems.append(InvalidValueError(
                    "duplicate goal code", field=f"goals[{i}].code", value=goal.code,
                    fix="give each goal its own code"))
            goal_levels[goal.code] = goal.level
        codes: set[str] = set()
        for i, record in enumerate(self.indicators):
            where = f"indicators[{i}]"
            if record.code in codes:
                problems.append(InvalidValueError(
                    "duplicate indicator code", field=f"{where}.code", value=record.code,
                    fix="give each indicator its own code"))
            codes.add(record.code)
            level = goal_levels.get(record.goal)
            if level is None:
                problems.append(InvalidValueError(
                    "refers to an unknown goal", field=f"{where}.goal", value=record.goal,
                    fix="use the code of one of the report's goals"))
            elif level is not record.indicator.level:
                problems.append(InvalidValueError(
                    f"a {record.indicator.level.value} indicator under a {level.value} goal",
                    field=f"{where}.level", value=record.indicator.level.value,
                    fix="put the indicator under a goal of its level"))
        for name, lines in self.budget.items():
            if name not in BREAKDOWNS:
                problems.append(InvalidValueError(
                    "unknown budget breakdown", field=f"budget.{name}", value=name,
                    fix="use one of " + ", ".join(BREAKDOWNS)))
                continue
            for j, line in enumerate(lines):
                if getattr(line, name) is None:
                    problems.append(InvalidValueError(
                        f"a line of the {name} breakdown has no {name}",
                        field=f"budget.{name}[{j}].{name}", value=None,
                        fix=f"give the line's {name}"))
                elif name == "indicator" and line.indicator not in codes:
                    problems.append(InvalidValueError(
                        "refers to an unknown indicator", field=f"budget.{name}[{j}].indicator",
                        value=line.indicator, fix="use the code of one of the report's indicators"))
        for section, part, scheme_of in (("ikpa", "components", ikpa_scheme),
                                         ("nka", "variables", nka_scheme)):
            scores = getattr(self, section)
            if scores is None:
                continue
            try:
                keys = scheme_of(self.year).keys
            except KinerjaError as error:
                problems.append(error)
                continue
            for key in scores:
                if key not in keys:
                    problems.append(InvalidValueError(
                        f"not a component of the {section.upper()} scheme of {self.year}",
                        field=f"{section}.{part}.{key}", value=key,
                        fix="use one of " + ", ".join(keys)))
        problems += self._printed_problems(codes)
        return problems

    def _printed_problems(self, codes: set[str]) -> list[KinerjaError]:
        problems: list[KinerjaError] = []
        for i, figure in enumerate(self.printed):
            where = f"printed[{i}]"
            if figure.indicator is not None and figure.indicator not in codes:
                problems.append(InvalidValueError(
                    "refers to an unknown indicator", field=f"{where}.indicator",
                    value=figure.indicator, fix="use the code of one of the report's indicators"))
            if figure.breakdown is not None and figure.breakdown not in self.budget:
                problems.append(InvalidValueError(
                    "refers to a budget breakdown the report does not have",
                    field=f"{where}.breakdown", value=figure.breakdown,
                    fix="use one of " + (", ".join(self.budget) or "(none)")))
            if figure.figure.startswith("ikpa.") and self.ikpa is None:
                problems.append(InvalidValueError(
                    "an IKPA figure in a report without [ikpa] components",
                    field=f"{where}.figure", value=figure.figure, fix="add the components"))
            elif figure.component is not None or figure.aspect is not None:
                scheme = ikpa_scheme(self.year)
                if figure.component is not None and figure.component not in scheme.keys:
                    problems.append(InvalidValueError(
                        "not an IKPA component", field=f"{where}.component",
                        value=figure.component, fix="use one of " + ", ".join(scheme.keys)))
                aspects = [a.name for a in scheme.aspects]
                if figure.aspect is not None and figure.aspect not in aspects:
                    problems.append(InvalidValueError(
                        "not an IKPA aspect", field=f"{where}.aspect", value=figure.aspect,
                        fix="use one of " + ", ".join(aspects)))
        return problems

    def __repr__(self) -> str:
        return (f"Report({self.satker.name!r}, {self.year}: {len(self.indicators)} indicators, "
                f"{sum(len(v) for v in self.budget.values())} budget lines, "
                f"{len(self.printed)} printed figures)")

    def _repr_html_(self) -> str:
        from kinerja._display import report_html

        return report_html(self)

    # --- budget-execution scores ----------------------------------------------------

    def ikpa_score(self) -> ScoreResult | None:
        """Score the report's IKPA components under the scheme in force that year.

        >>> import kinerja
        >>> result = kinerja.example_report().ikpa_score()
        >>> result.total, result.category
        (Decimal('99.176'), 'Sangat Baik')
        """
        if self.ikpa is None:
            return None
        return ikpa_scheme(self.year).score(self.ikpa)

    def nka_score(self) -> ScoreResult | None:
        """Score the report's SMART DJA variables (NKA, provisional weights).

        >>> import kinerja
        >>> kinerja.example_report().nka_score().final
        Decimal('85.24034')
        """
        if self.nka is None:
            return None
        return nka_scheme(self.year).score(self.nka)

    # --- indicators ----------------------------------------------------------------

    def indicator(self, code: str) -> IndicatorRecord:
        """Return the record of the indicator with *code*."""
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
        raise InvalidValueError("no such goal in the report", field="code", value=code)

    def assess(self, code: str, year: int | None = None) -> AchievementResult:
        """Return the achievement of one indicator in *year* (default: the report's year).

        A year without a realization counts as not reported (status missing).
        """
        record = self.indicator(code)
        year = self.year if year is None else year
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
        year = self.year if year is None else year
        return progress(record.indicator, record.realizations.get(year), record.plan,
                        policy=self.policy)

    def by_level(self, level: Level | str) -> list[IndicatorRecord]:
        """Return the indicators of one level (strategic, program, activity)."""
        wanted = Level.parse(level)
        return [r for r in self.indicators if r.indicator.level is wanted]

    # --- budget --------------------------------------------------------------------

    def budget_lines(self, breakdown: str, year: int | None = None) -> tuple[BudgetLine, ...]:
        """Return the lines of one budget breakdown, optionally of one year only."""
        if breakdown not in self.budget:
            raise InvalidValueError("the report has no such budget breakdown",
                                    field="breakdown", value=breakdown,
                                    fix="use one of " + (", ".join(self.budget) or "(none)"))
        lines = self.budget[breakdown]
        return lines if year is None else tuple(x for x in lines if x.year == year)

    def budget_total(self, breakdown: str, year: int | None = None) -> BudgetTotal:
        """Return the total of one budget breakdown in *year* (default: the report's year)."""
        return total(self.budget_lines(breakdown, self.year if year is None else year))

    def budget_years(self) -> list[int]:
        """Return the years any budget line is for, in order."""
        return sorted({line.year for lines in self.budget.values() for line in lines})

    def indicator_budget(self, code: str, year: int | None = None) -> BudgetTotal | None:
        """Return the budget attached to an indicator (anggaran per indikator), if any."""
        if "indicator" not in self.budget:
            return None
        lines = [x for x in self.budget_lines("indicator", self.year if year is None else year)
                 if x.indicator == code]
        return total(lines) if lines else None

    def years(self) -> list[int]:
        """Return every year with a target or realization, in order."""
        found: set[int] = set()
        for record in self.indicators:
            found |= set(record.targets) | set(record.realizations)
        return sorted(found)
