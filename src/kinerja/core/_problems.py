"""Collecting every problem at once, each at its key path (the cattrs way).

Validation in kinerja reports every problem of a scheme, a report or a file
together, as one :class:`~kinerja.ValidationError`.  :class:`Problems` is the
one collector they all use, and :func:`join_path` the one way an inner
error's field is placed under the key path where its value stands.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterator, Mapping
from typing import Any, TypeVar

from kinerja.exceptions import (
    InvalidValueError,
    KinerjaError,
    MissingValueError,
    ValidationError,
)

__all__ = ["Problems", "join_path"]

T = TypeVar("T")

#: Words an inner error's field may start with that name the object at the path itself.
_SELF_NAMES = ("target", "realization", "unit", "cap")


def join_path(path: str, inner: str | None) -> str:
    """Place an inner error's field under the key path where its value stands.

    The inner field names the value as its own class knows it
    (``realization.numerator``); the key path says where it stands in a file or
    a container (``indicators[0].realizations.2023``).  Words the path already
    says are not repeated, and a leading name of the object itself is dropped.

    Examples
    --------
    >>> join_path("indicators[0].plan", "plan.targets.2025")
    'indicators[0].plan.targets.2025'
    >>> join_path("indicators[0].realizations.2023", "realization.numerator")
    'indicators[0].realizations.2023.numerator'
    >>> join_path("budget.activity[1]", "Belanja X 2023.pagu")
    'budget.activity[1].pagu'
    >>> join_path("components[2]", "weight")
    'components[2].weight'
    """
    inner = (inner or "").split(" (line")[0]
    if not inner or not path:
        return path or inner
    parts = inner.split(".")
    tail = re.split(r"[.\[]", path)[-1]
    rest = parts[1:] if parts[0] == tail or parts[0] in _SELF_NAMES else parts[-1:]
    known = set(re.split(r"[.\[\]]", path))
    rest = [p for p in rest if p != "value" and p not in known]
    return ".".join([path, *rest])


class Problems:
    """Every problem found so far, each an error naming its key path.

    Parameters
    ----------
    locate : callable, optional
        Given a key path, the line where it is written (for files); the line
        is added to the error's field: ``indicators[2].goal (line 41)``.

    Examples
    --------
    >>> problems = Problems()
    >>> problems.add("weight", "must be positive", value=-1)
    >>> problems.attempt("components[1]", lambda: int("x"))
    Traceback (most recent call last):
    ...
    ValueError: invalid literal for int() with base 10: 'x'
    >>> from kinerja.exceptions import InvalidValueError
    >>> def bad():
    ...     raise InvalidValueError("must not be empty", field="name")
    >>> problems.attempt("components[1]", bad) is None
    True
    >>> [error.field for error in problems]
    ['weight', 'components[1].name']
    >>> problems.raise_if_any("scheme.toml")
    Traceback (most recent call last):
    ...
    kinerja.exceptions.ValidationError: 2 problems in scheme.toml (2 sub-exceptions)
    """

    def __init__(self, *, locate: Callable[[str], int | None] | None = None) -> None:
        self._locate = locate
        self.errors: list[KinerjaError] = []

    def __iter__(self) -> Iterator[KinerjaError]:
        return iter(self.errors)

    def __len__(self) -> int:
        return len(self.errors)

    def __bool__(self) -> bool:
        return bool(self.errors)

    def where(self, path: str) -> str:
        """The field to report for *path*: the path, and its line when it can be found."""
        line = self._locate(path) if self._locate is not None and path else None
        return f"{path} (line {line})" if line else path

    def add(self, path: str, message: str, *, kind: type[KinerjaError] = InvalidValueError,
            **details: Any) -> None:
        """Record a problem at *path*; *details* are the error's ``value`` and ``fix``."""
        self.errors.append(kind(message, field=self.where(path), **details))

    def adopt(self, error: KinerjaError, path: str = "") -> None:
        """Record *error* (each member of a :class:`~kinerja.ValidationError`) under *path*."""
        members = error.exceptions if isinstance(error, ValidationError) else (error,)
        for member in members:
            assert isinstance(member, KinerjaError)
            self.errors.append(member.at(self.where(join_path(path, member.field))))

    def attempt(self, path: str, build: Callable[[], T]) -> T | None:
        """Return ``build()``, or ``None`` after recording its kinerja errors under *path*."""
        try:
            return build()
        except KinerjaError as error:
            self.adopt(error, path)
            return None

    def check_keys(self, table: Mapping[str, Any], allowed: Collection[str], path: str,
                   required: tuple[str, ...] = ()) -> bool:
        """Record unknown and missing keys of a table at *path*; tell whether it was clean.

        >>> problems = Problems()
        >>> problems.check_keys({"kode": 1}, {"code", "name"}, "goals[0]", required=("code",))
        False
        >>> [str(error) for error in problems]  # doctest: +NORMALIZE_WHITESPACE
        ["goals[0].kode: unknown key (got 'kode'). Fix: use one of code, name.",
         'goals[0].code: required key is missing. Fix: add code = ....']
        """
        if isinstance(allowed, set | frozenset) and table.keys() <= allowed and (
                not required or all(key in table for key in required)):
            return True  # the common table: nothing to record
        before = len(self.errors)
        for key in table:
            if key not in allowed:
                self.add(f"{path}.{key}" if path else key, "unknown key", value=key,
                         fix="use one of " + ", ".join(sorted(allowed)))
        for key in required:
            if key not in table:
                self.add(f"{path}.{key}" if path else key, "required key is missing",
                         kind=MissingValueError, fix=f"add {key} = ...")
        return len(self.errors) == before

    def raise_if_any(self, where: str) -> None:
        """Raise every problem as one :class:`~kinerja.ValidationError` about *where*."""
        if self.errors:
            count = len(self.errors)
            raise ValidationError(f"{count} problem{'s' if count > 1 else ''} in {where}",
                                  self.errors)
