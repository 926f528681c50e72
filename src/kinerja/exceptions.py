"""The exceptions kinerja raises.

Every error the library raises derives from :class:`KinerjaError`, so one
``except kinerja.KinerjaError`` catches them all.  Each concrete error also
derives from the built-in exception a Python programmer would expect
(``ValueError`` for a bad value, ``ZeroDivisionError`` for a zero target,
``TypeError`` for a wrong kind of input), so code written against the
built-ins keeps working.

An error names the *field* it is about, the *value* it got, and the *fix*.
When several things are wrong at once (a report file with five bad entries),
they are raised together as one :class:`ValidationError`, an
:class:`ExceptionGroup` whose members are the individual errors.

Examples
--------
>>> import kinerja
>>> try:
...     kinerja.achievement(75, 0)
... except kinerja.ZeroTargetError as error:
...     caught = error
>>> caught.field, caught.value
('target', Decimal('0'))
>>> isinstance(caught, ZeroDivisionError)
True
>>> group = kinerja.ValidationError(
...     "2 problems in report.toml",
...     [kinerja.InvalidValueError("negative", field="budget[0].pagu", value=-1)],
... )
>>> [e.field for e in group.exceptions]
['budget[0].pagu']
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

__all__ = [
    "AmbiguousNumberError",
    "InvalidTypeError",
    "InvalidValueError",
    "KinerjaError",
    "MissingDependencyError",
    "MissingValueError",
    "NumberFormatError",
    "ReportFileError",
    "UndefinedRatioError",
    "UnitMismatchError",
    "ValidationError",
    "ZeroTargetError",
]


class KinerjaError(Exception):
    """Root of every error kinerja raises.

    Parameters
    ----------
    message : str
        What is wrong, in one sentence.
    field : str, optional
        The field, argument or location the error is about, e.g.
        ``"target"`` or ``"indicator[2].target.2023"``.
    value : object, optional
        The offending value, as received.
    fix : str, optional
        What the caller can do about it.

    Examples
    --------
    >>> error = KinerjaError("must not be negative", field="pagu", value=-5,
    ...                      fix="give the ceiling in whole Rupiah")
    >>> str(error)
    'pagu: must not be negative (got -5). Fix: give the ceiling in whole Rupiah.'
    """

    _NO_VALUE: Any = object()

    def __init__(
        self,
        message: str,
        *,
        field: str | None = None,
        value: Any = _NO_VALUE,
        fix: str | None = None,
    ) -> None:
        self.message = message
        self.field = field
        self.value = None if value is KinerjaError._NO_VALUE else value
        self._has_value = value is not KinerjaError._NO_VALUE
        self.fix = fix
        super().__init__(self._compose())

    @property
    def has_value(self) -> bool:
        """Whether the error carries the offending value (``None`` can be that value)."""
        return self._has_value

    def at(self, field: str | None) -> KinerjaError:
        """Return the same error about *field*: the one way to relocate an error.

        Readers of files and containers use it to say where a value stands
        (``indicators[2].targets.2023`` rather than ``target``).

        >>> error = InvalidValueError("must not be negative", field="pagu", value=-1)
        >>> str(error.at("budget.activity[0].pagu"))
        'budget.activity[0].pagu: must not be negative (got -1)'
        """
        value = self.value if self._has_value else KinerjaError._NO_VALUE
        return type(self)(self.message, field=field, value=value, fix=self.fix)

    def _compose(self) -> str:
        text = f"{self.field}: {self.message}" if self.field else self.message
        if self._has_value:
            text += f" (got {self.value!r})"
        if self.fix:
            text += f". Fix: {self.fix.rstrip('.')}."
        return text

    def __str__(self) -> str:
        return self._compose()


class InvalidValueError(KinerjaError, ValueError):
    """A value is of the right kind but not acceptable (negative, NaN, infinite, ...).

    >>> issubclass(InvalidValueError, ValueError)
    True
    """


class MissingValueError(InvalidValueError):
    """A number is due but ``None`` (or a missing marker) was given.

    Missing is not zero: kinerja never substitutes 0 for a missing figure.

    >>> issubclass(MissingValueError, ValueError)
    True
    """


class NumberFormatError(InvalidValueError):
    """A string could not be read as a number.

    >>> import kinerja
    >>> kinerja.parse_number("sembilan")
    Traceback (most recent call last):
    ...
    kinerja.exceptions.NumberFormatError: text: not a number ...
    """


class AmbiguousNumberError(NumberFormatError):
    """A number string reads differently in Indonesian and English notation.

    ``"4,100"`` is 4.1 in Indonesian notation and 4100 in English notation;
    kinerja refuses to guess unless the caller names the notation.

    >>> import kinerja
    >>> kinerja.parse_number("4,100", notation="en")
    Decimal('4100')
    """


class UndefinedRatioError(KinerjaError, ZeroDivisionError):
    """A ratio is undefined because its denominator is zero.

    >>> issubclass(UndefinedRatioError, ZeroDivisionError)
    True
    """


class ZeroTargetError(UndefinedRatioError):
    """An achievement was asked for against a target of zero.

    R / T is undefined at T = 0.  Name a ``zero_target`` policy (for example
    ``"zero_tolerance"`` for lower-is-better indicators whose target is "no
    escapes") to score such indicators.

    >>> issubclass(ZeroTargetError, ZeroDivisionError)
    True
    """


class InvalidTypeError(KinerjaError, TypeError):
    """An argument is of a kind kinerja does not accept (a bool where a number is due, ...).

    >>> issubclass(InvalidTypeError, TypeError)
    True
    """


class UnitMismatchError(InvalidTypeError):
    """Two figures of different units were compared (percent against "Layanan", ...).

    >>> issubclass(UnitMismatchError, TypeError)
    True
    """


class ReportFileError(KinerjaError, OSError):
    """A report or scheme file could not be read at all (missing, unreadable, not TOML).

    >>> issubclass(ReportFileError, OSError)
    True
    """


class MissingDependencyError(KinerjaError, ImportError):
    """An optional extra (pandas, matplotlib, Babel) is needed but not installed.

    >>> issubclass(MissingDependencyError, ImportError)
    True
    """


class ValidationError(KinerjaError, ExceptionGroup):
    """Several problems found at once, raised together.

    An :class:`ExceptionGroup` of :class:`KinerjaError`; catch it as a whole
    with ``except kinerja.ValidationError`` or pick members with ``except*``.
    Its message says how many problems there are; each member names its own
    location.

    >>> errors = [InvalidValueError("bad", field="a"), InvalidValueError("bad", field="b")]
    >>> group = ValidationError("2 problems", errors)
    >>> len(group.exceptions), isinstance(group, ExceptionGroup)
    (2, True)
    >>> print(group.describe())
    2 problems
      - a: bad
      - b: bad
    """

    def __new__(cls, message: str, exceptions: Sequence[Exception]) -> ValidationError:
        """Create the group (an ExceptionGroup is built in ``__new__``)."""
        return ExceptionGroup.__new__(cls, message, exceptions)

    def __init__(self, message: str, exceptions: Sequence[Exception]) -> None:
        # ExceptionGroup keeps message and exceptions itself; record the
        # other KinerjaError attributes without passing the exceptions on.
        self.field = None
        self.value = None
        self._has_value = False
        self.fix = None

    def __str__(self) -> str:
        return ExceptionGroup.__str__(self)

    if TYPE_CHECKING:  # the members are kinerja's errors: each has field, value and fix
        @property
        def exceptions(self) -> tuple[KinerjaError, ...]:
            """The member errors."""

    def at(self, field: str | None) -> ValidationError:
        """The same problems, each placed under *field* (``year`` becomes ``<field>.year``).

        >>> group = ValidationError("1 problem", [InvalidValueError("bad", field="year")])
        >>> print(group.at("upload").describe())
        1 problem
          - upload.year: bad
        """
        members = [error.at(f"{field}.{error.field}" if field and error.field else
                            field or error.field)
                   if isinstance(error, KinerjaError) else error for error in self.exceptions]
        return ValidationError(self.message, members)

    def derive(self, excs: Sequence[Exception]) -> ValidationError:  # type: ignore[override]
        """Return a group of the same class over *excs* (used by ``except*``)."""
        return ValidationError(self.message, excs)

    def describe(self) -> str:
        """Return the message and one line per member error."""
        lines = [self.message]
        lines.extend(f"  - {error}" for error in self.exceptions)
        return "\n".join(lines)


def __dir__() -> list[str]:
    """The error classes only (no typing helpers)."""
    return sorted(__all__)
