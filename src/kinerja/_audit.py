"""The audit: recompute every printed figure of a report and explain each discrepancy (SPEC 10).

Each printed figure is compared with the figure recomputed from the report's
inputs, at the precision it is printed with (half-up rounding): a figure
that is right under the report's conventions (its cap, rounding to whole
percent) gives no error.  A wrong figure gives one finding, whose rule names
the likely mistake when one of the usual ones reproduces the printed figure:
polarity ignored, cap not applied, a target or realization taken from
another table, a result computed from an already rounded realization,
truncation instead of rounding.
"""

from __future__ import annotations

import decimal
from collections import defaultdict
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import attrs

from kinerja._achievement import FORMULAS, ratio
from kinerja._assessment import unit_suffix
from kinerja._budget import BudgetLine, SpendingType, total
from kinerja._convert import exact
from kinerja._figures import Target
from kinerja._findings import AuditResult, Finding, Severity
from kinerja._ops import SCALAR
from kinerja._polarity import Polarity
from kinerja._printed import PrintedFigure, PrintedNumber
from kinerja._report import IndicatorRecord, Report
from kinerja._rounding import round_half_up, significant_places
from kinerja._scoring import ScoreResult
from kinerja._sentinels import NotApplicable
from kinerja.exceptions import InvalidTypeError, KinerjaError

__all__ = ["audit"]

_ROUNDING = "SPEC 2: figures are rounded half up (spreadsheet ROUND), never truncated"
_NOTATION = "SPEC 2: Indonesian number notation (dot groups thousands, comma marks decimals)"
_COUNTS = "SPEC 3, ratio indicators: realization = numerator / denominator × 100"
_BUDGET = ("SPEC 5: sisa = pagu − realisasi; penyerapan = realisasi / pagu × 100 "
           "(PMK 214/PMK.02/2017)")
_AGREEMENT = "Perjanjian Kinerja {year} (PermenPAN-RB 53/2014): the agreed target"
_PLAN = "the medium-term plan (Renstra)"

# Message templates: (English, Indonesian).
T: dict[str, tuple[str, str]] = {
    "cap_applied": (
        "The raw achievement {raw} % is reported as {cap} % under the report's {cap} % "
        "convention.",
        "Capaian {raw} % dilaporkan {cap} % sesuai konvensi konversi {cap} % laporan ini."),
    "achievement": (
        "The achievement is {expected} % ({formula} with R = {r}{counts}, T = {t}).",
        "Capaian seharusnya {expected} % ({formula} dengan R = {r}{counts}, T = {t})."),
    "polarity": (
        "The indicator is lower-is-better, but the printed figure is R / T = {wrong} % "
        "(polarity ignored): a realization worse than the target cannot score above 100 %. "
        "With (2 − R / T) × 100 it is {expected} %.",
        "Indikator ini berpolaritas negatif, tetapi angka tercetak dihitung R / T = {wrong} % "
        "(polaritas diabaikan). Dengan (2 − R / T) × 100 capaiannya {expected} %."),
    "cap": (
        "The report converts achievements above {cap} % to {cap} %, but prints the raw "
        "{raw} % here (cap not applied); reported it is {expected} %.",
        "Laporan ini mengonversi capaian di atas {cap} % menjadi {cap} %, tetapi di sini "
        "mencetak capaian mentah {raw} % (konversi tidak diterapkan); seharusnya {expected} %."),
    "target_other": (
        "The printed figure uses the target {other} printed in {where}; the agreed target "
        "{t} gives {expected} %.",
        "Angka tercetak memakai target {other} yang tercetak di {where}; target perjanjian "
        "kinerja {t} memberi {expected} %."),
    "realization_other": (
        "The printed figure uses the realization {other} printed in {where}; the realization "
        "{r}{counts} gives {expected} %.",
        "Angka tercetak memakai realisasi {other} yang tercetak di {where}; realisasi "
        "{r}{counts} memberi {expected} %."),
    "rounded_input": (
        "The printed figure was computed from the realization rounded to {other}; from the "
        "exact realization {r}{counts} it is {expected} %.",
        "Angka tercetak dihitung dari realisasi yang sudah dibulatkan ({other}); dari "
        "realisasi {r}{counts} hasilnya {expected} %."),
    "truncated": (
        "The figure is truncated instead of rounded half up: {expected}.",
        "Angka dipotong, bukan dibulatkan ke atas pada setengah: {expected}."),
    "realization_counts": (
        "{num} of {den} is {expected} %.",
        "{num} dari {den} adalah {expected} %."),
    "realization": (
        "The realization is {expected}.", "Realisasinya {expected}."),
    "counts": (
        "The report's counts give {which} = {expected}.",
        "Data laporan memberi {which} = {expected}."),
    "complement": (
        "{den} − {num} = {expected}.", "{den} − {num} = {expected}."),
    "target": (
        "The performance agreement sets {expected}{unit} for {year}.",
        "Perjanjian kinerja menetapkan {expected}{unit} untuk {year}."),
    "plan_target": (
        "The plan sets {expected}{unit} for {year}.",
        "Renstra menetapkan {expected}{unit} untuk {year}."),
    "no_target": (
        "The indicator has no agreed target for {year}, so it has no achievement that year.",
        "Indikator ini tidak memiliki target perjanjian kinerja {year}, jadi tidak ada "
        "capaian tahun itu."),
    "no_figure": (
        "The report gives no {what} for {year} to check this against (a mislabelled year?).",
        "Laporan tidak memuat {what} tahun {year} untuk memeriksa angka ini (salah label "
        "tahun?)."),
    "missing": (
        "The realization is not reported, so the printed achievement cannot be checked.",
        "Realisasinya tidak dilaporkan, sehingga capaian tercetak tidak dapat diperiksa."),
    "budget_line": (
        "The line's {what} is {expected}.", "{what} baris ini {expected}."),
    "budget_total": (
        "The lines sum to {expected}.", "Jumlah baris-barisnya {expected}."),
    "other_year": (
        "The printed figure is the total of {year}.",
        "Angka tercetak adalah total tahun {year}."),
    "over_pagu": (
        "The printed spending is above the pagu {pagu}.",
        "Realisasi tercetak melebihi pagu {pagu}."),
    "remainder": (
        "{pagu} − {spending} = {expected}.", "{pagu} − {spending} = {expected}."),
    "absorption": (
        "{spending} / {pagu} × 100 = {expected} %.", "{spending} / {pagu} × 100 = {expected} %."),
    "na_as_zero": (
        "The pagu is 0: there is no absorption to report (not applicable), which is not 0 %.",
        "Pagu 0: tidak ada penyerapan (tidak berlaku), bukan 0 %."),
    "notation": (
        "The value is right but written with {detail}.",
        "Nilainya benar tetapi ditulis dengan {detail}."),
    "ikpa": (
        "Recomputed under {regulation}: {what} = {expected}.",
        "Dihitung ulang menurut {regulation}: {what} = {expected}."),
    "also": (
        "Also printed as {others}.", "Juga tercetak sebagai {others}."),
    "line_over_pagu": (
        "Spending {spending} exceeds the pagu {pagu} by {excess} (pagu minus).",
        "Realisasi {spending} melebihi pagu {pagu} sebesar {excess} (pagu minus)."),
    "unknown_line": (
        "The breakdown has no such line in {year}.",
        "Rincian anggaran tidak memuat baris ini pada {year}."),
}


@attrs.frozen
class _Outcome:
    """What one comparison found: its rule, severity, expected figure and explanation."""

    rule: str
    severity: Severity
    expected: str
    parts: tuple[tuple[tuple[str, str], dict[str, Any]], ...]
    source: str


def _n(value: Decimal, places: int = 2) -> tuple[Decimal, int]:
    """A number for a message, shown with *places* decimals."""
    return (value, places)


def _plain(value: Decimal, places: int) -> str:
    """Plain notation for the 'expected' column: '80.08', '4100202041'."""
    return f"{round_half_up(value, places):f}"


def _matches(number: PrintedNumber, value: Decimal) -> bool:
    return number.value == round_half_up(value, number.places)


def _truncated(number: PrintedNumber, value: Decimal) -> bool:
    quantum = Decimal(1).scaleb(-number.places)
    with exact():
        return number.value == value.quantize(quantum, rounding=decimal.ROUND_DOWN)


def _close(number: PrintedNumber, value: Decimal) -> bool:
    return _matches(number, value) or _truncated(number, value)


class _Auditor:
    """Recomputes one report's printed figures."""

    def __init__(self, report: Report) -> None:
        self.report = report
        self.policy = report.policy
        self.groups: dict[tuple[Any, ...], list[PrintedFigure]] = defaultdict(list)
        for figure in report.printed:
            self.groups[self._identity(figure)].append(figure)
        self._ikpa: ScoreResult | None = None

    def _identity(self, figure: PrintedFigure) -> tuple[Any, ...]:
        return attrs.evolve(figure, year=figure.year or self.report.year).identity()

    # --- entry points --------------------------------------------------------------

    def run(self) -> AuditResult:
        findings = []
        for figure in self.report.printed:
            outcome = self.check(figure)
            if outcome is not None:
                findings.append(self._finding(figure, outcome))
        findings += self._input_findings()
        findings.sort(key=lambda f: f.severity.rank)
        title = self.report.title or f"{self.report.year}"
        return AuditResult(name=self.report.satker.name, title=title, year=self.report.year,
                           printed_count=len(self.report.printed), findings=tuple(findings))

    def check(self, figure: PrintedFigure) -> _Outcome | None:
        year = figure.year or self.report.year
        kind = figure.figure
        if figure.indicator is not None:
            return self._indicator(figure, self.report.indicator(figure.indicator), year)
        if figure.breakdown is not None:
            return self._budget(figure, year)
        if kind.startswith("ikpa."):
            return self._ikpa_figure(figure)
        return self._nka(figure)

    def _finding(self, figure: PrintedFigure, outcome: _Outcome) -> Finding:
        parts = list(outcome.parts)
        others = [f"{o.text!r} ({o.where})" for o in self.groups[self._identity(figure)]
                  if o is not figure and o.numbers()[0].value != figure.numbers()[0].value]
        if others and outcome.severity is not Severity.INFO:
            parts.append((T["also"], {"others": "; ".join(others)}))
        return Finding(rule=outcome.rule, severity=outcome.severity, location=figure.where,
                       subject=self._subject(figure), printed=figure.text,
                       expected=outcome.expected, source=outcome.source, parts=tuple(parts))

    def _subject(self, figure: PrintedFigure) -> str:
        year = figure.year or self.report.year
        about = figure.indicator or figure.line or figure.component or figure.aspect or "IKPA"
        if figure.breakdown is not None and figure.line is not None:
            about = f"{figure.breakdown} {figure.line}"
        return f"{about}: {figure.figure} {year}"

    def _input_findings(self) -> list[Finding]:
        findings = []
        for name, lines in self.report.budget.items():
            for j, line in enumerate(lines):
                if line.over_pagu:
                    params = {"spending": _n(Decimal(line.realization), 0),
                              "pagu": _n(Decimal(line.pagu), 0),
                              "excess": _n(Decimal(-line.remainder), 0)}
                    findings.append(Finding(
                        rule="budget-over-pagu", severity=Severity.WARNING,
                        location=f"budget.{name}[{j}]", subject=line.describe(),
                        printed=str(line.realization), expected=str(line.pagu), source=_BUDGET,
                        parts=((T["line_over_pagu"], params),)))
        return findings

    # --- helpers -------------------------------------------------------------------

    def _numeric(self, figure: PrintedFigure | PrintedNumber, value: Decimal, *, rule: str,
                 source: str, template: str, params: dict[str, Any], places: int = 2,
                 diagnose: Callable[[PrintedNumber], _Outcome | None] | None = None,
                 ) -> _Outcome | None:
        """Compare a printed number with its recomputed value; name the mistake.

        In order: right (at the printed decimals), or right but oddly written
        (a notation warning); else the first usual mistake *diagnose* finds;
        else truncated instead of rounded; else an error of *rule*.
        """
        number = figure.numbers()[0] if isinstance(figure, PrintedFigure) else figure
        shown = max(places, number.places)
        expected = _plain(value, shown)
        params = {"expected": _n(value, shown)} | params
        if _matches(number, value):
            if number.notation:
                return _Outcome("notation", Severity.WARNING, expected,
                                ((T["notation"], {"detail": number.notation}),), _NOTATION)
            return None
        if diagnose is not None:
            found = diagnose(number)
            if found is not None:
                return found
        if _truncated(number, value):
            return _Outcome("rounding-truncated", Severity.WARNING, expected,
                            ((T["truncated"], {"expected": _n(value, number.places)}),),
                            _ROUNDING)
        return _Outcome(rule, Severity.ERROR, expected, ((T[template], params),), source)

    def _printed_values(self, figure: PrintedFigure, kind: str, year: int
                        ) -> list[tuple[Decimal, str]]:
        """Values printed elsewhere for the same indicator-year as *kind*."""
        out = []
        for other in self.report.printed:
            if (other.figure == kind and other.indicator == figure.indicator
                    and (other.year or self.report.year) == year):
                out.append((other.numbers()[0].value, other.where))
        return out

    # --- indicators ----------------------------------------------------------------

    def _indicator(self, figure: PrintedFigure, record: IndicatorRecord,
                   year: int) -> _Outcome | None:
        kind = figure.figure
        if kind in ("achievement", "achievement_raw"):
            return self._achievement(figure, record, year)
        if kind == "target":
            target = record.target(year)
            if isinstance(target, NotApplicable):
                return self._no_figure(figure, "agreed target", year)
            return self._numeric(figure, target.bounds[0], rule="target-mismatch",
                                 source=_AGREEMENT.format(year=year), template="target",
                                 params={"year": year, "unit": unit_suffix(record.indicator)},
                                 places=significant_places(target.bounds[0]))
        if kind == "plan_target":
            plan_target = record.plan.targets.get(year) if record.plan else None
            if plan_target is None:
                return self._no_figure(figure, "plan target", year)
            return self._numeric(figure, plan_target.bounds[0], rule="plan-target-mismatch",
                                 source=record.plan.source or _PLAN if record.plan else _PLAN,
                                 template="plan_target",
                                 params={"year": year, "unit": unit_suffix(record.indicator)},
                                 places=significant_places(plan_target.bounds[0]))
        realization = record.realizations.get(year)
        if realization is None or realization.value is None:
            return self._no_figure(figure, "realization", year)
        if kind == "realization":
            if realization.has_counts:
                return self._numeric(
                    figure, realization.value, rule="realization-counts", source=_COUNTS,
                    template="realization_counts",
                    params={"num": realization.numerator, "den": realization.denominator})
            return self._numeric(figure, realization.value, rule="realization-mismatch",
                                 source=_COUNTS, template="realization", params={},
                                 places=significant_places(realization.value))
        if not realization.has_counts:
            return self._no_figure(figure, "counts", year)
        assert realization.numerator is not None and realization.denominator is not None
        values = {"numerator": realization.numerator, "denominator": realization.denominator,
                  "complement": realization.denominator - realization.numerator}
        if kind == "complement":
            return self._numeric(figure, values[kind], rule="counts", source=_COUNTS,
                                 template="complement", places=0,
                                 params={"num": realization.numerator,
                                         "den": realization.denominator})
        return self._numeric(figure, values[kind], rule="counts", source=_COUNTS,
                             template="counts", params={"which": kind}, places=0)

    def _no_figure(self, figure: PrintedFigure, what: str, year: int) -> _Outcome:
        return _Outcome("unverifiable", Severity.WARNING, "n/a",
                        ((T["no_figure"], {"what": what, "year": year}),),
                        "the report's own figures")

    def _achievement(self, figure: PrintedFigure, record: IndicatorRecord,
                     year: int) -> _Outcome | None:
        target = record.target(year)
        if isinstance(target, NotApplicable):
            return _Outcome("achievement-no-target", Severity.ERROR, "n/a",
                            ((T["no_target"], {"year": year}),),
                            _AGREEMENT.format(year=year))
        realization = record.realizations.get(year)
        if realization is None or realization.value is None:
            return _Outcome("unverifiable", Severity.WARNING, "n/a", ((T["missing"], {}),),
                            "SPEC 3: missing is not zero")
        policy = self.policy
        raw, capped = policy.raw_and_capped(realization.value, target,
                                            record.indicator.polarity)
        first, converted = figure.numbers()
        context = _AchievementContext(self, figure, record, year, realization.value, target,
                                      raw, capped)
        if figure.figure == "achievement_raw":
            return context.check(first, use_cap=False)
        if converted is None:
            outcomes = [context.check(first, use_cap=True)]
        else:
            # "X% (Konversi Y)": X is the raw figure, or already the reported one
            # ("120%*(Konversi 120)" for a raw 252.10 % under the 120 % cap).
            outcomes = [None if _matches(first, capped) else context.check(first, use_cap=False),
                        context.check(converted, use_cap=True)]
        found = [o for o in outcomes if o is not None]
        if not found:
            if policy.cap is None or raw <= capped:
                return None
            return _Outcome("cap-applied", Severity.INFO, _plain(capped, 2),
                            ((T["cap_applied"], {"raw": _n(raw), "cap": _n(capped, 0)}),),
                            policy.cap.source or context.source)
        worst = min(found, key=lambda o: o.severity.rank)
        parts: list[tuple[tuple[str, str], dict[str, Any]]] = []
        for outcome in found:
            parts += [p for p in outcome.parts if p not in parts]
        return _Outcome(worst.rule, worst.severity, worst.expected, tuple(parts), worst.source)

    # --- budget --------------------------------------------------------------------

    def _lines(self, figure: PrintedFigure, year: int) -> list[BudgetLine] | None:
        assert figure.breakdown is not None and figure.line is not None
        lines = [x for x in self.report.budget[figure.breakdown] if x.year == year]
        if figure.line.strip().lower() == "total":
            return lines
        if figure.breakdown == "spending_type":
            try:
                wanted: Any = SpendingType.parse(figure.line)
            except KinerjaError:
                return None
        else:
            wanted = figure.line
        chosen = [x for x in lines if getattr(x, figure.breakdown) == wanted]
        return chosen or None

    def _amount(self, figure: PrintedFigure, kind: str, year: int) -> int | None:
        """The pagu or spending of the figure's line (or total) in another year."""
        lines = self._lines(figure, year)
        if not lines:
            return None
        amounts = total(lines)
        return amounts.pagu if kind == "pagu" else amounts.realization

    def _budget(self, figure: PrintedFigure, year: int) -> _Outcome | None:
        lines = self._lines(figure, year)
        if lines is None:
            return _Outcome("unknown-line", Severity.ERROR, "n/a",
                            ((T["unknown_line"], {"year": year}),), "the report's budget lines")
        amounts = total(lines)
        is_total = figure.line is not None and figure.line.strip().lower() == "total"
        kind = figure.figure
        pagu, spending = Decimal(amounts.pagu), Decimal(amounts.realization)
        if kind in ("pagu", "spending"):
            value = pagu if kind == "pagu" else spending

            rule = "budget-total" if is_total else "budget-amount"
            template = "budget_total" if is_total else "budget_line"
            stated = (T[template], {"expected": _n(value, 0), "what": kind})

            def diagnose(number: PrintedNumber) -> _Outcome | None:
                """Name another year's figure, or spending above pagu, when they explain it."""
                extra: list[tuple[tuple[str, str], dict[str, Any]]] = [
                    (T["other_year"], {"year": other}) for other in self.report.budget_years()
                    if other != year and number.value == self._amount(figure, kind, other)]
                over = kind == "spending" and number.value > pagu
                if over:
                    extra.append((T["over_pagu"], {"pagu": _n(pagu, 0)}))
                if not extra:
                    return None
                chosen = "budget-over-pagu" if over and len(extra) == 1 else rule
                return _Outcome(chosen, Severity.ERROR, _plain(value, 0),
                                (stated, *extra), _BUDGET)

            return self._numeric(figure, value, rule=rule, source=_BUDGET, template=template,
                                 params={"what": kind}, places=0, diagnose=diagnose)
        if kind == "remainder":
            return self._numeric(figure, pagu - spending, rule="budget-remainder",
                                 source=_BUDGET, template="remainder", places=0,
                                 params={"pagu": _n(pagu, 0), "spending": _n(spending, 0)})
        absorption = amounts.absorption
        if isinstance(absorption, NotApplicable):
            number = figure.numbers()[0]
            severity = Severity.WARNING if number.value == 0 else Severity.ERROR
            return _Outcome("budget-absorption-not-applicable", severity, "n/a",
                            ((T["na_as_zero"], {}),), _BUDGET)
        return self._numeric(figure, absorption, rule="budget-absorption", source=_BUDGET,
                             template="absorption",
                             params={"pagu": _n(pagu, 0), "spending": _n(spending, 0)})

    # --- scores --------------------------------------------------------------------

    def _ikpa_figure(self, figure: PrintedFigure) -> _Outcome | None:
        if self._ikpa is None:
            self._ikpa = self.report.ikpa_score()
        result = self._ikpa
        assert result is not None
        scheme = result.scheme
        kind = figure.figure.removeprefix("ikpa.")
        regulation = scheme.regulation
        if kind == "category":
            expected = result.category or "n/a"
            if figure.text.strip().lower() == expected.lower():
                return None
            return _Outcome("ikpa-category", Severity.ERROR, expected,
                            ((T["ikpa"], {"regulation": regulation, "what": "category",
                                          "expected": expected}),), regulation)
        if kind == "aspect":
            assert figure.aspect is not None
            value = result.aspects[figure.aspect]
            what = figure.aspect
        elif kind in ("weighted", "weight"):
            assert figure.component is not None
            component = result.components[figure.component]
            value = component.weighted if kind == "weighted" else component.weight
            what = f"{component.name} ({'nilai × bobot' if kind == 'weighted' else 'bobot'})"
        else:
            value = {"total": result.total, "final": result.final,
                     "weight_base": result.weight_base}[kind]
            what = {"total": "Nilai Total", "final": "Nilai Akhir",
                    "weight_base": "Konversi Bobot"}[kind]
        if value is None:
            return self._no_figure(figure, "IKPA " + kind, self.report.year)
        return self._numeric(figure, value, rule=f"ikpa-{kind.replace('_', '-')}",
                             source=regulation, template="ikpa",
                             params={"regulation": regulation, "what": what},
                             places=significant_places(value) if kind == "weight" else 2)

    def _nka(self, figure: PrintedFigure) -> _Outcome | None:
        result = self.report.nka_score()
        if result is None:
            return self._no_figure(figure, "SMART DJA variables", self.report.year)
        regulation = result.scheme.regulation
        return self._numeric(figure, result.final, rule="nka-final", source=regulation,
                             template="ikpa", params={"regulation": regulation,
                                                      "what": "Nilai Kinerja Anggaran"})


class _AchievementContext:
    """The inputs of one indicator-year's achievement, and the usual ways to get it wrong."""

    def __init__(self, auditor: _Auditor, figure: PrintedFigure, record: IndicatorRecord,
                 year: int, r: Decimal, target: Target, raw: Decimal, capped: Decimal) -> None:
        self.auditor, self.figure, self.record, self.year = auditor, figure, record, year
        self.r, self.target, self.raw, self.capped = r, target, raw, capped
        self.policy = auditor.policy
        self.polarity = record.indicator.polarity
        self.formula = FORMULAS["ratio" if self.polarity is Polarity.HIGHER_IS_BETTER
                                else self.policy.lower_method]
        self.source = self.formula.source

    def _achieve(self, r: Decimal, target: Target, use_cap: bool) -> Decimal:
        raw, capped = self.policy.raw_and_capped(r, target, self.polarity)
        chosen: Decimal = capped if use_cap else raw
        return chosen

    def _counts(self) -> str:
        real = self.record.realizations[self.year]
        return f" ({real.numerator} / {real.denominator})" if real.has_counts else ""

    def check(self, number: PrintedNumber, *, use_cap: bool) -> _Outcome | None:
        """Judge one printed achievement (raw, or as reported under the cap)."""
        value = self.capped if use_cap else self.raw
        low, _ = self.target.bounds
        base = {"r": _n(self.r, min(2, significant_places(self.r))), "counts": self._counts(),
                "t": _n(low, significant_places(low)), "formula": self.formula.expression}

        def diagnose(printed: PrintedNumber) -> _Outcome | None:
            for rule, severity, template, params, candidate in self._candidates(use_cap):
                if _close(printed, candidate):
                    shown = max(2, printed.places)
                    return _Outcome(rule, severity, _plain(value, shown),
                                    ((T[template], base | {"expected": _n(value, shown)}
                                      | params),), self.source)
            return None

        return self.auditor._numeric(number, value, rule="achievement", source=self.source,
                                     template="achievement", params=base, diagnose=diagnose)

    def _candidates(self, use_cap: bool) -> list[tuple[str, Severity, str, dict[str, Any],
                                                       Decimal]]:
        """(rule, severity, template, params, value) for each usual mistake, in order."""
        out: list[tuple[str, Severity, str, dict[str, Any], Decimal]] = []
        cap = self.policy.cap
        if use_cap and cap is not None and self.raw > self.capped:
            out.append(("achievement-cap", Severity.ERROR, "cap",
                        {"cap": _n(cap.upper, 0), "raw": _n(self.raw)}, self.raw))
        rounded = [self.r] + [round_half_up(self.r, k) for k in (0, 1, 2)]
        if self.polarity is Polarity.LOWER_IS_BETTER:
            low, high = self.target.bounds
            bound = low if self.r < low else high
            if bound > 0:
                for r in rounded:
                    with exact():
                        wrong = ratio(r, bound)
                    capped_wrong = cap.apply(wrong, SCALAR) if (use_cap and cap) else wrong
                    for candidate in (wrong, capped_wrong):
                        out.append(("achievement-polarity", Severity.ERROR, "polarity",
                                    {"wrong": _n(wrong)}, candidate))
        for other, where in self.auditor._printed_values(self.figure, "target", self.year):
            if (other, other) != self.target.bounds and other > 0:
                target = Target(year=self.year, value=other)
                for r in rounded:
                    out.append(("achievement-target", Severity.ERROR, "target_other",
                                {"other": _n(other, significant_places(other)), "where": where},
                                self._achieve(r, target, use_cap)))
        for other, where in self.auditor._printed_values(self.figure, "realization", self.year):
            if round_half_up(self.r, significant_places(other)) != other:
                out.append(("achievement-realization", Severity.ERROR, "realization_other",
                            {"other": _n(other, significant_places(other)), "where": where},
                            self._achieve(other, self.target, use_cap)))
        for k in (0, 1, 2):
            r = round_half_up(self.r, k)
            if r != self.r:
                out.append(("rounded-input", Severity.WARNING, "rounded_input",
                            {"other": _n(r, k)}, self._achieve(r, self.target, use_cap)))
        return out


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
    ('Ikhtisar Eksekutif, butir 7', '120 %', '80.08')
    >>> print(finding.message("en"))
    The indicator is lower-is-better, but the printed figure is R / T = 119.92 % \
(polarity ignored): a realization worse than the target cannot score above 100 %. \
With (2 − R / T) × 100 it is 80.08 %.
    """
    if not isinstance(report, Report):
        raise InvalidTypeError(f"expected a kinerja.Report, not {type(report).__name__}",
                               field="report", value=report,
                               fix="load one with kinerja.load_report(path)")
    return _Auditor(report).run()
