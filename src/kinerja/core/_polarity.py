"""Polarity: which direction of an indicator's realization is good."""

from __future__ import annotations

import enum
import re
from typing import Any, TypeGuard

from kinerja.core._input import as_array, is_array
from kinerja.core._numpy import np, numpy_loaded
from kinerja.exceptions import InvalidTypeError, InvalidValueError

__all__ = ["Polarity", "higher_is_better"]


class Polarity(enum.Enum):
    """Whether a higher or a lower realization is better.

    Reports say "polaritas positif" (higher is better, the normal case) and
    "polaritas negatif" or "semakin rendah semakin baik" (lower is better:
    error rates, waiting times, children sentenced to prison).

    Examples
    --------
    >>> Polarity.parse("negatif")
    <Polarity.LOWER_IS_BETTER: 'lower_is_better'>
    >>> Polarity.parse("Semakin tinggi semakin baik")
    <Polarity.HIGHER_IS_BETTER: 'higher_is_better'>
    >>> Polarity.parse(str(Polarity.LOWER_IS_BETTER)) is Polarity.LOWER_IS_BETTER
    True
    >>> Polarity.HIGHER_IS_BETTER.code, Polarity.from_code(-1).name
    (1, 'LOWER_IS_BETTER')
    """

    HIGHER_IS_BETTER = "higher_is_better"
    LOWER_IS_BETTER = "lower_is_better"

    @classmethod
    def _missing_(cls, value: object) -> Polarity:
        """``Polarity("negatif")`` reads a polarity as :meth:`parse` does (or says how to).

        >>> Polarity("negatif") is Polarity(-1) is Polarity.LOWER_IS_BETTER
        True
        """
        return cls.parse(value)  # type: ignore[arg-type]  # parse refuses other types

    @property
    def code(self) -> int:
        """``+1`` for higher is better, ``-1`` for lower is better (for arrays of polarities)."""
        return 1 if self is Polarity.HIGHER_IS_BETTER else -1

    @classmethod
    def from_code(cls, code: int) -> Polarity:
        """Return the polarity of a code: ``+1`` higher is better, ``-1`` lower is better."""
        if code == 1:
            return cls.HIGHER_IS_BETTER
        if code == -1:
            return cls.LOWER_IS_BETTER
        raise InvalidValueError("a polarity code is +1 or -1", field="polarity", value=code,
                                fix="use +1 for higher is better and -1 for lower is better")

    @classmethod
    def parse(cls, text: str | int | Polarity) -> Polarity:
        """Read a polarity in English or in the Indonesian words reports use.

        Accepted (case and spacing do not matter): ``higher_is_better``,
        ``higher is better``, ``positif``, ``polaritas positif``, ``maximize``,
        ``semakin tinggi semakin baik``, ``semakin besar semakin baik``, and
        their lower-is-better counterparts ``negatif``, ``minimize``,
        ``semakin rendah semakin baik``, ``semakin kecil semakin baik``;
        and the codes ``+1`` and ``-1``.
        """
        if isinstance(text, Polarity):
            return text
        if _is_code(text):
            return cls.from_code(int(text))
        if not isinstance(text, str):
            raise InvalidTypeError("a polarity is written as text", field="polarity",
                                   value=text, fix="use 'higher_is_better' or 'lower_is_better'")
        key = re.sub(r"[\s_\-]+", " ", text.strip().lower())
        key = re.sub(r"^polaritas\s+", "", key)
        found = _WORDS.get(key)
        if found is None:
            raise InvalidValueError(
                "unknown polarity", field="polarity", value=text,
                fix="use 'higher_is_better' / 'positif' or 'lower_is_better' / 'negatif'",
            )
        return found

    def __str__(self) -> str:
        return self.value


_WORDS = {
    "higher is better": Polarity.HIGHER_IS_BETTER,
    "positif": Polarity.HIGHER_IS_BETTER,
    "positive": Polarity.HIGHER_IS_BETTER,
    "maximize": Polarity.HIGHER_IS_BETTER,
    "maksimal": Polarity.HIGHER_IS_BETTER,
    "semakin tinggi semakin baik": Polarity.HIGHER_IS_BETTER,
    "semakin besar semakin baik": Polarity.HIGHER_IS_BETTER,
    "lower is better": Polarity.LOWER_IS_BETTER,
    "negatif": Polarity.LOWER_IS_BETTER,
    "negative": Polarity.LOWER_IS_BETTER,
    "minimize": Polarity.LOWER_IS_BETTER,
    "minimal": Polarity.LOWER_IS_BETTER,
    "semakin rendah semakin baik": Polarity.LOWER_IS_BETTER,
    "semakin kecil semakin baik": Polarity.LOWER_IS_BETTER,
}


def _is_code(value: object) -> TypeGuard[int]:
    """An int or numpy integer (no bool, no duration): a polarity code; numpy not imported."""
    if isinstance(value, int):
        return not isinstance(value, bool)
    return numpy_loaded() and isinstance(value, np.integer) and not isinstance(
        value, np.bool_ | np.timedelta64)


def higher_is_better(polarity: Any) -> Any:
    """Return whether higher is better: a bool, or a boolean array for an array of polarities.

    The one reader of polarities: a :class:`Polarity`, its name or an
    Indonesian phrase (:meth:`Polarity.parse`), a code ``+1`` / ``-1``, or an
    array of any of these (one per element; numpy, list or pandas column).

    >>> higher_is_better("negatif"), higher_is_better(1)
    (False, True)
    >>> higher_is_better([1, -1, Polarity.LOWER_IS_BETTER, "positif"])
    array([ True, False, False,  True])
    """
    if not is_array(polarity):
        return Polarity.parse(polarity) is Polarity.HIGHER_IS_BETTER
    codes = as_array(polarity, field="polarity")
    if isinstance(codes, np.ma.MaskedArray) or codes.dtype == np.bool_ or codes.size == 0:
        raise InvalidTypeError(
            "an array of polarities holds one +1 / -1 (or polarity name) per element",
            field="polarity", value=_shown(codes),
            fix="use codes +1 (higher is better) and -1 (lower is better), one per element",
        )
    if codes.dtype.kind in "iuf":
        higher = codes == 1
        if not (higher | (codes == -1)).all():
            raise InvalidValueError(
                "polarity codes must be +1 or -1", field="polarity",
                fix="use +1 for higher is better and -1 for lower is better",
            )
        return higher
    if codes.dtype.kind not in "OUS":
        raise InvalidTypeError(f"not an array of polarities (dtype {codes.dtype})",
                               field="polarity", fix="use codes +1 and -1")
    out = np.empty(codes.shape, dtype=bool)
    for index, value in np.ndenumerate(codes):
        out[index] = Polarity.parse(str(value) if isinstance(value, np.str_) else value) \
            is Polarity.HIGHER_IS_BETTER
    return out


def _shown(codes: Any) -> str:
    return f"an array of dtype {codes.dtype} and shape {codes.shape}"
