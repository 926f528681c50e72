"""Words for people: the message catalogs (Indonesian, English) and how a text is rendered.

Every word kinerja writes for a person (a finding, a table heading, a card, a
chart label, an explanation) comes from one of two catalogs beside this
module, ``locale/id.toml`` and ``locale/en.toml``.  Both hold the same keys
(``section.name``), each a text with ``{placeholders}``; the test
``tests/test_l10n.py`` fails on a key or a placeholder missing from either.
The catalogs live in the lowest layer because the layers below the outputs
write words too (``explain()`` of an achievement or a score, the audit's
findings); the docs page *Output languages* (``docs/languages.md``) states the
rules.

* :func:`text`: one catalog text in a language, its numbers written in the
  language's notation (:class:`~kinerja.core._notation.Numeral`, Decimal);
* :func:`label`: the word for a value: an enum member (a status, a severity,
  a spending type), ``True`` / ``False``, NOT_APPLICABLE, NOT_STATED;
* :class:`Phrase`: a catalog text kept unrendered (its ``str`` is the English),
  for values that travel as text before their language is chosen (a
  finding's source).
"""

from __future__ import annotations

import enum
import functools
import re
import string
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from kinerja.core._data import read_data
from kinerja.core._frozen import FrozenMap
from kinerja.core._notation import DASH, Numeral, format_significant
from kinerja.core._options import LANGS, Lang, check_lang
from kinerja.core._sentinels import NotApplicable, NotStated
from kinerja.core._toml import PARSER

__all__ = ["Phrase", "catalog", "label", "placeholders", "render", "term", "text"]

_CAMEL = re.compile(r"(?<!^)(?=[A-Z])")


@functools.cache
def catalog(lang: Lang) -> FrozenMap[str, str]:
    """The catalog of *lang*: every text by its key (``"status.met"``), read once.

    >>> catalog("id")["status.met"], catalog("en")["status.met"]
    ('tercapai', 'met')
    """
    lang = check_lang(lang)
    data = PARSER.loads(read_data("core", "locale", f"{lang}.toml"))
    flat: dict[str, str] = {}

    def walk(prefix: str, table: Mapping[str, Any]) -> None:
        for key, value in table.items():
            name = f"{prefix}{key}"
            if isinstance(value, Mapping):
                walk(name + ".", value)
            else:
                flat[name] = str(value)

    walk("", data)
    return FrozenMap(flat)


def placeholders(template: str) -> set[str]:
    """The names of a text's ``{placeholders}``.

    >>> sorted(placeholders("{num} of {den} is {expected} %"))
    ['den', 'expected', 'num']
    """
    return {name.split(".")[0].split("[")[0]
            for _, name, _, _ in string.Formatter().parse(template) if name}


def _shown(value: Any, lang: Lang) -> Any:
    """A parameter as the text shows it: numbers in the language's notation, words translated."""
    if isinstance(value, Numeral):
        return value.format(lang)
    if isinstance(value, Phrase):
        return value.render(lang)
    if isinstance(value, Decimal):
        return format_significant(value, notation=lang)
    if isinstance(value, enum.Enum | bool | NotApplicable | NotStated):
        return label(value, lang)
    return value


def render(template: str, lang: Lang, params: Mapping[str, Any]) -> str:
    """Fill *template* with *params*, each shown in *lang* (numbers, words, phrases).

    >>> render("{expected} %", "id", {"expected": Numeral(Decimal("80.0754"))})
    '80,08 %'
    """
    return template.format(**{k: _shown(v, lang) for k, v in params.items()})


def text(key: str, lang: Lang, /, **params: Any) -> str:
    """The catalog text *key* in *lang*, its placeholders filled with *params*.

    Numbers given as :class:`~kinerja.core._notation.Numeral` or Decimal are
    written in the language's notation; enum members and phrases are
    translated too.

    >>> text("audit.printed_expected", "id", printed="'120 %'", expected="80,08")
    "tercetak '120 %', seharusnya 80,08"
    >>> text("word.yes", "en")
    'yes'
    """
    lang = check_lang(lang)
    try:
        template = catalog(lang)[key]
    except KeyError:
        raise KeyError(f"no text {key!r} in the {lang!r} catalog (kinerja/core/locale/"
                       f"{lang}.toml)") from None
    return render(template, lang, params)


def has_text(key: str) -> bool:
    """Whether *key* is in the catalogs."""
    return key in catalog("en")


def _enum_key(value: enum.Enum) -> str:
    section = _CAMEL.sub("_", type(value).__name__).lower()
    return f"{section}.{value.name.lower()}"


def label(value: enum.Enum | bool | NotApplicable | NotStated, lang: Lang) -> str:
    """The word for *value* in *lang*: an enum member, a yes/no, not applicable, not stated.

    An enum member's text is the key ``<class in snake case>.<member in lower
    case>``: ``Status.NOT_MET`` is ``status.not_met``.

    >>> from kinerja.core._polarity import Polarity
    >>> label(Polarity.LOWER_IS_BETTER, "id"), label(True, "en")
    ('semakin rendah semakin baik', 'yes')
    >>> from kinerja.core._sentinels import NOT_APPLICABLE
    >>> label(NOT_APPLICABLE, "id"), label(NOT_APPLICABLE, "en")
    ('t/a', 'n/a')
    """
    if isinstance(value, NotApplicable):
        return text("word.not_applicable", lang)
    if isinstance(value, NotStated):
        return text("word.not_stated", lang)
    if isinstance(value, bool):
        return text("word.yes" if value else "word.no", lang)
    return text(_enum_key(value), lang)


@functools.cache
def _terms(lang: Lang) -> dict[str, str]:
    """English term → the term in *lang*, from the catalog's ``term`` section."""
    english, chosen = catalog("en"), catalog(lang)
    return {english[key]: chosen[key] for key in english if key.startswith("term.")}


def term(word: str, lang: Lang) -> str:
    """A term the lower layers pass as English text, in *lang* (unknown text is returned as is).

    The audit's checks name what a figure is in words (``"agreed target"``,
    ``"denominator"``); the catalog's ``term`` section translates them.

    >>> term("agreed target", "id"), term("agreed target", "en"), term("Tabel 3.5", "id")
    ('target perjanjian kinerja', 'agreed target', 'Tabel 3.5')
    """
    return _terms(check_lang(lang)).get(word, word)


class Phrase(str):
    """A catalog text kept unrendered: its ``str`` is the English text, :meth:`render` any.

    For texts that travel as ``str`` through code that does not know the
    output's language (a finding's source is passed as text by the checks);
    the renderer then writes it in the chosen language.  :meth:`format` fills
    placeholders and keeps the phrase a phrase.

    >>> source = Phrase("source.agreement").format(year=2023)
    >>> source.render("id")
    'Perjanjian Kinerja 2023 (PermenPAN-RB 53/2014, lampiran: format Perjanjian Kinerja)'
    >>> isinstance(source, str), source.key
    (True, 'source.agreement')
    """

    key: str
    params: FrozenMap[str, Any]

    def __new__(cls, key: str, /, **params: Any) -> Phrase:
        english = catalog("en")[key]
        try:
            shown = render(english, "en", params)
        except (KeyError, IndexError):  # placeholders not filled yet
            shown = english
        phrase = super().__new__(cls, shown)
        phrase.key = key
        phrase.params = FrozenMap(params)
        return phrase

    def format(self, *args: Any, **params: Any) -> Phrase:
        """The phrase with (more) placeholders filled."""
        return Phrase(self.key, **{**self.params, **params})

    def render(self, lang: Lang) -> str:
        """The phrase in *lang*."""
        return text(self.key, lang, **self.params)

    def __reduce__(self) -> tuple[Any, ...]:
        return (_phrase, (self.key, dict(self.params)))


def _phrase(key: str, params: dict[str, Any]) -> Phrase:
    return Phrase(key, **params)


def localized(value: Any, lang: Lang) -> Any:
    """*value* for a person reading *lang*: phrases rendered, known enum members and flags named.

    Anything else (document text, numbers) is returned unchanged.

    >>> localized(Phrase("word.total"), "id"), localized(7, "id")
    ('Total', 7)
    """
    if isinstance(value, Phrase):
        return value.render(lang)
    if isinstance(value, bool | NotApplicable | NotStated):
        return label(value, lang)
    if isinstance(value, enum.Enum) and has_text(_enum_key(value)):
        return label(value, lang)
    return value


#: Every language kinerja writes, for the tests and the docs.
LANGUAGES: tuple[Lang, ...] = LANGS
#: The dash a missing figure is shown as, in every language.
MISSING = DASH
