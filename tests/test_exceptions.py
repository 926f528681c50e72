"""The exception hierarchy: one root, built-in bases, collected groups."""

import pytest

import kinerja
from kinerja import exceptions


@pytest.mark.parametrize(
    ("error", "builtin"),
    [
        (kinerja.InvalidValueError, ValueError),
        (kinerja.MissingValueError, ValueError),
        (kinerja.NumberFormatError, ValueError),
        (kinerja.AmbiguousNumberError, ValueError),
        (kinerja.UndefinedRatioError, ZeroDivisionError),
        (kinerja.ZeroTargetError, ZeroDivisionError),
        (kinerja.InvalidTypeError, TypeError),
        (kinerja.UnitMismatchError, TypeError),
        (kinerja.ReportFileError, OSError),
    ],
)
def test_every_error_has_the_root_and_a_builtin(error, builtin):
    """Each concrete error subclasses KinerjaError and the matching built-in."""
    assert issubclass(error, kinerja.KinerjaError)
    assert issubclass(error, builtin)


def test_public_exceptions_module_lists_them_all():
    """kinerja.exceptions exports every error, re-exported from the package."""
    for name in exceptions.__all__:
        assert getattr(kinerja, name) is getattr(exceptions, name)


def test_message_names_field_value_and_fix():
    """str(error) carries the field, the value and the fix."""
    error = kinerja.InvalidValueError("must not be negative", field="pagu", value=-5,
                                      fix="give whole Rupiah")
    assert str(error) == "pagu: must not be negative (got -5). Fix: give whole Rupiah."
    assert (error.field, error.value, error.fix) == ("pagu", -5, "give whole Rupiah")


def test_validation_error_is_an_exception_group():
    """ValidationError groups several errors; except* can pick them apart."""
    group = kinerja.ValidationError("2 problems", [
        kinerja.InvalidValueError("bad", field="a"),
        kinerja.ZeroTargetError("zero", field="b"),
    ])
    caught = []
    try:
        raise group
    except* ZeroDivisionError as sub:
        caught.append(sub)
    except* ValueError as sub:
        caught.append(sub)
    assert [type(g) for g in caught] == [kinerja.ValidationError, kinerja.ValidationError]
    assert [e.field for g in caught for e in g.exceptions] == ["b", "a"]
    assert isinstance(group, kinerja.KinerjaError)
    assert "2 problems" in str(group)
