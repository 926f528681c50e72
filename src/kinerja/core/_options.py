"""Options: the choices a caller names (a language, an output format, a policy).

Every option of a public function is checked here against its choices, with
an error naming the parameter, the value given and the choices.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any, Literal, TypeAlias, TypeVar

from kinerja.exceptions import InvalidValueError

__all__ = ["LANGS", "Lang", "check_choice", "check_lang"]

#: The languages of kinerja's output: Indonesian and English.
Lang: TypeAlias = Literal["id", "en"]
LANGS: tuple[Lang, ...] = ("id", "en")

S = TypeVar("S", bound=str)


def check_choice(value: Any, choices: Collection[S], field: str, *, what: str | None = None
                 ) -> S:
    """Return *value* if it is one of *choices*, else raise an error naming *field*.

    *what* names the option in the message (default: *field*).

    >>> check_choice("mirror", ("mirror", "inverse"), "lower_method")
    'mirror'
    >>> check_choice("2-R/T", ("mirror", "inverse"), "lower_method")
    Traceback (most recent call last):
    ...
    kinerja.exceptions.InvalidValueError: lower_method: unknown lower_method (got '2-R/T'). \
Fix: use one of 'mirror', 'inverse'.
    """
    if not isinstance(value, str) or value not in choices:
        raise InvalidValueError(f"unknown {what or field}", field=field, value=value,
                                fix="use one of " + ", ".join(map(repr, choices)))
    return value  # type: ignore[return-value]


def check_lang(lang: Any, field: str = "lang") -> Lang:
    """Return *lang* if it is ``"id"`` or ``"en"``, else raise naming *field*.

    >>> check_lang("fr")
    Traceback (most recent call last):
    ...
    kinerja.exceptions.InvalidValueError: lang: unknown language (got 'fr'). Fix: use one of \
'id', 'en'.
    """
    return check_choice(lang, LANGS, field, what="language")
