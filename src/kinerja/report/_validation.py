"""Checking a report as a whole: references between its parts, found all at once.

Each part of a report (an indicator, a budget line, a printed figure) checks
itself when built; what only the whole can check is here: unique codes,
indicators under goals of their level, budget breakdowns whose lines carry
their classification, scores whose keys belong to the scheme of the year,
printed figures that refer to things the report has.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from kinerja.core._problems import Problems
from kinerja.exceptions import KinerjaError
from kinerja.indicators._indicator import Level

if TYPE_CHECKING:
    from kinerja.report._model import Report

__all__ = ["BREAKDOWNS", "report_problems"]

#: Budget breakdowns a report can hold, by the classification every line of it carries.
BREAKDOWNS = ("spending_type", "activity", "program", "output", "account", "indicator")


def report_problems(report: Report) -> Problems:
    """Every problem of *report* as a whole (its parts validated themselves)."""
    problems = Problems()
    goal_levels: dict[str, Level] = {}
    for i, goal in enumerate(report.goals):
        if goal.code in goal_levels:
            problems.add(f"goals[{i}].code", "duplicate goal code", value=goal.code,
                         fix="give each goal its own code")
        goal_levels[goal.code] = goal.level
    codes: set[str] = set()
    for i, record in enumerate(report.indicators):
        if record.code in codes:
            problems.add(f"indicators[{i}].code", "duplicate indicator code", value=record.code,
                         fix="give each indicator its own code")
        codes.add(record.code)
        level = goal_levels.get(record.goal)
        if level is None:
            problems.add(f"indicators[{i}].goal", "refers to an unknown goal", value=record.goal,
                         fix="use the code of one of the report's goals")
        elif level is not record.indicator.level:
            problems.add(f"indicators[{i}].level",
                         f"a {record.indicator.level.value} indicator under a {level.value} goal",
                         value=record.indicator.level.value,
                         fix="put the indicator under a goal of its level")
    _budget_problems(report, codes, problems)
    _score_problems(report, problems)
    _printed_problems(report, codes, problems)
    return problems


def _budget_problems(report: Report, codes: set[str], problems: Problems) -> None:
    regional = report.classification != "apbn"
    for name, lines in report.budget.items():
        if name not in BREAKDOWNS:
            problems.add(f"budget.{name}", "unknown budget breakdown", value=name,
                         fix="use one of " + ", ".join(BREAKDOWNS))
            continue
        for j, line in enumerate(lines):
            if ((line.spending_type is not None or line.account is not None)
                    and (line.classification != "apbn") != regional):
                problems.add(f"budget.{name}[{j}].spending_type",
                             f"a line of the {line.classification.upper()} chart of accounts in "
                             f"a report classified {report.classification!r}",
                             value=line.classification,
                             fix=f'build the line with classification="{report.classification}"'
                             ', or give the report the classification of its lines')
            if getattr(line, name) is None:
                problems.add(f"budget.{name}[{j}].{name}",
                             f"a line of the {name} breakdown has no {name}", value=None,
                             fix=f"give the line's {name}")
            elif name == "indicator" and line.indicator not in codes:
                problems.add(f"budget.{name}[{j}].indicator", "refers to an unknown indicator",
                             value=line.indicator,
                             fix="use the code of one of the report's indicators")


def _score_problems(report: Report, problems: Problems) -> None:
    for section, part in (("ikpa", "components"), ("nka", "variables")):
        scores = getattr(report, section)
        if scores is None:
            continue
        scheme = problems.attempt("", functools.partial(report.scheme, section, report.year))
        if scheme is None:
            continue
        keys = scheme.keys
        for key in scores:
            if key not in keys:
                problems.add(f"{section}.{part}.{key}",
                             f"not a component of the {section.upper()} scheme of {report.year}",
                             value=key, fix="use one of " + ", ".join(keys))


def _printed_problems(report: Report, codes: set[str], problems: Problems) -> None:
    schemes: dict[tuple[str, int], tuple[list[str], list[str]] | None] = {}
    for i, figure in enumerate(report.printed):
        if figure.indicator is not None and figure.indicator not in codes:
            problems.add(f"printed[{i}].indicator", "refers to an unknown indicator",
                         value=figure.indicator,
                         fix="use the code of one of the report's indicators")
        if figure.breakdown is not None and figure.breakdown not in report.budget:
            problems.add(f"printed[{i}].breakdown",
                         "refers to a budget breakdown the report does not have",
                         value=figure.breakdown,
                         fix="use one of " + (", ".join(report.budget) or "(none)"))
        if (figure.component is None and figure.aspect is None) or not figure.figure.startswith(
                ("ikpa.", "nka.")):
            continue
        family = figure.figure.split(".", 1)[0]
        # Component and aspect names are those of the scheme of the figure's year; a year
        # without a known scheme is left to the audit ("cannot be checked").
        year = figure.year or report.year
        if (family, year) not in schemes:  # each scheme's names once, not once a figure
            try:
                scheme = report.scheme(family, year)
                schemes[family, year] = (list(scheme.keys), [a.name for a in scheme.aspects])
            except KinerjaError:
                schemes[family, year] = None
        names = schemes[family, year]
        if names is None:
            continue
        keys, aspects = names
        if figure.component is not None and figure.component not in keys:
            problems.add(f"printed[{i}].component", f"not a component of the {family.upper()} "
                         f"scheme of {year}", value=figure.component,
                         fix="use one of " + ", ".join(keys))
        if figure.aspect is not None and figure.aspect not in aspects:
            problems.add(f"printed[{i}].aspect", f"not an aspect of the {family.upper()} scheme "
                         f"of {year}", value=figure.aspect,
                         fix="use one of " + (", ".join(aspects) or "(none)"))
