r"""Reading the prose of a report: who and when, counts, formulas, listed achievements, the cap.

Prose is read only where its form is fixed: the letterhead (the satker's name),
the title (the year), ``Dari 1327 klien ... sebanyak 994`` (counts), LaTeX
``\frac{31}{47} \times 100\% = 66\%`` (formulas), a numbered list of
indicators with their achievement, and ``(Konversi 120)`` (the cap).  A
sentence is about the indicator whose table follows it.
"""

from __future__ import annotations

import collections
import re
from decimal import Decimal

from kinerja.core._parse import parse_number
from kinerja.documents._draft import Candidate, Draft, IndicatorDraft
from kinerja.documents._layout import Layout, clean, number_in
from kinerja.documents._model import Provenance
from kinerja.exceptions import KinerjaError

__all__ = ["read_amounts", "read_cap", "read_formulas", "read_heading", "read_listed",
           "read_sentences"]

_UNIT_WORDS = ("BALAI", "DINAS", "BADAN", "LEMBAGA PEMASYARAKATAN", "RUMAH", "KANTOR",
               "SEKRETARIAT", "INSPEKTORAT", "PUSAT", "DIREKTORAT", "BIRO", "RUTAN", "LAPAS")
_SMALL = {"dan", "di", "ke", "dari", "yang", "untuk", "pada"}
_ROMAN = re.compile(r"^(?:I{1,3}|IV|V|VI{0,3}|IX|X)$")
_TITLE = re.compile(r"LAPORAN\s+(?:AKUNTABILITAS\s+)?KINERJA.*?(?:TAHUN|TA\.?)\s+(\d{4})",
                    re.IGNORECASE)
_COUNTS = re.compile(r"\bdari\s+(\d[\d.]*)\s+(?:[^.;:]{0,120}?)\bsebanyak\s+(\d[\d.]*)",
                     re.IGNORECASE)
_FRACTION = re.compile(r"\\frac\{\s*([\d.,]+)\s*\}\{\s*([\d.,]+)\s*\}[^=]*=\s*(.+?)\s*\$*\s*$")
#: a formula as typed in Word or read from a PDF: ``994 / 1105 × 100% = 63%``
_TYPED = re.compile(r"^\s*([\d.,]+)\s*/\s*([\d.,]+)\s*[x×X*]\s*100\s*%?\s*=\s*(.+?)\s*$")
_TYPED_FORM = re.compile(r"^[^\t]{1,120}/[^\t]{1,120}[x×X*]\s*100\s*%")
_CONVERTED = re.compile(r"\d[\d,]*\s?%\s?\*?\s?\(\s*[Kk]onversi\s+\d[\d,]*\s*\)")
_ABOUT = re.compile(r"\s*\w*\s*(?:[^.;:]{0,60}?)\batau\s+sekitar\s+(\d[\d,]*\s?%)")
_COMPLEMENT = re.compile(r"\bsebanyak\s+(\d+\s+\w+)\s+tidak\b", re.IGNORECASE)
_LISTED = re.compile(r"^\s*(\d{1,2})\.\s+(.{10,}?)\s+(?:[Cc]apaian(?:nya)?\s+)?"
                     r"(\d[\d,.]*\s?%)\s*$")
_AMOUNT = r"(Rp\.?\s*\d[\d.,]*\d(?:,-)?)"
_SPENT = re.compile(r"(?:pagu|anggaran)[^%]{0,80}?sebesar\s+" + _AMOUNT
                    + r"[^%]{0,120}?reali[sz]asi\w*\s+sebesar\s+" + _AMOUNT
                    + r"[^%]{0,40}?\batau\s+(?:sebesar\s+)?(\d[\d,]*\s?%)", re.IGNORECASE)
_CONVERSION = re.compile(r"[Kk]onversi\s+(?:menjadi\s+)?(\d[\d,]*)")


def _title_case(text: str) -> str:
    words = []
    for i, word in enumerate(text.split()):
        if _ROMAN.match(word):
            words.append(word)
        elif i and word.lower() in _SMALL:
            words.append(word.lower())
        else:
            words.append(word.capitalize())
    return " ".join(words)


def read_heading(draft: Draft, layout: Layout) -> None:
    """The satker's name and ministry (the letterhead), the title and the year."""
    head = [(n, clean(line)) for n, line in enumerate(layout.lines[:80], start=1) if line.strip()]
    for number, line in head:
        if line.isupper() and line.startswith("KEMENTERIAN") and draft.ministry is None:
            draft.ministry = _title_case(line)
            draft.provenance["satker.ministry"] = Provenance(line=number, text=line)
        elif (line.isupper() and line.startswith(_UNIT_WORDS)
              and not line.startswith("KANTOR WILAYAH") and draft.satker is None):
            draft.satker = _title_case(line)
            draft.provenance["satker.name"] = Provenance(line=number, text=line)
            draft.note("satker.name", "read from the letterhead: check the satker's "
                       "official name", f"{line} (line {number})")
    for number, line in enumerate(layout.lines, start=1):
        match = _TITLE.match(clean(line))
        if match and "\t" not in line and len(line) < 160:
            draft.year = int(match[1])
            draft.title = clean(line)[:200]
            draft.provenance["year"] = Provenance(line=number, text=clean(line))
            return
    years = collections.Counter(re.findall(r"\b[Tt]ahun\s+(20\d{2})\b", "\n".join(layout.lines)))
    if years:
        year = years.most_common(1)[0][0]
        draft.year = int(year)
        draft.note("year", "no title with the year: the draft takes the year the text "
                   "names most often", *(f"{y} ({n} times)" for y, n in years.most_common(3)))


def read_cap(draft: Draft, layout: Layout) -> None:
    """The cap on achievements, from ``(Konversi 120)`` / ``dikonversi menjadi 120%``."""
    found: list[tuple[Decimal, int]] = []
    for number, line in enumerate(layout.lines, start=1):
        for match in _CONVERSION.finditer(line):
            value = number_in(match[1])
            if value is not None:
                found.append((value, number))
    if not found:
        return
    counts = collections.Counter(value for value, _ in found)
    draft.cap = counts.most_common(1)[0][0]
    first = next(number for value, number in found if value == draft.cap)
    draft.provenance["conventions.cap"] = Provenance(line=first,
                                                     text=layout.lines[first - 1][:200])
    draft.note("conventions.cap", "the cap on achievements was read from the words "
               "'Konversi N': the value printed most often was taken",
               *(f"{value} (line {number})" for value, number in found))


def _owner(layout: Layout, number: int, owners: dict[int, IndicatorDraft]) -> IndicatorDraft | None:
    """The indicator of the first recognised indicator table after line *number*."""
    start = layout.next_block[number - 1]
    later = [index for index in owners if index >= start]
    return owners[min(later)] if later else None


def _nearest_table_gap(layout: Layout, number: int, owners: dict[int, IndicatorDraft]) -> bool:
    """Whether another table lies between line *number* and its owner's table."""
    start = layout.next_block[number - 1]
    later = [index for index in owners if index >= start]
    return bool(later) and min(later) != start


def read_sentences(draft: Draft, layout: Layout, owners: dict[int, IndicatorDraft]) -> None:
    """Sentences about the indicator whose table follows.

    Counts (``Dari 1327 klien ... sebanyak 994``, and the ``atau sekitar 63%`` after
    them as the printed realization), the complement (``sebanyak 5 orang tidak ...``)
    and an achievement with its conversion (``123%* (Konversi 124)``).
    """
    year = draft.year or 0
    for number, line in enumerate(layout.lines, start=1):
        if "\t" in line or _is_formula(line):
            continue
        record = _owner(layout, number, owners)
        if record is None or _nearest_table_gap(layout, number, owners):
            continue
        where = f"teks, baris {number}"
        for match in _CONVERTED.finditer(line):
            draft.add_printed(Provenance(line=number, text=match[0]), figure="achievement",
                              indicator=record.code, year=year, text=match[0], where=where)
        if record.unit != "%":
            continue
        for match in _COUNTS.finditer(line):
            try:
                whole = int(parse_number(match[1].rstrip(".")))
                part = int(parse_number(match[2].rstrip(".")))
            except (KinerjaError, ValueError):
                continue
            if not 0 < part <= whole:
                continue
            source = Provenance(line=number, text=match[0][:200])
            record.realizations.setdefault(year, []).append(Candidate(
                value=(part, whole), rank=1, source=source, label="counts in the text"))
            about = _ABOUT.match(line, match.end())
            if about is not None:
                draft.add_printed(Provenance(line=number, text=about[0]), figure="realization",
                                  indicator=record.code, year=year, text=about[1], where=where)
            rest = _COMPLEMENT.search(line, match.end())
            if rest is not None:
                draft.add_printed(Provenance(line=number, text=rest[0]), figure="complement",
                                  indicator=record.code, year=year, text=rest[1], where=where)


def _is_formula(line: str) -> bool:
    r"""Whether *line* is a formula: LaTeX (``\frac``) or typed (``a / b × 100%``)."""
    return "\\frac" in line or _TYPED_FORM.match(line) is not None


def read_formulas(draft: Draft, layout: Layout, owners: dict[int, IndicatorDraft]) -> None:
    r"""Formulas: ``\frac{31}{47} \times 100\% = 66\%`` in LaTeX, or ``31 / 47 × 100% = 66%`` typed.

    The counts and the printed result; after a formula with the word "target",
    the printed achievement.
    """
    previous = ""
    for number, line in enumerate(layout.lines, start=1):
        if not _is_formula(line):
            continue
        match = _FRACTION.search(line) or _TYPED.match(clean(line))
        if match is None:
            previous = line
            continue
        record = _owner(layout, number, owners)
        if record is None:
            continue
        result = re.sub(r"\\text\{([^}]*)\}", r"\1", match[3]).replace("\\%", "%")
        result = clean(result.replace("$", ""))
        source = Provenance(line=number, text=clean(line.replace("$", "")))
        year = draft.year or 0
        if "target" in previous.lower():
            figure = "achievement" if "konversi" in result.lower() else "achievement_raw"
            draft.add_printed(source, figure=figure, indicator=record.code, year=year,
                              text=result, where=f"rumus capaian, baris {number}")
            continue
        top, bottom = number_in(match[1]), number_in(match[2])
        where = f"rumus realisasi, baris {number}"
        if top is not None and bottom is not None and record.unit == "%" \
                and top == int(top) and bottom == int(bottom) and 0 < top <= bottom:
            record.realizations.setdefault(year, []).append(Candidate(
                value=(int(top), int(bottom)), rank=2, source=source, label="counts in a formula"))
            draft.add_printed(source, figure="numerator", indicator=record.code, year=year,
                              text=match[1], where=where)
            draft.add_printed(source, figure="denominator", indicator=record.code, year=year,
                              text=match[2], where=where)
        draft.add_printed(source, figure="realization", indicator=record.code, year=year,
                          text=result, where=where)


def read_listed(draft: Draft, layout: Layout) -> None:
    """A numbered list of indicators with their achievement (the executive summary's)."""
    heading = ""
    for number, line in enumerate(layout.lines, start=1):
        text = clean(line)
        if text.isupper() and 3 < len(text) < 60 and "\t" not in line:
            heading = _title_case(text)
        match = _LISTED.match(text)
        if match is None or "\t" in line:
            continue
        record = draft.find(match[2], threshold=0.7)
        if record is None:
            continue
        source = Provenance(line=number, text=text)
        draft.add_printed(source, figure="achievement", indicator=record.code,
                          year=draft.year or 0, text=match[3],
                          where=f"{heading or 'daftar'}, butir {match[1]}")


def read_amounts(draft: Draft, layout: Layout) -> None:
    """The year's total pagu, spending and absorption in a sentence.

    ``Pagu anggaran ... sebesar Rp 4.100.832.000,- telah direalisasikan sebesar
    Rp 4.100.202.041,- atau 99,98%``: printed figures of the spending-type total.
    """
    heading = ""
    for number, line in enumerate(layout.lines, start=1):
        text = clean(line)
        if text.isupper() and 3 < len(text) < 60 and "\t" not in line:
            heading = _title_case(text)
        if "\t" in line:
            continue
        for match in _SPENT.finditer(text):
            source = Provenance(line=number, text=match[0][:200])
            for figure, printed in zip(("pagu", "spending", "absorption"), match.groups(),
                                       strict=True):
                draft.add_printed(source, figure=figure, breakdown="spending_type", line="total",
                                  year=draft.year or 0, text=printed,
                                  where=f"{heading or 'teks'}, baris {number}")
