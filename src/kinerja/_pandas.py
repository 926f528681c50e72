"""DataFrames (pandas is an optional extra, imported only when a conversion is asked for).

Decimal figures are kept exact by default, as an ``object`` column of
:class:`decimal.Decimal`; ``exact=False`` converts them to pandas' nullable
``Float64``.  Rupiah amounts are ``Int64`` (exact), text is ``string``, and a
missing or not-applicable figure is ``<NA>``.
"""

from __future__ import annotations

import importlib
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import numpy as np

from kinerja.exceptions import MissingDependencyError

if TYPE_CHECKING:
    from kinerja._findings import AuditResult
    from kinerja._scoring import BatchScore
    from kinerja._table import Lang, Table


def import_pandas() -> Any:
    """Import pandas, or raise an error that says which extra to install."""
    try:
        # import_module: pandas ships no type stubs, and its use here is dynamic anyway
        pandas = importlib.import_module("pandas")
    except ImportError:
        raise MissingDependencyError(
            "pandas is not installed", field="to_pandas",
            fix='install the extra: pip install "kinerja[pandas]"') from None
    return pandas


def _cell(value: Any, exact: bool) -> Any:
    from kinerja._sentinels import NotApplicable
    from kinerja._table import Quantity

    if value is None or isinstance(value, NotApplicable):
        return None
    if isinstance(value, Quantity):
        value = value.value
    if isinstance(value, Decimal) and not exact:
        return float(value)
    return value


def table_frame(table: Table, *, lang: Lang = "id", exact: bool = True) -> Any:
    """A :class:`~kinerja.Table` as a DataFrame with typed columns."""
    pd = import_pandas()
    data: dict[str, Any] = {}
    for column in table.columns:
        values = [_cell(row.get(column.key), exact) for row in table.rows]
        name = column.heading(lang)
        if column.kind == "rupiah":
            data[name] = pd.array(values, dtype="Int64")
        elif column.kind == "text":
            data[name] = pd.array([None if v is None else str(v) for v in values],
                                  dtype="string")
        elif exact:
            data[name] = pd.Series([pd.NA if v is None else v for v in values], dtype=object)
        else:
            data[name] = pd.array(values, dtype="Float64")
    return pd.DataFrame(data)


def audit_frame(result: AuditResult, *, lang: Lang = "en") -> Any:
    """Audit findings as a DataFrame: one row per finding, severity as a category."""
    from kinerja._findings import FIELDS, Severity

    pd = import_pandas()
    rows = [f.as_dict(lang) for f in result.findings]
    frame = pd.DataFrame(rows, columns=list(FIELDS)).astype("string")
    frame["severity"] = pd.Categorical(frame["severity"], categories=[s.value for s in Severity],
                                       ordered=True)
    return frame


def batch_frame(batch: BatchScore) -> Any:
    """Batch scores as a DataFrame: one row per work unit."""
    pd = import_pandas()
    data: dict[str, Any] = {
        "total": batch.total, "weight_base": batch.weight_base, "final": batch.final,
    }
    for name, values in batch.aspects.items():
        column = pd.array(values.filled(0.0), dtype="Float64")
        column[np.ma.getmaskarray(values)] = pd.NA
        data[name] = column
    if batch.category is not None:
        data["category"] = pd.Categorical(batch.category)
    return pd.DataFrame(data)
