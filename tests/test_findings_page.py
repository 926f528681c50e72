"""The findings page (``kinerja audit --format html``): its HTML, and the page in a real browser.

The browser test loads the page in headless Chromium (Selenium, the system's
``chromium`` and ``chromedriver``) from a ``file://`` URL, checks the rendered
DOM against the audit and takes a screenshot, saved to ``docs/img/findings-page.png``
when ``KINERJA_SCREENSHOT=1`` (so that an ordinary run leaves the work tree clean).
It is skipped, with the reason, where Selenium or a Chromium binary is missing.
"""

from __future__ import annotations

import html
import os
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

import kinerja
from kinerja.cli._main import main
from kinerja.documents import ReviewItem, findings_page, match_findings

SCREENSHOT = Path(__file__).parent.parent / "docs" / "img" / "findings-page.png"


@pytest.fixture(scope="module")
def report():
    """The bundled hand transcription of the reference report."""
    return kinerja.example_report()


@pytest.fixture(scope="module")
def result(report):
    """Its audit."""
    return kinerja.audit(report)


@pytest.fixture(scope="module")
def matches(report, result):
    """Its findings matched to the cells of the recomputed chapter III tables."""
    return match_findings(kinerja.chapter_three(report), result, report.year)


@pytest.fixture(scope="module")
def page(report, result):
    """Its findings page, in Indonesian."""
    return findings_page(report, result, lang="id")


class _Tags(HTMLParser):
    """The start tags with their attributes, and the addresses a browser would fetch."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.external: list[str] = []

    def handle_starttag(self, tag, attrs):
        found = dict(attrs)
        self.tags.append((tag, found))
        for key in ("src", "href"):
            value = found.get(key) or ""
            if (key == "src" or tag == "link") and value and not value.startswith(("data:", "#")):
                self.external.append(value)


def _parse(page: str) -> _Tags:
    parser = _Tags()
    parser.feed(page)
    parser.close()
    return parser


def test_matching_by_table_and_subject(matches, result):
    """A finding in a table marks the cell its subject names; text and charts mark none."""
    matched, unmatched = matches
    assert len(matched) + len(unmatched) == len(result)
    # only findings printed in a table are marked; text and charts are not
    assert all(re.search(r"Tabel \d", m.finding.location) for m in matched)
    locations = {f.location for f in unmatched}
    assert "Ikhtisar Eksekutif, butir 7" in locations
    assert "Gambar 3.2, Nilai Aspek" in locations
    by_where = {(m.finding.location, m.finding.subject): m.column for m in matched}
    assert by_where[("Tabel 3.5", "IKK-1.2: target 2022")] == "target2022"
    # Tabel 3.8 prints 2022 figures: a years table, so its 2023 figures mark the years table
    assert by_where[("Tabel 3.8", "IKK-1.3: target 2023")] == "target2023"
    assert by_where[("Tabel 3.7", "IKK-1.3: target 2023")] == "target"
    assert by_where[("Tabel 3.22, Tahun 2022, Total", "spending_type total: pagu 2022")] == "pagu"


def test_the_html_structure(page, matches, result):
    """One marked cell per matched place, one row per finding, no address to fetch, 2 charts."""
    matched, unmatched = matches
    parsed = _parse(page)
    assert page.startswith("<!DOCTYPE html>")
    assert parsed.external == []  # self-contained: nothing to fetch at view time
    cells = [a for tag, a in parsed.tags if tag == "td" and "finding" in (a.get("class") or "")]
    distinct = {(m.table, m.row, m.column) for m in matched}
    assert len(cells) == len(distinct)
    assert sum(int(a["data-findings"] or 0) for a in cells) == len(matched)
    rows = [a for tag, a in parsed.tags if tag == "tr" and (a.get("id") or "").startswith("f")]
    assert len(rows) == len(result)
    ids = {a.get("id") for _, a in parsed.tags}
    assert {"summary", "tables", "findings", "unmatched", "review", "charts"} <= ids
    for _, attrs in parsed.tags:  # every link inside the page lands
        href = attrs.get("href") or ""
        if href.startswith("#"):
            assert href[1:] in ids, href
    assert page.count("<svg") == 2
    polarity = next(f for f in result if f.rule == "achievement-polarity"
                    and f.location == "Tabel 3.5")
    assert html.escape(polarity.message("id")) in page
    assert f'id="count-total">{len(result)}<' in page
    assert "tercetak 120% (Tabel 3.5)" in page  # in Indonesian, beside the correct figure
    assert unmatched
    assert html.escape(unmatched[0].location) in page


def test_english_page_and_review_items(report, result):
    """In English the page says 'printed ... (Tabel 3.5)' and lists the review items given."""
    item = ReviewItem(path="conventions.cap", reason="the cap was read from the text",
                      candidates=("120 (line 631)",))
    page = findings_page(report, result, lang="en", review=[item], charts=False)
    assert "Audit findings: Balai Pemasyarakatan" in page
    assert "printed 120% (Tabel 3.5)" in page
    assert html.escape(item.describe()) in page
    assert "<svg" not in page
    assert "No review items" in findings_page(report, result, lang="en", charts=False)


def test_the_command_writes_the_page(tmp_path, capsys):
    """Kinerja audit --format html -o writes the page; --fail-on-error still exits 1."""
    out = tmp_path / "audit.html"
    assert main(["audit", "--format", "html", "-o", str(out), "--lang", "en"]) == 0
    written = out.read_text(encoding="utf-8")
    assert written.startswith("<!DOCTYPE html>")
    assert 'lang="en"' in written
    assert main(["audit", "--format", "html", "--fail-on-error", "-o", str(out)]) == 1


def test_a_documents_page_lists_its_review_items(tmp_path, capsys):
    """Kinerja audit lkjip.md --format html: the draft's review list is on the page."""
    seed = Path(__file__).parent / "fixtures" / "documents" / "lkjip_2023_bapas_pangkalpinang.md"
    out = tmp_path / "audit.html"
    assert main(["audit", str(seed), "--format", "html", "-o", str(out)]) == 0
    assert "not yet reviewed" in capsys.readouterr().err
    written = out.read_text(encoding="utf-8")
    review = kinerja.extract(seed).review
    assert review
    assert written.count("<li>", written.index('id="review"')) == len(review)
    assert html.escape(review[0].describe()) in written


def _browser():
    """A headless Chromium driven by Selenium, or a skip that says what is missing."""
    webdriver = pytest.importorskip("selenium.webdriver", reason="Selenium is not installed")
    chromium = next((p for p in (os.environ.get("CHROMIUM"), shutil.which("chromium"),
                                 shutil.which("chromium-browser"), shutil.which("google-chrome"))
                     if p), None)
    driver = os.environ.get("CHROMEDRIVER") or shutil.which("chromedriver")
    if chromium is None or driver is None:
        reason = "no chromium binary" if chromium is None else "no chromedriver binary"
        print(f"skipped: {reason} (apt-get install chromium chromium-driver)")
        pytest.skip(f"{reason}: install chromium and chromium-driver to run the browser test")
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--window-size=1200,820", "--hide-scrollbars", "--lang=id"):
        options.add_argument(flag)
    try:
        return webdriver.Chrome(service=Service(driver), options=options)
    except Exception as error:  # the binaries are there but cannot start (no display, sandbox)
        print(f"skipped: chromium cannot start ({type(error).__name__}: {error})")
        pytest.skip(f"chromium cannot start: {type(error).__name__}")


def test_the_page_in_a_browser(tmp_path, page, matches, result):
    """Headless Chromium renders the marked cells, their count, one explanation, a screenshot."""
    matched, _ = matches
    file = tmp_path / "audit.html"
    file.write_text(page, encoding="utf-8")
    browser = _browser()
    try:
        browser.get(file.as_uri())
        by = pytest.importorskip("selenium.webdriver.common.by").By
        assert browser.title.startswith("Temuan audit: Balai Pemasyarakatan")
        cells = browser.find_elements(by.CSS_SELECTOR, "td.finding")
        assert sum(int(c.get_attribute("data-findings")) for c in cells) == len(matched)
        assert len(cells) == len({(m.table, m.row, m.column) for m in matched})
        # the marked cells are painted: a background of their own
        shades = {c.value_of_css_property("background-color") for c in cells}
        assert "rgba(0, 0, 0, 0)" not in shades
        # one explanation: the 2022 target of IKK-1.2 in Tabel 3.5
        cell = browser.find_element(by.CSS_SELECTOR, 'td.finding[title*="tercetak 50%"]')
        assert cell.find_element(by.CSS_SELECTOR, ".expected").text == "60%"
        finding = next(f for f in result if f.location == "Tabel 3.5" and f.printed == "50%")
        assert cell.get_attribute("title") == (
            "Target berbeda dari perjanjian kinerja (kesalahan): tercetak 50% di Tabel 3.5, "
            "seharusnya 60\n" + finding.message("id"))
        assert "tercetak 50% (Tabel 3.5)" in cell.text
        counts = {row.get_attribute("class"): row.find_element(by.TAG_NAME, "td").text
                  for row in browser.find_elements(by.CSS_SELECTOR, "#summary tr[class]")}
        assert counts == {"count-error": str(len(result.errors)),
                          "count-warning": str(len(result.warnings)),
                          "count-info": str(len(result.infos))}
        assert browser.find_element(by.ID, "count-total").text == str(len(result))
        assert len(browser.find_elements(by.CSS_SELECTOR, "#findings tbody tr")) == len(result)
        assert len(browser.find_elements(by.CSS_SELECTOR, "#charts svg")) == 2
        # the screenshot: the table with the most marked cells; docs/img/findings-page.png is
        # written only when asked (KINERJA_SCREENSHOT=1): a test run leaves the work tree clean
        browser.execute_script(
            "const t = [...document.querySelectorAll('table.kinerja-table')].sort((a, b) =>"
            " b.querySelectorAll('td.finding').length - a.querySelectorAll('td.finding').length);"
            "window.scrollTo(0, t[0].getBoundingClientRect().top + window.scrollY - 8);")
        shot = tmp_path / "findings-page.png"
        browser.save_screenshot(str(shot))
        assert shot.stat().st_size > 10_000
    finally:
        browser.quit()
    if os.environ.get("KINERJA_SCREENSHOT") == "1":
        _save_small(shot, SCREENSHOT)


def _save_small(shot: Path, target: Path) -> None:
    """Save *shot* as a small palette PNG (Pillow comes with matplotlib)."""
    image = pytest.importorskip("PIL.Image")
    target.parent.mkdir(parents=True, exist_ok=True)
    with image.open(shot) as picture:
        picture.convert("RGB").quantize(colors=64).save(target, optimize=True)


def test_a_pdf_reports_page_marks_the_cells_its_text_marks(tmp_path, capsys):
    """Kinerja audit lkjip.pdf --format html: the cells of the .md's page, locations with pages."""
    pytest.importorskip("pdfplumber")
    fixtures = Path(__file__).parent / "fixtures" / "documents"
    pages = {}
    for suffix in (".md", ".pdf"):
        out = tmp_path / f"audit{suffix}.html"
        document = fixtures / f"lkjip_2023_bapas_pangkalpinang{suffix}"
        assert main(["audit", str(document), "--format", "html", "-o", str(out)]) == 0
        pages[suffix] = out.read_text(encoding="utf-8")
    marked = re.compile(r'<td class="[^"]*\bfinding\b[^"]*"[^>]*data-findings="(\d+)"')
    marks = {suffix: marked.findall(page) for suffix, page in pages.items()}
    assert marks[".pdf"] == marks[".md"]
    assert sum(map(int, marks[".pdf"])) > 20
    # the remainder of Belanja Pegawai 2022 (printed 134.260, 170.260 by hand) is on page 44
    assert "Tabel 3.22, Tahun 2022, Belanja Pegawai, hlm. 44" in pages[".pdf"]
