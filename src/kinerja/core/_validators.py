"""Small attrs validators and converters shared by the value classes."""

from __future__ import annotations

import enum
import functools
import sys
import types
import typing
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any, TypeVar

import attrs

from kinerja.core._frozen import FrozenMap
from kinerja.core._input import to_year
from kinerja.core._numpy import is_ndarray, np, numpy_loaded
from kinerja.exceptions import (
    InvalidTypeError,
    InvalidValueError,
    KinerjaError,
    MissingValueError,
    ValidationError,
)

__all__ = [
    "checked",
    "enum_converter",
    "instance_of",
    "non_empty_text",
    "optional_year",
    "slot_setters",
    "trusted",
    "year",
    "year_map",
]

E = TypeVar("E", bound=enum.Enum)
V = TypeVar("V")


def enum_converter(enum_type: type[E], field: str) -> Callable[[Any], E]:
    """Return a converter that accepts a member or its value and names *field* on error."""

    def convert(value: Any) -> E:
        if isinstance(value, enum_type):
            return value
        try:
            return enum_type(value)
        except ValueError:
            choices = ", ".join(repr(member.value) for member in enum_type)
            raise InvalidValueError(
                f"unknown {enum_type.__name__}", field=field, value=value,
                fix=f"use one of {choices}",
            ) from None

    return convert


def instance_of(kind: type, *, optional: bool = False) -> Callable[[Any, Any, Any], None]:
    """Return a validator that refuses anything but a *kind* (or ``None`` when *optional*).

    Unlike :func:`attrs.validators.instance_of` it raises kinerja's
    :class:`~kinerja.InvalidTypeError`, naming the field and how to build the value.
    """

    def validate(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if (value is None and optional) or isinstance(value, kind):
            return
        raise InvalidTypeError(f"expected a {kind.__name__}, not {type(value).__name__}",
                               field=attribute.name, value=value,
                               fix=f"build it with kinerja.{kind.__name__}(...)")

    return validate


def non_empty_text(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """Validate that a text field is a string with something other than spaces."""
    if not isinstance(value, str):
        raise InvalidTypeError("must be text", field=attribute.name, value=value,
                               fix=f"give the {attribute.name} as a string")
    if not value.strip():
        raise InvalidValueError("must not be empty", field=attribute.name, value=value,
                                fix=f"give the {attribute.name}")


def year(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """Validate a calendar (fiscal) year (see :func:`kinerja.core._input.to_year`)."""
    to_year(value, field=attribute.name)


def optional_year(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """Validate a fiscal year, or ``None``."""
    if value is not None:
        to_year(value, field=attribute.name)


def year_map(value: Any, field: str, item: Callable[[int, Any, str], V]
             ) -> FrozenMap[int, V]:
    """Return a read-only mapping of year to figure, sorted by year, each item converted.

    *item* receives the year, the value and its field (``targets.2023``) and
    returns the figure (or raises an error naming that field).

    >>> year_map({2024: "70", 2023: "60"}, "targets", lambda year, v, where: int(v))
    FrozenMap({2023: 60, 2024: 70})
    >>> year_map([60, 70], "targets", lambda year, v, where: v)
    Traceback (most recent call last):
    ...
    kinerja.exceptions.InvalidTypeError: targets: give a mapping of year to figure \
(got [60, 70]). Fix: write e.g. {2023: 60, 2024: 70}.
    """
    if not isinstance(value, Mapping):
        raise InvalidTypeError("give a mapping of year to figure", field=field, value=value,
                               fix="write e.g. {2023: 60, 2024: 70}")
    years = {to_year(year, field=f"{field}.{year}"): item for year, item in value.items()}
    return FrozenMap((year, item(year, years[year], f"{field}.{year}")) for year in sorted(years))


C = TypeVar("C", bound=type)


def checked(cls: C) -> C:
    """Class decorator: every field is checked against its annotation, every bad field reported.

    Applied over ``attrs.frozen``.  After the class's own converters and
    validators have run, each field's value is checked against its type
    annotation (``str``, ``int | None``, ``Decimal``, ``tuple[Finding, ...]``,
    an enum, another value class; ``Any`` accepts anything).  When
    construction fails, every field is tried on its own so that all bad
    fields are reported together, as a :class:`~kinerja.ValidationError`
    (one bad field raises its own error).  A converter that fails with a
    built-in error (a number where a list is due) is reported as an
    :class:`~kinerja.InvalidTypeError` naming its field.

    >>> @checked
    ... @attrs.frozen(kw_only=True)
    ... class Pair:
    ...     name: str
    ...     count: int
    >>> Pair(name="a", count=1)
    Pair(name='a', count=1)
    >>> Pair(name=1, count="x")
    Traceback (most recent call last):
    ...
    kinerja.exceptions.ValidationError: 2 problems in Pair (2 sub-exceptions)
    """
    init = cls.__dict__["__init__"]
    fields = [f for f in attrs.fields(cls) if f.init]
    plan: list[tuple[str, Any, Callable[[Any], bool]]] | None = None
    failing: Callable[[Any], list[int] | None] | None = None

    def plan_of() -> list[tuple[str, Any, Callable[[Any], bool]]]:
        nonlocal plan, failing
        if plan is None:
            plan = [(f.name, hint, _checker(hint)) for f in fields
                    if (hint := _hint(cls, f)) is not None]
            failing = _compile(plan)
        return plan

    @functools.wraps(init)
    def __init__(self: Any, *args: Any, **kwargs: Any) -> None:
        try:
            init(self, *args, **kwargs)
        except (KinerjaError, TypeError, ValueError, AttributeError) as error:
            if args:
                raise
            problems = _arguments(cls, fields, kwargs) or _each_field(
                cls, fields, kwargs, [(name, hint) for name, hint, _ in plan_of()])
            if len(problems) > 1:
                raise ValidationError(f"{len(problems)} problems in {cls.__name__}",
                                      problems) from None
            if not problems or isinstance(error, ValidationError) or (
                    isinstance(error, KinerjaError) and error.field):
                raise
            raise problems[0] from None
        steps = plan_of()
        assert failing is not None
        wrong = failing(self)
        if wrong is None:
            return
        bad = [steps[i][:2] for i in wrong]
        problems = [p for name, hint in bad if (p := _mismatch(name, getattr(self, name), hint))]
        if len(problems) == 1:
            raise problems[0]
        if problems:
            raise ValidationError(f"{len(problems)} problems in {cls.__name__}", problems)

    cls.__init__ = __init__  # type: ignore[misc]
    cls.__kinerja_init__ = init  # type: ignore[attr-defined]  # see trusted()
    return cls


T = TypeVar("T")


def trusted(cls: type[T], **fields: Any) -> T:
    """Build a :func:`checked` class from fields kinerja itself produced, skipping the checks.

    Only for kinerja's own hot loops (the audit builds a finding per printed
    figure from values it computed): the class's own converters and validators
    still run, the annotation checks of :func:`checked` (which would cost ten
    times the construction) do not.  Values from users always go through the
    class itself.

    >>> import attrs
    >>> @checked
    ... @attrs.frozen(kw_only=True)
    ... class Pair:
    ...     name: str
    >>> trusted(Pair, name="a")
    Pair(name='a')
    """
    instance = cls.__new__(cls)
    cls.__kinerja_init__(instance, **fields)  # type: ignore[attr-defined]
    return instance


def slot_setters(cls: type, names: str) -> tuple[Callable[[Any, Any], None], ...]:
    """The slot setter of each field *names* lists, for building a frozen class at once.

    What attrs' ``__init__`` does to set a field (``object.__setattr__`` past the
    frozen guard), without looking the slot up by name: for kinerja's own hot
    loops, which make the class's checks themselves.  *names* must list every
    field of the slotted attrs class *cls* (an error at import, not a field left
    unset, when the class gains one).

    >>> import attrs
    >>> @attrs.frozen
    ... class Pair:
    ...     name: str
    ...     count: int
    >>> set_name, set_count = slot_setters(Pair, "name count")
    >>> pair = object.__new__(Pair)
    >>> set_name(pair, "a"); set_count(pair, 1)
    >>> pair
    Pair(name='a', count=1)
    """
    fields = names.split()
    if sorted(fields) != sorted(field.name for field in attrs.fields(cls)):
        raise TypeError(f"{cls.__name__}'s fields are not {names}")
    return tuple(getattr(cls, name).__set__ for name in fields)


def _compile(plan: list[tuple[str, Any, Callable[[Any], bool]]]
             ) -> Callable[[Any], list[int] | None]:
    """One function that checks every field of an instance: None, or the failing indices.

    Plain annotations (a class, a union of classes and None, a Literal) become
    inline ``isinstance`` tests, others call their :func:`_checker`; generated
    once per class, as attrs generates ``__init__``, because the per-field calls
    cost more than the construction itself.
    """
    namespace: dict[str, Any] = {}
    tests = []
    for i, (name, hint, check) in enumerate(plan):
        value = f"self.{name}"
        origin, args = typing.get_origin(hint), typing.get_args(hint)
        plain = (isinstance(hint, type) and typing.get_origin(hint) is None
                 and hint not in (int, float) and hint is not Any)
        if origin in (types.UnionType, typing.Union):
            plain = all(isinstance(a, type) and typing.get_origin(a) is None
                        and a not in (int, float, bool) for a in args)
        if plain:
            namespace[f"t{i}"] = args if origin is not None else hint
            tests.append(f"isinstance({value}, t{i})")
        elif origin is typing.Literal:
            namespace[f"t{i}"] = args
            tests.append(f"{value} in t{i}")
        else:
            namespace[f"c{i}"] = check
            tests.append(f"c{i}({value})")
    if not tests:
        return lambda self: None
    source = (f"def failing(self):\n    if {' and '.join(tests)}:\n        return None\n"
              f"    return [i for i, ok in enumerate(({', '.join(tests)},)) if not ok]\n")
    exec(source, namespace)  # the code above: field names and indices only
    function: Callable[[Any], list[int] | None] = namespace["failing"]
    return function


def _hint(cls: type, field: attrs.Attribute[Any]) -> Any:
    """The field's annotation as a type, or None where it cannot be resolved (or is Any)."""
    annotation: Any = field.type
    if isinstance(annotation, str):  # always so, under "from __future__ import annotations"
        namespace = dict(vars(sys.modules[cls.__module__]))
        namespace.setdefault(cls.__name__, cls)
        try:
            annotation = eval(annotation, namespace)
        except NameError:
            # A name imported only for type checking (to keep imports acyclic):
            # look it up among the kinerja modules loaded by now.
            for name, module in list(sys.modules.items()):
                if name.startswith("kinerja.") and module is not None:
                    namespace.update({k: v for k, v in vars(module).items()
                                      if issubclass(type(v), type) and k not in namespace})
            if "np" in annotation:  # numpy's types, for a class with array fields
                namespace.setdefault("np", np)
                namespace.setdefault("npt", np.typing)
            try:
                annotation = eval(annotation, namespace)
            except Exception:
                return None
        except Exception:
            return None
    return None if annotation in (Any, object) else annotation


def _arguments(cls: type, fields: list[attrs.Attribute[Any]], kwargs: dict[str, Any]
               ) -> list[KinerjaError]:
    """Required fields not given and names that are no field, as kinerja errors."""
    aliases = [str(f.alias) for f in fields]
    problems: list[KinerjaError] = [
        MissingValueError(f"{cls.__name__} needs it", field=f.alias,
                          fix=f"give {f.alias}=... when building a {cls.__name__}")
        for f in fields if f.default is attrs.NOTHING and f.alias not in kwargs]
    problems += [InvalidValueError(f"{cls.__name__} has no such field", field=name,
                                   fix="use one of " + ", ".join(aliases))
                 for name in kwargs if name not in aliases]
    return problems


def _each_field(cls: type, fields: list[attrs.Attribute[Any]], kwargs: dict[str, Any],
                plan: list[tuple[str, Any]]) -> list[KinerjaError]:
    """Try every given field on its own: its converter, its validator, its annotation."""
    hints = dict(plan)
    problems: list[KinerjaError] = []
    for field in fields:
        if field.alias not in kwargs:
            continue
        value = kwargs[field.alias]
        try:
            if field.converter is not None and callable(field.converter):
                value = field.converter(value)
            if field.validator is not None:
                field.validator(None, field, value)
        except KinerjaError as error:
            problems.append(error if error.field else error.at(field.name))
            continue
        except (TypeError, ValueError) as error:
            problems.append(InvalidTypeError(f"cannot be read ({error})", field=field.name,
                                             value=_shown(value),
                                             fix=f"give {field.name} a value of its type"))
            continue
        except AttributeError:  # a validator that compares with another field
            pass
        if field.name in hints and (problem := _mismatch(field.name, value, hints[field.name])):
            problems.append(problem)
    return problems


def _mismatch(name: str, value: Any, hint: Any) -> KinerjaError | None:
    if _matches(value, hint):
        return None
    if typing.get_origin(hint) is typing.Literal and isinstance(value, str):
        return InvalidValueError(f"unknown {name}", field=name, value=_shown(value),
                                 fix=f"use {_describe(hint)}")
    return InvalidTypeError(f"expected {_describe(hint)}, not {type(value).__name__}",
                            field=name, value=_shown(value),
                            fix=f"give {_describe(hint)}")


def _shown(value: Any) -> Any:
    text = repr(value)
    return value if len(text) <= 60 else f"{text[:40]}..."


def _matches(value: Any, hint: Any) -> bool:
    """Tell whether *value* fits the annotation *hint*."""
    return _checker(hint)(value)


@functools.cache
def _checker(hint: Any) -> Callable[[Any], bool]:
    """Compile the annotation *hint* into a fast predicate (once per annotation)."""
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if hint is None or hint is type(None):
        return lambda value: value is None
    if origin in (types.UnionType, typing.Union):
        plain = tuple(a for a in args if isinstance(a, type) and typing.get_origin(a) is None
                      and a not in (int, float))
        others = [_checker(a) for a in args if a not in plain]
        none = type(None) in args
        return lambda value: (value is None and none) or isinstance(value, plain) or any(
            check(value) for check in others)
    if origin is typing.Literal:
        return lambda value: value in args
    if isinstance(hint, TypeVar) or hint is Any:
        return lambda value: True
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            item = _checker(args[0])
            return lambda value: isinstance(value, tuple) and all(item(v) for v in value)
        items = [_checker(a) for a in args]
        return lambda value: isinstance(value, tuple) and (not items or (
            len(items) == len(value) and all(c(v) for c, v in zip(items, value, strict=True))))
    if origin is not None and isinstance(origin, type) and issubclass(origin, Mapping):
        if len(args) != 2:
            return lambda value: isinstance(value, Mapping)
        key, item = _checker(args[0]), _checker(args[1])
        return lambda value: isinstance(value, Mapping) and all(
            key(k) and item(v) for k, v in value.items())
    if numpy_loaded() and origin is np.ndarray:  # resolving the hint loaded numpy
        return is_ndarray
    if origin is not None:
        return lambda value: isinstance(origin, type) and isinstance(value, origin)
    if hint is int:
        return lambda value: isinstance(value, int) and not isinstance(value, bool)
    if hint is float:
        return lambda value: isinstance(value, float | int) and not isinstance(value, bool)
    if isinstance(hint, type):
        return lambda value: isinstance(value, hint)
    return lambda value: True  # an alias or a construct kinerja does not check


def _describe(hint: Any) -> str:
    origin = typing.get_origin(hint)
    if origin in (types.UnionType, typing.Union):
        return " or ".join(_describe(arg) for arg in typing.get_args(hint))
    if hint is None or hint is type(None):
        return "None"
    if origin is tuple:
        return "a tuple"
    if origin is not None and isinstance(origin, type) and issubclass(origin, Mapping):
        return "a mapping"
    if origin is typing.Literal:
        return "one of " + ", ".join(map(repr, typing.get_args(hint)))
    if hint is Decimal:
        return "a Decimal"
    name = str(getattr(hint, "__name__", None) or getattr(origin, "__name__", hint))
    return {"str": "text", "int": "an int", "bool": "True or False"}.get(name, f"a {name}")
