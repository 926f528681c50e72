"""The scalar fast paths give exactly what the general path gives, value or error."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import hypothesis.strategies as st
import pytest
from hypothesis import given

import kinerja
from kinerja.core._input import MAX_MAGNITUDE, to_rupiah
from kinerja.core._parse import _parse_full, parse_number
from kinerja.indicators._achievement import AchievementPolicy, _capaian, _operands, _plain_point

numbers = st.one_of(
    st.integers(min_value=-10, max_value=10**31),
    st.decimals(allow_nan=True, allow_infinity=True, places=None),
    st.decimals(min_value=0, max_value=10**6, places=4),
)
polarities = st.sampled_from([kinerja.Polarity.HIGHER_IS_BETTER, kinerja.Polarity.LOWER_IS_BETTER,
                              "higher_is_better", "lower_is_better", "negatif", "positif"])


def _general(realization: object, target: object, polarity: object,
             policy: AchievementPolicy | None = None) -> object:
    """The general path's (raw, capped) answer, step by step, or its error type."""
    policy = policy or AchievementPolicy()
    try:
        operands, point = _operands(realization, target, polarity)
        figures = operands.compute(_capaian, operands.ops, operands, point, policy)
        return tuple(operands.finish(f) for f in figures)
    except kinerja.KinerjaError as error:
        return type(error)


def _public(realization: object, target: object, polarity: object) -> object:
    """The public call's answer, or its error type."""
    try:
        return kinerja.achievement(realization, target, polarity=polarity)
    except kinerja.KinerjaError as error:
        return type(error)


@given(numbers, numbers, polarities)
def test_achievement_fast_path_equals_general_path(realization: object, target: object,
                                                   polarity: object) -> None:
    """Every int/Decimal pair gives the general path's exact figure or its error type."""
    general = _general(realization, target, polarity)
    expected = general[1] if isinstance(general, tuple) else general
    assert _public(realization, target, polarity) == expected


@given(numbers, st.decimals(min_value=Decimal("0.01"), max_value=10**6, places=2), polarities,
       st.sampled_from([None, kinerja.CAP_120, kinerja.Cap(upper=150)]))
def test_policy_fast_path_equals_general_path(realization: object, target: Decimal,
                                              polarity: object, cap: kinerja.Cap | None) -> None:
    """A policy's (raw, capped) pair, as the audit asks it, equals the general path's."""
    policy = AchievementPolicy(cap=cap)
    point = kinerja.Target(year=2023, value=target)
    try:
        fast: object = policy.raw_and_capped(realization, point, polarity)
    except kinerja.KinerjaError as error:
        fast = type(error)
    assert fast == _general(realization, point, polarity, policy)


@pytest.mark.parametrize(("realization", "target", "polarity", "expected"), [
    # 80 / 75 × 100 = 106.666… (PermenPAN-RB 8/2021, higher is better), by hand
    (Decimal(80), Decimal(75), "higher_is_better", Fraction(320, 3)),
    # (2 × 55 − 65) × 100 / 55 = 4500 / 55 = 81.8181… (lower is better, mirror), by hand
    (65, 55, "lower_is_better", Fraction(4500, 55)),
    (0, 7, "higher_is_better", Fraction(0)),
])
def test_fast_path_hand_figures(realization: object, target: object, polarity: str,
                                expected: Fraction) -> None:
    """The fast path reproduces hand-computed (Fraction) achievements to 45 significant digits."""
    quick = _plain_point(realization, target, polarity)
    assert quick is not None
    assert abs(Fraction(quick) - expected) < Fraction(1, 10**45) * max(expected, 1)


@pytest.mark.parametrize("value", [True, 1.5, "80", Decimal("NaN"), Decimal(-1), -1,
                                   MAX_MAGNITUDE, (1, 2)])
def test_fast_path_declines_anything_unusual(value: object) -> None:
    """Anything but a plain non-negative int/Decimal below the limit takes the general path."""
    assert _plain_point(value, 5, "higher_is_better") is None
    assert _plain_point(5, value, "higher_is_better") is None


def test_fast_path_polarity_errors_are_the_general_ones() -> None:
    """An unknown polarity word raises the same error with or without the fast path."""
    with pytest.raises(kinerja.InvalidValueError, match="polarity"):
        kinerja.achievement(1, 2, polarity="sideways")


@given(st.integers(min_value=-5, max_value=MAX_MAGNITUDE + 5))
def test_rupiah_fast_path_equals_decimal_path(amount: int) -> None:
    """to_rupiah of an int equals to_rupiah of the same amount as a Decimal (value or error)."""
    def read(value: object) -> object:
        try:
            return to_rupiah(value, field="pagu")
        except kinerja.KinerjaError as error:
            return type(error)
    assert read(amount) == read(Decimal(amount))


def _read(text: str, full: bool) -> object:
    """parse_number's answer (exponent included) or its error type; *full* skips the fast path."""
    try:
        value = (_parse_full(text, notation=None, field="text", scales=False) if full
                 else parse_number(text))
    except kinerja.KinerjaError as error:
        return type(error)
    return str(value)


@given(st.one_of(st.from_regex(r"[0-9]{1,8}([.,][0-9]{1,6})? ?%?", fullmatch=True),
                 st.text(alphabet="0123456789.,% -Rp", max_size=14)))
def test_number_fast_path_equals_full_rules(text: str) -> None:
    """A printed number reads the same, to its last decimal, with or without the fast path."""
    assert _read(text, full=False) == _read(text, full=True)


@pytest.mark.parametrize(("text", "expected"), [
    ("99,98", "99.98"), ("85.87", "85.87"), ("99,90 %", "99.90"), ("120", "120"),
    ("0,125", "0.125"),
])
def test_number_fast_path_hand_figures(text: str, expected: str) -> None:
    """Plain printed figures keep every written decimal (their printed precision)."""
    assert str(parse_number(text)) == expected


def test_compiled_toml_parser_reads_as_the_standard_library() -> None:
    """kinerja[fast]'s tomli reads every bundled report and example exactly as tomllib does."""
    import tomllib
    from pathlib import Path

    tomli = pytest.importorskip("tomli")
    root = Path(__file__).resolve().parent.parent
    files = [*root.glob("src/kinerja/report/examples/*.toml"), *root.glob("docs/examples/*.toml")]
    assert len(files) >= 3
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert tomli.loads(text, parse_float=Decimal) == tomllib.loads(text, parse_float=Decimal)


@pytest.mark.parametrize("text", ["a = ", "a = 1\na = 2", "[t]\n[t]", "a = [1, 2", "a = 1.2.3",
                                  "x = 'unterminated",
                                  "a = {x = 1,\n y = 2}", "t = 07:32"])  # TOML 1.1 only
def test_both_toml_parsers_refuse_the_same_files(text: str) -> None:
    """A file one parser refuses, the other refuses too (as a ReportFileError from read_toml)."""
    import tomllib

    tomli = pytest.importorskip("tomli")
    with pytest.raises(tomllib.TOMLDecodeError):
        tomllib.loads(text)
    with pytest.raises(tomli.TOMLDecodeError):
        tomli.loads(text)
    with pytest.raises(kinerja.ReportFileError, match="not valid TOML"):
        kinerja.loads_report(text)


@pytest.mark.parametrize("amount", [10**30 - 1, 10**30 - 50, 10**30])
def test_the_magnitude_limit_is_exact_on_every_path(amount: int) -> None:
    """Just below 10^30 is accepted and 10^30 refused, as an int or a Decimal, fast or not."""
    def read(value: object) -> object:
        try:
            return to_rupiah(value, field="pagu")
        except kinerja.KinerjaError as error:
            return type(error)
    expected = amount if amount < 10**30 else kinerja.InvalidValueError
    assert read(amount) == read(Decimal(amount)) == expected
