"""Regional budgets (APBD): the Permendagri 90/2019 chart, chosen per report, totals by group.

Hand computations for the dinas below (2024, Rupiah):

* belanja operasi = pegawai 2.000.000.000 / 1.950.000.000 + barang dan jasa
  1.500.000.000 / 1.200.000.000 = 3.500.000.000 / 3.150.000.000 → 90,00 %;
* belanja modal = peralatan 800.000.000 / 600.000.000 + gedung 1.200.000.000 /
  1.100.000.000 = 2.000.000.000 / 1.700.000.000 → 85,00 %;
* belanja tidak terduga 500.000.000 / 0 → 0 %;
* total 6.000.000.000 / 4.850.000.000 → 80,8333… → 80,83 %;
* operasi + modal 5.500.000.000 / 4.850.000.000 → 88,1818… → 88,18 %;
* barang dan jasa 1.200.000.000 / 1.500.000.000 → 80,00 %.
"""

from __future__ import annotations

import pytest

import kinerja
from kinerja import ApbdSpendingGroup as Group
from kinerja import ApbdSpendingType as Kind

HEAD = '''
format = "kinerja-report"
version = 2
year = 2024
classification = "apbd"
[satker]
name = "Dinas Kesehatan Kabupaten Contoh"
'''

LINES = '''
[[budget.spending_type]]
year = 2024
spending_type = "5.1.01"
pagu = 2_000_000_000
realization = 1_950_000_000

[[budget.spending_type]]
year = 2024
spending_type = "Belanja Barang dan Jasa"
pagu = 1_500_000_000
realization = 1_200_000_000

[[budget.spending_type]]
year = 2024
account = "5.2.02.05.01.0001"
pagu = 800_000_000
realization = 600_000_000

[[budget.spending_type]]
year = 2024
spending_type = "Belanja Modal Gedung dan Bangunan"
pagu = 1_200_000_000
realization = 1_100_000_000

[[budget.spending_type]]
year = 2024
spending_type = "5.3"
pagu = 500_000_000
realization = 0
'''


def _printed(figure: str, line: str, text: str) -> str:
    return (f'\n[[printed]]\nfigure = "{figure}"\nbreakdown = "spending_type"\n'
            f'line = "{line}"\ntext = "{text}"\nwhere = "Tabel 3.9, {line}"\n')


def _report(*printed: str, head: str = HEAD, lines: str = LINES) -> kinerja.Report:
    return kinerja.loads_report(head + lines + "".join(printed))


def test_codes_names_and_groups_are_read():
    """Codes, names (any case, with or without "Belanja") and accounts give the kind and group."""
    assert Kind.parse("5.1.02") is Kind.BARANG_JASA
    assert Kind.parse("belanja barang dan jasa") is Kind.BARANG_JASA
    assert Kind.parse("Belanja Modal Jalan, Irigasi, dan Jaringan") is \
        Kind.MODAL_JALAN_IRIGASI_JARINGAN
    assert Kind.from_account("5.4.02.01.01.0001") is Kind.BANTUAN_KEUANGAN
    assert Kind.parse("Belanja Bantuan Sosial").group is Group.OPERASI
    assert Kind.TIDAK_TERDUGA.group is Group.TIDAK_TERDUGA
    assert Kind.BAGI_HASIL.group is Group.TRANSFER
    assert Group.parse("belanja transfer") is Group.TRANSFER


def test_provisional_codes_need_the_named_option():
    """5.1.03, 5.1.04 and 5.2.06 are read by name always, by code only when asked."""
    assert {k.value for k in Kind if k.provisional} == {"5.1.03", "5.1.04", "5.2.06"}
    assert Kind.parse("Belanja Subsidi") is Kind.SUBSIDI
    with pytest.raises(kinerja.InvalidValueError, match="provisional") as caught:
        Kind.parse("5.1.04")
    assert caught.value.fix is not None
    assert "apbd-provisional" in caught.value.fix
    assert Kind.parse("5.1.04", provisional=True) is Kind.SUBSIDI
    assert Kind.from_account("5.2.06.01.01.0001", provisional=True) is Kind.MODAL_ASET_LAINNYA


@pytest.mark.parametrize("bad", ["5.9.01", "Belanja Barang", "52", "", "5.1"])
def test_an_unknown_kind_says_how_to_write_one(bad):
    """A name or code outside the chart is refused with an example of a right one."""
    with pytest.raises(kinerja.InvalidValueError) as caught:
        Kind.parse(bad)
    assert caught.value.fix is not None
    assert "5.1.01" in caught.value.fix


def test_a_line_infers_apbd_from_its_code_or_account():
    """A dotted account or an APBD kind makes the line APBD; the central types stay as they are."""
    line = kinerja.BudgetLine(year=2024, account="5.1.02.01.01.0024", pagu=10, realization=5)
    assert (line.classification, line.spending_type, line.spending_group) == (
        "apbd", Kind.BARANG_JASA, Group.OPERASI)
    central = kinerja.BudgetLine(year=2024, account="521211", pagu=10, realization=5)
    assert (central.classification, central.spending_type, central.spending_group) == (
        "apbn", kinerja.SpendingType.BARANG, None)


def test_a_line_contradicting_its_account_or_chart_is_refused():
    """An account of another kind, or an APBN type on an APBD line, is a named error."""
    with pytest.raises(kinerja.InvalidValueError, match=r"account 5\.1\.02"):
        kinerja.BudgetLine(year=2024, account="5.1.02.01.01.0024", spending_type="5.1.01",
                           pagu=1, realization=1)
    with pytest.raises(kinerja.InvalidValueError, match="APBN chart"):
        kinerja.BudgetLine(year=2024, classification="apbd",
                           spending_type=kinerja.SpendingType.BARANG, pagu=1, realization=1)
    with pytest.raises(kinerja.InvalidValueError, match="classification"):
        kinerja.BudgetLine(year=2024, classification="regional", pagu=1, realization=1)


def test_totals_by_group_are_the_hand_sums():
    """Belanja operasi 3,5 / 3,15 miliar, modal 2,0 / 1,7, tidak terduga 0,5 / 0."""
    report = _report()
    groups = kinerja.totals(report.budget["spending_type"], "spending_group")
    sums = {key[0]: (t.pagu, t.realization) for key, t in groups.items()}
    assert sums == {Group.OPERASI: (3_500_000_000, 3_150_000_000),
                    Group.MODAL: (2_000_000_000, 1_700_000_000),
                    Group.TIDAK_TERDUGA: (500_000_000, 0)}
    assert groups[(Group.OPERASI,)].label == "Belanja Operasi"


def test_printed_apbd_figures_are_checked_with_no_false_alarm():
    """Absorption of a group, a kind, two groups and the total: all right, no finding."""
    report = _report(_printed("absorption", "Belanja Operasi", "90,00 %"),
                     _printed("absorption", "Belanja Modal", "85 %"),
                     _printed("absorption", "5.1.02", "80,00 %"),
                     _printed("absorption", "5.1 + 5.2", "88,18 %"),
                     _printed("absorption", "total", "80,83 %"),
                     _printed("spending", "total", "Rp4,85 miliar"),
                     _printed("absorption", "Belanja Tidak Terduga", "0 %"))
    assert kinerja.audit(report).findings == ()


def test_a_wrong_apbd_absorption_is_found():
    """Belanja operasi printed 91,00 % (the amounts give 90,00 %) is an error, expected 90.00."""
    report = _report(_printed("absorption", "Belanja Operasi", "91,00 %"))
    (finding,) = kinerja.audit(report).findings
    assert (finding.rule, finding.severity, finding.expected) == (
        "budget-absorption", kinerja.Severity.ERROR, "90.00")


def test_a_name_outside_the_reports_chart_is_an_unknown_line():
    """An APBN name ("Belanja Barang") printed in an APBD report names no line of it."""
    report = _report(_printed("absorption", "Belanja Barang", "80,00 %"))
    assert [f.rule for f in kinerja.audit(report).findings] == ["unknown-line"]


def test_the_classification_is_validated_with_a_located_error():
    """An unknown chart of accounts is refused at its key, naming the ones there are."""
    with pytest.raises(kinerja.ValidationError) as caught:
        _report(head=HEAD.replace('"apbd"', '"regional"'))
    described = caught.value.describe()
    assert "classification" in described
    assert "'apbd'" in described


def test_a_provisional_code_in_a_file_needs_apbd_provisional():
    """spending_type = "5.1.03" is refused under "apbd" (located), read under "apbd-provisional"."""
    lines = LINES + '''
[[budget.spending_type]]
year = 2024
spending_type = "5.1.03"
pagu = 10
realization = 10
'''
    with pytest.raises(kinerja.ValidationError) as caught:
        _report(lines=lines)
    (error,) = caught.value.exceptions
    assert error.field is not None
    assert error.field.startswith("budget.spending_type[5]")
    assert "provisional" in str(error)
    report = _report(head=HEAD.replace('"apbd"', '"apbd-provisional"'), lines=lines)
    assert report.budget["spending_type"][5].spending_type is Kind.BUNGA


def test_a_central_code_in_an_apbd_file_is_refused():
    """spending_type = "52" in an APBD report is an unknown APBD kind, located."""
    with pytest.raises(kinerja.ValidationError) as caught:
        _report(lines=LINES.replace('"5.1.01"', '"51"'))
    assert "budget.spending_type[0]" in caught.value.describe()


def test_lines_of_another_chart_in_a_built_report_are_refused():
    """A Report whose lines are APBD but whose classification is APBN is a located error."""
    line = kinerja.BudgetLine(year=2024, spending_type="5.1.01", pagu=1, realization=1)
    with pytest.raises(kinerja.ValidationError) as caught:
        kinerja.Report(satker=kinerja.Satker(name="x"), year=2024, goals=[], indicators=[],
                       budget={"spending_type": [line]})
    assert "budget.spending_type[0].spending_type" in caught.value.describe()


def test_dump_round_trips_an_apbd_report_with_a_provisional_kind():
    """Classification is written, and a provisional kind by its name, so it reads back equal."""
    lines = LINES + '''
[[budget.spending_type]]
year = 2024
spending_type = "Belanja Bunga"
pagu = 10
realization = 10
'''
    report = _report(_printed("absorption", "Belanja Operasi", "90,00 %"), lines=lines)
    text = kinerja.dump_report(report)
    assert 'classification = "apbd"' in text
    assert 'spending_type = "Belanja Bunga"' in text
    assert kinerja.loads_report(text) == report


def test_a_version_1_file_is_still_central():
    """A file without classification (any version) reads its spending types as APBN."""
    report = kinerja.example_report()
    assert report.classification == "apbn"
    assert {line.classification for line in report.budget["spending_type"]} == {"apbn"}


def test_tables_name_apbd_kinds_in_both_languages():
    """The budget table writes the kinds' names from the catalogs."""
    from kinerja.outputs import budget_type_table

    table = budget_type_table(_report())
    assert table is not None
    assert [row[1] for row in table.text_rows("id")][:2] == ["Belanja Pegawai",
                                                            "Belanja Barang dan Jasa"]
    assert table.text_rows("en")[1][1] == "Goods and services spending"
