"""Writing the report file format (TOML): the reader reads back what this writes.

The format is documented in the docs page *Report file format*
(``docs/report-format.md``); :mod:`kinerja.report._read` reads it.
"""

from __future__ import annotations

import os
from pathlib import Path

import attrs

from kinerja.budget._regional import ApbdSpendingType
from kinerja.core._sentinels import NotApplicable, NotStated
from kinerja.core._toml import toml_key, toml_number, toml_string, write_text_file
from kinerja.exceptions import InvalidValueError
from kinerja.indicators._figures import Realization, Target
from kinerja.report._format import FORMAT, VERSION
from kinerja.report._model import Report
from kinerja.report._periods import PeriodFigures
from kinerja.report._scheme_files import base_of

__all__ = ["dump_report", "save_report"]


def _toml_target(target: Target | NotApplicable | NotStated) -> str:
    if isinstance(target, NotApplicable):
        return '"not applicable"'
    if isinstance(target, NotStated):
        return '"not stated"'
    parts = ([f"value = {toml_number(target.value)}"] if target.value is not None else
             [f"low = {toml_number(target.low)}", f"high = {toml_number(target.high)}"]
             if target.low is not None and target.high is not None else [])
    if target.unit is not None:
        parts.append(f"unit = {toml_string(str(target.unit))}")
    if len(parts) == 1 and target.value is not None:
        return toml_number(target.value)
    return "{ " + ", ".join(parts) + " }"


def _toml_amount(amount: int | NotStated) -> str:
    return '"not stated"' if isinstance(amount, NotStated) else str(amount)


def _toml_period(figures: PeriodFigures) -> str:
    parts = []
    if figures.target is not None:
        parts.append(f"target = {_toml_target(figures.target)}")
    if figures.realization is not None:
        parts.append(f"realization = {_toml_realization(figures.realization)}")
    return "{ " + ", ".join(parts) + " }"


def _toml_realization(real: Realization) -> str:
    if real.is_not_stated:
        return '"not stated"' if not real.note else \
            "{ missing = true, stated = false, note = " + toml_string(real.note) + " }"
    if real.is_missing:
        if real.note:
            return "{ missing = true, note = " + toml_string(real.note) + " }"
        return '"missing"'
    if real.has_counts:
        assert real.numerator is not None and real.denominator is not None
        parts = [f"numerator = {toml_number(real.numerator)}",
                 f"denominator = {toml_number(real.denominator)}"]
    else:
        assert real.value is not None
        parts = [f"value = {toml_number(real.value)}"]
    if real.unit is not None:
        parts.append(f"unit = {toml_string(str(real.unit))}")
    if real.note:
        parts.append(f"note = {toml_string(real.note)}")
    if len(parts) == 1 and not real.has_counts:
        return parts[0].removeprefix("value = ")
    return "{ " + ", ".join(parts) + " }"


def dump_report(report: Report) -> str:
    """Write *report* in the file format; :func:`loads_report` reads it back equal.

    Examples
    --------
    >>> import kinerja
    >>> report = kinerja.example_report()
    >>> kinerja.loads_report(dump_report(report)) == report
    True
    """
    unwritten = sorted(set(report.schemes) - set(report.scheme_files))
    if unwritten:
        raise InvalidValueError(
            "a custom scheme is written to a report file as the path of its scheme file",
            field=f"schemes.{unwritten[0]}", value=report.schemes[unwritten[0]].name,
            fix="save the scheme with kinerja.save_scheme and name the file in "
            "scheme_files={" + f'"{unwritten[0]}": "its-file.toml"' + "}")
    out = [f'format = "{FORMAT}"', f"version = {VERSION}", f"year = {report.year}"]
    if report.title:
        out.append(f"title = {toml_string(report.title)}")
    if report.period:
        out.append(f"period = {toml_string(report.period)}")
    if report.classification != "apbn":
        out.append(f"classification = {toml_string(report.classification)}")
    out += ["", "[satker]"]
    for key in ("name", "code", "ministry", "region"):
        value = getattr(report.satker, key)
        if value is not None:
            out.append(f"{key} = {toml_string(value)}")
    policy = report.policy
    out += ["", "[conventions]", f"lower_method = {toml_string(policy.lower_method)}",
            f"zero_target = {toml_string(policy.zero_target)}"]
    if policy.cap is not None:
        out.append(f"cap = {toml_number(policy.cap.upper)}")
        if policy.cap.lower is not None:
            out.append(f"cap_lower = {toml_number(policy.cap.lower)}")
    if policy.floor is not None:
        out.append(f"floor = {toml_number(policy.floor)}")
    for goal in report.goals:
        out += ["", "[[goals]]", f"code = {toml_string(goal.code)}",
                f"level = {toml_string(goal.level.value)}", f"name = {toml_string(goal.name)}"]
    for record in report.indicators:
        ind = record.indicator
        out += ["", "[[indicators]]", f"code = {toml_string(ind.code)}",
                f"name = {toml_string(ind.name)}", f"goal = {toml_string(record.goal)}",
                f"level = {toml_string(ind.level.value)}",
                f"unit = {toml_string(str(ind.unit))}",
                f"polarity = {toml_string(ind.polarity.value)}"]
        if record.note:
            out.append(f"note = {toml_string(record.note)}")
        if record.aggregation is not None:
            out.append(f"aggregation = {toml_string(record.aggregation)}")
        out += ["", "[indicators.targets]"]
        out += [f"{year} = {_toml_target(t)}" for year, t in record.targets.items()]
        given = {y: r for y, r in record.realizations.items() if y not in record.derived_years}
        if given:
            out += ["", "[indicators.realizations]"]
            out += [f"{year} = {_toml_realization(r)}" for year, r in given.items()]
        for year, periods in record.periods.items():
            out += ["", f"[indicators.periods.{year}]"]
            out += [f"{key} = {_toml_period(figures)}" for key, figures in periods.items()]
        if record.plan is not None:
            out += ["", "[indicators.plan]"]
            if record.plan.period is not None:
                out.append("period = [{}, {}]".format(*record.plan.period))
            if record.plan.source:
                out.append(f"source = {toml_string(record.plan.source)}")
            out += ["", "[indicators.plan.targets]"]
            out += [f"{year} = {_toml_target(t)}" for year, t in record.plan.targets.items()]
    if report.budget:
        out += ["", "[budget]"]
    for name, lines in report.budget.items():
        for line in lines:
            out += ["", f"[[budget.{name}]]", f"year = {line.year}",
                    f"pagu = {_toml_amount(line.pagu)}",
                    f"realization = {_toml_amount(line.realization)}"]
            if line.blokir is not None:
                out.append(f"blokir = {line.blokir}")
            if line.pagu_awal is not None:
                out.append(f"pagu_awal = {line.pagu_awal}")
            for key in ("program", "activity", "output", "account", "indicator", "name"):
                value = getattr(line, key)
                if value is not None:
                    out.append(f"{key} = {toml_string(value)}")
            if line.spending_type is not None and line.account is None:
                kind = line.spending_type
                # A provisional APBD code is written by its name, which every APBD file reads.
                shown = kind.indonesian if isinstance(kind, ApbdSpendingType) \
                    and kind.provisional else kind.value
                out.append(f"spending_type = {toml_string(shown)}")
    for section, key, scores in (("ikpa", "components", report.ikpa),
                                 ("nka", "variables", report.nka),
                                 ("emonev", "scale", report.emonev)):
        file = report.scheme_files.get(section)
        if file is not None:
            out += ["", f"[{section}]", f"scheme_file = {toml_string(file)}"]
        if scores is None:
            continue
        out += ["", f"[{section}.{key}]"] if file is not None \
            else ["", f"[{section}]", "", f"[{section}.{key}]"]
        for name, score in scores.items():
            value = ('"not applicable"' if isinstance(score, NotApplicable)
                     else toml_number(score))
            out.append(f"{toml_key(name)} = {value}")
    for figure in report.printed:
        out += ["", "[[printed]]"]
        for key in ("figure", "indicator", "goal", "year", "period", "breakdown", "line",
                    "component", "aspect", "text", "where", "note"):
            value = getattr(figure, key)
            if value is not None:
                out.append(f"{key} = {value if key == 'year' else toml_string(value)}")
    return "\n".join(out) + "\n"


def save_report(report: Report, path: str | Path) -> None:
    """Write *report* to *path* in the file format (UTF-8).

    The report's scheme files are named relative to the new file, so that it
    reads them wherever it is written.

    Examples
    --------
    >>> import kinerja, tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "laporan.toml"
    >>> save_report(kinerja.example_report(), path)
    >>> kinerja.load_report(path) == kinerja.example_report()
    True
    """
    if report.scheme_files and isinstance(path, str | os.PathLike):
        rebased = _rebased(report, Path(path))
        if rebased != dict(report.scheme_files):
            report = attrs.evolve(report, scheme_files=rebased)
    write_text_file(path, dump_report(report), what="report file")


def _rebased(report: Report, path: Path) -> dict[str, str]:
    """The report's scheme files named relative to *path*'s directory (as a new file needs).

    A relative name starts from the directory of the file the report was read
    from (``report.source``; the current directory for a report built in Python).
    """
    base = base_of(report.source or "<string>")
    out = {}
    for family, name in report.scheme_files.items():
        if Path(name).is_absolute():
            out[family] = name
            continue
        target = (base / name).resolve()
        out[family] = Path(os.path.relpath(target, path.resolve().parent)).as_posix()
    return out
