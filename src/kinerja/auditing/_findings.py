"""Audit findings and their renderings (text, JSON, Markdown, CSV), in Indonesian or English.

The findings model of the audit; notebook HTML and DataFrames are plugged in
by the outputs layer (:mod:`kinerja.core._hooks`).  Docs page *The audit*.
"""

from __future__ import annotations

import csv
import enum
import io
import json
from collections.abc import Iterator, Mapping
from typing import Any

import attrs

from kinerja.core._frozen import FrozenMap
from kinerja.core._hooks import frame_of, html_of
from kinerja.core._notation import Numeral
from kinerja.core._options import Lang, check_choice, check_lang
from kinerja.core._validators import checked

__all__ = ["FIELDS", "AuditResult", "Finding", "Lang", "Severity"]

#: The columns of the JSON objects and the CSV file, in order.
FIELDS = ("rule", "severity", "location", "subject", "printed", "expected", "message", "source")


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
        return {"error": "kesalahan", "warning": "peringatan", "info": "catatan"}[self.value]

    def label(self, lang: Lang) -> str:
        """The severity in *lang*."""
        return self.indonesian if lang == "id" else self.value


def _render(template: tuple[str, str], params: Mapping[str, Any], lang: Lang) -> str:
    """Fill a message template, writing numbers in the language's notation."""
    shown = {key: value.format(lang) if isinstance(value, Numeral) else value
             for key, value in params.items()}
    return template[0 if lang == "en" else 1].format(**shown)


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
        The recomputed figure in plain notation ("80.08"), "n/a" when none
        applies.
    source : str
        The rule's source: a regulation, or the kinerja docs page that states it.
    """

    rule: str
    severity: Severity
    location: str
    subject: str
    printed: str
    expected: str
    source: str
    parts: tuple[tuple[tuple[str, str], FrozenMap[str, Any]], ...] = attrs.field(repr=False)

    def message(self, lang: Lang = "en") -> str:
        """One or two sentences that explain the difference, in *lang*."""
        lang = check_lang(lang)
        return " ".join(_render(template, params, lang) for template, params in self.parts)

    def _repr_html_(self) -> str:
        return html_of(self)

    def as_dict(self, lang: Lang = "en") -> dict[str, str]:
        """The finding as plain strings (JSON objects, CSV rows)."""
        return {"rule": self.rule, "severity": self.severity.value, "location": self.location,
                "subject": self.subject, "printed": self.printed, "expected": self.expected,
                "message": self.message(lang), "source": self.source}


_HEAD = {
    "en": ("Audit of {name}, {title}", "{errors} error(s), {warnings} warning(s), "
           "{infos} note(s) in {printed} printed figures"),
    "id": ("Audit {name}, {title}", "{errors} kesalahan, {warnings} peringatan, "
           "{infos} catatan pada {printed} angka tercetak"),
}
_COLUMNS = {
    "en": ("Severity", "Rule", "Where", "Figure", "Printed", "Expected", "Explanation"),
    "id": ("Tingkat", "Aturan", "Letak", "Angka", "Tercetak", "Seharusnya", "Penjelasan"),
}


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
    rule,severity,location,subject,printed,expected,message,source
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
        title, counts = _HEAD[check_lang(lang)]
        return (title.format(name=self.name, title=self.title) + ": " + counts.format(
            errors=len(self.errors), warnings=len(self.warnings), infos=len(self.infos),
            printed=self.printed_count))

    def to_text(self, lang: Lang = "en") -> str:
        """A readable report, grouped by severity."""
        lines = [self.summary(lang)]
        for severity in Severity:
            group = self.of(severity)
            if not group:
                continue
            lines += ["", f"{severity.label(lang).upper()} ({len(group)})"]
            for f in group:
                lines.append(f"  [{f.rule}] {f.location}: {f.subject}")
                printed = "tercetak" if lang == "id" else "printed"
                expected = "seharusnya" if lang == "id" else "expected"
                lines.append(f"    {printed} {f.printed!r}, {expected} {f.expected}")
                lines.append(f"    {f.message(lang)}")
                lines.append(f"    ({'sumber' if lang == 'id' else 'source'}: {f.source})")
        return "\n".join(lines) + "\n"

    def to_json(self, lang: Lang = "en") -> str:
        """A JSON list of objects with the keys of :data:`FIELDS`."""
        return json.dumps([f.as_dict(lang) for f in self.findings], ensure_ascii=False,
                          indent=2) + "\n"

    def to_csv(self, lang: Lang = "en") -> str:
        """CSV with a header row of :data:`FIELDS`."""
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=FIELDS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(f.as_dict(lang) for f in self.findings)
        return buffer.getvalue()

    def to_markdown(self, lang: Lang = "en") -> str:
        """A Markdown table, one row per finding."""
        head = _COLUMNS[check_lang(lang)]
        lines = [f"**{self.summary(lang)}**", "", "| " + " | ".join(head) + " |",
                 "|" + "---|" * len(head)]
        for f in self.findings:
            cells = (f.severity.label(lang), f.rule, f.location, f.subject, f.printed,
                     f.expected, f.message(lang))
            lines.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
        return "\n".join(lines) + "\n"

    def render(self, format: str = "text", lang: Lang = "en") -> str:
        """Render in ``"text"``, ``"json"``, ``"markdown"`` or ``"csv"``."""
        renderers = {"text": self.to_text, "json": self.to_json, "markdown": self.to_markdown,
                     "csv": self.to_csv}
        return renderers[check_choice(format, tuple(renderers), "format")](check_lang(lang))
