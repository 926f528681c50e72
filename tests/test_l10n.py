"""One language per output: every finding, table, card, chart and explanation, in id and en.

The catalogs (kinerja/core/locale/id.toml and en.toml) hold the same keys with the same
placeholders.  Everything kinerja writes is rendered here in both languages and read for
words of the other language and for numbers in the other notation; what the document
itself says (names, locations, printed figures, codes) is taken out first.
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
from decimal import Decimal
from pathlib import Path

import pytest

import kinerja
from kinerja import batch
from kinerja.auditing._compare import part
from kinerja.auditing._findings import COLUMNS, FIELDS, Finding, Severity
from kinerja.auditing._messages import T, subject_text
from kinerja.core._l10n import Phrase, catalog, label, placeholders, term, text
from kinerja.core._notation import Numeral
from kinerja.indicators._formulas import CAP_120, FORMULAS
from kinerja.outputs import _display
from kinerja.report._printed import FIGURES

ENGLISH_WORDS = re.compile(
    r"\b(the|and|with|of|is|are|not met|met|achievement|realization|spending|remainder|"
    r"absorption|printed|expected|source|error|warning|note|capped|agreed|missing|"
    r"lower is better|higher is better|yes|no|n/a|not applicable|not stated|category|"
    r"aspect|deduction|final score|judged|excluded|ceiling|change|year|improved|worsened|"
    r"unchanged|on track|budget|personnel|goods|capital|level|unit|weight|score|figure|"
    r"where|rule|explanation|applicable|components?|docs)\b", re.IGNORECASE)
INDONESIAN_WORDS = re.compile(
    r"\b(tercapai|tidak|meningkat|menurun|ya|seharusnya|tercetak|kesalahan|peringatan|"
    r"catatan|sumber|dengan|menurut|realisasi|sisa|penyerapan|jenis|pengurang|aspek|"
    r"kategori|dinilai|komponen|berlaku|sebelum|setelah|laporan|angka|tahun|capaian|"
    r"dikonversi|t/a|t/d|anggaran|satuan|tingkat|polaritas|dokumentasi|halaman|aturan|"
    r"letak|penjelasan|perubahan|belanja|sasaran)\b", re.IGNORECASE)
#: Decimals in the other language's notation: 80.08 in Indonesian, 80,08 in English.
DOT_DECIMAL = re.compile(r"\d\.(?:\d{1,2}|\d{4,})(?![\d.])")
COMMA_DECIMAL = re.compile(r"\d,(?:\d{1,2}|\d{4,})(?![\d,])")
#: Not words or numbers of a language: codes (IKK-1.1, Tabel 3.22, PMK.02), places in a
#: report file (budget.spending_type[4]), options as code (missing='zero'), file names,
#: addresses.
CODES = re.compile(r"\b[A-Z]+[-.]\d+(?:\.\d+)*|\b(?:Tabel|Table|Gambar|Bab|butir)\s[\w.]+"
                   r"|PMK\s?\d+/PMK\.\d+/\d{4}|\w+\.md\b|https?://\S+|budget\.\w+\[\d+\]"
                   r"|\w+='\w+'")
#: Titles of docs pages and quoted words of a regulation, “in quotes”: names, not prose.
QUOTED = re.compile(r"“[^”]*”")
#: The regulations' names of figures, kept as names in English output (docs/languages.md).
NAMES = ("Nilai Kinerja Anggaran", "Perjanjian Kinerja")


@pytest.fixture(scope="module")
def report():
    return kinerja.example_report()


def _data(*reports: kinerja.Report) -> list[str]:
    """What the documents themselves say: it is shown as it is, in any language."""
    found: set[str] = set()
    for report in reports:
        found |= {report.satker.name, report.title or ""}
        found |= {figure.where for figure in report.printed}
        found |= {repr(figure.text) for figure in report.printed}  # as findings quote them
        for record in report.indicators:
            found |= {record.indicator.name, record.code, str(record.indicator.unit),
                      record.note or ""}
            found |= {r.note or "" for r in record.realizations.values()}
            if record.plan is not None and record.plan.source:
                found.add(record.plan.source)
        for lines in report.budget.values():
            found |= {str(line.activity) for line in lines if line.activity}
    for scheme in (kinerja.ikpa_scheme(2021), kinerja.ikpa_scheme(2023),
                   kinerja.ikpa_scheme(2024), kinerja.nka_scheme(2021)):
        found |= {scheme.label, *(c.name for c in scheme.components),
                  *(a.name for a in scheme.aspects), *(d.name for d in scheme.deductions),
                  *(b.category for b in scheme.bands)}
    return sorted((f for f in found if f), key=len, reverse=True)


def _scrub(output: str, data: list[str]) -> str:
    """*output* without markup, the document's own words, quoted titles and codes.

    Printed figures are quoted in text output (``tercetak '120 %'``) and shown in
    ``<code>`` in HTML; both are taken out with the quotes and the markup.
    """
    output = re.sub(r"<code>.*?</code>", " ", output)
    output = html.unescape(re.sub(r"<[^>]+>", " ", output))
    for item in (*data, *NAMES):
        output = output.replace(item, " ")
    return CODES.sub(" ", QUOTED.sub(" ", output))


def _problems(output: str, lang: str, data: list[str]) -> list[str]:
    """Words of the other language and numbers in the other notation, with their context."""
    shown = _scrub(output, data)
    words = ENGLISH_WORDS if lang == "id" else INDONESIAN_WORDS
    numbers = DOT_DECIMAL if lang == "id" else COMMA_DECIMAL
    return [shown[max(0, m.start() - 30):m.end() + 30] for pattern in (words, numbers)
            for m in pattern.finditer(shown)]


# --- the catalogs ------------------------------------------------------------------------

def test_both_catalogs_have_every_key():
    """A key missing from either catalog fails here, naming the key."""
    english, indonesian = set(catalog("en")), set(catalog("id"))
    assert sorted(english - indonesian) == []
    assert sorted(indonesian - english) == []


def test_each_text_has_the_same_placeholders_in_both_languages():
    """A text cannot lose (or invent) a placeholder in translation."""
    english, indonesian = catalog("en"), catalog("id")
    differ = [key for key in english
              if placeholders(english[key]) != placeholders(indonesian[key])]
    assert differ == []


def test_no_text_is_empty_and_indonesian_is_translated():
    """Every text says something; no Indonesian text is an English one left as it was."""
    english, indonesian = catalog("en"), catalog("id")
    assert [k for k in english if not english[k].strip() or not indonesian[k].strip()] == []
    untranslated = [k for k in english if english[k] == indonesian[k]
                    and ENGLISH_WORDS.search(re.sub(r"\{[^}]*\}", " ", english[k]))]
    assert untranslated == []


def test_every_rule_and_figure_is_named_in_both_languages():
    """The documented rules, and every kind of printed figure, have a name in each catalog."""
    page = (Path(__file__).parent.parent / "docs" / "audit.md").read_text(encoding="utf-8")
    table = page[page.index("| rule | severity |"):].split("\n\n")[0]
    documented = {rule for row in table.splitlines()[2:]
                  for rule in re.findall(r"`([a-z-]+)`", row.split("|")[1])}
    assert {"achievement-polarity", "budget-total", "cannot-check"} <= documented
    for rule in documented:
        assert f"rule.{rule.replace('-', '_')}" in catalog("en"), rule
    assert [figure for figure in FIGURES if f"figure.{figure}" not in catalog("id")] == []


def test_every_source_of_kinerja_is_in_the_catalogs():
    """The formulas' and the cap's sources are written from the catalogs, in each language."""
    for key, formula in FORMULAS.items():
        finding = _finding("achievement", "achievement", formula.source)
        assert finding.source_text("id") == text(f"source.formula.{key}", "id")
        assert finding.source_text("en") == text(f"source.formula.{key}", "en")
    assert _finding("cap-applied", "cap_applied", CAP_120.source).source_text("id") == (
        text("source.cap_120", "id"))
    ikpa = _finding("ikpa-total", "ikpa", "PER-5/PB/2022")
    assert ikpa.source_text("id").startswith("PER-5/PB/2022, komponen dan bobot IKPA")


def test_terms_and_labels_translate():
    """Words passed as English text, and enum members, come out in the chosen language."""
    assert term("denominator", "id") == "penyebut"
    assert label(kinerja.Status.MET, "id") == "tercapai"
    assert label(kinerja.SpendingType.MODAL, "en") == "Capital spending"
    assert label(kinerja.NOT_STATED, "en") == "not stated"
    assert Phrase("word.total").render("id") == "Total"


def test_every_output_checks_its_language():
    """Every output validates its language: French is refused, naming the parameter."""
    report = kinerja.example_report()
    result = kinerja.audit(report)
    finding = result.findings[0]
    calls = [lambda: result.to_text("fr"), lambda: finding.message("fr"),
             lambda: finding.as_dict("fr"), lambda: report.assess("IKK-1.1").explain("fr"),
             lambda: report.ikpa_score().explain("fr"),
             lambda: kinerja.overview_table(report).to_markdown("fr"),
             lambda: kinerja.overview_table(report).to_pandas(lang="fr"),
             lambda: _display.result_html(report.assess("IKK-1.1"), "fr"),
             lambda: text("word.yes", "fr"), lambda: kinerja.Severity.ERROR.label("fr")]
    for call in calls:
        with pytest.raises(kinerja.InvalidValueError, match="lang"):
            call()


# --- findings ----------------------------------------------------------------------------

def _sample(name: str) -> object:
    """A value for a placeholder, as the checks pass it."""
    words = {"what": "agreed target", "which": "denominator", "kind": "achievement_raw",
             "figure": "ikpa.total", "detail": "mixed '.' and ',' as thousands separators",
             "base": "Nilai Akhir", "regulation": "PER-5/PB/2024", "name": "Dispensasi SPM",
             "where": "Tabel 3.5", "text": "120 %", "formula": "R / T × 100", "counts": "",
             "others": "'125%' (Tabel 3.3)", "error": "ZeroTargetError", "unit": " %",
             "printed_unit": "%", "score": "93,47"}
    if name in words:
        return words[name]
    if name in ("year", "num", "den", "more"):
        return 2023 if name == "year" else 7
    return Numeral(Decimal("1234.5678"), 2)


def _finding(rule: str, template: str, source: str) -> Finding:
    params = {p: _sample(p) for p in placeholders(T[template][0])}
    return Finding(rule=rule, severity=Severity.ERROR, location="Tabel 3.5",
                   subject="IKK-1.2: achievement 2023", printed="120 %", expected="80.08",
                   source=source, parts=(part(template, **params),))


SUMMARY = """
format = "kinerja-report"
version = 1
year = 2021
[satker]
name = "Kanwil Contoh"
[[printed]]
figure = "ikpa.weight"
component = "belanja_kontraktual"
text = "10"
where = "Surat edaran"
[[printed]]
figure = "ikpa.total"
text = "97,10"
where = "Siaran pers"
[[printed]]
figure = "nka.final"
text = "87,93"
where = "Siaran pers"
[[printed]]
figure = "ikpa.weight"
component = "revisi_dipa"
year = 2010
text = "10"
where = "Arsip"
"""


@pytest.fixture(scope="module")
def reports(report):
    """The reference report, a summary without components, and synthetic reports."""
    data = batch.synthetic_national(seed=3, satkers=12, years=(2023, 2024))
    return [report, kinerja.loads_report(SUMMARY),
            *batch.synthetic_reports(data, range(24))]


@pytest.fixture(scope="module")
def audits(reports):
    return [kinerja.audit(r) for r in reports]


def test_the_audits_reach_many_rules(audits):
    """The rendered audits cover most rules (the synthetic findings below cover the rest)."""
    rules = {f.rule for result in audits for f in result}
    assert len(rules) >= 15
    assert [r for r in rules if f"rule.{r.replace('-', '_')}" not in catalog("id")] == []


def _markdown_without_printed(markdown: str) -> str:
    """The Markdown table without its column of printed figures (the document's own)."""
    column = COLUMNS.index("printed") + 1
    return "\n".join("|".join(c for i, c in enumerate(line.split("|")) if i != column)
                     if line.startswith("|") else line for line in markdown.splitlines())


@pytest.mark.parametrize("lang", ["id", "en"])
def test_audits_speak_one_language(reports, audits, lang):
    """Text, Markdown, CSV, JSON and notebook HTML of real audits: one language, one notation."""
    data = _data(*reports)
    localized = ("rule_name", "severity_name", "subject", "expected_text", "message", "source")
    problems = []
    for result in audits:
        outputs = [result.to_text(lang), _markdown_without_printed(result.to_markdown(lang)),
                   _display.audit_html(result, lang),
                   *(_display.finding_html(f, lang) for f in result)]
        rows = list(csv.DictReader(io.StringIO(result.to_csv("en"))))
        header = next(csv.reader(io.StringIO(result.to_csv(lang))))
        outputs.append(" | ".join(header) if lang == "id" else "")
        for record in json.loads(result.to_json(lang)):
            assert list(record) == list(FIELDS)
            outputs.append(" | ".join(record[k] for k in localized))
        for row in rows if lang == "en" else ():
            outputs.append(" | ".join(row[k] for k in localized))
        problems += [p for output in outputs for p in _problems(output, lang, data)]
    assert problems == []


@pytest.mark.parametrize("lang", ["id", "en"])
def test_every_explanation_and_rule_in_one_language(lang):
    """Every explanation template, with every rule's name and source, renders in *lang*."""
    english = catalog("en")
    sources = [*(f.source for f in FORMULAS.values()), CAP_120.source, "PER-5/PB/2024",
               *(Phrase(k, **dict.fromkeys(placeholders(english[k]), 2023)) for k in english
                 if k.startswith("source.") and "formula" not in k
                 and k not in ("source.ikpa", "source.nka"))]
    rules = [k.removeprefix("rule.").replace("_", "-") for k in english if k.startswith("rule.")]
    templates = list(T)
    findings = [_finding(rules[i % len(rules)], templates[i % len(templates)],
                         sources[i % len(sources)])
                for i in range(max(len(rules), len(templates), len(sources)))]
    result = kinerja.AuditResult(name="Satker", title="2023", printed_count=1,
                                 findings=tuple(findings))
    data = ["Satker", "Tabel 3.5", "Dispensasi SPM", "Nilai Akhir", "ZeroTargetError",
            "R / T × 100", "IKK-1.2", "93,47"]  # the document's words, and a printed score
    outputs = [result.to_text(lang), _markdown_without_printed(result.to_markdown(lang))]
    assert [p for output in outputs for p in _problems(output, lang, data)] == []
    assert ("1.234,57" if lang == "id" else "1,234.57") in result.to_text(lang)


def test_subjects_are_translated():
    """A finding's subject speaks the output's language, spending types included."""
    finding = _finding("budget-absorption", "absorption", Phrase("source.budget"))
    assert finding.subject_text("id") == "IKK-1.2: capaian 2023"
    assert subject_text("spending_type 51: absorption 2024", "en") == (
        "Personnel spending: absorption 2024")
    assert subject_text("spending_type total: spending 2023", "id") == (
        "total per jenis belanja: realisasi 2023")
    assert subject_text("dispensasi_spm: ikpa.weighted 2023", "id") == (
        "Dispensasi SPM: nilai × bobot IKPA 2023")


# --- tables, cards, explanations, charts ---------------------------------------------------

@pytest.mark.parametrize("lang", ["id", "en"])
def test_tables_speak_one_language(report, lang):
    """Every chapter III table, as Markdown, HTML, CSV and a DataFrame, in one language."""
    data = _data(report)
    outputs = []
    for table in kinerja.chapter_three(report):
        cells = list(csv.reader(io.StringIO(table.to_csv(lang))))
        outputs += [table.to_markdown(lang), table.to_html(lang),
                    "\n".join(" | ".join(row) for row in cells)]
    pd = pytest.importorskip("pandas")
    for table in kinerja.chapter_three(report):
        frame = table.to_pandas(lang=lang)
        outputs.append(" | ".join(map(str, frame.columns)))
        for column in frame.columns:
            if str(frame[column].dtype) == "string":
                outputs.append(" | ".join(str(v) for v in frame[column] if v is not pd.NA))
    assert [p for output in outputs for p in _problems(output, lang, data)] == []


@pytest.mark.parametrize("lang", ["id", "en"])
def test_cards_and_explanations_speak_one_language(report, lang):
    """Notebook cards and explain() of every indicator-year and of every kind of score."""
    data = _data(report)
    outputs = [_display.report_html(report, lang)]
    for year in report.years():
        for result in report.results(year):
            outputs += [result.explain(lang), _display.result_html(result, lang)]
    for record in report.indicators:
        outputs.append(_display.indicator_html(record.indicator, lang))
    ikpa = report.ikpa
    assert ikpa is not None
    scores = [report.ikpa_score(),
              kinerja.ikpa_scheme(2024).score(dict(ikpa, dispensasi_spm="0,5",
                                                   belanja_kontraktual=kinerja.NOT_APPLICABLE)),
              kinerja.ikpa_scheme(2024, deduction_order="before_division").score(
                  dict(ikpa, dispensasi_spm="0,5")),
              kinerja.ikpa_scheme(2023).score({"revisi_dipa": 100}, missing="zero"),
              kinerja.nka_scheme(2021).score({"penyerapan_anggaran": "95,53",
                                              "konsistensi": "99,61",
                                              "capaian_output": "99,72",
                                              "efisiensi": "59,98"})]
    for score in scores:
        assert score is not None
        outputs += [score.explain(lang), _display.score_html(score, lang)]
    assert [p for output in outputs for p in _problems(output, lang, data)] == []


def test_explanations_of_every_status(report):
    """Missing, not applicable and not stated explain themselves in both languages."""
    indicator = kinerja.Indicator(code="X", name="x", level="IKK", unit="%")
    target = kinerja.Target(year=2023, value=60)
    missing = kinerja.assess(indicator, target, kinerja.Realization.not_reported(2023))
    na = kinerja.assess(indicator, kinerja.NOT_APPLICABLE, kinerja.Realization(year=2023,
                                                                               value=5))
    unstated = kinerja.assess(indicator, kinerja.NOT_STATED,
                              kinerja.Realization(year=2023, value=5))
    assert missing.explain("id") == ("X 2023: realisasi tidak dilaporkan; tidak ada capaian "
                                     "(tidak dilaporkan bukan nol)")
    assert na.explain("en").startswith("X 2023: not applicable")
    assert unstated.explain("id") == ("X 2023: dokumen tidak mencantumkan target; tidak ada "
                                      "capaian (tidak dapat diperiksa)")


def test_judged_figure_keeps_its_places(report):
    """The category line shows the judged figure at the places it is judged at (97,30)."""
    ikpa = report.ikpa
    assert ikpa is not None
    result = kinerja.ikpa_scheme(2024).score(dict(ikpa, dispensasi_spm=Decimal("1.585")))
    line = result.explain("id").splitlines()[-1]
    assert re.search(r"dinilai dari \d+,\d\d \(", line), line


@pytest.mark.parametrize("lang", ["id", "en"])
def test_charts_speak_one_language(report, lang):
    """Titles, axis labels, ticks, legends and value labels of every chart."""
    matplotlib = pytest.importorskip("matplotlib")
    matplotlib.use("Agg")
    import kinerja.plot as plot  # an optional extra: imported where it is needed

    data = _data(report)
    axes = [plot.trajectory(report, "IKK-1.1", lang=lang),
            plot.achievements(report, lang=lang), plot.absorptions(report, lang=lang),
            plot.ikpa(report.ikpa_score(), lang=lang)]  # type: ignore[arg-type]
    texts = []
    for ax in axes:
        ax.figure.canvas.draw()
        texts += [t.get_text() for t in (*ax.texts, *ax.get_xticklabels(),
                                          *ax.get_yticklabels())]
        texts += [ax.get_title(), ax.get_xlabel(), ax.get_ylabel()]
        texts += [t.get_text() for legend in ax.figure.legends for t in legend.get_texts()]
    matplotlib.pyplot.close("all")
    assert [p for t in texts for p in _problems(t, lang, data)] == []


def test_input_findings_write_their_amounts_in_the_language(audits):
    """A finding about the report's inputs (spending above pagu) writes its amounts grouped."""
    inputs = [f for result in audits for f in result if f.location.startswith("budget.")]
    assert inputs
    finding = inputs[0]
    assert finding.printed.isdigit()
    assert finding.printed_text("id") == kinerja.format_number(int(finding.printed), 0)
    assert repr(finding.printed_text("id")) in kinerja.AuditResult(
        name="x", title="y", printed_count=0, findings=(finding,)).to_text("id")
    assert finding.printed_text("en") == kinerja.format_number(int(finding.printed), 0,
                                                               notation="en")
