"""Reading the answers of an LKE form: every sub-component answered, every answer on the scale.

A missing answer (or a sub-component without answers, or a criterion of the
form left out) is an error, never a silent 0.  Used by :func:`kinerja.lke_score`
(:mod:`kinerja.schemes._lke`); docs page *SAKIP evaluation (LKE)*.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from kinerja.core._sentinels import NOT_APPLICABLE
from kinerja.exceptions import InvalidTypeError, InvalidValueError, MissingValueError

if TYPE_CHECKING:
    from kinerja.schemes._scheme import Scheme

__all__ = ["read_answers"]


def read_answers(answers: Any, scheme: Scheme, levels: Mapping[str, Decimal],
                 criteria: Mapping[str, Sequence[str]] | None
                 ) -> dict[str, dict[str, str] | None]:
    """Each sub-component's answers, checked (``None``: not applicable), in scheme order."""
    if not isinstance(answers, Mapping):
        raise InvalidTypeError("give the answers as a mapping of sub-component key to the "
                               "answers of its criteria", field="answers", value=answers,
                               fix="e.g. {'perencanaan_pemenuhan': {'1.a.1': 'Y', ...}, ...}")
    keys = [c.key for c in scheme.components]
    unknown = [key for key in answers if key not in keys]
    if unknown:
        raise InvalidValueError(f"no such sub-component in {scheme.label}", field="answers",
                                value=unknown, fix="use the keys " + ", ".join(keys))
    if criteria is not None and not isinstance(criteria, Mapping):
        raise InvalidTypeError("give the criteria as a mapping of sub-component key to the "
                               "form's criteria", field="criteria", value=criteria,
                               fix="give e.g. criteria={key: [criterion, ...]}, or leave it out")
    read: dict[str, dict[str, str] | None] = {}
    for component in scheme.components:
        given = answers.get(component.key)
        if given is NOT_APPLICABLE and component.can_be_not_applicable:
            read[component.key] = None
            continue
        if given is None or (isinstance(given, Mapping) and not given):
            raise MissingValueError(
                f"no answers for {component.name}", field=f"answers[{component.key}]",
                fix="answer its criteria: a sub-component without answers is never scored 0")
        if not isinstance(given, Mapping):
            raise InvalidTypeError("give a mapping of criterion to answer",
                                   field=f"answers[{component.key}]", value=given,
                                   fix="e.g. {'1.a.1': 'Y', '1.a.2': 'B'}")
        read[component.key] = {
            _criterion(criterion, component.key): _letter(answer, levels,
                                                          f"answers[{component.key}][{criterion}]")
            for criterion, answer in given.items()}
        if criteria is not None:
            _check_form(read[component.key] or {}, criteria, component.key)
    return read


def _criterion(criterion: Any, key: str) -> str:
    if not isinstance(criterion, str) or not criterion.strip():
        raise InvalidTypeError("a criterion is named by text, as the form numbers it",
                               field=f"answers[{key}]", value=criterion, fix="e.g. '1.b.3'")
    return criterion.strip()


def _letter(answer: Any, levels: Mapping[str, Decimal], field: str) -> str:
    if answer is None:
        raise MissingValueError("the criterion is not answered", field=field,
                                fix="answer it: a missing answer is never scored 0")
    if not isinstance(answer, str):
        raise InvalidTypeError("an answer is a letter", field=field, value=answer,
                               fix="give one of " + ", ".join(levels))
    letter = answer.strip().upper()
    if letter not in levels:
        raise InvalidValueError("not an answer of the scale", field=field, value=answer,
                                fix="give one of " + ", ".join(levels)
                                + " (scale='A-D' for the four-letter scale)")
    return letter


def _check_form(given: Mapping[str, str], criteria: Mapping[str, Sequence[str]], key: str
                ) -> None:
    expected = criteria.get(key)
    if expected is None:
        raise MissingValueError("the form's criteria of this sub-component are not given",
                                field=f"criteria[{key}]",
                                fix="list them, or leave criteria out")
    if isinstance(expected, str) or not isinstance(expected, Sequence):
        raise InvalidTypeError("give the criteria as a list", field=f"criteria[{key}]",
                               value=expected,
                               fix="give the criteria as a list of the form's criteria")
    missing = [c for c in expected if c not in given]
    if missing:
        raise MissingValueError(f"{len(missing)} criteria not answered",
                                field=f"answers[{key}]", value=missing,
                                fix="answer every criterion of the form: a missing answer is "
                                "never scored 0")
    extra = [c for c in given if c not in expected]
    if extra:
        raise InvalidValueError("answers for criteria the form does not have",
                                field=f"answers[{key}]", value=extra,
                                fix="use the form's criteria: " + ", ".join(expected))
