"""The draft being built: goals, indicators, the candidates for each figure, budget, printed.

A draft collects *candidates* (a value, where it was read, how much it is
trusted) and settles them at the end: the most trusted candidate wins, and when
the others disagree a review item lists them all.  It then writes a report file
(TOML) and reads it back with the report reader, so the draft is checked like
any report file.  Only numbers read from the document are ever written.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import attrs

from kinerja.core._toml import toml_number, toml_string
from kinerja.documents._layout import similarity
from kinerja.documents._model import Provenance, ReviewItem

__all__ = ["Candidate", "Draft", "GoalDraft", "IndicatorDraft"]

LEVEL_PREFIX = {"strategic": ("SS", "IKU"), "program": ("SP", "IKP"), "activity": ("SK", "IKK")}


@attrs.frozen(kw_only=True)
class Candidate:
    """One value the document offers for a field; lower *rank* is more trusted."""

    value: Any  # Decimal, a (numerator, denominator) pair, or a word ("not applicable")
    rank: int
    source: Provenance
    label: str  # what the candidate is, for the review list ("table", "counts in the text")


@attrs.define
class GoalDraft:
    """A goal (sasaran) as read."""

    code: str
    level: str
    name: str


@attrs.define
class IndicatorDraft:
    """An indicator as read, with every candidate for its figures."""

    code: str
    name: str
    goal: str
    level: str
    unit: str
    polarity: str = "higher_is_better"
    targets: dict[int, list[Candidate]] = attrs.field(factory=dict)
    realizations: dict[int, list[Candidate]] = attrs.field(factory=dict)
    plan: dict[int, list[Candidate]] = attrs.field(factory=dict)


@attrs.define
class Draft:
    """Everything read so far from one document."""

    year: int | None = None
    satker: str | None = None
    ministry: str | None = None
    code: str | None = None
    title: str | None = None
    cap: Decimal | None = None
    goals: list[GoalDraft] = attrs.field(factory=list)
    indicators: list[IndicatorDraft] = attrs.field(factory=list)
    budget: dict[tuple[str, int, str], dict[str, Any]] = attrs.field(factory=dict)
    ikpa: dict[str, Decimal] = attrs.field(factory=dict)
    printed: list[dict[str, Any]] = attrs.field(factory=list)
    review: list[ReviewItem] = attrs.field(factory=list)
    provenance: dict[str, Provenance] = attrs.field(factory=dict)

    # --- building -------------------------------------------------------------------

    def goal(self, level: str, name: str) -> GoalDraft:
        """The goal of *level* named like *name*, added when new."""
        for goal in self.goals:
            if goal.level == level and similarity(goal.name, name) >= 0.8:
                return goal
        prefix = LEVEL_PREFIX[level][0]
        number = sum(g.level == level for g in self.goals) + 1
        goal = GoalDraft(code=f"{prefix}-{number}", level=level, name=name)
        self.goals.append(goal)
        return goal

    def find(self, name: str, *, level: str | None = None, threshold: float = 0.62,
             exclude: frozenset[str] = frozenset()) -> IndicatorDraft | None:
        """The indicator named most like *name* (first on a tie), if alike enough."""
        best, score = None, threshold
        for record in self.indicators:
            if (level is not None and record.level != level) or record.code in exclude:
                continue
            alike = similarity(record.name, name)
            if alike > score:
                best, score = record, alike
        return best

    def indicator(self, goal: GoalDraft, name: str, unit: str,
                  exclude: frozenset[str] = frozenset()) -> IndicatorDraft:
        """The indicator of *goal*'s level named like *name*, added when new.

        *exclude* holds the codes already read from the same table: two rows of one
        agreement are two indicators, however alike their names.
        """
        found = self.find(name, level=goal.level, threshold=0.8, exclude=exclude)
        if found is not None:
            return found
        prefix = LEVEL_PREFIX[goal.level][1]
        if goal.level == "activity":
            number = sum(r.goal == goal.code for r in self.indicators) + 1
            code = f"{prefix}-{goal.code.split('-')[1]}.{number}"
        else:
            code = f"{prefix}-{sum(r.level == goal.level for r in self.indicators) + 1}"
        record = IndicatorDraft(code=code, name=name, goal=goal.code, level=goal.level, unit=unit)
        self.indicators.append(record)
        return record

    def add_printed(self, source: Provenance, **entry: Any) -> None:
        """Record one printed figure, with where it was read."""
        self.provenance[f"printed[{len(self.printed)}]"] = source
        self.printed.append(entry)

    def note(self, path: str, reason: str, *candidates: str) -> None:
        """Add a review item."""
        self.review.append(ReviewItem(path=path, reason=reason, candidates=tuple(candidates)))

    # --- settling -------------------------------------------------------------------

    def settle(self, path: str, candidates: list[Candidate]) -> Any:
        """The most trusted candidate's value; a review item when the candidates disagree."""
        ordered = sorted(candidates, key=lambda c: c.rank)
        chosen = ordered[0]
        self.provenance[path] = chosen.source
        if any(_differs(c.value, chosen.value) for c in ordered[1:]):
            self.note(path, f"the document gives different values; the draft took the "
                            f"{chosen.label}", *(_offer(c) for c in ordered))
        return chosen.value

    def toml(self) -> str:
        """The draft as a report file (TOML text)."""
        return "\n".join(self._lines()) + "\n"

    def _lines(self) -> Iterator[str]:
        yield 'format = "kinerja-report"'
        yield "version = 2"
        yield f"year = {self.year}"
        if self.title:
            yield f"title = {toml_string(self.title)}"
        yield "\n[satker]"
        yield f"name = {toml_string(self.satker or 'not stated')}"
        if self.code:
            yield f"code = {toml_string(self.code)}"
        if self.ministry:
            yield f"ministry = {toml_string(self.ministry)}"
        if self.cap is not None:
            yield "\n[conventions]"
            yield f"cap = {toml_number(self.cap)}"
        for goal in self.goals:
            yield "\n[[goals]]"
            yield f"code = {toml_string(goal.code)}"
            yield f"level = {toml_string(goal.level)}"
            yield f"name = {toml_string(goal.name)}"
        for record in self.indicators:
            yield from self._indicator(record)
        for (breakdown, year, key), line in self.budget.items():
            yield f"\n[[budget.{breakdown}]]"
            yield f"year = {year}"
            yield f"{breakdown} = {toml_string(key)}"
            for field in ("pagu", "realization"):
                yield f"{field} = {toml_number(line[field])}"
        if self.ikpa:
            yield "\n[ikpa.components]"
            for key, score in self.ikpa.items():
                yield f"{key} = {toml_number(score)}"
        lines = set(self.budget)
        breakdowns = {(kind, year) for (kind, year, _) in lines}
        sources = {i: self.provenance.pop(f"printed[{i}]") for i in range(len(self.printed))}
        kept = 0
        for index, entry in enumerate(self.printed):
            if "breakdown" in entry and not _has_line(entry, lines, breakdowns):
                self.note("printed", "a budget figure of a line the draft has no inputs for: "
                          "left out", sources[index].describe())
                continue
            self.provenance[f"printed[{kept}]"] = sources[index]
            kept += 1
            yield "\n[[printed]]"
            for key, value in entry.items():
                yield f"{key} = {value if isinstance(value, int) else toml_string(str(value))}"

    def _indicator(self, record: IndicatorDraft) -> Iterator[str]:
        path = f"indicators.{record.code}"
        yield "\n[[indicators]]"
        for key in ("code", "name", "goal", "unit", "polarity"):
            yield f"{key} = {toml_string(getattr(record, key))}"
        yield "[indicators.targets]"
        for year in sorted(record.targets):
            value = self.settle(f"{path}.targets.{year}", record.targets[year])
            yield f"{year} = {_toml_value(value)}"
        if record.realizations:
            yield "[indicators.realizations]"
            for year in sorted(record.realizations):
                value = self.settle(f"{path}.realizations.{year}", record.realizations[year])
                yield f"{year} = {_toml_value(value)}"
        if record.plan:
            yield "[indicators.plan]"
            yield f"period = [{min(record.plan)}, {max(record.plan)}]"
            yield "[indicators.plan.targets]"
            for year in sorted(record.plan):
                value = self.settle(f"{path}.plan.{year}", record.plan[year])
                yield f"{year} = {_toml_value(value)}"


def _has_line(entry: dict[str, Any], lines: set[tuple[str, int, str]],
              breakdowns: set[tuple[str, int]]) -> bool:
    """Whether a printed budget figure refers to a line (or a total) the draft has."""
    if (entry["breakdown"], entry["year"]) not in breakdowns:
        return False
    key = (entry["breakdown"], entry["year"], entry["line"])
    return bool(entry["line"] == "total" or key in lines)


def _toml_value(value: Any) -> str:
    if isinstance(value, tuple):
        return f"{{ numerator = {toml_number(value[0])}, denominator = {toml_number(value[1])} }}"
    if isinstance(value, str):
        return toml_string(value)
    return toml_number(value)


def _differs(left: Any, right: Any) -> bool:
    """Whether two candidates disagree (counts agree with a figure they round to)."""
    if isinstance(left, tuple) != isinstance(right, tuple):
        counts, figure = (left, right) if isinstance(left, tuple) else (right, left)
        if isinstance(figure, str) or counts[1] == 0:
            return True
        return bool(abs(Decimal(counts[0]) * 100 / Decimal(counts[1]) - figure) >= Decimal("0.5"))
    return bool(left != right)


def _offer(candidate: Candidate) -> str:
    value = candidate.value
    shown = f"{value[0]}/{value[1]}" if isinstance(value, tuple) else str(value)
    return f"{shown} ({candidate.label}, {candidate.source.describe()})"

