"""The audit: recompute every printed figure of a report and explain each discrepancy.

Each printed figure is compared with the figure recomputed from the report's
inputs, at the precision it is printed with (half-up rounding): a figure
that is right under the report's conventions (its cap, rounding to whole
percent) gives no error.  A wrong figure gives one finding, whose rule names
the likely mistake when one of the usual ones reproduces the printed figure
(:mod:`kinerja.auditing._diagnosis`).  This module checks the indicator figures
and puts the findings together; budget figures and scores are checked in
:mod:`kinerja.auditing._amounts`.  Docs page *The audit* (``docs/audit.md``).
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal
from typing import Any

from kinerja.auditing._amounts import check_budget, no_figure
from kinerja.auditing._claims import (
    achievement_mean,
    change,
    ckk,
    period_summary,
    share,
    unit_mismatch,
)
from kinerja.auditing._compare import Outcome, Part, compare, exact_text, matches, part
from kinerja.auditing._diagnosis import AchievementCheck
from kinerja.auditing._findings import AuditResult, Finding, Severity
from kinerja.auditing._lke import LkeChecks
from kinerja.auditing._messages import (
    ACHIEVEMENT,
    AGREEMENT,
    BUDGET,
    COUNTS,
    KINERJA,
    MISSING,
    OWN_FIGURES,
    PLAN,
)
from kinerja.auditing._scores import ScoreChecks
from kinerja.core._notation import Numeral, format_plain
from kinerja.core._rounding import significant_places
from kinerja.core._sentinels import NOT_STATED, NotApplicable, NotStated
from kinerja.core._units import UnitKind
from kinerja.core._validators import trusted
from kinerja.exceptions import InvalidTypeError, KinerjaError, UndefinedRatioError, ZeroTargetError
from kinerja.indicators._figures import Realization, Target
from kinerja.report._model import IndicatorRecord, Report
from kinerja.report._printed import WORD_FIGURES, PrintedFigure

__all__ = ["Auditor", "Others", "audit"]


class Auditor:
    """Recomputes one report's printed figures."""

    def __init__(self, report: Report) -> None:
        self.report = report
        self.policy = report.policy
        self.groups: dict[tuple[Any, ...], list[PrintedFigure]] = defaultdict(list)
        for figure in report.printed:
            self.groups[self._identity(figure)].append(figure)
        self._others: dict[tuple[Any, ...], Others] = {}
        self._printed_inputs: dict[tuple[Any, ...], list[tuple[Decimal, str]]] | None = None
        self._contexts: dict[tuple[str, int, int], AchievementCheck | Outcome] = {}
        self._scores = ScoreChecks(report)
        self._lke = LkeChecks(report)
        self._views: dict[tuple[str, int, str], IndicatorRecord | None] = {}

    def _identity(self, figure: PrintedFigure) -> tuple[Any, ...]:
        return figure.identity(default_year=self.report.year)

    # --- entry points --------------------------------------------------------------

    def run(self) -> AuditResult:
        """Check every printed figure, then the inputs; errors first."""
        findings = []
        for figure in self.report.printed:
            finding = self._audit_one(figure)
            if finding is not None:
                findings.append(finding)
        findings += self._input_findings()
        findings.sort(key=lambda f: f.severity.rank)
        title = self.report.title or f"{self.report.year}"
        return AuditResult(name=self.report.satker.name, title=title, year=self.report.year,
                           printed_count=len(self.report.printed), findings=tuple(findings))

    def _audit_one(self, figure: PrintedFigure) -> Finding | None:
        """The finding of one printed figure; a failure to check it is a finding of its own.

        The safety net: whatever goes wrong while checking one figure (a gap in
        kinerja's checks) is reported at that figure, with the exception's type
        and message, and the rest of the report is still audited.
        """
        try:
            outcome = self.check(figure)
            return None if outcome is None else self._finding(figure, outcome)
        except Exception as error:  # the safety net: one figure never stops the audit
            return self._unchecked(figure, error)

    def _unchecked(self, figure: PrintedFigure, error: Exception) -> Finding:
        """The warning for a figure whose check raised *error*."""
        try:
            detail = f"{type(error).__name__}: {error}"
        except Exception:  # an exception whose str() fails is still named
            detail = type(error).__name__
        return Finding(rule="check-failed", severity=Severity.WARNING, location=figure.where,
                       subject=self._subject(figure), printed=figure.text, expected="n/a",
                       source=KINERJA,
                       parts=(part("unchecked", kind=figure.figure, text=figure.text,
                                   where=figure.where, error=detail),))

    def check(self, figure: PrintedFigure) -> Outcome | None:
        """The outcome of one printed figure (``None``: it is right)."""
        year = figure.year or self.report.year
        if figure.indicator is not None:
            record = self.report.indicator(figure.indicator)
            if figure.period is not None:
                view = self._period_view(record, year, figure.period)
                if view is None:
                    return no_figure(f"figures of {figure.period}", year)
                record = view
            return self._indicator(figure, record, year)
        if figure.figure.startswith("lke."):
            return self._lke.check(figure)
        if figure.figure == "share":
            return share(figure)
        if figure.figure == "achievement_mean":
            return achievement_mean(self.report, figure, year)
        if figure.figure == "ckk":
            return ckk(self.report, figure, year)
        if figure.breakdown is not None:
            return check_budget(self.report, figure, year)
        return self._scores.check(figure)

    def _period_view(self, record: IndicatorRecord, year: int, period: str
                     ) -> IndicatorRecord | None:
        """The record as seen in one period: the period's target and realization as the year's.

        A period without a target or a realization leaves it "not stated" (its
        figures cannot be checked), never missing.
        """
        key = (record.code, year, period)
        if key not in self._views:
            periods = record.periods.get(year)
            figures = None if periods is None else periods.get(period)
            self._views[key] = None if figures is None else IndicatorRecord(
                indicator=record.indicator, goal=record.goal,
                targets={year: figures.target or NOT_STATED},
                realizations={year: figures.realization or Realization.not_stated(year)})
        return self._views[key]

    def _finding(self, figure: PrintedFigure, outcome: Outcome) -> Finding:
        parts = list(outcome.parts)
        if outcome.severity is not Severity.INFO:
            identity = self._identity(figure)
            others = self._others.get(identity)
            if others is None:
                others = self._others[identity] = Others(self.groups[identity])
            shown, more = others.differing(figure)
            if shown:
                named = "; ".join(f"{o.text!r} ({o.where})" for o in shown)
                parts.append(part("also_more", others=named, more=more) if more
                             else part("also", others=named))
        return trusted(Finding, rule=outcome.rule, severity=outcome.severity,
                       location=figure.where, subject=self._subject(figure),
                       printed=figure.text, expected=outcome.expected, source=outcome.source,
                       parts=tuple(parts), exact=outcome.exact)

    def _subject(self, figure: PrintedFigure) -> str:
        year = figure.year or self.report.year
        family = figure.figure.split(".")[0]
        default = (family.upper() if family in ("ikpa", "nka", "lke")
                   else self.report.satker.name)  # a share, a mean of all indicators
        about = (figure.indicator or figure.goal or figure.line or figure.component
                 or figure.aspect or default)
        if figure.breakdown is not None and figure.line is not None:
            about = f"{figure.breakdown} {figure.line}"
        when = f"{year} {figure.period}" if figure.period else f"{year}"
        return f"{about}: {figure.figure} {when}"

    def _input_findings(self) -> list[Finding]:
        findings = []
        for name, lines in self.report.budget.items():
            for j, line in enumerate(lines):
                if line.over_pagu:
                    # Over pagu implies both amounts are stated (budget/_lines.py).
                    assert isinstance(line.pagu, int) and isinstance(line.realization, int)
                    findings.append(Finding(
                        rule="budget-over-pagu", severity=Severity.WARNING,
                        location=f"budget.{name}[{j}]", subject=line.describe(),
                        printed=str(line.realization), expected=str(line.pagu), source=BUDGET,
                        parts=(part("line_over_pagu",
                                    spending=Numeral(Decimal(line.realization), 0),
                                    pagu=Numeral(Decimal(line.pagu), 0),
                                    excess=Numeral(Decimal(line.realization - line.pagu),
                                                   0)),)))
        return findings

    def _printed_values(self, indicator: str, kind: str, year: int
                        ) -> list[tuple[Decimal, str]]:
        """The values printed for an indicator-year as *kind*, each with its first place.

        The index of every printed target and realization is built once, in one
        pass over the printed figures; a value printed in several places is
        named once, where it is first printed.
        """
        if self._printed_inputs is None:
            index: dict[tuple[Any, ...], dict[Decimal, str]] = defaultdict(dict)
            for other in self.report.printed:
                if other.figure in ("target", "realization") and other.indicator is not None:
                    key = (other.figure, other.indicator, other.year or self.report.year)
                    index[key].setdefault(other.numbers()[0].value, other.where)
            self._printed_inputs = {key: list(values.items()) for key, values in index.items()}
        return self._printed_inputs.get((kind, indicator, year), [])

    # --- indicators ----------------------------------------------------------------

    def _indicator(self, figure: PrintedFigure, record: IndicatorRecord,
                   year: int) -> Outcome | None:
        kind = figure.figure
        if kind == "change":
            return change(figure, record, year)
        number = figure.numbers()[0]
        unit = record.indicator.unit.suffix
        target_or_not = record.target(year)
        realization_given = record.realizations.get(year)
        unstated = _unstated(kind, target_or_not, realization_given)
        if unstated is not None:
            return Outcome("cannot-check", Severity.INFO, "n/a",
                           (part("not_stated", what=unstated, year=year,
                                 what_id={"agreed target": "target perjanjian kinerja",
                                          "realization": "realisasi"}[unstated]),),
                           OWN_FIGURES)
        if kind in ("achievement", "achievement_raw"):
            return self._achievement(figure, record, year)
        mismatch = unit_mismatch(figure, record.indicator.unit)
        if mismatch is not None:
            return mismatch
        if kind == "achievement_final":
            return self._achievement_final(figure, record, year)
        if kind in ("period_total", "period_mean"):
            return period_summary(figure, record, year)
        if kind == "target":
            target = record.target(year)
            if isinstance(target, NotApplicable | NotStated):
                return no_figure("agreed target", year)
            if target.is_range:
                return self._range_target(figure, target, year, unit)
            return compare(number, target.bounds[0], rule="target-mismatch",
                           source=AGREEMENT.format(year=year), template="target",
                           params={"year": year, "unit": unit},
                           places=significant_places(target.bounds[0]))
        if kind == "plan_target":
            plan_target = record.plan.targets.get(year) if record.plan else None
            if plan_target is None:
                return no_figure("plan target", year)
            return compare(number, plan_target.bounds[0], rule="plan-target-mismatch",
                           source=record.plan.source or PLAN if record.plan else PLAN,
                           template="plan_target", params={"year": year, "unit": unit},
                           places=significant_places(plan_target.bounds[0]))
        realization = record.realizations.get(year)
        if realization is None or realization.value is None:
            return no_figure("realization", year)
        if kind == "realization":
            if realization.has_counts and record.indicator.unit.kind is UnitKind.RATE:
                return compare(number, realization.value, rule="realization-counts",
                               source=COUNTS, template="realization_rate",
                               params={"num": realization.numerator,
                                       "den": realization.denominator,
                                       "scale": Numeral(Decimal(record.indicator.unit.scale
                                                                or 1), 0),
                                       "unit": str(record.indicator.unit)})
            if realization.has_counts:
                return compare(number, realization.value, rule="realization-counts",
                               source=COUNTS, template="realization_counts",
                               params={"num": realization.numerator,
                                       "den": realization.denominator})
            return compare(number, realization.value, rule="realization-mismatch",
                           source=COUNTS, template="realization", params={},
                           places=significant_places(realization.value))
        if not realization.has_counts:
            return no_figure("counts", year)
        assert realization.numerator is not None and realization.denominator is not None
        values = {"numerator": realization.numerator, "denominator": realization.denominator,
                  "complement": realization.denominator - realization.numerator}
        if kind == "complement":
            return compare(number, values[kind], rule="counts", source=COUNTS,
                           template="complement", places=0,
                           params={"num": realization.numerator,
                                   "den": realization.denominator})
        return compare(number, values[kind], rule="counts", source=COUNTS, template="counts",
                       params={"which": kind}, places=0)

    def _range_target(self, figure: PrintedFigure, target: Target, year: int,
                      unit: str) -> Outcome | None:
        """A printed range target: both bounds checked; a single number against the low one."""
        low, high = target.bounds
        printed = figure.range_numbers()
        pairs = [("low", printed[0], low), ("high", printed[1], high)] if printed \
            else [("low", figure.numbers()[0], low)]
        for which, number, bound in pairs:
            outcome = compare(number, bound, rule="target-mismatch",
                              source=AGREEMENT.format(year=year), template="range_bound",
                              params={"year": year, "unit": unit, "which": which,
                                      "which_id": "bawah" if which == "low" else "atas",
                                      "low": Numeral(low, significant_places(low)),
                                      "high": Numeral(high, significant_places(high))},
                              places=significant_places(bound))
            if outcome is not None:
                return outcome
        return None

    def _achievement_final(self, figure: PrintedFigure, record: IndicatorRecord,
                           year: int) -> Outcome | None:
        """The achievement of *year* against the Renstra's final-year target."""
        progress = self.report.progress(record.code, year)
        if progress is None or progress.achievement_final is None:
            return no_figure("plan target", year)
        final = record.plan.targets[max(record.plan.targets)] if record.plan else None
        return compare(figure.numbers()[0], progress.achievement_final, rule="achievement-final",
                       source=PLAN, template="achievement_final",
                       params={"final_year": max(record.plan.targets) if record.plan else year,
                               "target": str(final)})

    def _achievement(self, figure: PrintedFigure, record: IndicatorRecord,
                     year: int) -> Outcome | None:
        target = record.target(year)
        if isinstance(target, NotStated):
            return no_figure("agreed target", year)
        if isinstance(target, NotApplicable):
            return Outcome("achievement-no-target", Severity.ERROR, "n/a",
                           (part("no_target", year=year),), AGREEMENT.format(year=year))
        realization = record.realizations.get(year)
        if realization is None or realization.value is None:
            return Outcome("unverifiable", Severity.WARNING, "n/a", (part("missing"),), MISSING)
        context = self._context(record, realization, target, year)
        if isinstance(context, Outcome):
            return context
        raw, capped = context.raw, context.capped
        first, converted = figure.numbers()
        if figure.figure == "achievement_raw":
            return context.check(first, use_cap=False)
        if converted is None:
            outcomes = [context.check(first, use_cap=True)]
        else:
            # "X% (Konversi Y)": X is the raw figure, or already the reported one
            # ("120%*(Konversi 120)" for a raw 252.10 % under the 120 % cap).
            outcomes = [None if matches(first, capped) else context.check(first, use_cap=False),
                        context.check(converted, use_cap=True)]
        found = [o for o in outcomes if o is not None]
        if not found:
            if self.policy.cap is None or raw <= capped:
                return None
            return Outcome("cap-applied", Severity.INFO, format_plain(capped, first.places),
                           (part("cap_applied", raw=Numeral(raw), cap=Numeral(capped, 0)),),
                           self.policy.cap.source or context.source, exact_text(capped))
        worst = min(found, key=lambda o: o.severity.rank)
        parts: list[Part] = []
        for outcome in found:
            parts += [p for p in outcome.parts if p not in parts]
        return Outcome(worst.rule, worst.severity, worst.expected, tuple(parts), worst.source,
                       worst.exact)

    def _context(self, record: IndicatorRecord, realization: Realization, target: Target,
                 year: int) -> AchievementCheck | Outcome:
        """The achievement check of an indicator-year (made once), or why there is none."""
        key = (record.code, year, id(record))  # a period's view is a record of its own
        if key not in self._contexts:
            try:
                self._contexts[key] = AchievementCheck(
                    realization, target, record.indicator.polarity, self.policy,
                    printed_targets=self._printed_values(record.code, "target", year),
                    printed_realizations=self._printed_values(record.code, "realization",
                                                              year))
            except (UndefinedRatioError, ZeroTargetError) as error:
                self._contexts[key] = Outcome("unverifiable", Severity.WARNING, "n/a",
                                              (part("undefined", error=str(error)),),
                                              ACHIEVEMENT)
        return self._contexts[key]


def _unstated(kind: str, target: Any, realization: Realization | None) -> str | None:
    """What a printed indicator figure depends on that the document does not state, if any."""
    needs_target = kind in ("target", "achievement", "achievement_raw")
    needs_realization = kind not in ("target", "plan_target")
    if needs_target and isinstance(target, NotStated):
        return "agreed target"
    if needs_realization and realization is not None and realization.is_not_stated:
        return "realization"
    return None


#: How many other places a finding names ("also printed as ...").
SHOWN = 10


class Others:
    """The figures of one identity, to name those printed differently from a given one.

    A finding names up to :data:`SHOWN` other places that print its figure
    differently, in the report's order, and counts the rest.  The group is
    read once (each figure's value parsed once), and each figure's list is
    drawn from at most ``SHOWN`` figures per value, so a group of *n* figures
    costs O(n · SHOWN), not O(n²).
    """

    def __init__(self, figures: list[PrintedFigure]) -> None:
        self.values = [_value(f) for f in figures]
        self.counts: dict[Any, int] = defaultdict(int)
        self.candidates: list[tuple[int, PrintedFigure]] = []
        kept: dict[Any, int] = defaultdict(int)
        self.position = {id(f): i for i, f in enumerate(figures)}
        self.size = len(figures)
        for i, (figure, value) in enumerate(zip(figures, self.values, strict=True)):
            self.counts[value] += 1
            if kept[value] < SHOWN:
                kept[value] += 1
                self.candidates.append((i, figure))

    def differing(self, figure: PrintedFigure) -> tuple[list[PrintedFigure], int]:
        """Up to SHOWN figures printed differently from *figure*, and how many more there are."""
        mine = self.values[self.position[id(figure)]]
        shown = []
        for i, other in self.candidates:
            if self.values[i] != mine:
                shown.append(other)
                if len(shown) == SHOWN:
                    break
        return shown, self.size - self.counts[mine] - len(shown)


def _value(figure: PrintedFigure) -> Any:
    """What two printed figures of one identity must agree on: the number, or the words."""
    if figure.figure in WORD_FIGURES:
        return " ".join(figure.text.split()).casefold()
    try:
        return figure.numbers()[0].value
    except KinerjaError:
        return " ".join(figure.text.split()).casefold()


def audit(report: Report) -> AuditResult:
    """Recompute every printed figure of *report* and list the discrepancies.

    Parameters
    ----------
    report : Report
        A report with its printed figures (``report.printed``).

    Returns
    -------
    AuditResult
        The findings, errors first: each with a rule id, a severity, the
        location, the printed string, the recomputed figure, an explanation
        (English or Indonesian) and the rule's source.

    Notes
    -----
    Severities: *error*, the arithmetic or the rule is wrong; *warning*, a
    rounding or notation variant (truncation instead of half-up rounding, a
    result computed from an already rounded realization, mixed separators)
    or a figure that cannot be checked; *info*, a convention applied (the cap).
    A printed figure is right when it equals the recomputed figure rounded
    half up to the decimals it is printed with.  Each printed figure gives at
    most one finding, so a wrong figure is reported once, where it stands
    (with the other places that print the same figure differently).

    Examples
    --------
    >>> import kinerja
    >>> result = kinerja.audit(kinerja.example_report())
    >>> finding = [f for f in result if f.rule == "achievement-polarity"][0]
    >>> finding.location, finding.printed, finding.expected
    ('Ikhtisar Eksekutif, butir 7', '120 %', '80')
    >>> print(finding.message("en"))
    The indicator is lower-is-better, but the printed figure is R / T = 119.92 % \
(polarity ignored): a realization worse than the target cannot score above 100 %. \
With (2 − R / T) × 100 it is 80.08 %.
    """
    if not isinstance(report, Report):
        raise InvalidTypeError(f"expected a kinerja.Report, not {type(report).__name__}",
                               field="report", value=report,
                               fix="load one with kinerja.load_report(path)")
    return Auditor(report).run()
