"""The audit's words: each finding's explanation, each rule's name and source, in two languages.

The texts are in the catalogs (``kinerja/core/locale/en.toml`` and ``id.toml``,
read by :mod:`kinerja.core._l10n`): the explanations in the section
``[finding]``, the rules' names in ``[rule]``, their sources in ``[source]``.
This module gives the checks what they pass around: :data:`T`, each
explanation's (English, Indonesian) pair by name, and the sources as
:class:`~kinerja.core._l10n.Phrase` objects (text whose ``str`` is English,
written in the output's language when a finding is rendered).  A new
explanation is a key in ``[finding]`` of both catalogs.  Numbers are given as
:class:`~kinerja.core._notation.Numeral` and written in the notation of the
output's language.  The rules are described in the docs page *The audit*
(``docs/audit.md``); the languages in *Output languages* (``docs/languages.md``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from kinerja.budget._lines import SpendingType
from kinerja.core._frozen import FrozenMap
from kinerja.core._l10n import Phrase, catalog, has_text, label, render, term, text
from kinerja.core._notation import format_number
from kinerja.core._options import Lang
from kinerja.core._sentinels import NOT_APPLICABLE
from kinerja.exceptions import KinerjaError
from kinerja.indicators._formulas import CAP_120, FORMULAS
from kinerja.report._printed import FIGURES
from kinerja.schemes._presets import ikpa_scheme, nka_scheme

__all__ = [
    "ACHIEVEMENT",
    "AGREEMENT",
    "BUDGET",
    "BUDGET_LINES",
    "COUNTS",
    "KINERJA",
    "MISSING",
    "NOTATION",
    "OWN_FIGURES",
    "PERIODS",
    "PLAN",
    "ROUNDING",
    "T",
    "expected_text",
    "explanation",
    "rule_name",
    "source_text",
    "subject_text",
    "word",
]

#: Where each rule comes from: a regulation, or the kinerja docs page that states it.
ROUNDING = Phrase("source.rounding")
NOTATION = Phrase("source.notation")
COUNTS = Phrase("source.counts")
MISSING = Phrase("source.missing")
BUDGET = Phrase("source.budget")
ACHIEVEMENT = Phrase("source.achievement")
#: ``AGREEMENT.format(year=2023)``: the performance agreement of a year.
AGREEMENT = Phrase("source.agreement")
PLAN = Phrase("source.plan")
OWN_FIGURES = Phrase("source.own_figures")
BUDGET_LINES = Phrase("source.budget_lines")
KINERJA = Phrase("source.kinerja")
PERIODS = Phrase("source.periods")
CKK = Phrase("source.ckk")


def _templates() -> FrozenMap[str, tuple[str, str]]:
    english, indonesian = catalog("en"), catalog("id")
    return FrozenMap((key.removeprefix("finding."), (english[key], indonesian[key]))
                     for key in english if key.startswith("finding."))


#: The explanations by name: (English, Indonesian) templates from the catalogs.
T: FrozenMap[str, tuple[str, str]] = _templates()


# --- writing a finding's fields in a language ------------------------------------------

#: The parameters of an explanation that name a thing in words (translated as terms).
_WORDS = frozenset({"what", "which", "kind", "figure", "detail", "base"})
_SUBJECT = re.compile(r"(?P<about>.*): (?P<figure>\S+) (?P<year>\d{4})(?: (?P<period>\S+))?")
_BUDGET_LINE = re.compile(r"budget line (?P<what>.*) (?P<year>\d{4})")
_WEIGHTED = re.compile(r"(?P<name>.+) \((?P<word>nilai × bobot|bobot)\)")
_PLAIN = re.compile(r"-?\d+(?:\.(?P<decimals>\d+))?")
_REGULATION = re.compile(r"PER-\d+/PB/\d{4}|PMK \d+/PMK\.\d+/\d{4}")
_BUDGET_FIGURES = ("pagu", "pagu_awal", "spending", "remainder", "absorption")


def word(value: Any, lang: Lang) -> Any:
    """A word a check passes as English text (a figure's kind, a term), in *lang*.

    >>> word("agreed target", "id"), word("achievement_raw", "en"), word("Tabel 3.5", "id")
    ('target perjanjian kinerja', 'raw achievement', 'Tabel 3.5')
    """
    if not isinstance(value, str) or isinstance(value, Phrase):
        return value
    if value in FIGURES:
        return text(f"figure.{value}", lang)
    weighted = _WEIGHTED.fullmatch(value)
    if weighted:
        return f"{weighted['name']} ({term(weighted['word'], lang)})"
    return term(value, lang)


def explanation(template: tuple[str, str], params: Mapping[str, Any], lang: Lang) -> str:
    """One sentence of a finding in *lang*: numbers in its notation, words translated."""
    shown = {key: word(value, lang) if key in _WORDS else value
             for key, value in params.items()}
    return render(template[0 if lang == "en" else 1], lang, shown)


def rule_name(rule: str, lang: Lang) -> str:
    """The name of an audit rule in *lang* (the rule id when the catalogs do not name it).

    >>> rule_name("achievement-polarity", "id"), rule_name("achievement-polarity", "en")
    ('Polaritas diabaikan', 'Polarity ignored')
    """
    key = "rule." + rule.replace("-", "_")
    return text(key, lang) if has_text(key) else rule


def expected_text(expected: str, lang: Lang) -> str:
    """A finding's expected figure (plain notation, or "n/a") in the notation of *lang*.

    >>> expected_text("80.08", "id"), expected_text("4100202041", "id"), expected_text("n/a", "id")
    ('80,08', '4.100.202.041', 't/a')
    >>> expected_text("Sangat Baik", "en")
    'Sangat Baik'
    """
    if expected == "n/a":
        return label(NOT_APPLICABLE, lang)
    plain = _PLAIN.fullmatch(expected)
    if plain is None:
        return expected  # words: a category ("Sangat Baik")
    places = len(plain["decimals"] or "")
    return format_number(Decimal(expected), places, notation=lang)


def _component_name(key: str, family: str, year: int) -> str:
    """The name of an IKPA or NKA component in the scheme of *year*, else the key."""
    try:
        scheme = ikpa_scheme(year) if family == "ikpa" else nka_scheme(year)
        return scheme.component(key).name
    except KinerjaError:
        return key


def _about(about: str, figure: str, year: int, lang: Lang) -> str | None:
    """What a finding's figure is about, in *lang*; ``None`` when the figure says it all."""
    family = figure.split(".")[0]
    if family in ("ikpa", "nka"):
        if about in ("IKPA", "NKA"):
            return None
        return _component_name(about, family, year)
    if figure in _BUDGET_FIGURES:
        breakdown, _, line = about.partition(" ")
        if not has_text(f"breakdown.{breakdown}"):
            return about
        named = text(f"breakdown.{breakdown}", lang)
        if line.strip().lower() == "total":
            return text("subject.total", lang, breakdown=named)
        if breakdown == "spending_type":
            try:
                return label(SpendingType.parse(line), lang)
            except KinerjaError:
                pass
        return text("subject.line", lang, breakdown=named, line=line)
    return about


def _classification(part: str, lang: Lang) -> str:
    try:
        return label(SpendingType.parse(part), lang)
    except KinerjaError:
        return text("word.unclassified", lang) if part == "(unclassified)" else part


def subject_text(subject: str, lang: Lang) -> str:
    """A finding's subject ("IKK-1.1: achievement 2023") in *lang* ("IKK-1.1: capaian 2023").

    >>> subject_text("spending_type 51: absorption 2024", "id")
    'Belanja Pegawai: penyerapan 2024'
    >>> subject_text("IKPA: ikpa.final 2023", "en")
    'IKPA Nilai Akhir 2023'
    >>> subject_text("budget line Belanja Modal 2023", "en")
    'budget line Capital spending 2023'
    """
    found = _SUBJECT.fullmatch(subject)
    if found and found["figure"] in FIGURES:
        year, figure = int(found["year"]), found["figure"]
        about = _about(found["about"], figure, year, lang)
        shown = text(f"figure.{figure}", lang)
        when = f" {found['period']}" if found["period"] else ""
        if about is None:
            return text("subject.score", lang, figure=shown, year=year) + when
        return text("subject.figure", lang, about=about, figure=shown, year=year) + when
    line = _BUDGET_LINE.fullmatch(subject)
    if line:
        parts = " / ".join(_classification(p, lang) for p in line["what"].split(" / "))
        return text("subject.budget_line", lang, what=parts, year=int(line["year"]))
    return subject


def source_text(source: str, rule: str, lang: Lang) -> str:
    """A rule's source in *lang*: from the catalogs, or the report's own text as given.

    The achievement formulas and the 120 % cap name their sources in English
    (``indicators/_formulas.py``): they are written from the catalogs' ``source``
    section; a scheme's regulation is named with its docs page; anything else
    (a plan's source, a custom cap's or scheme's) is the report's own text.

    >>> from kinerja.indicators._formulas import FORMULAS
    >>> source_text(FORMULAS["mirror"].source, "achievement-polarity", "id")
    'PermenPAN-RB 8/2021, “kondisi khusus”: (1 + (1 − R / T)) × 100 (dokumentasi kinerja: \
“Achievement (capaian kinerja)” › “Lower is better”)'
    """
    if isinstance(source, Phrase):
        return source.render(lang)
    for key, formula in FORMULAS.items():
        if source == formula.source:
            return text(f"source.formula.{key}", lang)
    if source == CAP_120.source:
        return text("source.cap_120", lang)
    family = rule.split("-")[0]
    regulation = _REGULATION.search(source)
    if family in ("ikpa", "nka") and regulation is not None:
        return text(f"source.{family}", lang, regulation=regulation[0])
    return source
