"""Bad input to the public entry points gives kinerja's own errors, never a bare traceback."""

import numpy as np
import pytest

import kinerja
from kinerja import batch


@pytest.fixture(scope="module")
def report():
    return kinerja.example_report()


def _indicator():
    return kinerja.Indicator(code="A", name="a", level="IKK", unit="%")


CASES = [
    ("round_half_up places 400", lambda r: kinerja.round_half_up(np.array([1.0]), 400),
     kinerja.InvalidValueError, "places"),
    ("absorption places 17", lambda r: kinerja.absorption(np.array([1]), np.array([3]),
                                                          places=17),
     kinerja.InvalidValueError, "places"),
    ("findings language", lambda r: batch.findings_table([kinerja.audit(r)], lang="fr"),
     kinerja.InvalidValueError, "lang"),
    ("table format", lambda r: kinerja.render_tables([], format="pdf"),
     kinerja.InvalidValueError, "format"),
    ("audit of a string", lambda r: kinerja.audit("laporan.toml"), kinerja.InvalidTypeError,
     "report"),
    ("audit_many of ints", lambda r: batch.audit_many([1]), kinerja.InvalidTypeError, "report"),
    ("total of ints", lambda r: kinerja.total([1]), kinerja.InvalidTypeError, "lines[0]"),
    ("compare one year", lambda r: kinerja.compare_years([], (2022,)),
     kinerja.InvalidValueError, "years"),
    ("report from bytes", lambda r: kinerja.loads_report(b"year = 2023"),
     kinerja.ReportFileError, "<string>"),
    ("assess a number", lambda r: kinerja.assess(_indicator(), kinerja.Target(year=2023,
                                                                              value=1), 60),
     kinerja.InvalidTypeError, "realization"),
    ("assess with a string policy", lambda r: kinerja.assess(
        _indicator(), kinerja.Target(year=2023, value=1),
        kinerja.Realization(year=2023, value=1), policy="cap"),
     kinerja.InvalidTypeError, "policy"),
    ("cap of a list", lambda r: kinerja.achievement(1, 2, cap=[120]), kinerja.InvalidTypeError,
     "cap"),
    ("missing flag", lambda r: kinerja.Realization(year=2023, missing="yes"),
     kinerja.InvalidTypeError, "realization.missing"),
]


@pytest.mark.parametrize(("name", "call", "error", "field"), CASES, ids=[c[0] for c in CASES])
def test_bad_input_names_the_field(report, name, call, error, field):
    """Each bad input raises the named kinerja error, pointing at the right field."""
    with pytest.raises(error) as caught:
        call(report)
    assert isinstance(caught.value, kinerja.KinerjaError)
    assert caught.value.field == field


def test_number_cap_is_a_cap():
    """cap=120 means Cap(upper=120): the 120 % convention."""
    assert kinerja.achievement(200, 5, cap=120) == 120
    assert kinerja.AchievementPolicy(cap=120).cap is kinerja.CAP_120
    assert kinerja.AchievementPolicy(cap="150").cap.upper == 150
