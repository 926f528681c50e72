"""Polarity: which direction of an indicator's realization is good."""

from __future__ import annotations

import enum
import re

from kinerja.exceptions import InvalidTypeError, InvalidValueError

__all__ = ["Polarity"]


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
    def parse(cls, text: str | Polarity) -> Polarity:
        """Read a polarity in English or in the Indonesian words reports use.

        Accepted (case and spacing do not matter): ``higher_is_better``,
        ``higher is better``, ``positif``, ``polaritas positif``, ``maximize``,
        ``semakin tinggi semakin baik``, ``semakin besar semakin baik``, and
        their lower-is-better counterparts ``negatif``, ``minimize``,
        ``semakin rendah semakin baik``, ``semakin kecil semakin baik``.
        """
        if isinstance(text, Polarity):
            return text
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
