"""An unknown value written as a word: every place of the file says how to write it instead."""

from __future__ import annotations

import pytest

import kinerja

HEAD = '''
format = "kinerja-report"
version = 2
year = 2024
[satker]
name = "Satker Contoh"
[[goals]]
code = "S1"
level = "kegiatan"
name = "Sasaran"
[[indicators]]
code = "A"
name = "Indikator"
goal = "S1"
unit = "%"
'''

CASES = {
    "target": ("targets = { 2024 = \"belum ada\" }\n", "indicators[0].targets.2024",
               '"not stated"'),
    "realization": ("targets = { 2024 = 60 }\nrealizations = { 2024 = \"belum ada\" }\n",
                    "indicators[0].realizations.2024", '"missing"'),
    "budget": ('targets = { 2024 = 60 }\n[[budget.activity]]\nyear = 2024\nactivity = "K"\n'
               'pagu = 10\nrealization = "belum ada"\n', "budget.activity[0].realization",
               '"not stated"'),
    "ikpa": ('targets = { 2024 = 60 }\n[ikpa.components]\nrevisi_dipa = "belum ada"\n',
             "ikpa.components.revisi_dipa", "leave the scores out"),
    "nka": ('targets = { 2024 = 60 }\n[nka.variables]\ncapaian_output = "belum ada"\n',
            "nka.variables.capaian_output", "leave the scores out"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_word_for_an_unknown_value_says_how_to_write_it(case):
    """The error sits at the key (with its line) and its fix names the way to write it."""
    body, where, how = CASES[case]
    with pytest.raises(kinerja.ValidationError) as caught:
        kinerja.loads_report(HEAD + body)
    (error,) = caught.value.exceptions
    assert error.field is not None
    assert error.field.startswith(where + " (line ")
    assert error.fix is not None
    assert how in error.fix


def test_an_unknown_chart_of_accounts_names_the_known_ones():
    """A classification of "pemda" is refused, naming apbn, apbd and apbd-provisional."""
    with pytest.raises(kinerja.ValidationError) as caught:
        kinerja.loads_report(HEAD.replace("[satker]", 'classification = "pemda"\n[satker]')
                             + "targets = { 2024 = 60 }\n")
    (error,) = caught.value.exceptions
    assert error.field is not None
    assert error.field.startswith("classification")
    assert error.fix == "use one of 'apbn', 'apbd', 'apbd-provisional'"


@pytest.mark.parametrize(("body", "where"), [
    ("realizations = { 2024 = { value = 75, numerator = \"not stated\", denominator = 400 } }\n",
     "indicators[0].realizations.2024.numerator"),
    ("realizations = { 2024 = 75 }\n", None),
])
def test_a_count_not_shown_is_left_out_not_written_as_a_word(body, where):
    """An unshown count is one error saying to leave it out; the value alone reads."""
    text = HEAD.replace('unit = "%"', 'unit = "%"\ntargets = { 2024 = 60 }') + body
    if where is None:
        assert kinerja.loads_report(text).indicators[0].realizations[2024].value == 75
        return
    with pytest.raises(kinerja.ValidationError) as caught:
        kinerja.loads_report(text)
    (error,) = caught.value.exceptions
    assert error.field is not None
    assert error.field.startswith(where)
    assert error.fix is not None
    assert "leave out a part the document does not show" in error.fix
