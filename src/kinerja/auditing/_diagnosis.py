"""Diagnosing a wrong printed achievement: the usual mistakes that reproduce it.

When a printed achievement differs from the recomputed one, the audit tries,
in order, the mistakes reports make (docs page *The audit*): the cap not
applied; the polarity ignored (R / T for a lower-is-better indicator); a
target or a realization taken from another table; a result computed from an
already rounded realization.  The first that reproduces the printed figure
(rounded or truncated at its precision) names the finding's rule.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from kinerja.auditing._compare import Outcome, close, compare, exact_text, part
from kinerja.auditing._findings import Severity
from kinerja.core._input import exact
from kinerja.core._notation import Numeral, format_plain
from kinerja.core._ops import SCALAR
from kinerja.core._polarity import Polarity
from kinerja.core._rounding import round_half_up, significant_places
from kinerja.exceptions import UndefinedRatioError, ZeroTargetError
from kinerja.indicators._achievement import AchievementPolicy, choice_for
from kinerja.indicators._figures import Realization, Target
from kinerja.indicators._formulas import FORMULAS, ratio
from kinerja.report._printed import PrintedNumber

__all__ = ["AchievementCheck"]

#: A usual mistake: its rule, severity, message template and parameters, and the figure it gives.
Candidate = tuple[str, Severity, str, dict[str, Any], Decimal]
#: The same, before the mistakes whose formula is undefined (``None``) are left out.
Mistake = tuple[str, Severity, str, dict[str, Any], Decimal | None]


class AchievementCheck:
    """The inputs of one indicator-year's achievement, and the usual ways to get it wrong.

    Parameters
    ----------
    realization : Realization
        The year's realization (not missing).
    target : Target
        The agreed target.
    polarity : Polarity
    policy : AchievementPolicy
        The report's conventions.
    printed_targets, printed_realizations : sequence of (Decimal, str)
        The values printed elsewhere for the same indicator-year, with where.
    """

    def __init__(self, realization: Realization, target: Target, polarity: Polarity,
                 policy: AchievementPolicy, *,
                 printed_targets: Sequence[tuple[Decimal, str]] = (),
                 printed_realizations: Sequence[tuple[Decimal, str]] = ()) -> None:
        assert realization.value is not None
        self.realization, self.r, self.target = realization, realization.value, target
        self.polarity, self.policy = polarity, policy
        self.year = realization.year
        self.raw, self.capped = policy.raw_and_capped(self.r, target, polarity)
        self.choice = choice_for(self.r, target, polarity)
        self.formula = FORMULAS[self.choice.key(policy)]
        self.source = self.formula.source
        self.printed_targets = printed_targets
        self.printed_realizations = printed_realizations
        self._candidates: dict[bool, list[Candidate]] = {}

    def _achieve(self, r: Decimal, target: Target, use_cap: bool) -> Decimal | None:
        """The achievement from other inputs; ``None`` where the formula is undefined.

        A mistaken input can make the formula undefined (a realization rounded
        to 0 under T / R, a target of 0): such a mistake reproduces no printed
        figure, so it is no candidate.
        """
        if r == 0 and self.polarity is Polarity.LOWER_IS_BETTER \
                and self.policy.lower_method == "inverse":
            return None  # T / R: never divide by a rounded-to-zero realization
        try:
            raw, capped = self.policy.raw_and_capped(r, target, self.polarity)
        except (UndefinedRatioError, ZeroTargetError):
            return None
        chosen: Decimal = capped if use_cap else raw
        return chosen

    def _counts(self) -> str:
        real = self.realization
        return f" ({real.numerator} / {real.denominator})" if real.has_counts else ""

    def check(self, number: PrintedNumber, *, use_cap: bool) -> Outcome | None:
        """Judge one printed achievement (raw, or as reported under the cap)."""
        value = self.capped if use_cap else self.raw
        low, high = self.target.bounds
        # The target the formula used: a range when the realization lies inside it, else
        # the bound compared against (the nearer one of a range).
        t = (Numeral(low, max(significant_places(low), significant_places(high)), high=high)
             if self.choice.inside else
             Numeral(self.choice.bound, significant_places(self.choice.bound)))
        base = {"r": Numeral(self.r, min(2, significant_places(self.r))),
                "counts": self._counts(), "t": t, "formula": self.formula.expression}

        def diagnose(printed: PrintedNumber) -> Outcome | None:
            for rule, severity, template, params, candidate in self.candidates(use_cap):
                if close(printed, candidate):
                    shown = max(2, printed.places)
                    return Outcome(rule, severity, format_plain(value, printed.places),
                                   (part(template, **(base | {"expected": Numeral(value, shown)}
                                                      | params)),), self.source,
                                   exact_text(value))
            return None

        return compare(number, value, rule="achievement", source=self.source,
                       template="achievement", params=base, diagnose=diagnose)

    def candidates(self, use_cap: bool) -> list[Candidate]:
        """(rule, severity, template, params, value) for each usual mistake, in order.

        Computed once per ``use_cap`` and kept: every printed figure of the
        indicator-year is diagnosed against the same list.
        """
        if use_cap not in self._candidates:
            found: list[Candidate] = []
            for rule, severity, template, params, value in self._mistakes(use_cap):
                if value is not None:  # an undefined formula reproduces nothing
                    found.append((rule, severity, template, params, value))
            self._candidates[use_cap] = found
        return self._candidates[use_cap]

    def _mistakes(self, use_cap: bool) -> list[Mistake]:
        """Every usual mistake, with the figure it gives (``None``: undefined)."""
        out: list[Mistake] = []
        cap = self.policy.cap
        if use_cap and cap is not None and self.raw > self.capped:
            out.append(("achievement-cap", Severity.ERROR, "cap",
                        {"cap": Numeral(cap.upper, 0), "raw": Numeral(self.raw)}, self.raw))
        rounded = [self.r] + [round_half_up(self.r, k) for k in (0, 1, 2)]
        if self.polarity is Polarity.LOWER_IS_BETTER and self.choice.bound > 0:
            for r in rounded:
                with exact():
                    wrong = ratio(r, self.choice.bound)
                capped_wrong = cap.apply(wrong, SCALAR) if (use_cap and cap) else wrong
                for candidate in (wrong, capped_wrong):
                    out.append(("achievement-polarity", Severity.ERROR, "polarity",
                                {"wrong": Numeral(wrong)}, candidate))
        for other, where in self.printed_targets:
            if (other, other) != self.target.bounds and other > 0:
                target = Target(year=self.year, value=other)
                for r in rounded:
                    out.append(("achievement-target", Severity.ERROR, "target_other",
                                {"other": Numeral(other, significant_places(other)),
                                 "where": where}, self._achieve(r, target, use_cap)))
        for other, where in self.printed_realizations:
            if round_half_up(self.r, significant_places(other)) != other:
                out.append(("achievement-realization", Severity.ERROR, "realization_other",
                            {"other": Numeral(other, significant_places(other)), "where": where},
                            self._achieve(other, self.target, use_cap)))
        for k in (0, 1, 2):
            r = round_half_up(self.r, k)
            if r != self.r:
                out.append(("rounded-input", Severity.WARNING, "rounded_input",
                            {"other": Numeral(r, k)}, self._achieve(r, self.target, use_cap)))
        return out
