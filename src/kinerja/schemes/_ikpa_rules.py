"""The provisional IKPA component rules of PER-5/PB/2024, read from data.

``presets/rules/ikpa-2024.toml`` holds every number the 2024+ component
calculators use (quarterly absorption targets by spending type, the Revisi
DIPA bands, the Dispensasi SPM points, the parts of Belanja Kontraktual, UP/TUP
and Capaian Output), each with its source.  All are *provisional*: one public
engine's reading, not yet checked against the regulation's text; a correction
is an edit of that file.  The file is checked when first read: every problem
is reported at once, at its place.  Docs page *IKPA 2024+ components*
(``docs/schemes/ikpa-2024.md``).
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

import attrs

from kinerja.core._data import read_data
from kinerja.core._frozen import FrozenMap, freeze
from kinerja.core._input import exact, to_count, to_decimal, to_year
from kinerja.core._problems import Problems
from kinerja.core._toml import read_toml
from kinerja.exceptions import InvalidValueError, KinerjaError, ValidationError

__all__ = ["RULES_FILE", "PenyerapanRule", "component_rule", "penyerapan_rules"]

RULES_FILE = "rules/ikpa-2024.toml"
_QUARTERS = ("q1", "q2", "q3", "q4")
_BASES = ("pagu", "pagu_minus_blokir")
#: The keys of each component's table, and the parts whose shares add up to 100.
_COMPONENTS: dict[str, tuple[str, ...]] = {
    "revisi_dipa": ("source", "cap", "bands"),
    "dispensasi_spm": ("source", "points"),
    "belanja_kontraktual": ("source", "parts"),
    "pengelolaan_up_tup": ("source", "cash", "cash_parts", "kkp", "kkp_targets"),
    "capaian_output": ("source", "parts"),
}


@attrs.frozen(kw_only=True)
class PenyerapanRule:
    """One rule set of the Penyerapan component: from a year on, its base and targets."""

    from_year: int
    base: str
    targets: FrozenMap[str, tuple[Decimal | None, ...]]
    source: str


def _text() -> str:
    return read_data("schemes", "presets", *RULES_FILE.split("/"))


@functools.cache
def _rules() -> tuple[tuple[PenyerapanRule, ...], FrozenMap[str, Any]]:
    return read_rules(read_toml(_text(), origin=RULES_FILE), origin=RULES_FILE)


def penyerapan_rules() -> tuple[PenyerapanRule, ...]:
    """The Penyerapan rule sets, oldest first."""
    return _rules()[0]


def component_rule(key: str) -> FrozenMap[str, Any]:
    """The rule table of one component (``"revisi_dipa"``, ``"dispensasi_spm"``, ...)."""
    table: FrozenMap[str, Any] = _rules()[1][key]
    return table


def read_rules(data: Mapping[str, Any], *, origin: str
               ) -> tuple[tuple[PenyerapanRule, ...], FrozenMap[str, Any]]:
    """Check a rules file's content; every problem is reported at once, at its place."""
    problems = Problems()
    problems.check_keys(data, {"regulation", "valid_from", "source", "penyerapan",
                               *_COMPONENTS}, "", required=("penyerapan", *_COMPONENTS))
    rules = []
    for index, item in enumerate(data.get("penyerapan", [])):
        rule = _collect(problems, functools.partial(_penyerapan, item, f"penyerapan[{index}]"))
        if rule is not None:
            rules.append(rule)
    years = [rule.from_year for rule in rules]
    if years != sorted(set(years)):
        problems.add("penyerapan", "the rule sets must be in ascending from_year order",
                     value=years)
    tables = {}
    for key, allowed in _COMPONENTS.items():
        table = data.get(key)
        if isinstance(table, Mapping) and problems.check_keys(table, allowed, key,
                                                             required=allowed):
            checked = _collect(problems, functools.partial(_component, key, table))
            if checked is not None:
                tables[key] = checked
    problems.raise_if_any(origin)
    return tuple(rules), freeze(tables)


def _collect(problems: Problems, build: Any) -> Any:
    """``build()``, or ``None`` after recording its errors as they are (fields in full)."""
    try:
        return build()
    except ValidationError as error:
        problems.errors.extend(e for e in error.exceptions if isinstance(e, KinerjaError))
    except KinerjaError as error:
        problems.errors.append(error)
    return None


def _penyerapan(item: Mapping[str, Any], where: str) -> PenyerapanRule:
    problems = Problems()
    if not problems.check_keys(item, ("from_year", "base", "source", "targets"), where,
                               required=("from_year", "base", "source", "targets")):
        problems.raise_if_any(where)
    if item["base"] not in _BASES:
        problems.add(f"{where}.base", "unknown base", value=item["base"],
                     fix="use 'pagu' or 'pagu_minus_blokir'")
    targets = {}
    given = item["targets"] if isinstance(item["targets"], Mapping) else {}
    if not given:
        problems.add(f"{where}.targets", "give the quarterly targets by spending type",
                     fix='"52" = { q1 = 15, q2 = 50, q3 = 70, q4 = 90 }')
    for code, quarters in given.items():
        field = f"{where}.targets.{code}"
        if not isinstance(quarters, Mapping):
            problems.add(field, "must be a table of q1 .. q4", value=quarters)
        elif problems.check_keys(quarters, _QUARTERS, field):
            values = tuple(None if q not in quarters else _collect(
                problems, functools.partial(_share, quarters[q], f"{field}.{q}"))
                for q in _QUARTERS)
            targets[str(code)] = values
    year = _collect(problems, functools.partial(to_year, item["from_year"],
                                                field=f"{where}.from_year"))
    problems.raise_if_any(where)
    return PenyerapanRule(from_year=year, base=item["base"], targets=freeze(targets),
                          source=str(item["source"]))


def _share(value: Any, field: str) -> Decimal:
    number = to_decimal(value, field=field)
    if not 0 < number <= 100:
        raise InvalidValueError("a share or target is above 0 and at most 100 (percent)",
                                field=field, value=value, fix=f"correct it in {RULES_FILE}")
    return number


def _parts(table: Mapping[str, Any], field: str) -> FrozenMap[str, Decimal]:
    parts = {name: _share(value, f"{field}.{name}") for name, value in table.items()}
    with exact():
        if sum(parts.values(), Decimal(0)) != 100:
            raise InvalidValueError("the parts must add up to 100", field=field,
                                    value=dict(table), fix=f"correct them in {RULES_FILE}")
    return freeze(parts)


def _component(key: str, table: Mapping[str, Any]) -> FrozenMap[str, Any]:
    result: dict[str, Any] = {"source": str(table["source"])}
    if key == "revisi_dipa":
        result["cap"] = _share(table["cap"], f"{key}.cap")
        bands = []
        for index, band in enumerate(table["bands"]):
            most = band.get("most")
            bands.append((None if most is None else to_count(most, field=f"{key}.bands"
                                                             f"[{index}].most"),
                          to_decimal(band["score"], field=f"{key}.bands[{index}].score")))
        result["bands"] = tuple(bands)
    elif key == "dispensasi_spm":
        result["points"] = tuple(to_decimal(p, field=f"{key}.points[{i}]")
                                 for i, p in enumerate(table["points"]))
    elif key == "pengelolaan_up_tup":
        result["cash_parts"] = _parts(table["cash_parts"], f"{key}.cash_parts")
        result["parts"] = _parts({"cash": table["cash"], "kkp": table["kkp"]},
                                 f"{key}.cash, kkp")
        result["kkp_targets"] = tuple(_share(t, f"{key}.kkp_targets[{i}]")
                                      for i, t in enumerate(table["kkp_targets"]))
    else:
        result["parts"] = _parts(table["parts"], f"{key}.parts")
    return freeze(result)
