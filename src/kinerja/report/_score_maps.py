"""A report's score maps: IKPA components, NKA variables, e-Monev scale, custom schemes.

The converters of :class:`~kinerja.Report`'s score fields: exact Decimals by
key (NOT_APPLICABLE where an IKPA component does not apply), and the custom
schemes a report file names (``[ikpa] scheme_file``; docs page *Report file
format*).
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from kinerja.core._frozen import FrozenMap
from kinerja.core._input import MAX_MAGNITUDE, to_decimal
from kinerja.core._sentinels import NOT_APPLICABLE, NotApplicable
from kinerja.exceptions import InvalidTypeError, InvalidValueError
from kinerja.schemes._parts import CalculatedComponent
from kinerja.schemes._scheme import Scheme

__all__ = ["custom_schemes", "emonev_scale", "ikpa_scores", "nka_variables", "scheme_files"]


#: The magnitude :func:`~kinerja.core._input.to_decimal` refuses from.
_MAX = Decimal(MAX_MAGNITUDE)


def _scores(value: Any, section: str, *, allow_na: bool) -> FrozenMap[str, Any] | None:
    """Component scores by key: exact Decimals (or NOT_APPLICABLE where allowed)."""
    if value is None:
        return None
    if not isinstance(value, Mapping):
        raise InvalidTypeError(f"give the {section} scores as a mapping of key to score",
                               field=section, value=value, fix='write e.g. {"revisi_dipa": 100}')
    scores: dict[str, Any] = {}
    for key, score in value.items():
        field = f"{section}.{key}"
        if allow_na and score is NOT_APPLICABLE:
            scores[key] = NOT_APPLICABLE
            continue
        if isinstance(score, CalculatedComponent):  # a score computed from its figures
            if score.key != key:
                raise InvalidValueError(f"a calculation of {score.key} given for {key}",
                                        field=field, value=score.value,
                                        fix="give each calculation its own key")
            score = score.value
        if type(score) is Decimal and score.is_finite() and score.copy_abs() < _MAX:
            scores[key] = score  # what to_decimal gives such a score (as the reader gives it)
            continue
        scores[key] = to_decimal(score, field=field)
    return FrozenMap(scores)


def ikpa_scores(value: Any) -> FrozenMap[str, Decimal | NotApplicable] | None:
    return _scores(value, "ikpa", allow_na=True)


def nka_variables(value: Any) -> FrozenMap[str, Decimal] | None:
    return _scores(value, "nka", allow_na=False)


def emonev_scale(value: Any) -> FrozenMap[str, Decimal] | None:
    return _scores(value, "emonev", allow_na=False)



def custom_schemes(value: Any) -> FrozenMap[str, Scheme]:
    """Custom schemes by family ("ikpa", "nka"), e.g. read from a report's scheme file."""
    if not isinstance(value, Mapping):
        raise InvalidTypeError("give the custom schemes as a mapping of family to scheme",
                               field="schemes", value=value,
                               fix='write e.g. {"ikpa": kinerja.load_scheme("ikpa_kanwil.toml")}')
    for family, scheme in value.items():
        if family not in ("ikpa", "nka"):
            raise InvalidValueError("a custom scheme is for IKPA or NKA figures",
                                    field=f"schemes.{family}", value=family,
                                    fix='key it "ikpa" or "nka"')
        if not isinstance(scheme, Scheme):
            raise InvalidTypeError(f"expected a Scheme, not {type(scheme).__name__}",
                                   field=f"schemes.{family}", value=scheme,
                                   fix="read it with kinerja.load_scheme(path)")
    return FrozenMap(value)


def scheme_files(value: Any) -> FrozenMap[str, str]:
    """The file each custom scheme was read from, by family, as the report file names it."""
    if not isinstance(value, Mapping) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in value.items()):
        raise InvalidTypeError("give the scheme files as a mapping of family to path",
                               field="scheme_files", value=value,
                               fix='write e.g. {"ikpa": "ikpa_kanwil.toml"}')
    return FrozenMap(value)
