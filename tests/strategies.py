"""Hypothesis strategies for kinerja's inputs."""

from decimal import Decimal

from hypothesis import strategies as st

#: Non-negative decimals with up to 4 decimals, as reports write figures.
figures = st.decimals(min_value=0, max_value=10**6, places=4, allow_nan=False,
                      allow_infinity=False)
#: Strictly positive figures, for targets.
positive_figures = figures.filter(lambda d: d > 0)
#: Non-negative integer counts.
counts = st.integers(min_value=0, max_value=10**9)
polarities = st.sampled_from(["higher_is_better", "lower_is_better"])


def as_float(value: Decimal) -> float:
    """The float a caller would pass for *value*."""
    return float(value)
