"""The report reader's fast paths give exactly what its general paths give, report or errors."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

import attrs
import hypothesis.strategies as st
import pytest
from hypothesis import given, settings

import kinerja
from kinerja.core._input import to_decimal, to_rupiah, to_year
from kinerja.core._parse import _parse_full, parse_number
from kinerja.core._polarity import Polarity
from kinerja.core._units import to_unit
from kinerja.indicators import _figures, _indicator
from kinerja.report import _printed, _read, _read_indicators, _read_values

TEXT = kinerja.example_path().read_text(encoding="utf-8")
LINES = TEXT.splitlines()
ASSIGNMENTS = [i for i, line in enumerate(LINES) if re.match(r"^\s*[\w.\"-]+\s*=\s*\S", line)]
WRONG = ['"abc"', "-1", "[]", "{}", "true", "0", '"4,100"', '"1.234,5"', '"Rp 5 juta"', "2023.0",
         '"not stated"', '"123% (Konversi)"', "{ value = 5 }", '"TW I"', "12345678901234567890"]

grouped = st.from_regex(r"(Rp\.? ?)?-?[0-9]{1,4}([.,][0-9]{1,4}){0,5}(,-|%| %|\.-)?",
                        fullmatch=True)
texts = st.one_of(grouped, st.text(alphabet="0123456789.,% -−Rrpk٣\t", max_size=16))


def _outcome(read: Any, *args: Any, **kwargs: Any) -> str:
    """What *read* gives, or its error type and message."""
    try:
        return repr(read(*args, **kwargs))
    except Exception as error:  # the general path's own errors, compared as they are
        return f"{type(error).__name__}: {error}"


def _general_printed(text: object, whole: bool, monkeypatch: pytest.MonkeyPatch) -> str:
    """read_printed by its general rules only (no fast path at all)."""
    with monkeypatch.context() as patch:
        patch.setattr(_printed, "_at_once", lambda token, whole: None)
        return _outcome(_printed._read_printed, text, whole=whole)


@settings(max_examples=400)
@given(texts, st.booleans())
def test_printed_text_reads_as_the_general_rules(text: str, whole: bool) -> None:
    """A printed text gives the same numbers, or the same error, with or without a fast path."""
    with pytest.MonkeyPatch.context() as monkeypatch:
        assert _outcome(_printed.read_printed, text, whole=whole) == _general_printed(
            text, whole, monkeypatch)


@pytest.mark.parametrize("text", ["99,98%", "100 %", "Rp. 570.750.000,-", "RP 4.100.832.000,-",
                                  "134.260", "4,882,605,000", "0,125", "1.5", "12.3456", "007",
                                  "1,234,-", "", " ", "5 orang", "123%* (Konversi 124)"])
@pytest.mark.parametrize("whole", [False, True])
def test_printed_hand_texts_read_as_the_general_rules(text: str, whole: bool,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """The reference file's kinds of printed text read as the general rules read them."""
    assert _outcome(_printed.read_printed, text, whole=whole) == _general_printed(
        text, whole, monkeypatch)


@given(st.from_regex(r"[0-9]{1,3}([.,][0-9]{3}){0,24}", fullmatch=True))
def test_grouped_number_reads_as_the_full_rules(text: str) -> None:
    """parse_number's grouped-thousands fast path gives the full rules' exact Decimal."""
    assert _outcome(parse_number, text) == _outcome(
        _parse_full, text, notation=None, field="text", scales=False)


@pytest.mark.parametrize("value", [0, 60, 10**29, 10**30, -1, True, Decimal("77.50"),
                                   Decimal("-0"), Decimal("NaN"), Decimal("sNaN"),
                                   Decimal("Infinity"), Decimal("1E+31"), "60", 1.5, None])
def test_figure_numbers_convert_as_to_decimal(value: object) -> None:
    """A target's or realization's number converts as to_decimal and the sign check say."""

    def general() -> Decimal | None:
        if value is None:
            return None
        number = to_decimal(value, field="target.value")
        if number < 0:
            raise kinerja.InvalidValueError("must not be negative", field="target.value",
                                            value=value,
                                            fix="targets, realizations and counts are >= 0")
        return number

    assert _outcome(_figures._number, value, "target.value") == _outcome(general)


def test_common_units_and_polarities_are_what_their_parsers_read() -> None:
    """The indicator's shortcuts for common units and polarities equal the parsers' readings."""
    assert all(to_unit(text) == unit for text, unit in _indicator._UNITS.items())
    assert all(Polarity.parse(text) is polarity
               for text, polarity in _indicator._POLARITIES.items())


def _load(text: str) -> str:
    """The report loaded from *text* (its fields), or every problem with its message."""
    try:
        report = kinerja.loads_report(text)
    except kinerja.KinerjaError as error:
        members = getattr(error, "exceptions", ())
        return f"{error}\n" + "\n".join(f"{type(m).__name__}: {m}" for m in members)
    return repr([getattr(report, a.name) for a in attrs.fields(type(report))]) + repr(
        [figure.numbers() for figure in report.printed if figure.figure in (
            "achievement", "target", "pagu", "realization", "absorption", "numerator")])


def _nothing(*args: Any) -> None:
    return None


def _none_built(entries: list[Any]) -> list[None]:
    return [None] * len(entries)


def _distrusting(*args: Any, **kwargs: Any) -> Any:
    raise RuntimeError("read by the general path")


@pytest.mark.parametrize("index", ASSIGNMENTS[::7])
def test_spoiled_file_reads_as_the_general_reader(index: int,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """A spoiled reference file gives the same report or the same located errors, fast or not."""
    key = LINES[index].split("=", 1)[0]
    for wrong in WRONG:
        text = "\n".join([*LINES[:index], f"{key}= {wrong}", *LINES[index + 1:]])
        fast = _load(text)
        with monkeypatch.context() as patch:  # every trusted build fails: the class itself
            patch.setattr(_read, "figures_from_strings", _none_built)
            patch.setattr(_read, "_GROUPED", re.compile(r"(?!)"))
            patch.setattr(_read, "_SCORE", re.compile(r"(?!)"))
            for name in ("point_target", "common_realization", "plain_record", "plain_plan"):
                patch.setattr(_read_indicators, name, _nothing)
            patch.setattr(_read_values, "trusted", _distrusting)
            assert fast == _load(text), (index, wrong)


# --- the reader's values built at once (report/_quick.py, the printed figures) ------------

NUMBERS = [0, 60, 10**29, 10**30, -1, True, Decimal("77.50"), Decimal("-0"), Decimal("NaN"),
           Decimal("Infinity"), Decimal("1E+31"), "60", 1.5, None, {"missing": True},
           {"missing": True, "note": "not reported"}, {"missing": False}, {"missing": 1},
           {"missing": True, "note": 5}, {"missing": True, "value": 5}, [1]]
YEARS = [2023, 1800, 2300, True, "2023", None]


def _built_or_refused(quick: Any, build: Any) -> None:
    """*quick* gives what *build* gives, or None where *build* refuses (or also gives it)."""
    try:
        expected = build()
    except Exception:  # the class refuses: the quick path must leave it to the class
        assert quick() is None
        return
    got = quick()
    assert got is None or (got == expected and repr(got) == repr(expected))


@pytest.mark.parametrize("value", NUMBERS)
@pytest.mark.parametrize("year", YEARS)
def test_quick_figures_are_the_classes_figures(year: Any, value: Any) -> None:
    """A point target and a common realization built at once equal the classes' own."""
    from kinerja.report import _quick

    _built_or_refused(lambda: _quick.point_target(year, value),
                      lambda: _figures.Target(year=year, value=value))
    fields = value if isinstance(value, dict) else {"value": value}
    _built_or_refused(lambda: _quick.common_realization(year, value),
                      lambda: _figures.Realization(year=year, **fields))


def test_quick_records_are_the_classes_records() -> None:
    """Each record of the example, built at once, equals the class's; a wrong year is left."""
    from kinerja.report import _quick

    for record in kinerja.example_report().indicators:
        fields = {"indicator": record.indicator, "goal": record.goal,
                  "targets": dict(record.targets), "realizations": dict(record.realizations),
                  "plan": record.plan, "note": record.note}
        _built_or_refused(lambda f=fields: _quick.plain_record(**f),  # type: ignore[misc]
                          lambda f=fields: kinerja.IndicatorRecord(**f))
        wrong = {**fields, "targets": {2024: kinerja.Target(year=2023, value=1)}}
        assert _quick.plain_record(**wrong) is None
        assert _quick.plain_record(**{**fields, "goal": " "}) is None


REFERENCES = {key: st.sampled_from(["IKK-1", "total", "52", "Kualitas"]) for key in (
    "indicator", "breakdown", "line", "component", "aspect", "note", "goal")}
SPOILS = [{}, {}, {}, {"figure": "unknown"}, {"figure": 5}, {"text": ""}, {"text": 7},
          {"text": "meningkat"}, {"where": " "}, {"year": 1800}, {"year": "2023"},
          {"year": True}, {"period": "TW I"}, {"period": "x"}, {"other": "x"}, {"line": ""},
          {"indicator": 3}, {"figure": "change", "text": "meningkat"},
          {"figure": "share", "text": "17 dari 98 satker (17,35 %)"}]
entries = st.builds(
    lambda base, spoil: {**base, **spoil},
    st.fixed_dictionaries(
        {"figure": st.sampled_from(list(_printed.FIGURES)),
         "text": st.one_of(st.sampled_from(["100%", "99,98 %", "Rp. 570.750.000,-", "1.805.816",
                                            "123%* (Konversi 124)", "5 orang", "Baik"]), texts),
         "where": st.just("Tabel 3.2")},
        optional={**REFERENCES, "year": st.sampled_from([2022, 2023])}),
    st.sampled_from(SPOILS))


@settings(max_examples=400)
@given(entries)
def test_common_printed_entries_are_the_class_figures(entry: dict[str, Any]) -> None:
    """A printed entry built at once equals PrintedFigure(**entry), numbers and all, or is left."""
    entry = {key: value for key, value in entry.items() if value is not None}
    (built,) = _printed.figures_from_strings([entry])
    try:
        expected = _printed.PrintedFigure(**entry)
    except Exception:  # the class refuses it: left to the class
        assert built is None
        return
    if built is not None:
        assert built == expected
        assert repr(built) == repr(expected)
        assert built.numbers() == expected.numbers() if expected._read is not None \
            else built._read is None


@given(st.from_regex(r"[1-9][0-9]{0,2}((\.[0-9]{3}){2,8}|(,[0-9]{3}){2,8})", fullmatch=True))
def test_grouped_amounts_read_as_to_rupiah(text: str) -> None:
    """A budget amount in groups of three reads, at once, as to_rupiah reads it."""
    assert _read._GROUPED.fullmatch(text)
    assert _read.grouped_rupiah(text) == to_rupiah(text, field="pagu")


@given(st.from_regex(r"[0-9]{1,3}[.,][0-9]{1,2}", fullmatch=True))
def test_plain_scores_read_as_to_decimal(text: str) -> None:
    """A score such as "99,18" reads, at once, as to_decimal reads it."""
    plain = _read._SCORE.fullmatch(text)
    assert plain is not None
    assert repr(Decimal(f"{plain[1]}.{plain[2]}")) == repr(to_decimal(text, field="ikpa"))


@pytest.mark.parametrize("targets", [{2024: 70, 2023: 60}, {2023: 60}, {1800: 60}, {"x": 1}])
@pytest.mark.parametrize("period", [None, [2022, 2025], [2025, 2022], [2022], (2022, 2025),
                                    [True, 2025], [1800, 2025], "2022"])
def test_plans_of_built_targets_are_the_general_plans(targets: dict[Any, Any],
                                                      period: Any) -> None:
    """A plan of Targets already built and a period of two int years, as the general rules."""
    from kinerja.core._validators import year_map
    from kinerja.indicators import _renstra

    built = {year: _figures.Target(year=year, value=value) if type(year) is int
             and 1945 <= year <= 2200 else value for year, value in targets.items()}
    assert _outcome(_renstra._targets, built) == _outcome(
        year_map, built, "plan.targets", _figures.as_target)
    if isinstance(period, list) and len(period) == 2:
        assert _outcome(_renstra._period, period) == _outcome(
            lambda: tuple(to_year(y, field=f"plan.period[{i}]") for i, y in enumerate(period)))


def test_slot_setters_name_every_field() -> None:
    """A class that gains a field cannot be built at once with a field left unset."""
    from kinerja.core._validators import slot_setters

    with pytest.raises(TypeError):
        slot_setters(_figures.Target, "year value low high")


@pytest.mark.parametrize("period", [None, [2022, 2025], [2024, 2025], [2025, 2022], "x"])
@pytest.mark.parametrize("source", [None, "Renstra (Tabel 3.4)", 5])
def test_quick_plans_are_the_classes_plans(period: Any, source: Any) -> None:
    """A plan of the targets the reader built equals the class's, or is left to it."""
    from kinerja.report import _quick

    targets = {year: _figures.Target(year=year, value=value)
               for year, value in ((2023, 60), (2022, 50), (2025, 70))}
    _built_or_refused(lambda: _quick.plain_plan(targets, period, source),
                      lambda: kinerja.Trajectory(targets=targets, period=period, source=source))
    assert _quick.plain_plan({2024: _figures.Target(year=2023, value=1)}, None, None) is None
