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
from collections.abc import Callable, Iterator, Mapping
from decimal import Decimal
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

from kinerja.budget._lines import BudgetLine
from kinerja.budget._regional import CLASSIFICATIONS
from kinerja.core._input import to_decimal, to_year
from kinerja.core._options import check_choice
from kinerja.core._problems import Problems
from kinerja.core._sentinels import NOT_APPLICABLE, NOT_STATED, NotApplicable, NotStated
from kinerja.core._toml import read_text_file, read_toml
from kinerja.core._units import Unit, UnitKind
from kinerja.exceptions import InvalidTypeError, MissingValueError
from kinerja.indicators._achievement import AchievementPolicy
from kinerja.indicators._figures import Realization, Target
from kinerja.indicators._formulas import CAP_120, Cap
from kinerja.indicators._indicator import Indicator
from kinerja.indicators._renstra import Trajectory
from kinerja.report._format import (
    CONVENTIONS,
    EXAMPLE,
    FORMAT,
    GOAL,
    INDICATOR,
    LINE,
    MISSING_WORDS,
    NA_SCORE,
    NOT_APPLICABLE_WORDS,
    NOT_STATED_WORDS,
    PLAN,
    PRINTED,
    REALIZATION,
    SATKER,
    TARGET,
    TOP,
    UNPRINTED_SCORES,
    VERSIONS,
)
from kinerja.report._locate import locate
from kinerja.report._model import Goal, IndicatorRecord, Report, Satker
from kinerja.report._printed import PrintedFigure
from kinerja.report._scheme_files import FAMILIES, base_of, read_scheme_files

__all__ = ["example_path", "example_report", "load_report", "loads_report"]

T = TypeVar("T")

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
    report = _read_report(data, problems, base_of(source))
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
    return Path(str(resources.files("kinerja.report").joinpath("examples", EXAMPLE)))


def _table(value: Any, path: str, problems: Problems) -> dict[str, Any] | None:
    if not isinstance(value, dict):
        problems.add(path, "must be a table", value=value, kind=InvalidTypeError,
                     fix="write it as a [table] or { key = value }")
        return None
    return value


def _array(value: Any, path: str, problems: Problems) -> list[Any]:
    if not isinstance(value, list):
        problems.add(path, "must be an array of tables", value=value, kind=InvalidTypeError,
                     fix=f"write each entry under a [[{path}]] header")
        return []
    return value


def _text(table: Mapping[str, Any], key: str, path: str, problems: Problems,
          required: bool = True) -> str | None:
    value = table.get(key)
    if value is None:
        if required:
            problems.add(f"{path}.{key}", "required key is missing", kind=MissingValueError,
                         fix=f'add {key} = "..."')
        return None
    if not isinstance(value, str):
        problems.add(f"{path}.{key}", "must be a string", value=value, kind=InvalidTypeError,
                     fix=f'write {key} = "..."')
        return None
    return value


def _number(value: Any, path: str, problems: Problems) -> Any:
    """Pass numbers and number strings on (the value types convert them); refuse the rest."""
    if _words(value, path, problems, "leave out a part the document does not show (a count, "
              'a bound), or write the whole figure "not stated"'):
        return None
    if isinstance(value, bool) or not isinstance(value, int | Decimal | str):
        problems.add(path, "must be a number or a number string", value=value,
                     kind=InvalidTypeError, fix='write e.g. 60, 74.91 or "74,91"')
        return None
    return value


def _words(value: Any, path: str, problems: Problems, allowed: str) -> bool:
    """Record a word that is no figure, saying how to write an unknown value; True if so."""
    if isinstance(value, str) and value.strip() and not any(c.isdigit() for c in value):
        problems.add(path, "is neither a number nor a known word", value=value,
                     fix=f"write the figure as printed, or {allowed}")
        return True
    return False


def _year_key(key: str, path: str, problems: Problems) -> int | None:
    if not re.fullmatch(r"\d{4}", key.strip()):
        problems.add(f"{path}.{key}", "a year key must be a four-digit year", value=key,
                     fix="key figures by year, e.g. 2023 = 60")
        return None
    return int(key)


def _read_report(data: dict[str, Any], problems: Problems, base: Path) -> Report | None:
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
    satker_table = _table(data.get("satker", {}), "satker", problems)
    if satker_table is not None:
        problems.check_keys(satker_table, SATKER, "satker", required=("name",))
        if "name" in satker_table:
            satker = problems.attempt("satker", lambda: Satker(**satker_table))
    policy = _read_conventions(data.get("conventions", {}), problems)
    goals = _read_goals(data.get("goals", []), problems)
    goal_levels = {g.code: g.level for g in goals}
    indicators = [record for i, entry in enumerate(_array(data.get("indicators", []),
                                                          "indicators", problems))
                  if (record := _read_indicator(entry, f"indicators[{i}]", goal_levels,
                                                problems)) is not None]
    classification = problems.attempt("", functools.partial(check_choice, data.get(
        "classification", "apbn"), CLASSIFICATIONS, "classification")) or "apbn"
    budget = _read_budget(data.get("budget", {}), problems, classification)
    ikpa = _read_scores(data.get("ikpa"), "ikpa", "components", problems, allow_na=True)
    nka = _read_scores(data.get("nka"), "nka", "variables", problems, allow_na=False)
    schemes, scheme_files = read_scheme_files(data, base, problems)
    emonev = _read_scores(data.get("emonev"), "emonev", "scale", problems, allow_na=False)
    printed = _read_printed(data.get("printed", []), problems)
    if problems.errors or satker is None or year is None or policy is None:
        return None
    return problems.attempt("", lambda: Report(
        satker=satker, year=year, title=data.get("title"), period=data.get("period"),
        goals=goals,
        indicators=indicators, policy=policy, budget=budget, ikpa=ikpa, nka=nka, emonev=emonev,
        printed=printed, classification=classification, schemes=schemes,
        scheme_files=scheme_files,
    ))


def _read_conventions(value: Any, problems: Problems) -> AchievementPolicy | None:
    table = _table(value, "conventions", problems)
    if table is None:
        return None
    problems.check_keys(table, CONVENTIONS, "conventions")

    def build() -> AchievementPolicy:
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

    return problems.attempt("conventions", build)


def _entries(value: Any, section: str, allowed: set[str], required: tuple[str, ...],
             problems: Problems) -> Iterator[tuple[str, dict[str, Any]]]:
    """Each readable ``[[section]]`` entry as (path, its known keys), problems recorded."""
    for i, entry in enumerate(_array(value, section, problems)):
        path = f"{section}[{i}]"
        table = _table(entry, path, problems)
        if table is None:
            continue
        problems.check_keys(table, allowed, path, required=required)
        if set(required) <= table.keys():
            yield path, {k: v for k, v in table.items() if k in allowed}


def _read_goals(value: Any, problems: Problems) -> list[Goal]:
    goals = []
    for path, fields in _entries(value, "goals", GOAL, tuple(sorted(GOAL)), problems):
        goal = problems.attempt(path, functools.partial(Goal, **fields))
        if goal is not None:
            goals.append(goal)
    return goals


def _read_indicator(entry: Any, path: str, goal_levels: Mapping[str, Any],
                    problems: Problems) -> IndicatorRecord | None:
    table = _table(entry, path, problems)
    if table is None:
        return None
    problems.check_keys(table, INDICATOR, path)
    code = _text(table, "code", path, problems)
    name = _text(table, "name", path, problems)
    goal = _text(table, "goal", path, problems)
    unit = _text(table, "unit", path, problems)
    level = table.get("level") or goal_levels.get(goal or "")
    if level is None and goal is not None:
        problems.add(f"{path}.goal", "refers to an unknown goal", value=goal,
                     fix="use the code of one of the [[goals]]")
    indicator = None
    if code and name and unit and level is not None:
        indicator = problems.attempt(path, lambda: Indicator(
            code=code, name=name, level=level, unit=unit,
            polarity=table.get("polarity", "higher_is_better")))
    targets = _read_years(table.get("targets", {}), f"{path}.targets", problems, _read_target)
    # Counts of a rate indicator ("per 100.000") give the rate in that unit.
    rate = indicator.unit if indicator is not None \
        and indicator.unit.kind is UnitKind.RATE else None
    realizations = _read_years(table.get("realizations", {}), f"{path}.realizations", problems,
                               functools.partial(_read_realization, rate=rate))
    plan = None
    if "plan" in table:
        plan = _read_plan(table["plan"], f"{path}.plan", problems)
    if indicator is None or goal is None:
        return None
    if not table.get("targets"):
        problems.add(f"{path}.targets", "an indicator needs at least one target",
                     kind=MissingValueError, fix="add a [indicators.targets] table: 2023 = 60")
    periods = _read_years(table.get("periods", {}), f"{path}.periods", problems,
                          lambda year, value, where, _: value)
    return problems.attempt(path, lambda: IndicatorRecord(
        indicator=indicator, goal=goal, targets=targets, realizations=realizations,
        plan=plan, note=table.get("note"), periods=periods,
        aggregation=table.get("aggregation")))


def _read_years(value: Any, path: str, problems: Problems,
                read: Callable[[int, Any, str, Problems], T | None]) -> dict[int, T]:
    table = _table(value, path, problems)
    out: dict[int, T] = {}
    if table is None:
        return out
    for key, item in table.items():
        year = _year_key(key, path, problems)
        if year is None:
            continue
        if year in out:
            problems.add(f"{path}.{key}", "the year is given twice", value=key,
                         fix="give each year once")
            continue
        figure = read(year, item, f"{path}.{key}", problems)
        if figure is not None:
            out[year] = figure
    return out


def _read_target(year: int, value: Any, path: str,
                 problems: Problems) -> Target | NotApplicable | NotStated | None:
    if isinstance(value, str) and value.strip().lower() in NOT_APPLICABLE_WORDS:
        return NOT_APPLICABLE
    if isinstance(value, str) and value.strip().lower() in NOT_STATED_WORDS:
        return NOT_STATED
    if _words(value, path, problems, '"not stated" when the document does not show it, or '
              '"not applicable" when the indicator has no target that year'):
        return None
    if isinstance(value, dict):
        problems.check_keys(value, TARGET, path)
        fields = {k: _number(v, f"{path}.{k}", problems) if k != "unit" else v
                  for k, v in value.items() if k in TARGET}
        return None if None in fields.values() else problems.attempt(
            path, lambda: Target(year=year, **fields))
    number = _number(value, path, problems)
    if number is None:
        return None
    return problems.attempt(path, lambda: Target(year=year, value=number))


def _read_realization(year: int, value: Any, path: str, problems: Problems, *,
                      rate: Unit | None = None) -> Realization | None:
    if isinstance(value, str) and value.strip().lower() in MISSING_WORDS:
        return Realization.not_reported(year)
    if isinstance(value, str) and value.strip().lower() in NOT_STATED_WORDS:
        return Realization.not_stated(year)
    if _words(value, path, problems, '"not stated" when the document does not show it, or '
              '"missing" when the unit did not report it'):
        return None
    if isinstance(value, dict):
        problems.check_keys(value, REALIZATION, path)
        fields = {k: (_number(v, f"{path}.{k}", problems)
                      if k in ("value", "numerator", "denominator") else v)
                  for k, v in value.items() if k in REALIZATION}
        if rate is not None and "numerator" in fields and "unit" not in fields:
            fields["unit"] = rate
        return None if None in fields.values() else problems.attempt(  # one error, not two
            path, lambda: Realization(year=year, **fields))
    number = _number(value, path, problems)
    if number is None:
        return None
    return problems.attempt(path, lambda: Realization(year=year, value=number))


def _read_plan(value: Any, path: str, problems: Problems) -> Trajectory | None:
    table = _table(value, path, problems)
    if table is None:
        return None
    problems.check_keys(table, PLAN, path, required=("targets",))
    targets = _read_years(table.get("targets", {}), f"{path}.targets", problems, _read_target)
    if any(isinstance(t, NotApplicable) for t in targets.values()):
        problems.add(f"{path}.targets", "a plan has a target for every year it lists",
                     fix="leave years without a plan target out")
        return None
    if not targets:
        return None
    plan_targets = {y: t for y, t in targets.items() if isinstance(t, Target)}
    return problems.attempt(path, lambda: Trajectory(
        targets=plan_targets, period=table.get("period"), source=table.get("source")))


def _read_budget(value: Any, problems: Problems, classification: str = "apbn"
                 ) -> dict[str, list[BudgetLine]]:
    table = _table(value, "budget", problems)
    out: dict[str, list[BudgetLine]] = {}
    if table is None:
        return out
    for name, entries in table.items():
        lines = []
        for path, fields in _entries(entries, f"budget.{name}", LINE, ("year", "pagu"),
                                     problems):
            if _amounts_stated(fields, path, problems) and (line := problems.attempt(
                    path, functools.partial(BudgetLine, **fields, classification=classification))):
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
        if str(fields.get(key)).strip().lower() in NOT_STATED_WORDS:
            fields[key] = NOT_STATED
        elif key in fields and _words(fields[key], f"{path}.{key}", problems, how):
            return False
    return "realization" in fields


def _read_printed(value: Any, problems: Problems) -> list[PrintedFigure]:
    figures = []
    for path, fields in _entries(value, "printed", PRINTED, ("figure", "text", "where"),
                                 problems):
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
    table = None if value is None else _table(value, section, problems)
    if table is None:
        return None
    problems.check_keys(table, {key, "scheme_file"} if section in FAMILIES else {key}, section,
                        required=() if "scheme_file" in table else (key,))
    if key not in table:
        return None
    scores = _table(table.get(key, {}), f"{section}.{key}", problems) or {}
    out: dict[str, Any] = {}
    for name, score in scores.items():
        path = f"{section}.{key}.{name}"
        if allow_na and str(score).strip().lower() in NOT_APPLICABLE_WORDS:
            out[name] = NOT_APPLICABLE
            continue
        if _words(score, path, problems, (NA_SCORE if allow_na else "") + UNPRINTED_SCORES):
            continue
        number = _number(score, path, problems)
        if number is not None:
            converted = problems.attempt(path, functools.partial(to_decimal, number, field=path))
            if converted is not None:
                out[name] = converted
    return out


