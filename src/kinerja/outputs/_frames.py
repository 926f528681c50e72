"""DataFrames (pandas is an optional extra, imported only when a conversion is asked for).

Each converter is registered with :func:`kinerja.core._hooks.frame_of` for its
class, which is what the ``to_pandas`` methods call.  Decimal figures are
kept exact by default, as an ``object`` column of :class:`decimal.Decimal`;
``exact=False`` converts them to pandas' nullable ``Float64``.  Rupiah
amounts are ``Int64`` (exact), text is ``string``, and a missing,
not-applicable or not-stated figure is ``<NA>``.  Words in text columns (a
status, yes/no) are in the frame's language, like its column names.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from kinerja.auditing._findings import FIELDS, AuditResult, Severity
from kinerja.core._extras import optional_import
from kinerja.core._hooks import frame_of
from kinerja.core._l10n import localized
from kinerja.core._numpy import np
from kinerja.core._options import Lang
from kinerja.core._sentinels import NotApplicable, NotStated
from kinerja.outputs._table import Quantity, Table
from kinerja.schemes._batch import BatchScore

__all__ = ["audit_frame", "batch_frame", "import_pandas", "table_frame"]


def import_pandas() -> Any:
    """Import pandas, or raise an error that says which extra to install."""
    return optional_import("pandas", extra="pandas", feature="to_pandas")


def _cell(value: Any, exact: bool, lang: Lang) -> Any:
    if value is None or isinstance(value, NotApplicable | NotStated):
        return None
    if isinstance(value, Quantity):
        value = value.value
    if isinstance(value, Decimal) and not exact:
        return float(value)
    return localized(value, lang)


@frame_of.register
def table_frame(table: Table, *, lang: Lang = "id", exact: bool = True) -> Any:
    """A :class:`~kinerja.Table` as a DataFrame with typed columns."""
    pd = import_pandas()
    data: dict[str, Any] = {}
    for column in table.columns:
        values = [_cell(row.get(column.key), exact, lang) for row in table.rows]
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


@frame_of.register
def audit_frame(result: AuditResult, *, lang: Lang = "en") -> Any:
    """Audit findings as a DataFrame: one row per finding, severity as a category.

    The columns are :data:`~kinerja.auditing._findings.FIELDS` (English
    identifiers, as the JSON keys); the words are in *lang*.
    """
    pd = import_pandas()
    rows = [f.as_dict(lang) for f in result.findings]
    frame = pd.DataFrame(rows, columns=list(FIELDS)).astype("string")
    frame["severity"] = pd.Categorical(frame["severity"], categories=[s.value for s in Severity],
                                       ordered=True)
    return frame


@frame_of.register
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
