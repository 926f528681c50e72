"""Extracting a draft report from a published document: text, Word, PDF, and what is refused."""

import random
import re
from pathlib import Path

import pytest

import kinerja
from kinerja.documents import Extraction, extract, extract_text

FIXTURES = Path(__file__).parent / "fixtures" / "documents"
SEED = FIXTURES / "lkjip_2023_bapas_pangkalpinang.md"

AGREEMENT = """LAPORAN KINERJA INSTANSI PEMERINTAH TAHUN 2023
DINAS KESEHATAN KABUPATEN CONTOH

Tabel 2.1 Perjanjian Kinerja Tahun 2023
NO\tSASARAN KEGIATAN\tINDIKATOR KINERJA KEGIATAN\tTARGET
1\tMeningkatnya derajat kesehatan\t1. Angka kematian ibu per 100.000 kelahiran hidup\t90
\t\t2. Persentase balita gizi baik\t80%
"""


@pytest.fixture(scope="module")
def seed() -> Extraction:
    """The reference LKjIP, extracted once for the module."""
    return extract(SEED)


def _review(result, path):
    return [item for item in result.review if item.path == path]


def test_seed_reads_satker_year_and_cap(seed):
    """The letterhead gives the satker, the title the year, 'Konversi 120' the cap."""
    report = seed.report
    assert report.satker.name == "Balai Pemasyarakatan Kelas II Pangkalpinang"
    assert report.year == 2023
    assert report.satker.ministry == "Kementerian Hukum dan Hak Asasi Manusia"
    assert report.satker.code == "693222"  # the IKPA print-out's Kode Satker
    assert seed.provenance["satker.code"].line == 950
    assert report.policy.cap.upper == 120
    assert seed.provenance["year"].line == 53
    assert "124 (line 580)" in _review(seed, "conventions.cap")[0].candidates


def test_seed_agreement_targets_and_goals(seed):
    """Tabel 2.1 and the 2022 agreement give 5 goals and 13 indicators with their targets."""
    report = seed.report
    assert [g.code for g in report.goals] == ["SS-1", "SS-2", "SP-1", "SK-1", "SK-2"]
    assert len(report.indicators) == 13
    ikk = report.indicator("IKK-1.3")
    assert (ikk.targets[2022].value, ikk.targets[2023].value) == (30, 35)
    assert seed.provenance["indicators.IKK-1.3.targets.2023"].table == "Tabel 2.1"
    assert seed.provenance["indicators.IKK-1.3.targets.2023"].line == 512
    # Tabel 3.7 prints 30 %: a review item lists both
    assert any("30 %" in c for c in _review(seed, "indicators.IKK-1.3.targets.2023")[0].candidates)


def test_seed_polarity_guessed_with_its_word(seed):
    """'menurunnya' makes IKK-1.2 lower-is-better, and a review item names the word."""
    assert seed.report.indicator("IKK-1.2").indicator.polarity.value == "lower_is_better"
    (item,) = _review(seed, "indicators.IKK-1.2.polarity")
    assert "'menurunnya'" in item.reason


def test_seed_counts_from_the_sentence_over_the_formula(seed):
    """994 of 1327 (the text) wins over 994/1105 (the formula); the review lists all four."""
    real = seed.report.indicator("IKK-1.1").realizations[2023]
    assert (real.numerator, real.denominator) == (994, 1327)
    assert seed.provenance["indicators.IKK-1.1.realizations.2023"].line == 580
    (item,) = _review(seed, "indicators.IKK-1.1.realizations.2023")
    assert [c.split(" ")[0] for c in item.candidates] == ["994/1327", "994/1105", "75", "75"]


def test_seed_budget_lines(seed):
    """Tabel 3.22 gives six spending-type lines, Tabel 3.23 two activity lines."""
    lines = seed.report.budget["spending_type"]
    assert [(line.year, line.spending_type.value, line.pagu) for line in lines][:2] == [
        (2022, "51", 2785984000), (2022, "52", 1996657000)]
    assert len(lines) == 6
    activity = seed.report.budget["activity"]
    assert [line.realization for line in activity] == [570644250, 3529557791]
    assert seed.provenance["budget.spending_type.2023.52.pagu"].text == "1.214.271.000"


def test_seed_printed_figures_carry_their_place(seed):
    """Each printed figure names its table, year and row; its provenance has line and column."""
    printed = seed.report.printed
    index, entry = next((i, p) for i, p in enumerate(printed)
                        if p.figure == "remainder" and p.year == 2022 and p.line == "51")
    assert (entry.text, entry.where) == ("134.260", "Tabel 3.22, Tahun 2022, Belanja Pegawai")
    source = seed.provenance[f"printed[{index}]"]
    assert (source.line, source.column) == (887, "Sisa (Rp)")


def test_seed_draft_holds_no_number_the_document_lacks(seed):
    """Every extracted value has a provenance whose printed text holds the value's digits."""
    def digits(text):
        return re.sub(r"\D", "", text)

    report, checked = seed.report, 0
    for record in report.indicators:
        for kind in ("targets", "realizations"):
            for year, value in getattr(record, kind).items():
                number = getattr(value, "low", None) if kind == "targets" else value
                if number is None:
                    continue
                source = seed.provenance[f"indicators.{record.code}.{kind}.{year}"]
                parts = ((value.numerator, value.denominator) if kind == "realizations"
                         and value.numerator is not None else
                         (value.value if kind == "realizations" else value.low,))
                for part in parts:
                    assert digits(format(part.normalize(), "f")) in digits(source.text), source
                    checked += 1
    for breakdown, lines in report.budget.items():
        for line in lines:
            key = line.spending_type.value if breakdown == "spending_type" else line.activity
            source = seed.provenance[f"budget.{breakdown}.{line.year}.{key}.pagu"]
            assert str(line.pagu) == digits(source.text)
            checked += 1
    for index, entry in enumerate(report.printed):
        source = re.sub(r"\\text\{([^}]*)\}", r"\1", seed.provenance[f"printed[{index}]"].text)
        assert " ".join(entry.text.split()) in " ".join(source.replace("\\%", "%").split())
        checked += 1
    assert checked > 200


def test_seed_draft_round_trips_and_audits(seed):
    """The draft is a valid report: it dumps, loads back equal, and audits."""
    text = kinerja.dump_report(seed.report)
    assert kinerja.loads_report(text) == seed.report
    assert kinerja.audit(seed.report).errors
    assert seed.draft_toml().startswith("# Draft read from")
    assert kinerja.loads_report(seed.draft_toml()) == seed.report


def test_listed_achievements_and_text_amounts(seed):
    """The executive summary's numbered list and its budget sentence are printed figures."""
    listed = [p for p in seed.report.printed if p.where.startswith("Ikhtisar Eksekutif, butir")]
    assert [(p.indicator, p.text) for p in listed][5:7] == [("IKK-1.1", "124 %"),
                                                            ("IKK-1.2", "120 %")]
    spent = [p.text for p in seed.report.printed
             if p.figure == "spending" and p.line == "total" and p.year == 2023]
    assert "Rp. 4,100,921,041,-" in spent


def test_ikpa_row_with_missing_cells_is_not_read_by_position(seed):
    """The print-out's 'Bobot' row has 7 cells for 8 components: a review item, no guess."""
    assert seed.report.ikpa["deviasi_halaman_iii"] == kinerja.parse_number("94,18")
    assert not [p for p in seed.report.printed if p.figure == "ikpa.weight"]
    assert any("7 figures for 8 components" in item.reason for item in _review(seed, "ikpa"))


def test_small_agreement_guesses_polarity_and_rate():
    """'Angka kematian' gives lower-is-better; a bare target without a unit asks for one."""
    result = extract_text(AGREEMENT, source="dinkes.md")
    aki = result.report.indicator("IKK-1.1")
    assert aki.indicator.polarity.value == "lower_is_better"
    assert aki.targets[2023].value == 90
    assert [i.path for i in result.review][:3] == ["satker.name", "indicators.IKK-1.1.polarity",
                                                   "indicators.IKK-1.1.unit"]


def test_document_without_tables_gives_an_empty_draft_and_says_so():
    """No table: an empty (valid) draft and a review item, never a crash."""
    result = extract_text("LAPORAN KINERJA TAHUN 2024\nSemua berjalan baik.\n")
    assert (result.report.year, result.report.indicators) == (2024, ())
    assert [i.reason for i in result.review] == [
        "no performance-agreement table was recognised: the draft has no indicators",
        "no table was recognised: the draft is empty"]


@pytest.mark.parametrize(("name", "content", "message"), [
    ("empty.md", b"", "the document has no text"),
    ("memo.txt", b"Rapat hari Senin.\n", "no reporting year found"),
    ("broken.docx", b"PK\x03\x04 not a zip", "damaged or not a .docx file"),
    ("broken.pdf", b"%PDF-1.4 garbage", "damaged or not a .pdf file"),
    ("binary.md", b"\xff\xfe\x00\x00", "not UTF-8"),
])
def test_unusable_documents_raise_one_report_file_error(tmp_path, name, content, message):
    """Empty, corrupt, non-UTF-8 or non-report files give one ReportFileError naming the file."""
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(kinerja.ReportFileError, match=re.escape(message)) as caught:
        extract(path)
    assert caught.value.field.endswith(name)


def _pdf(path, text_lines, table=()):
    """Write a one-page PDF: *text_lines* in its text layer (none: like a scan), *table* ruled."""
    ops = [f"BT /F1 10 Tf 40 {760 - 14 * i} Td ({line}) Tj ET" for i, line in enumerate(text_lines)]
    for r, row in enumerate(table):
        x, y = 40, 640 - (r + 1) * 30
        for width, cell in zip([30, 160, 230, 60], row, strict=True):
            ops += [f"{x} {y} {width} 30 re S", f"BT /F1 7 Tf {x + 2} {y + 12} Td ({cell}) Tj ET"]
            x += width
    stream = ("\n".join(ops) + "\n").encode()
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
               b"/Resources << /Font << /F1 5 0 R >> >> >>",
               b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"endstream",
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, xref)
    path.write_bytes(bytes(out))


def test_pdf_with_a_text_layer_is_read(tmp_path):
    """A PDF's text layer is read; without a recognised table the draft says so."""
    path = tmp_path / "laporan.pdf"
    _pdf(path, ["LAPORAN KINERJA INSTANSI PEMERINTAH TAHUN 2023", "BALAI CONTOH KELAS II"])
    result = extract(path)
    assert (result.report.year, result.report.satker.name) == (2023, "Balai Contoh Kelas II")
    assert "no table was recognised: the draft is empty" in [i.reason for i in result.review]


def test_pdf_ruled_agreement_table_is_read(tmp_path):
    """A ruled table in a PDF's text layer is read as rows of cells: an agreement, its targets."""
    path = tmp_path / "laporan.pdf"
    _pdf(path, ["LAPORAN KINERJA INSTANSI PEMERINTAH TAHUN 2023", "BALAI CONTOH KELAS II",
                "Tabel 2.1 Perjanjian Kinerja Tahun 2023"],
         [["NO", "SASARAN KEGIATAN", "INDIKATOR KINERJA KEGIATAN", "TARGET"],
          ["1", "Meningkatnya layanan", "Persentase klien bekerja", "60%"],
          ["2", "Meningkatnya dukungan", "Persentase dokumen tepat waktu", "90%"]])
    result = extract(path)
    assert [(r.code, r.targets[2023].value) for r in result.report.indicators] == [
        ("IKK-1.1", 60), ("IKK-2.1", 90)]
    assert result.provenance["indicators.IKK-2.1.targets.2023"].table == "Tabel 2.1"


def _locked_pdf(path):
    """Write a one-page PDF that needs a password (a standard security handler, unknown key)."""
    _pdf(path, ["LAPORAN KINERJA TAHUN 2023"])
    data = path.read_bytes()
    encrypt = (b"6 0 obj\n<< /Filter /Standard /V 1 /R 2 /O <" + b"00" * 32 + b"> /U <"
               + b"11" * 32 + b"> /P -4 >>\nendobj\n")
    ident = b"<0123456789abcdef0123456789abcdef>"
    data = data.replace(b"/Root 1 0 R >>", b"/Root 1 0 R /Encrypt 6 0 R /ID [%s %s] >>"
                        % (ident, ident))
    at = data.index(b"xref\n")
    path.write_bytes(data[:at] + encrypt + data[at:])


def test_encrypted_pdf_is_refused(tmp_path):
    """A PDF that needs a password gives one ReportFileError that says so."""
    path = tmp_path / "locked.pdf"
    _locked_pdf(path)
    with pytest.raises(kinerja.ReportFileError, match=r"encrypted \(a password is needed\)"):
        extract(path)


def test_scanned_pdf_is_refused(tmp_path):
    """A PDF without a text layer (a scan) gives one ReportFileError asking for OCR."""
    path = tmp_path / "scan.pdf"
    _pdf(path, [])
    with pytest.raises(kinerja.ReportFileError, match="a scan without a text layer"):
        extract(path)


def test_docx_tables_with_merged_cells(tmp_path):
    """Word tables are read cell by cell; a merged goal cell counts once per row."""
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_paragraph("LAPORAN KINERJA INSTANSI PEMERINTAH TAHUN 2023")
    document.add_paragraph("BALAI CONTOH KELAS II")
    document.add_paragraph("Tabel 2.1 Perjanjian Kinerja Tahun 2023")
    table = document.add_table(rows=3, cols=4)
    heads = ["NO", "SASARAN KEGIATAN", "INDIKATOR KINERJA KEGIATAN", "TARGET"]
    for cell, text in zip(table.rows[0].cells, heads, strict=True):
        cell.text = text
    merged = table.cell(1, 1).merge(table.cell(2, 1))
    merged.text = "Meningkatnya layanan"
    rows = [("Persentase klien bekerja", "60%"), ("Persentase klien sekolah", "35%")]
    for row, (name, target) in zip(table.rows[1:], rows, strict=True):
        row.cells[0].text, row.cells[2].text, row.cells[3].text = "1", name, target
    path = tmp_path / "laporan.docx"
    document.save(path)
    result = extract(path)
    assert [(r.code, r.targets[2023].value) for r in result.report.indicators] == [
        ("IKK-1.1", 60), ("IKK-1.2", 35)]
    assert [g.name for g in result.report.goals] == ["Meningkatnya layanan"]


def test_damaged_seed_texts_never_crash():
    """Lines deleted, cells cut or added at random: a draft or a ReportFileError, never a crash."""
    lines, rng = SEED.read_text().splitlines(), random.Random(14)
    drafts = 0
    for _ in range(25):
        damaged = list(lines)
        for _ in range(rng.randint(1, 30)):
            i = rng.randrange(len(damaged))
            choice = rng.random()
            if choice < 0.4:
                del damaged[i]
            elif choice < 0.7:
                damaged[i] += "\t" + rng.choice(["12%", "4,100", "Rp. 1.000", "", "Tahun 2021"])
            else:
                damaged.insert(i, rng.choice(["NO\tSASARAN KEGIATAN\tINDIKATOR\tTARGET",
                                              "\t\t1. Persentase x\t-5%", "Belanja Modal\t1\t2"]))
        try:
            result = extract_text("\n".join(damaged))
        except kinerja.ReportFileError:
            continue
        assert kinerja.loads_report(kinerja.dump_report(result.report)) == result.report
        drafts += 1
    assert drafts >= 20


def test_sentences_before_a_table_give_printed_figures(seed):
    """'123%* (Konversi 124)', 'atau sekitar 63%', 'sebanyak 5 orang tidak': printed figures."""
    prose = [(p.figure, p.indicator, p.text) for p in seed.report.printed
             if p.where.startswith("teks")]
    assert prose == [("achievement", "IKK-1.1", "123%* (Konversi 124)"),
                     ("realization", "IKK-1.1", "63%"),
                     ("achievement", "IKK-1.2", "120% * (Konversi 120)"),
                     ("realization", "IKK-1.2", "66%"),
                     ("achievement", "IKK-1.3", "120%*(Konversi 120)"),
                     ("complement", "IKK-1.3", "5 orang")]


def test_a_word_ending_in_tabel_is_no_caption():
    """'portabel 3 unit' in running text is no caption; a glued 'Tabel 3.17' still is."""
    from kinerja.documents._layout import _CAPTION

    assert not _CAPTION.search("pengadaan komputer portabel 3 unit")
    (found,) = _CAPTION.finditer("dari tahun sebelumnyaTabel 3.17 Realisasi")
    assert (found[1], found[2]) == ("3.17", "Realisasi")
