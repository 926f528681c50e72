"""Audit findings and their renderings (text, JSON, Markdown, CSV), in Indonesian or English.

The findings model of the audit; notebook HTML and DataFrames are plugged in
by the outputs layer (:mod:`kinerja.core._hooks`).  Every word of a rendering
comes from the catalogs (:mod:`kinerja.core._l10n`, through
:mod:`kinerja.auditing._messages`): in Indonesian, the rule's name, the
severity, the subject, the expected figure (in Indonesian notation), the
explanation and the source are all Indonesian; the location and the printed
figure are the document's own.  JSON keys are stable English identifiers in
both languages (:data:`FIELDS`), with the coded values (``rule``,
``severity``, ``expected``) beside their words (``rule_name``,
``severity_name``, ``expected_text``).  Docs pages *The audit* and *Output
languages*.
"""

from __future__ import annotations

import csv
import enum
import io
import json
from collections.abc import Iterator
from typing import Any

import attrs

from kinerja.auditing._messages import (
    expected_text,
    explanation,
    rule_name,
    source_text,
    subject_text,
)
from kinerja.core._frozen import FrozenMap
from kinerja.core._hooks import frame_of, html_of
from kinerja.core._l10n import label, text
from kinerja.core._options import Lang, check_choice, check_lang
from kinerja.core._validators import checked

__all__ = ["COLUMNS", "FIELDS", "AuditResult", "Finding", "Lang", "Severity", "field_labels"]

#: The keys of the JSON objects and the columns of the CSV file and the DataFrame, in order.
#: Stable English identifiers in every language; ``rule``, ``severity`` and ``expected``
#: are codes (``"achievement-polarity"``, ``"error"``, ``"80.08"``), ``rule_name``,
#: ``severity_name`` and ``expected_text`` the same in the output's language.
FIELDS = ("rule", "rule_name", "severity", "severity_name", "location", "subject", "printed",
          "expected", "expected_text", "exact", "message", "source")


class Severity(enum.Enum):
    """How serious a finding is.

    * ``ERROR``: the arithmetic or the rule is wrong;
    * ``WARNING``: a rounding or notation variant (truncation instead of half-up
      rounding, a result computed from an already rounded realization, mixed
      separators), or a figure that cannot be checked;
    * ``INFO``: a convention applied (the 120 % cap), for the reader's benefit.

    >>> Severity.WARNING.indonesian
    'peringatan'
    """

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """0 for errors, 1 for warnings, 2 for infos (sort order)."""
        return list(Severity).index(self)

    @property
    def indonesian(self) -> str:
        """The severity in Indonesian."""
        return self.label("id")

    def label(self, lang: Lang) -> str:
        """The severity in *lang*: ``"kesalahan"``, ``"error"``; the infos are notes.

        >>> Severity.INFO.label("en"), Severity.INFO.label("id")
        ('note', 'catatan')
        """
        return label(self, check_lang(lang))


@checked
@attrs.frozen(kw_only=True)
class Finding:
    """One discrepancy (or note) found by the audit, at one printed figure.

    Examples
    --------
    >>> import kinerja
    >>> finding = kinerja.audit(kinerja.example_report()).errors[0]
    >>> finding.rule, finding.printed, finding.expected
    ('achievement-no-target', '100%', 'n/a')
    >>> finding.as_dict("en")["location"]
    'Ikhtisar Eksekutif, butir 3'

    Attributes
    ----------
    rule : str
        The rule's id, e.g. ``"achievement-polarity"``, ``"budget-total"``.
    severity : Severity
    location : str
        Where the figure is printed ("Tabel 3.5").
    subject : str
        What the figure is ("IKK-1.2 capaian 2023").
    printed : str
        The figure exactly as printed.
    expected : str
        The recomputed figure in plain notation at the printed precision (what
        the document should print: "80.08" beside a printed "66,36"; "100"
        beside a printed "101 %"), "n/a" when none applies.
    source : str
        The rule's source: a regulation, or the kinerja docs page that states it.
    exact : str
        The recomputed value unrounded, every digit kinerja computed
        ("100.330033003300330033…"); empty where the finding has no number.
    """

    rule: str
    severity: Severity
    location: str
    subject: str
    printed: str
    expected: str
    source: str
    parts: tuple[tuple[tuple[str, str], FrozenMap[str, Any]], ...] = attrs.field(repr=False)
    exact: str = attrs.field(default="", repr=False)

    def message(self, lang: Lang = "en") -> str:
        """One or two sentences that explain the difference, in *lang*."""
        lang = check_lang(lang)
        return " ".join(explanation(template, params, lang) for template, params in self.parts)

    def rule_name(self, lang: Lang = "en") -> str:
        """The rule's name in *lang*: "Polarity ignored", "Polaritas diabaikan"."""
        return rule_name(self.rule, check_lang(lang))

    def subject_text(self, lang: Lang = "en") -> str:
        """What the figure is, in *lang*: "IKK-1.2: capaian 2023"."""
        return subject_text(self.subject, check_lang(lang))

    def expected_text(self, lang: Lang = "en") -> str:
        """The recomputed figure in the notation of *lang* ("80,08"; "t/a" when none applies)."""
        return expected_text(self.expected, check_lang(lang))

    def printed_text(self, lang: Lang = "en") -> str:
        """The printed figure as the document prints it, whatever *lang*.

        A finding about the report's inputs (located in the report file,
        ``budget.spending_type[3]``) has no printed figure: its amount is
        written in the notation of *lang* instead.

        >>> import kinerja
        >>> kinerja.audit(kinerja.example_report()).errors[2].printed_text("en")
        '120 %'
        """
        lang = check_lang(lang)
        if self.location.startswith("budget.") and self.printed.isdigit():
            return expected_text(self.printed, lang)
        return self.printed

    def source_text(self, lang: Lang = "en") -> str:
        """The rule's source in *lang*: a regulation, or the kinerja docs page that states it."""
        return source_text(self.source, self.rule, check_lang(lang))

    def _repr_html_(self) -> str:
        return html_of(self)

    def as_dict(self, lang: Lang = "en") -> dict[str, str]:
        """The finding as strings under the keys of :data:`FIELDS` (JSON objects, CSV rows).

        >>> import kinerja
        >>> finding = kinerja.audit(kinerja.example_report()).errors[2]
        >>> row = finding.as_dict("id")
        >>> row["rule"], row["rule_name"], row["severity_name"], row["expected_text"]
        ('achievement-polarity', 'Polaritas diabaikan', 'kesalahan', '80')
        >>> row["subject"]
        'IKK-1.2: capaian 2023'
        """
        lang = check_lang(lang)
        return {"rule": self.rule, "rule_name": self.rule_name(lang),
                "severity": self.severity.value, "severity_name": self.severity.label(lang),
                "location": self.location, "subject": self.subject_text(lang),
                "printed": self.printed, "expected": self.expected,
                "expected_text": self.expected_text(lang), "exact": self.exact,
                "message": self.message(lang),
                "source": self.source_text(lang)}


#: The columns of the Markdown table (and the notebook HTML), by their field.
COLUMNS = ("severity_name", "rule_name", "location", "subject", "printed", "expected_text",
           "message", "source")


@checked
@attrs.frozen(kw_only=True)
class AuditResult:
    """The findings of an audit, errors first, and their renderings.

    Iterating gives the findings; ``errors``, ``warnings`` and ``infos`` select
    by severity.  Render with :meth:`to_text`, :meth:`to_json`,
    :meth:`to_markdown` or :meth:`to_csv`.

    Examples
    --------
    >>> import kinerja
    >>> result = kinerja.audit(kinerja.example_report())
    >>> print(result.summary("id"))
    Audit Balai Pemasyarakatan Kelas II Pangkalpinang, Laporan Kinerja Instansi Pemerintah
    (LKjIP) Tahunan Tahun 2023: 35 kesalahan, 9 peringatan, 4 catatan pada 113 angka tercetak
    >>> print(result.to_csv().splitlines()[0])
    rule,rule_name,severity,severity_name,location,subject,printed,expected,expected_text,exact,message,source
    """

    name: str
    title: str
    printed_count: int
    year: int | None = None
    findings: tuple[Finding, ...]

    def __repr__(self) -> str:
        return (f"AuditResult({self.name!r}: {len(self.errors)} error(s), "
                f"{len(self.warnings)} warning(s), {len(self.infos)} note(s))")

    def _repr_html_(self) -> str:
        return html_of(self)

    def to_pandas(self, *, lang: Lang = "en") -> Any:
        """Return the findings as a pandas DataFrame (needs the ``pandas`` extra).

        One row per finding, the columns of :data:`FIELDS` as ``string``
        columns, ``severity`` as an ordered category (error < warning < info).
        """
        return frame_of(self, lang=check_lang(lang))

    def __iter__(self) -> Iterator[Finding]:
        return iter(self.findings)

    def __len__(self) -> int:
        return len(self.findings)

    def of(self, severity: Severity) -> list[Finding]:
        """The findings of one severity."""
        return [f for f in self.findings if f.severity is severity]

    @property
    def errors(self) -> list[Finding]:
        """Findings where the arithmetic or the rule is wrong."""
        return self.of(Severity.ERROR)

    @property
    def warnings(self) -> list[Finding]:
        """Rounding and notation variants, and figures that cannot be checked."""
        return self.of(Severity.WARNING)

    @property
    def infos(self) -> list[Finding]:
        """Conventions applied (notes)."""
        return self.of(Severity.INFO)

    def summary(self, lang: Lang = "en") -> str:
        """The heading and the counts."""
        lang = check_lang(lang)
        return (text("audit.title", lang, name=self.name, title=self.title) + ": "
                + text("audit.counts", lang, errors=len(self.errors),
                       warnings=len(self.warnings), infos=len(self.infos),
                       printed=self.printed_count))

    def to_text(self, lang: Lang = "en") -> str:
        """A readable report, grouped by severity, every word in *lang*."""
        lang = check_lang(lang)
        lines = [self.summary(lang)]
        for severity in Severity:
            group = self.of(severity)
            if not group:
                continue
            lines += ["", text("audit.group", lang, severity=severity.label(lang).upper(),
                               count=len(group))]
            for f in group:
                lines.append(f"  [{f.rule_name(lang)}] {f.location}: {f.subject_text(lang)}")
                lines.append("    " + text("audit.printed_expected", lang,
                                           printed=repr(f.printed_text(lang)),
                                           expected=f.expected_text(lang)))
                lines.append(f"    {f.message(lang)}")
                lines.append("    (" + text("audit.source", lang, source=f.source_text(lang))
                             + ")")
        return "\n".join(lines) + "\n"

    def to_json(self, lang: Lang = "en") -> str:
        """A JSON list of objects with the keys of :data:`FIELDS` (English identifiers)."""
        lang = check_lang(lang)
        return json.dumps([f.as_dict(lang) for f in self.findings], ensure_ascii=False,
                          indent=2) + "\n"

    def to_csv(self, lang: Lang = "en") -> str:
        """CSV: the columns of :data:`FIELDS`, with a header row in *lang*."""
        lang = check_lang(lang)
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(field_labels(lang))
        writer.writerows(list(f.as_dict(lang).values()) for f in self.findings)
        return buffer.getvalue()

    def to_markdown(self, lang: Lang = "en") -> str:
        """A Markdown table, one row per finding, every word in *lang*."""
        lang = check_lang(lang)
        head = [text(f"audit.column.{column}", lang) for column in COLUMNS]
        lines = [f"**{self.summary(lang)}**", "", "| " + " | ".join(head) + " |",
                 "|" + "---|" * len(head)]
        for f in self.findings:
            row = f.as_dict(lang) | {"printed": f.printed_text(lang)}
            cells = [row[column] for column in COLUMNS]
            lines.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
        return "\n".join(lines) + "\n"

    def render(self, format: str = "text", lang: Lang = "en") -> str:
        """Render in ``"text"``, ``"json"``, ``"markdown"`` or ``"csv"``."""
        renderers = {"text": self.to_text, "json": self.to_json, "markdown": self.to_markdown,
                     "csv": self.to_csv}
        return renderers[check_choice(format, tuple(renderers), "format")](check_lang(lang))


def field_labels(lang: Lang, fields: tuple[str, ...] = FIELDS) -> list[str]:
    """The labels of *fields* in *lang* (CSV headers, the Markdown table's head).

    >>> field_labels("id", ("rule_name", "severity_name", "expected_text"))
    ['aturan', 'tingkat', 'seharusnya']
    """
    return [text(f"field.{field}", check_lang(lang)) for field in fields]
