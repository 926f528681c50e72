"""Budget lines built at once (kinerja.budget._plain) are the lines BudgetLine itself builds."""

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from kinerja import BudgetLine
from kinerja.budget._plain import plain_line, plain_rows
from kinerja.exceptions import KinerjaError

amounts = st.one_of(st.none(), st.integers(min_value=-5, max_value=10**31), st.booleans(),
                    st.just(1.0), st.just("1.000"))
texts = st.one_of(st.none(), st.sampled_from(["RO 1", " RO", "RO ", "", "Program"]),
                  st.integers(min_value=0, max_value=9))
accounts = st.one_of(st.none(), st.sampled_from(
    ["521211", "511111", "531111", "571111", "591111", " 521211", "52121", "5.1.02", "ABCDEF"]))
years = st.one_of(st.sampled_from([2024, 1999, 1900, 3000]), st.just("2024"))


def _fields(year, pagu, realization, blokir, program, activity, output, account, name):
    return {"year": year, "pagu": pagu, "realization": realization, "blokir": blokir,
            "program": program, "activity": activity, "output": output, "account": account,
            "name": name}


#: Plain fields of a line (a generated one), and for each field the odd values it may take.
plain_fields = st.tuples(
    st.sampled_from([2023, 2024]), st.integers(min_value=0, max_value=10**15),
    st.integers(min_value=0, max_value=10**15),
    st.one_of(st.none(), st.integers(min_value=0, max_value=10**6)),
    st.sampled_from(["Program", None]), st.sampled_from(["Kegiatan", None]),
    st.sampled_from(["RO 1", None]), st.sampled_from(["521211", "511111", "531111"]),
    st.sampled_from(["521211 ATK", None]))
odd_values = [years, amounts, amounts, amounts, texts, texts, texts, accounts, texts]


@st.composite
def line_fields(draw):
    """Plain fields, one of them (or none) replaced by an odd value."""
    values = list(draw(plain_fields))
    field = draw(st.none() | st.integers(min_value=0, max_value=8))
    if field is not None:
        values[field] = draw(odd_values[field])
    return tuple(values)


@given(line_fields())
def test_a_plain_line_is_the_line_budgetline_builds(values):
    """Where plain_line builds a line it equals BudgetLine(...); where that raises, it declines."""
    try:
        expected = BudgetLine(**_fields(*values))
    except KinerjaError:
        expected = None
    made = plain_line(*values)
    if expected is None:
        assert made is None
    elif made is not None:
        assert made == expected
        assert repr(made) == repr(expected)
        assert made.describe() == expected.describe()


@pytest.mark.parametrize(("pagu", "realization", "blokir", "account"), [
    (10, 9, None, "521211"),       # plain
    (0, 0, 0, "511111"),           # zeros are amounts
    (10, 12, 10, "531111"),        # realization above pagu is allowed (flagged by over_pagu)
])
def test_plain_lines_of_hand_checked_rows(pagu, realization, blokir, account):
    """Hand-checked plain rows: built at once, equal to the constructor's line."""
    line = plain_line(2024, pagu, realization, blokir, "P", "K", "RO", account, "x")
    assert line == BudgetLine(year=2024, pagu=pagu, realization=realization, blokir=blokir,
                              program="P", activity="K", output="RO", account=account,
                              name="x")
    assert line.spending_type.value == account[:2]


@given(st.lists(st.tuples(st.integers(min_value=-3, max_value=10**12),
                          st.integers(min_value=-3, max_value=10**12),
                          st.one_of(st.none(), st.integers(min_value=-3, max_value=10**12)),
                          accounts), min_size=1, max_size=20), years)
def test_plain_rows_agrees_with_plain_line(rows, year):
    """plain_rows marks exactly the rows plain_line builds (texts stripped, as a reader's are)."""
    pagu = np.array([row[0] for row in rows])
    realization = np.array([row[1] for row in rows])
    blokir = np.array([row[2] or 0 for row in rows])
    given_blokir = np.array([row[2] is not None for row in rows])
    marked = plain_rows(year, pagu, realization, blokir, given_blokir, [row[3] for row in rows])
    expected = [plain_line(year, p, r, b, "P", None, "RO", a, "n") is not None
                for p, r, b, a in rows]
    assert marked.tolist() == expected
