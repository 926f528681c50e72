"""Reading the report file format (TOML): every problem collected, with its key path and line.

The format is documented in the docs page *Report file format*
(``docs/report-format.md``); :mod:`kinerja.report._write` writes it.  Loading
collects every problem with its key path (``indicators[2].targets.2023``) and,
where it can be found, its line, and raises them together as one
:class:`~kinerja.ValidationError`.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

from kinerja.budget._lines import BudgetLine
from kinerja.budget._regional import CLASSIFICATIONS
from kinerja.core._data import data_path
from kinerja.core._input import MAX_MAGNITUDE, to_decimal, to_year
from kinerja.core._options import check_choice
from kinerja.core._problems import Problems
from kinerja.core._sentinels import NOT_APPLICABLE, NOT_STATED
from kinerja.core._toml import read_text_file, read_toml
from kinerja.exceptions import InvalidTypeError, MissingValueError
from kinerja.indicators._achievement import AchievementPolicy
from kinerja.indicators._formulas import CAP_120, Cap
from kinerja.report._format import (
    CONVENTIONS,
    EXAMPLE,
    FORMAT,
    GOAL,
    LINE,
    NA_SCORE,
    NOT_APPLICABLE_WORDS,
    NOT_STATED_WORDS,
    PRINTED,
    SATKER,
    TOP,
    UNPRINTED_SCORES,
    VERSIONS,
)
from kinerja.report._locate import locate
from kinerja.report._model import Goal, Report, Satker
from kinerja.report._printed import PrintedFigure, figures_from_strings
from kinerja.report._read_indicators import read_indicator
from kinerja.report._read_values import array_of, build, number_of, table_of, words
from kinerja.report._scheme_files import FAMILIES, read_scheme_files

__all__ = ["example_path", "example_report", "load_report", "loads_report"]

# --- reading ---------------------------------------------------------------------------


def loads_report(text: str, *, source: str = "<string>") -> Report:
    """Read a report from TOML *text*; every problem is reported at once.

    Raises
    ------
    ReportFileError
        The text is not TOML at all (with the parser's line and column).
    ValidationError
        The TOML does not describe a valid report; each member names the key
        path and, where it can be found, the line.

    Examples
    --------
    >>> report = loads_report('''
    ... format = "kinerja-report"
    ... version = 1
    ... year = 2023
    ... [satker]
    ... name = "Satker Contoh"
    ... [[goals]]
    ... code = "SK-1"
    ... level = "kegiatan"
    ... name = "Meningkatnya layanan"
    ... [[indicators]]
    ... code = "IKK-1"
    ... name = "Persentase klien bekerja"
    ... goal = "SK-1"
    ... unit = "%"
    ... targets = { 2023 = 60 }
    ... realizations = { 2023 = { numerator = 994, denominator = 1327 } }
    ... ''')
    >>> report.assess("IKK-1").status.value
    'met'
    """
    data = read_toml(text, origin=source)
    problems = Problems(locate=functools.partial(locate, text))
    report = _read_report(data, problems, source)
    problems.raise_if_any(source)
    assert report is not None
    return report


def load_report(path: str | Path) -> Report:
    """Read a report file (see :func:`loads_report`).

    Raises
    ------
    ReportFileError
        The file cannot be read (missing, a directory, not UTF-8, not TOML).
    ValidationError
        The file's content is not a valid report (every problem, located).

    Examples
    --------
    >>> report = load_report(example_path())
    >>> report.satker.code
    '693222'
    """
    text = read_text_file(path, what="report file",
                          fix="give the path of a UTF-8 TOML report file")
    return loads_report(text, source=str(path))


@functools.cache
def _example_text() -> str:
    return example_path().read_text(encoding="utf-8")


def example_report() -> Report:
    """Return the bundled example: the 2023 LKjIP of Bapas Kelas II Pangkalpinang.

    Every figure is transcribed from the reference report; where the report
    contradicts itself, the input is the figure its own inputs (counts,
    signed agreements) support, and the contradiction is noted in the file.

    >>> report = example_report()
    >>> len(report.indicators), report.budget_total("spending_type").realization
    (13, 4100202041)
    """
    return loads_report(_example_text(), source=f"kinerja/report/examples/{EXAMPLE}")


def example_path() -> Path:
    """Return the path of the bundled example file (to copy and adapt).

    Examples
    --------
    >>> example_path().name
    'reference_lkjip_2023.toml'
    """
    return data_path("report", "examples", EXAMPLE)


def _read_report(data: dict[str, Any], problems: Problems, source: str) -> Report | None:
    problems.check_keys(data, TOP, "", required=("format", "version", "year", "satker"))
    if data.get("format", FORMAT) != FORMAT:
        problems.add("format", f'must be "{FORMAT}"', value=data.get("format"))
    if "version" in data and data["version"] not in VERSIONS:
        problems.add("version", "this kinerja reads versions "
                     + ", ".join(map(str, VERSIONS)), value=data["version"],
                     fix="convert the file, or upgrade kinerja")
    year = problems.attempt("year", functools.partial(to_year, data["year"])) \
        if "year" in data else None
    satker = None
    satker_table = table_of(data.get("satker", {}), "satker", problems)
    if satker_table is not None:
        problems.check_keys(satker_table, SATKER, "satker", required=("name",))
        if "name" in satker_table:
            satker = problems.attempt("satker", lambda: Satker(**satker_table))
    policy = _read_conventions(data.get("conventions", {}), problems)
    goals = _read_goals(data.get("goals", []), problems)
    goal_levels = {g.code: g.level for g in goals}
    indicators = [record for i, entry in enumerate(array_of(data.get("indicators", []),
                                                          "indicators", problems))
                  if (record := read_indicator(entry, f"indicators[{i}]", goal_levels,
                                                problems)) is not None]
    classification = problems.attempt("", functools.partial(check_choice, data.get(
        "classification", "apbn"), CLASSIFICATIONS, "classification")) or "apbn"
    budget = _read_budget(data.get("budget", {}), problems, classification)
    ikpa = _read_scores(data.get("ikpa"), "ikpa", "components", problems, allow_na=True)
    nka = _read_scores(data.get("nka"), "nka", "variables", problems, allow_na=False)
    schemes, scheme_files = read_scheme_files(data, source, problems)
    emonev = _read_scores(data.get("emonev"), "emonev", "scale", problems, allow_na=False)
    printed = _read_printed(data.get("printed", []), problems)
    if problems.errors or satker is None or year is None or policy is None:
        return None
    title = data.get("title")
    fields: dict[str, Any] = {
        "satker": satker, "year": year, "title": title, "period": data.get("period"),
        "goals": goals, "indicators": indicators, "policy": policy, "budget": budget,
        "ikpa": ikpa, "nka": nka, "emonev": emonev, "printed": printed,
        "classification": classification, "schemes": schemes, "scheme_files": scheme_files,
        "source": None if source.startswith("<") else source}
    if title is None or isinstance(title, str):  # the one field no converter checks
        return build(problems, "", Report, **fields)
    return problems.attempt("", lambda: Report(**fields))


def _read_conventions(value: Any, problems: Problems) -> AchievementPolicy | None:
    table = table_of(value, "conventions", problems)
    if table is None:
        return None
    problems.check_keys(table, CONVENTIONS, "conventions")

    def policy() -> AchievementPolicy:
        cap = None
        if table.get("cap") not in (None, False):
            cap = Cap(upper=table["cap"], lower=table.get("cap_lower"),
                      name=f"konversi {table['cap']} %")
            if cap.upper == CAP_120.upper and cap.lower is None:
                cap = CAP_120
        return AchievementPolicy(
            lower_method=table.get("lower_method", "mirror"),
            zero_target=table.get("zero_target", "raise"),
            floor=table.get("floor"), cap=cap,
        )

    return problems.attempt("conventions", policy)


def _entries(value: Any, section: str, allowed: set[str], required: tuple[str, ...],
             problems: Problems) -> Iterator[tuple[str, dict[str, Any]]]:
    """Each readable ``[[section]]`` entry as (path, its known keys), problems recorded."""
    for i, entry in enumerate(array_of(value, section, problems)):
        found = _entry(entry, f"{section}[{i}]", allowed, required, problems)
        if found is not None:
            yield found


def _entry(entry: Any, path: str, allowed: set[str], required: tuple[str, ...],
           problems: Problems) -> tuple[str, dict[str, Any]] | None:
    """One ``[[section]]`` entry as (path, its known keys), or None; problems recorded."""
    table = table_of(entry, path, problems)
    if table is None:
        return None
    if problems.check_keys(table, allowed, path, required=required):
        return path, dict(table)  # every key known, every required one there
    if set(required) <= table.keys():
        return path, {k: v for k, v in table.items() if k in allowed}
    return None


_GOAL_REQUIRED = tuple(sorted(GOAL))


def _read_goals(value: Any, problems: Problems) -> list[Goal]:
    goals = []
    for path, fields in _entries(value, "goals", GOAL, _GOAL_REQUIRED, problems):
        goal = build(problems, path, Goal, **fields)
        if goal is not None:
            goals.append(goal)
    return goals


def _read_budget(value: Any, problems: Problems, classification: str = "apbn"
                 ) -> dict[str, list[BudgetLine]]:
    table = table_of(value, "budget", problems)
    out: dict[str, list[BudgetLine]] = {}
    if table is None:
        return out
    for name, entries in table.items():
        lines = []
        for path, fields in _entries(entries, f"budget.{name}", LINE, ("year", "pagu"),
                                     problems):
            if _amounts_stated(fields, path, problems) and (line := build(
                    problems, path, BudgetLine, **fields, classification=classification)):
                lines.append(line)
        out[name] = lines
    return out


def _amounts_stated(fields: dict[str, Any], path: str, problems: Problems) -> bool:
    """Read "not stated" for a line's pagu or realization; False after recording a problem."""
    how = '"not stated" when the document does not show it (0 says nothing was spent)'
    if "realization" not in fields:  # the fix says how to write an unknown realization
        problems.add(f"{path}.realization", "required key is missing", kind=MissingValueError,
                     fix=f"add realization = the amount printed, or {how}")
    for key in ("pagu", "realization"):
        amount = fields.get(key)
        if type(amount) is str and _GROUPED.fullmatch(amount):
            fields[key] = grouped_rupiah(amount)
            continue
        if type(amount) is int or (type(amount) is str and amount[:1].isdigit()):
            continue  # a number: no word to read ("not stated"), none to refuse
        if str(amount).strip().lower() in NOT_STATED_WORDS:
            fields[key] = NOT_STATED
        elif key in fields and words(fields[key], f"{path}.{key}", problems, how):
            return False
    return "realization" in fields


#: An amount in groups of three digits, two separators or more, all alike ("2.785.984.000"):
#: unambiguous in either notation, and below the magnitude limit.
_GROUPED = re.compile(r"[1-9]\d{0,2}(?:(?:\.\d{3}){2,8}|(?:,\d{3}){2,8})")


def grouped_rupiah(amount: str) -> int:
    """An amount :data:`_GROUPED` matches, read as ``to_rupiah`` reads it (the digits).

    >>> grouped_rupiah("2.785.984.000"), grouped_rupiah("4,882,605,000")
    (2785984000, 4882605000)
    """
    return int(amount.replace(amount[-4], ""))


_PRINTED_REQUIRED = ("figure", "text", "where")
#: A score with one decimal mark and two decimals at most ("99,18"), as printed.
_SCORE = re.compile(r"(\d{1,3})[.,](\d{1,2})")


def _read_printed(value: Any, problems: Problems) -> list[PrintedFigure]:
    entries = array_of(value, "printed", problems)
    # The common entries (strings and an int year) built at once; the class itself reads
    # the others, and says what is wrong.
    built = figures_from_strings(entries)
    if all(built):  # (a figure is always true)
        return built  # type: ignore[return-value]
    figures: list[PrintedFigure] = []
    for i, (entry, figure) in enumerate(zip(entries, built, strict=True)):
        if figure is not None:
            figures.append(figure)
            continue
        found = _entry(entry, f"printed[{i}]", PRINTED, _PRINTED_REQUIRED, problems)
        if found is None:
            continue
        path, fields = found
        wrong = [(key, item) for key, item in fields.items()
                 if key != "year" and not isinstance(item, str)]
        for key, item in wrong[:1]:
            problems.add(f"{path}.{key}", "must be a string", value=item, kind=InvalidTypeError)
        if not wrong:
            figure = problems.attempt(path, functools.partial(PrintedFigure, **fields))
            if figure is not None:
                figures.append(figure)
    return figures


def _read_scores(value: Any, section: str, key: str, problems: Problems,
                 *, allow_na: bool) -> dict[str, Any] | None:
    table = None if value is None else table_of(value, section, problems)
    if table is None:
        return None
    problems.check_keys(table, {key, "scheme_file"} if section in FAMILIES else {key}, section,
                        required=() if "scheme_file" in table else (key,))
    if key not in table:
        return None
    scores = table_of(table.get(key, {}), f"{section}.{key}", problems) or {}
    out: dict[str, Any] = {}
    for name, score in scores.items():
        if type(score) is int and -MAX_MAGNITUDE < score < MAX_MAGNITUDE:
            out[name] = Decimal(score)  # what to_decimal gives a plain whole score
            continue
        if type(score) is str and (plain := _SCORE.fullmatch(score)) is not None:
            out[name] = Decimal(f"{plain[1]}.{plain[2]}")  # what to_decimal reads in "99,18"
            continue
        path = f"{section}.{key}.{name}"
        if allow_na and str(score).strip().lower() in NOT_APPLICABLE_WORDS:
            out[name] = NOT_APPLICABLE
            continue
        if words(score, path, problems, (NA_SCORE if allow_na else "") + UNPRINTED_SCORES):
            continue
        number = number_of(score, path, problems)
        if number is not None:
            converted = problems.attempt(path, functools.partial(to_decimal, number, field=path))
            if converted is not None:
                out[name] = converted
    return out


