"""The report file format (TOML, version 1): loading with located errors, and writing.

The format is documented in ``docs/report-format.md``.  Loading collects every
problem with its key path (``indicators[2].targets.2023``) and, where it can
be found, its line, and raises them together as one
:class:`~kinerja.ValidationError`.
"""

from __future__ import annotations

import functools
import json
import re
import tomllib
from collections.abc import Callable, Iterator, Mapping
from decimal import Decimal
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

from kinerja._achievement import CAP_120, AchievementPolicy, Cap
from kinerja._budget import BudgetLine
from kinerja._convert import to_decimal
from kinerja._figures import Realization, Target
from kinerja._indicator import Indicator
from kinerja._printed import PrintedFigure
from kinerja._renstra import Trajectory
from kinerja._report import IndicatorRecord, Report, Satker
from kinerja._sentinels import NOT_APPLICABLE, NotApplicable
from kinerja.exceptions import (
    InvalidTypeError,
    InvalidValueError,
    KinerjaError,
    MissingValueError,
    ReportFileError,
    ValidationError,
)

__all__ = ["dump_report", "example_report", "load_report", "loads_report", "save_report"]

FORMAT = "kinerja-report"
VERSION = 1
EXAMPLE = "reference_lkjip_2023.toml"

T = TypeVar("T")

_TOP = {"format", "version", "year", "title", "satker", "conventions", "goals", "indicators",
        "budget", "ikpa", "nka", "emonev", "printed"}
_SATKER = {"name", "code", "ministry", "region"}
_CONVENTIONS = {"cap", "cap_lower", "lower_method", "zero_target", "floor"}
_GOAL = {"code", "level", "name"}
_INDICATOR = {"code", "name", "goal", "unit", "polarity", "level", "targets", "realizations",
              "plan", "note"}
_PLAN = {"source", "period", "targets"}
_TARGET = {"value", "low", "high", "unit"}
_REALIZATION = {"value", "numerator", "denominator", "unit", "missing", "note"}
_LINE = {"year", "pagu", "realization", "blokir", "program", "activity", "output", "account",
         "spending_type", "indicator", "name"}
_PRINTED = {"figure", "text", "where", "indicator", "year", "breakdown", "line", "component",
            "aspect", "note"}
_NOT_APPLICABLE_WORDS = {"not applicable", "n/a", "na", "tidak berlaku", "-"}
_MISSING_WORDS = {"missing", "not reported", "tidak dilaporkan"}


class _Problems:
    """Collects located problems while a file is read."""

    def __init__(self, text: str, source: str) -> None:
        self.text = text
        self.source = source
        self.errors: list[KinerjaError] = []

    def add(self, path: str, message: str, *, value: Any = KinerjaError._NO_VALUE,
            fix: str | None = None, kind: type[KinerjaError] = InvalidValueError) -> None:
        self.errors.append(kind(message, field=self._where(path), value=value, fix=fix))

    def _where(self, path: str) -> str:
        line = locate(self.text, path)
        return f"{path} (line {line})" if line else path

    def _relocate(self, error: KinerjaError, path: str) -> None:
        path = _join(path, (error.field or "").split(" (line")[0])
        self.errors.append(type(error)(
            error.message, field=self._where(path),
            value=error.value if error._has_value else KinerjaError._NO_VALUE, fix=error.fix,
        ))

    def attempt(self, path: str, build: Callable[[], T]) -> T | None:
        """Return ``build()``, or None after recording its error at *path*."""
        try:
            return build()
        except KinerjaError as error:
            errors = error.exceptions if isinstance(error, ValidationError) else [error]
            for member in errors:
                assert isinstance(member, KinerjaError)
                self._relocate(member, path)
            return None


def _join(path: str, inner: str) -> str:
    """Extend a file key path with what an inner error's field adds to it.

    Examples
    --------
    >>> _join("indicators[0].plan", "plan.targets.2025")
    'indicators[0].plan.targets.2025'
    >>> _join("indicators[0].realizations.2023", "realization.numerator")
    'indicators[0].realizations.2023.numerator'
    >>> _join("budget.activity[1]", "Belanja X 2023.pagu")
    'budget.activity[1].pagu'
    """
    if not inner or not path:
        return path or inner
    parts = inner.split(".")
    tail = re.split(r"[.\[]", path)[-1]
    if parts[0] == tail or parts[0] in ("target", "realization", "unit", "cap"):
        rest = parts[1:]
    else:
        rest = parts[-1:]
    known = set(re.split(r"[.\[\]]", path))
    rest = [p for p in rest if p != "value" and p not in known]
    return ".".join([path, *rest]) if path else ".".join(rest)


def locate(text: str, path: str) -> int | None:
    r"""Return the line (1-based) where *path* is written in TOML *text*, if it can be found.

    Examples
    --------
    >>> locate("[[goals]]\ncode = 'A'\n[[goals]]\ncode = 'B'\n", "goals[1].code")
    4
    """
    lines = text.splitlines()
    tokens = re.findall(r"[^.\[\]]+|\[\d+\]", path.split(" (line")[0])
    start, table = 0, ""
    line_found: int | None = None
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token.startswith("["):
            i += 1
            continue
        index = int(tokens[i + 1][1:-1]) if i + 1 < len(tokens) and \
            tokens[i + 1].startswith("[") else None
        dotted = f"{table}.{token}" if table else token
        if index is not None:
            header = re.compile(rf"^\s*\[\[\s*{re.escape(dotted)}\s*\]\]")
            hits = [n for n, line in enumerate(lines) if n >= start and header.match(line)]
            if index >= len(hits):
                return line_found
            start = hits[index]
            line_found, table = start + 1, dotted
            i += 2
            continue
        header = re.compile(rf"^\s*\[\s*{re.escape(dotted)}\s*[\].]")
        key = re.compile(rf"^\s*\"?{re.escape(token)}\"?\s*=")
        for n in range(start, len(lines)):
            if n > start and lines[n].lstrip().startswith("[[") and table and \
                    not lines[n].lstrip().startswith(f"[[{table}."):
                break
            if header.match(lines[n]):
                start, line_found, table = n, n + 1, dotted
                break
            if key.match(lines[n]):
                start, line_found = n, n + 1
                break
        else:
            return line_found
        i += 1
    return line_found


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
    if not isinstance(text, str):
        raise ReportFileError(f"expected the report as text, not {type(text).__name__}",
                              field=source, fix="decode the file first, or use load_report(path)")
    try:
        data = tomllib.loads(text, parse_float=Decimal)
    except tomllib.TOMLDecodeError as error:
        raise ReportFileError(f"not a valid TOML file: {error}", field=source,
                              fix="check the syntax at the line and column given") from None
    problems = _Problems(text, source)
    report = _read_report(data, problems)
    if problems.errors:
        raise ValidationError(f"{len(problems.errors)} problem(s) in {source}", problems.errors)
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
    file = Path(path)
    try:
        text = file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ReportFileError(f"cannot read the report file: {error}", field=str(file),
                              fix="give the path of a UTF-8 TOML report file") from None
    return loads_report(text, source=str(file))


@functools.cache
def _example_text() -> str:
    return resources.files("kinerja").joinpath("data", EXAMPLE).read_text(encoding="utf-8")


def example_report() -> Report:
    """Return the bundled example: the 2023 LKjIP of Bapas Kelas II Pangkalpinang.

    Every figure is transcribed from the reference report; where the report
    contradicts itself, the input is the figure its own inputs (counts,
    signed agreements) support, and the contradiction is noted in the file.

    >>> report = example_report()
    >>> len(report.indicators), report.budget_total("spending_type").realization
    (13, 4100202041)
    """
    return loads_report(_example_text(), source=f"kinerja/data/{EXAMPLE}")


def example_path() -> Path:
    """Return the path of the bundled example file (to copy and adapt).

    Examples
    --------
    >>> example_path().name
    'reference_lkjip_2023.toml'
    """
    return Path(str(resources.files("kinerja").joinpath("data", EXAMPLE)))


def _check_keys(table: Mapping[str, Any], allowed: set[str], path: str,
                problems: _Problems, required: tuple[str, ...] = ()) -> None:
    for key in table:
        if key not in allowed:
            problems.add(f"{path}.{key}" if path else key, "unknown key", value=key,
                         fix="use one of " + ", ".join(sorted(allowed)))
    for key in required:
        if key not in table:
            problems.add(f"{path}.{key}" if path else key, "required key is missing",
                         kind=MissingValueError, fix=f"add {key} = ...")


def _table(value: Any, path: str, problems: _Problems) -> dict[str, Any] | None:
    if not isinstance(value, dict):
        problems.add(path, "must be a table", value=value, kind=InvalidTypeError,
                     fix="write it as a [table] or { key = value }")
        return None
    return value


def _array(value: Any, path: str, problems: _Problems) -> list[Any]:
    if not isinstance(value, list):
        problems.add(path, "must be an array of tables", value=value, kind=InvalidTypeError,
                     fix=f"write each entry under a [[{path}]] header")
        return []
    return value


def _text(table: Mapping[str, Any], key: str, path: str, problems: _Problems,
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


def _number(value: Any, path: str, problems: _Problems) -> Any:
    """Pass numbers and number strings on (the value types convert them); refuse the rest."""
    if isinstance(value, bool) or not isinstance(value, int | Decimal | str):
        problems.add(path, "must be a number or a number string", value=value,
                     kind=InvalidTypeError, fix='write e.g. 60, 74.91 or "74,91"')
        return None
    return value


def _year_key(key: str, path: str, problems: _Problems) -> int | None:
    if not re.fullmatch(r"\d{4}", key.strip()):
        problems.add(f"{path}.{key}", "a year key must be a four-digit year", value=key,
                     fix="key figures by year, e.g. 2023 = 60")
        return None
    return int(key)


def _read_report(data: dict[str, Any], problems: _Problems) -> Report | None:
    _check_keys(data, _TOP, "", problems, required=("format", "version", "year", "satker"))
    if data.get("format", FORMAT) != FORMAT:
        problems.add("format", f'must be "{FORMAT}"', value=data.get("format"))
    if "version" in data and data["version"] != VERSION:
        problems.add("version", f"this kinerja reads version {VERSION}", value=data["version"],
                     fix="convert the file, or upgrade kinerja")
    year = data.get("year")
    if not isinstance(year, int) or isinstance(year, bool):
        if "year" in data:
            problems.add("year", "must be a year (an integer)", value=year,
                         kind=InvalidTypeError)
        year = None
    satker = None
    satker_table = _table(data.get("satker", {}), "satker", problems)
    if satker_table is not None:
        _check_keys(satker_table, _SATKER, "satker", problems, required=("name",))
        if "name" in satker_table:
            satker = problems.attempt("satker", lambda: Satker(**satker_table))
    policy = _read_conventions(data.get("conventions", {}), problems)
    goals = _read_goals(data.get("goals", []), problems)
    goal_levels = {g.code: g.level for g in goals}
    indicators = [record for i, entry in enumerate(_array(data.get("indicators", []),
                                                          "indicators", problems))
                  if (record := _read_indicator(entry, f"indicators[{i}]", goal_levels,
                                                problems)) is not None]
    budget = _read_budget(data.get("budget", {}), problems)
    ikpa = _read_scores(data.get("ikpa"), "ikpa", "components", problems, allow_na=True)
    nka = _read_scores(data.get("nka"), "nka", "variables", problems, allow_na=False)
    emonev = _read_scores(data.get("emonev"), "emonev", "scale", problems, allow_na=False)
    printed = _read_printed(data.get("printed", []), problems)
    if problems.errors or satker is None or year is None or policy is None:
        return None
    return problems.attempt("", lambda: Report(
        satker=satker, year=year, title=data.get("title"), goals=goals,
        indicators=indicators, policy=policy, budget=budget, ikpa=ikpa, nka=nka, emonev=emonev,
        printed=printed,
    ))


def _read_conventions(value: Any, problems: _Problems) -> AchievementPolicy | None:
    table = _table(value, "conventions", problems)
    if table is None:
        return None
    _check_keys(table, _CONVENTIONS, "conventions", problems)

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
             problems: _Problems) -> Iterator[tuple[str, dict[str, Any]]]:
    """Each readable ``[[section]]`` entry as (path, its known keys), problems recorded."""
    for i, entry in enumerate(_array(value, section, problems)):
        path = f"{section}[{i}]"
        table = _table(entry, path, problems)
        if table is None:
            continue
        _check_keys(table, allowed, path, problems, required=required)
        if set(required) <= table.keys():
            yield path, {k: v for k, v in table.items() if k in allowed}


def _read_goals(value: Any, problems: _Problems) -> list[Any]:
    from kinerja._report import Goal

    goals = []
    for path, fields in _entries(value, "goals", _GOAL, tuple(sorted(_GOAL)), problems):
        goal = problems.attempt(path, functools.partial(Goal, **fields))
        if goal is not None:
            goals.append(goal)
    return goals


def _read_indicator(entry: Any, path: str, goal_levels: Mapping[str, Any],
                    problems: _Problems) -> IndicatorRecord | None:
    table = _table(entry, path, problems)
    if table is None:
        return None
    _check_keys(table, _INDICATOR, path, problems)
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
    realizations = _read_years(table.get("realizations", {}), f"{path}.realizations", problems,
                               _read_realization)
    plan = None
    if "plan" in table:
        plan = _read_plan(table["plan"], f"{path}.plan", problems)
    if indicator is None or goal is None:
        return None
    if not table.get("targets"):
        problems.add(f"{path}.targets", "an indicator needs at least one target",
                     kind=MissingValueError, fix="add a [indicators.targets] table: 2023 = 60")
    return problems.attempt(path, lambda: IndicatorRecord(
        indicator=indicator, goal=goal, targets=targets, realizations=realizations,
        plan=plan, note=table.get("note")))


def _read_years(value: Any, path: str, problems: _Problems,
                read: Callable[[int, Any, str, _Problems], T | None]) -> dict[int, T]:
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
                 problems: _Problems) -> Target | NotApplicable | None:
    if isinstance(value, str) and value.strip().lower() in _NOT_APPLICABLE_WORDS:
        return NOT_APPLICABLE
    if isinstance(value, dict):
        _check_keys(value, _TARGET, path, problems)
        fields = {k: _number(v, f"{path}.{k}", problems) if k != "unit" else v
                  for k, v in value.items() if k in _TARGET}
        return problems.attempt(path, lambda: Target(year=year, **fields))
    number = _number(value, path, problems)
    if number is None:
        return None
    return problems.attempt(path, lambda: Target(year=year, value=number))


def _read_realization(year: int, value: Any, path: str,
                      problems: _Problems) -> Realization | None:
    if isinstance(value, str) and value.strip().lower() in _MISSING_WORDS:
        return Realization.not_reported(year)
    if isinstance(value, dict):
        _check_keys(value, _REALIZATION, path, problems)
        fields = {k: (_number(v, f"{path}.{k}", problems)
                      if k in ("value", "numerator", "denominator") else v)
                  for k, v in value.items() if k in _REALIZATION}
        return problems.attempt(path, lambda: Realization(year=year, **fields))
    number = _number(value, path, problems)
    if number is None:
        return None
    return problems.attempt(path, lambda: Realization(year=year, value=number))


def _read_plan(value: Any, path: str, problems: _Problems) -> Trajectory | None:
    table = _table(value, path, problems)
    if table is None:
        return None
    _check_keys(table, _PLAN, path, problems, required=("targets",))
    targets = _read_years(table.get("targets", {}), f"{path}.targets", problems, _read_target)
    period = table.get("period")
    if period is not None and (not isinstance(period, list) or len(period) != 2
                               or not all(isinstance(y, int) for y in period)):
        problems.add(f"{path}.period", "must be [first year, last year]", value=period,
                     kind=InvalidTypeError, fix="write period = [2020, 2024]")
        period = None
    if any(isinstance(t, NotApplicable) for t in targets.values()):
        problems.add(f"{path}.targets", "a plan has a target for every year it lists",
                     fix="leave years without a plan target out")
        return None
    if not targets:
        return None
    plan_targets = {y: t for y, t in targets.items() if isinstance(t, Target)}
    return problems.attempt(path, lambda: Trajectory(
        targets=plan_targets, period=tuple(period) if period else None,
        source=table.get("source")))


def _read_budget(value: Any, problems: _Problems) -> dict[str, list[BudgetLine]]:
    table = _table(value, "budget", problems)
    out: dict[str, list[BudgetLine]] = {}
    if table is None:
        return out
    for name, entries in table.items():
        lines = []
        for path, fields in _entries(entries, f"budget.{name}", _LINE,
                                     ("year", "pagu", "realization"), problems):
            line = problems.attempt(path, functools.partial(BudgetLine, **fields))
            if line is not None:
                lines.append(line)
        out[name] = lines
    return out


def _read_printed(value: Any, problems: _Problems) -> list[PrintedFigure]:
    figures = []
    for path, fields in _entries(value, "printed", _PRINTED, ("figure", "text", "where"),
                                 problems):
        wrong = [(key, item) for key, item in fields.items()
                 if isinstance(item, bool) or not isinstance(item, int if key == "year" else str)]
        for key, item in wrong[:1]:
            what = "a year" if key == "year" else "a string"
            problems.add(f"{path}.{key}", f"must be {what}", value=item, kind=InvalidTypeError)
        if not wrong:
            figure = problems.attempt(path, functools.partial(PrintedFigure, **fields))
            if figure is not None:
                figures.append(figure)
    return figures


def _read_scores(value: Any, section: str, key: str, problems: _Problems,
                 *, allow_na: bool) -> dict[str, Any] | None:
    if value is None:
        return None
    table = _table(value, section, problems)
    if table is None:
        return None
    _check_keys(table, {key}, section, problems, required=(key,))
    scores = _table(table.get(key, {}), f"{section}.{key}", problems) or {}
    out: dict[str, Any] = {}
    for name, score in scores.items():
        path = f"{section}.{key}.{name}"
        if allow_na and isinstance(score, str) and score.strip().lower() in \
                _NOT_APPLICABLE_WORDS:
            out[name] = NOT_APPLICABLE
            continue
        number = _number(score, path, problems)
        if number is not None:
            converted = problems.attempt(path, functools.partial(to_decimal, number, field=path))
            if converted is not None:
                out[name] = converted
    return out


# --- writing ---------------------------------------------------------------------------


def _toml_string(text: str) -> str:
    # JSON's escapes are TOML's, except that TOML also wants DEL escaped.
    return json.dumps(text, ensure_ascii=False).replace("\x7f", "\\u007f")


def _toml_number(value: Decimal | int) -> str:
    if isinstance(value, int):
        return str(value)
    exponent = value.as_tuple().exponent
    if isinstance(exponent, int) and exponent >= 0:
        return str(int(value))
    text = format(value, "f")
    return text if "." in text else text + ".0"


def _toml_target(target: Target | NotApplicable) -> str:
    if isinstance(target, NotApplicable):
        return '"not applicable"'
    parts = ([f"value = {_toml_number(target.value)}"] if target.value is not None else
             [f"low = {_toml_number(target.low)}", f"high = {_toml_number(target.high)}"]
             if target.low is not None and target.high is not None else [])
    if target.unit is not None:
        parts.append(f"unit = {_toml_string(str(target.unit))}")
    if len(parts) == 1 and target.value is not None:
        return _toml_number(target.value)
    return "{ " + ", ".join(parts) + " }"


def _toml_realization(real: Realization) -> str:
    if real.is_missing:
        if real.note:
            return "{ missing = true, note = " + _toml_string(real.note) + " }"
        return '"missing"'
    if real.has_counts:
        assert real.numerator is not None and real.denominator is not None
        parts = [f"numerator = {_toml_number(real.numerator)}",
                 f"denominator = {_toml_number(real.denominator)}"]
    else:
        assert real.value is not None
        parts = [f"value = {_toml_number(real.value)}"]
    if real.unit is not None:
        parts.append(f"unit = {_toml_string(str(real.unit))}")
    if real.note:
        parts.append(f"note = {_toml_string(real.note)}")
    if len(parts) == 1 and not real.has_counts:
        return parts[0].removeprefix("value = ")
    return "{ " + ", ".join(parts) + " }"


def dump_report(report: Report) -> str:
    """Write *report* in the file format; :func:`loads_report` reads it back equal.

    Examples
    --------
    >>> report = example_report()
    >>> loads_report(dump_report(report)) == report
    True
    """
    out = [f'format = "{FORMAT}"', f"version = {VERSION}", f"year = {report.year}"]
    if report.title:
        out.append(f"title = {_toml_string(report.title)}")
    out += ["", "[satker]"]
    for key in ("name", "code", "ministry", "region"):
        value = getattr(report.satker, key)
        if value is not None:
            out.append(f"{key} = {_toml_string(value)}")
    policy = report.policy
    out += ["", "[conventions]", f"lower_method = {_toml_string(policy.lower_method)}",
            f"zero_target = {_toml_string(policy.zero_target)}"]
    if policy.cap is not None:
        out.append(f"cap = {_toml_number(policy.cap.upper)}")
        if policy.cap.lower is not None:
            out.append(f"cap_lower = {_toml_number(policy.cap.lower)}")
    if policy.floor is not None:
        out.append(f"floor = {_toml_number(policy.floor)}")
    for goal in report.goals:
        out += ["", "[[goals]]", f"code = {_toml_string(goal.code)}",
                f"level = {_toml_string(goal.level.value)}", f"name = {_toml_string(goal.name)}"]
    for record in report.indicators:
        ind = record.indicator
        out += ["", "[[indicators]]", f"code = {_toml_string(ind.code)}",
                f"name = {_toml_string(ind.name)}", f"goal = {_toml_string(record.goal)}",
                f"level = {_toml_string(ind.level.value)}",
                f"unit = {_toml_string(str(ind.unit))}",
                f"polarity = {_toml_string(ind.polarity.value)}"]
        if record.note:
            out.append(f"note = {_toml_string(record.note)}")
        out += ["", "[indicators.targets]"]
        out += [f"{year} = {_toml_target(t)}" for year, t in record.targets.items()]
        if record.realizations:
            out += ["", "[indicators.realizations]"]
            out += [f"{year} = {_toml_realization(r)}" for year, r in record.realizations.items()]
        if record.plan is not None:
            out += ["", "[indicators.plan]", "period = [{}, {}]".format(*record.plan.span)]
            if record.plan.source:
                out.append(f"source = {_toml_string(record.plan.source)}")
            out += ["", "[indicators.plan.targets]"]
            out += [f"{year} = {_toml_target(t)}" for year, t in record.plan.targets.items()]
    if report.budget:
        out += ["", "[budget]"]
    for name, lines in report.budget.items():
        for line in lines:
            out += ["", f"[[budget.{name}]]", f"year = {line.year}", f"pagu = {line.pagu}",
                    f"realization = {line.realization}"]
            if line.blokir is not None:
                out.append(f"blokir = {line.blokir}")
            for key in ("program", "activity", "output", "account", "indicator", "name"):
                value = getattr(line, key)
                if value is not None:
                    out.append(f"{key} = {_toml_string(value)}")
            if line.spending_type is not None and line.account is None:
                out.append(f"spending_type = {_toml_string(line.spending_type.value)}")
    for section, key, scores in (("ikpa", "components", report.ikpa),
                                 ("nka", "variables", report.nka),
                                 ("emonev", "scale", report.emonev)):
        if scores is None:
            continue
        out += ["", f"[{section}]", "", f"[{section}.{key}]"]
        for name, score in scores.items():
            value = ('"not applicable"' if isinstance(score, NotApplicable)
                     else _toml_number(score))
            out.append(f"{_toml_key(name)} = {value}")
    for figure in report.printed:
        out += ["", "[[printed]]"]
        for key in ("figure", "indicator", "year", "breakdown", "line", "component", "aspect",
                    "text", "where", "note"):
            value = getattr(figure, key)
            if value is not None:
                out.append(f"{key} = {value if key == 'year' else _toml_string(value)}")
    return "\n".join(out) + "\n"


def _toml_key(name: str) -> str:
    return name if re.fullmatch(r"[A-Za-z0-9_-]+", name) else _toml_string(name)


def save_report(report: Report, path: str | Path) -> None:
    """Write *report* to *path* in the file format (UTF-8).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "laporan.toml"
    >>> save_report(example_report(), path)
    >>> load_report(path) == example_report()
    True
    """
    Path(path).write_text(dump_report(report), encoding="utf-8")
