"""Tables as data rows, rendered as Markdown, HTML or CSV in Indonesian or English.

The seventh layer, outputs (above :mod:`kinerja.auditing`), starts here: a
:class:`Table` holds typed cells and renders them in the notation of the
chosen language (docs page *Reports, plans and tables*).  Cells that are
words (a status, a direction, a spending type, yes/no, a
:class:`~kinerja.core._l10n.Phrase`) are written in the chosen language from
the catalogs (:mod:`kinerja.core._l10n`, docs page *Output languages*).
"""

from __future__ import annotations

import csv
import html
import io
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from typing import Any, Literal, TypeAlias

import attrs

from kinerja.core._frozen import FrozenMap, freeze
from kinerja.core._hooks import frame_of, html_of
from kinerja.core._l10n import localized
from kinerja.core._notation import DASH, format_number, format_significant
from kinerja.core._options import Lang, check_choice
from kinerja.core._options import check_lang as _check_lang
from kinerja.core._rounding import significant_places
from kinerja.core._units import Unit, UnitKind
from kinerja.core._validators import checked

__all__ = ["Column", "Quantity", "Table", "render_tables"]

Kind: TypeAlias = Literal["text", "percent", "number", "rupiah", "quantity"]

_FORMATS = ("markdown", "html", "csv")


@checked
@attrs.frozen(kw_only=True)
class Quantity:
    """A figure with its unit, for a table cell: ``60 %``, ``80–90 %``, ``1 Layanan``.

    ``places`` fixes the decimals shown; by default a figure shows the
    decimals it has, up to two (74.9058… shows as 74,91).

    >>> Quantity(value=Decimal("74.9058"), unit=Unit.percent()).format("id")
    '74,91%'
    >>> Quantity(value=Decimal(1), unit=Unit.count("Layanan")).format("en")
    '1 Layanan'
    """

    value: Decimal
    unit: Unit
    high: Decimal | None = None
    places: int | None = None

    def _number(self, value: Decimal, lang: Lang) -> str:
        if self.places is None:
            return format_significant(value, notation=lang, most=2)
        return format_number(value, self.places, notation=lang)

    def format(self, lang: Lang = "id") -> str:
        """The cell text in the language's notation."""
        lang = _check_lang(lang)
        text = self._number(self.value, lang)
        if self.high is not None:
            text += "–" + self._number(self.high, lang)
        if self.unit.kind is UnitKind.PERCENT:
            return text + "%"
        if self.unit.kind is UnitKind.INDEX:
            return text
        if self.unit.kind is UnitKind.RUPIAH:
            return "Rp " + text
        return f"{text} {self.unit}"


@checked
@attrs.frozen(kw_only=True)
class Column:
    """A table column: its key in the rows, headings in both languages, and its kind.

    Kinds: ``"text"``; ``"percent"`` (a Decimal shown with two decimals and
    ``%``); ``"number"`` (as many decimals as it has); ``"rupiah"`` (whole
    Rupiah, grouped); ``"quantity"`` (a :class:`Quantity`).

    >>> Column(key="pagu", id="Pagu (Rp)", en="Ceiling (Rp)", kind="rupiah").heading("en")
    'Ceiling (Rp)'
    """

    key: str
    id: str
    en: str
    kind: Kind = "text"

    def heading(self, lang: Lang) -> str:
        """The heading in *lang* (``"id"`` or ``"en"``; anything else is refused)."""
        return self.id if _check_lang(lang) == "id" else self.en


def _columns(value: Iterable[Column]) -> tuple[Column, ...]:
    return tuple(value)


def _rows(value: Iterable[Mapping[str, Any]]) -> tuple[FrozenMap[str, Any], ...]:
    return tuple(freeze(row) for row in value)


def _notes(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


@checked
@attrs.frozen(kw_only=True)
class Table:
    """A table of an LKjIP as data: typed rows, headings in Indonesian and English.

    Cells hold typed values (Decimal, int, str, :class:`Quantity`); ``None``
    is a missing figure (shown "–"), ``NOT_APPLICABLE`` a figure that does
    not apply (shown "t/a" / "n/a") and ``NOT_STATED`` one the document does
    not show ("t/d" / "not stated").  Words are cells too: an enum member
    (:class:`~kinerja.Status`, a direction, a spending type), ``True`` /
    ``False`` (ya / tidak) or a :class:`~kinerja.core._l10n.Phrase`, each
    written in the output's language.  Render with :meth:`to_markdown`,
    :meth:`to_html` or :meth:`to_csv`; numbers are written in the language's
    notation (Indonesian by default) after half-up rounding.  ``notes`` are
    shown in every language, ``notes_id`` and ``notes_en`` only in theirs.

    Examples
    --------
    >>> table = Table(key="demo", title_id="Contoh", title_en="Example",
    ...               columns=(Column(key="name", id="Jenis Belanja", en="Spending type"),
    ...                        Column(key="pagu", id="Pagu (Rp)", en="Ceiling (Rp)",
    ...                               kind="rupiah"),
    ...                        Column(key="share", id="Capaian (%)", en="Absorption (%)",
    ...                               kind="percent")),
    ...               rows=({"name": "Belanja Barang", "pagu": 1214271000,
    ...                      "share": Decimal("99.957544")},))
    >>> print(table.to_markdown())
    **Contoh**
    <BLANKLINE>
    | Jenis Belanja | Pagu (Rp) | Capaian (%) |
    |---|---:|---:|
    | Belanja Barang | 1.214.271.000 | 99,96 |
    >>> print(table.to_csv(lang="en"), end="")
    Spending type,Ceiling (Rp),Absorption (%)
    Belanja Barang,"1,214,271,000",99.96
    """

    key: str
    title_id: str
    title_en: str
    columns: tuple[Column, ...] = attrs.field(converter=_columns)
    rows: tuple[FrozenMap[str, Any], ...] = attrs.field(converter=_rows)
    number: str | None = None
    notes: tuple[str, ...] = attrs.field(default=(), converter=_notes)
    notes_id: tuple[str, ...] = attrs.field(default=(), converter=_notes)
    notes_en: tuple[str, ...] = attrs.field(default=(), converter=_notes)

    def title(self, lang: Lang = "id") -> str:
        """The table's title in *lang*."""
        return self.title_id if _check_lang(lang) == "id" else self.title_en

    def notes_in(self, lang: Lang = "id") -> tuple[str, ...]:
        """The notes shown under the table in *lang*: the common ones, then the language's."""
        return self.notes + (self.notes_id if _check_lang(lang) == "id" else self.notes_en)

    def cell(self, row: Mapping[str, Any], column: Column, lang: Lang = "id") -> str:
        """The text of one cell in *lang*: numbers in its notation, words from its catalog."""
        lang = _check_lang(lang)
        value = row.get(column.key)
        if value is None:
            return DASH
        if isinstance(value, Quantity):
            return value.format(lang)
        shown = localized(value, lang)
        if shown is not value:  # a word: written in the language, whatever the column
            return str(shown)
        if column.kind == "percent":
            return format_number(value, 2, notation=lang)
        if column.kind == "rupiah":
            return format_number(value, 0, notation=lang)
        if column.kind == "number" and isinstance(value, Decimal | int):
            places = significant_places(Decimal(value)) if isinstance(value, Decimal) else 0
            return format_number(value, min(places, 2), notation=lang)
        return str(value)

    def text_rows(self, lang: Lang = "id") -> list[list[str]]:
        """Every row as the strings the renderers write."""
        lang = _check_lang(lang)
        return [[self.cell(row, c, lang) for c in self.columns] for row in self.rows]

    def headings(self, lang: Lang = "id") -> list[str]:
        """The column headings in *lang*."""
        return [c.heading(_check_lang(lang)) for c in self.columns]

    def to_markdown(self, lang: Lang = "id") -> str:
        """Render as a Markdown table with its title (and notes) above."""
        align = ["---:" if c.kind in ("percent", "number", "rupiah", "quantity") else "---"
                 for c in self.columns]
        lines = [f"**{self.title(lang)}**", ""]
        lines.append("| " + " | ".join(self.headings(lang)) + " |")
        lines.append("|" + "|".join(align) + "|")
        for cells in self.text_rows(lang):
            lines.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
        lines.extend(f"\n{note}" for note in self.notes_in(lang))
        return "\n".join(lines)

    def to_html(self, lang: Lang = "id") -> str:
        """Render as an HTML ``<table>`` with a caption."""
        head = "".join(f"<th>{html.escape(h)}</th>" for h in self.headings(lang))
        body = "".join(
            "<tr>" + "".join(
                f'<td style="text-align:right">{html.escape(v)}</td>'
                if c.kind != "text" else f"<td>{html.escape(v)}</td>"
                for c, v in zip(self.columns, cells, strict=True)) + "</tr>"
            for cells in self.text_rows(lang)
        )
        notes = "".join(f"<p class='kinerja-note'>{html.escape(note)}</p>"
                        for note in self.notes_in(lang))
        return (f'<table class="kinerja-table"><caption>{html.escape(self.title(lang))}'
                f"</caption><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
                + notes)

    def to_csv(self, lang: Lang = "id") -> str:
        """Render as CSV: a header row, then the rows (numbers in the language's notation)."""
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(self.headings(lang))
        writer.writerows(self.text_rows(lang))
        return buffer.getvalue()

    def _repr_html_(self) -> str:
        return html_of(self)

    def __repr__(self) -> str:
        return (f"Table({self.key!r}: {self.title_en!r}, {len(self.rows)} row(s) × "
                f"{len(self.columns)} column(s))")

    def to_pandas(self, *, lang: Lang = "id", exact: bool = True) -> Any:
        """Return the table as a pandas DataFrame (needs the ``pandas`` extra).

        Columns are named by the headings in *lang*, and words in text
        columns (a status, yes/no) are in *lang* too.  Percent and quantity
        columns hold exact Decimals (``object`` dtype) unless ``exact=False``
        (then ``Float64``); Rupiah columns are ``Int64``; text is ``string``;
        missing, not-applicable and not-stated figures are ``<NA>``.
        """
        return frame_of(self, lang=_check_lang(lang), exact=exact)

    def render(self, format: str = "markdown", lang: Lang = "id") -> str:
        """Render in *format*: ``"markdown"``, ``"html"`` or ``"csv"``."""
        renderers = {"markdown": self.to_markdown, "html": self.to_html, "csv": self.to_csv}
        return renderers[check_choice(format, _FORMATS, "format")](lang)


def render_tables(tables: Sequence[Table], format: str = "markdown", lang: Lang = "id") -> str:
    """Render several tables one after another (CSV tables are preceded by their title).

    Examples
    --------
    >>> import kinerja
    >>> report = kinerja.example_report()
    >>> print(render_tables([kinerja.budget_activity_table(report)], "csv").splitlines()[0])
    # Realisasi Anggaran Berdasarkan Sasaran Kegiatan Tahun 2023
    """
    check_choice(format, _FORMATS, "format")
    _check_lang(lang)
    parts = []
    for table in tables:
        if format == "csv":
            parts.append(f"# {table.title(lang)}\n" + table.to_csv(lang))
        else:
            parts.append(table.render(format, lang))
    return ("\n\n" if format != "html" else "\n").join(parts) + "\n"
