"""Budget lines with a pagu and no realization yet: "not stated", never 0, never a false alarm.

Hand computations: the stated lines 51 and 52 of the release below sum to pagu
30.000.000.000 + 15.000.000.000 = 45.000.000.000 and spending 27.000.000.000 +
12.000.000.000 = 39.000.000.000; their absorption is 39 / 45 × 100 = 86,666…
(86,67 %).  Line 53 (a new line) has a pagu of 5.000.000.000 and no realization
yet, so the grand pagu is 50.000.000.000 and the grand spending is unknown.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

import kinerja
from kinerja import NOT_STATED

HEAD = '''
format = "kinerja-report"
version = 2
year = 2024
[satker]
name = "Kanwil Contoh"
'''

LINES = '''
[[budget.spending_type]]
year = 2024
spending_type = "51"
pagu = 30_000_000_000
realization = 27_000_000_000

[[budget.spending_type]]
year = 2024
spending_type = "52"
pagu = 15_000_000_000
realization = 12_000_000_000

[[budget.spending_type]]
year = 2024
spending_type = "53"
pagu = 5_000_000_000
realization = "not stated"
'''


def _printed(figure: str, line: str, text: str, where: str) -> str:
    return (f'\n[[printed]]\nfigure = "{figure}"\nbreakdown = "spending_type"\n'
            f'line = "{line}"\ntext = "{text}"\nwhere = "{where}"\n')


def _release(*printed: str) -> kinerja.Report:
    return kinerja.loads_report(HEAD + LINES + "".join(printed))


def _findings(report: kinerja.Report) -> list[tuple[str, str, str]]:
    return [(f.rule, f.severity.value, f.location) for f in kinerja.audit(report).findings]


def test_a_line_without_realization_has_no_remainder_nor_absorption():
    """A not-stated realization makes the remainder and absorption not stated, never 0 %."""
    line = kinerja.BudgetLine(year=2024, pagu=5_000_000_000, realization=NOT_STATED)
    assert line.realization is NOT_STATED
    assert line.remainder is NOT_STATED
    assert line.absorption is NOT_STATED
    assert line.over_pagu is False
    assert line.available == 5_000_000_000


def test_a_pagu_not_stated_is_not_zero():
    """A printed realization without its pagu keeps the realization and states nothing else."""
    line = kinerja.BudgetLine(year=2024, pagu=NOT_STATED, realization=1_200_000, blokir=5)
    assert (line.realization, line.pagu, line.absorption, line.available) == (
        1_200_000, NOT_STATED, NOT_STATED, NOT_STATED)


def test_nothing_spent_yet_is_a_realization_of_zero():
    """Zero is a stated figure: 0 % absorbed, the whole pagu remaining."""
    line = kinerja.BudgetLine(year=2024, pagu=400, realization=0)
    assert (line.absorption, line.remainder) == (0, 400)


def test_a_total_with_an_unstated_term_is_not_stated():
    """The sum of known pagus is exact; the sum with an unknown realization is unknown."""
    report = _release()
    grand = report.budget_total("spending_type")
    assert grand.pagu == 50_000_000_000
    assert grand.realization is NOT_STATED
    assert grand.absorption is NOT_STATED
    stated = kinerja.total(report.budget["spending_type"][:2])
    assert (stated.pagu, stated.realization) == (45_000_000_000, 39_000_000_000)
    assert kinerja.round_half_up(stated.absorption) == Decimal("86.67")


def test_year_comparison_with_an_unstated_year_is_not_stated():
    """A change against an unknown realization is unknown, not the change of the known part."""
    lines = [kinerja.BudgetLine(year=2023, spending_type="53", pagu=10, realization=9),
             kinerja.BudgetLine(year=2024, spending_type="53", pagu=12, realization=NOT_STATED)]
    row = kinerja.compare_years(lines, (2023, 2024))[0]
    assert (row.pagu_change, row.realization_change, row.absorption_change) == (
        2, NOT_STATED, NOT_STATED)


def test_the_file_reads_not_stated_words():
    """"not stated" and "tidak dicantumkan" in a budget line read as NOT_STATED."""
    report = _release()
    assert report.budget["spending_type"][2].realization is NOT_STATED
    other = kinerja.loads_report(HEAD + LINES.replace('"not stated"', '"tidak dicantumkan"'))
    assert other == report


@pytest.mark.parametrize("word", ['"belum"', '"nihil"', '"missing"', '"-"', "true", "[1]"])
def test_an_unknown_word_for_an_amount_is_a_located_error_saying_how_to_write_it(word):
    """A word that is no amount is refused at its key, with the way to write an unknown one."""
    text = HEAD + LINES.replace('"not stated"', word)
    with pytest.raises(kinerja.ValidationError) as caught:
        kinerja.loads_report(text, source="rilis.toml")
    described = caught.value.describe()
    line = text.splitlines().index(f"realization = {word}") + 1
    assert f"budget.spending_type[2].realization (line {line})" in described
    if word.startswith('"'):
        assert '"not stated"' in described


def test_a_line_without_realization_key_says_how_to_write_an_unknown_one():
    """Leaving realization out is an error whose fix names "not stated" (missing is not zero)."""
    text = HEAD + LINES.replace('realization = "not stated"\n', "")
    with pytest.raises(kinerja.ValidationError) as caught:
        kinerja.loads_report(text)
    (error,) = caught.value.exceptions
    assert error.field is not None
    assert error.field.startswith("budget.spending_type[2].realization")
    assert error.fix is not None
    assert '"not stated"' in error.fix


def test_printed_figures_over_an_unstated_line_cannot_be_checked():
    """Total spending, absorption and the new line's remainder are notes, never errors."""
    report = _release(_printed("spending", "total", "Rp39 miliar", "P1"),
                      _printed("absorption", "total", "78 %", "P1"),
                      _printed("remainder", "53", "Rp5 miliar", "P2"),
                      _printed("absorption", "53", "0 %", "P2"))
    assert _findings(report) == [("cannot-check", "info", "P1"), ("cannot-check", "info", "P1"),
                                 ("cannot-check", "info", "P2"), ("cannot-check", "info", "P2")]
    message = kinerja.audit(report).findings[0].message("en")
    assert "does not state the spending for 2024" in message


def test_the_pagu_of_an_unstated_line_is_still_checked():
    """The grand pagu, 50 miliar, is known: right when printed right, wrong when not."""
    right = _release(_printed("pagu", "total", "Rp50 miliar", "P1"))
    assert _findings(right) == []
    wrong = _release(_printed("pagu", "total", "Rp45 miliar", "P1"))
    assert _findings(wrong) == [("budget-total", "error", "P1")]


def test_a_total_printed_for_the_stated_lines_only_is_checked_on_those():
    """"51 + 52" is 39 miliar spent of 45 (86,67 %); a wrong figure is still an error."""
    right = _release(_printed("spending", "51 + 52", "Rp39 miliar", "P1"),
                     _printed("absorption", "51 + 52", "86,67 %", "P1"),
                     _printed("remainder", "51 + 52", "Rp6 miliar", "P1"))
    assert _findings(right) == []
    wrong = _release(_printed("absorption", "51 + 52", "78,00 %", "P1"))
    assert _findings(wrong) == [("budget-absorption", "error", "P1")]


def test_no_over_pagu_warning_for_an_unstated_line():
    """An unknown realization is never 'pagu minus'."""
    assert [f.rule for f in kinerja.audit(_release()).findings] == []


def test_dump_writes_not_stated_and_reads_it_back():
    """dump_report writes "not stated" for the amount and loads_report gives the same report."""
    report = _release(_printed("spending", "total", "Rp39 miliar", "P1"))
    text = kinerja.dump_report(report)
    assert 'realization = "not stated"' in text
    assert kinerja.loads_report(text) == report


def test_a_table_prints_the_unknown_as_not_stated():
    """The budget table shows "t/d" for the unknown spending, remainder and absorption."""
    from kinerja.outputs import budget_type_table

    table = budget_type_table(_release())
    assert table is not None
    rows = table.text_rows("id")
    assert rows[2][3:] == ["t/d", "t/d", "t/d"]
    assert rows[3][2:] == ["50.000.000.000", "t/d", "t/d", "t/d"]
