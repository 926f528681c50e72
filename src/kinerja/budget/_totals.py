"""Totals of budget lines by any classification, nested subtotals and year-over-year rows.

The rows of an LKjIP's budget tables (the reference report's Tabel 3.22 and
3.23); sums are exact Python ints, at any size.  Docs page *Budget (anggaran)*.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Sequence
from decimal import Decimal
from typing import Any

import attrs

from kinerja.budget._lines import Amounts, BudgetLine, SpendingType
from kinerja.budget._regional import ApbdSpendingGroup, ApbdSpendingType
from kinerja.core._input import exact
from kinerja.core._sentinels import NOT_APPLICABLE, NOT_STATED, NotApplicable, NotStated
from kinerja.core._validators import checked
from kinerja.exceptions import InvalidTypeError, InvalidValueError

__all__ = ["BudgetTotal", "YearComparison", "compare_years", "subtotals", "total", "totals"]

_CLASSIFICATIONS = ("year", "program", "activity", "output", "account", "spending_type",
                    "spending_group", "indicator")


@checked
@attrs.frozen(kw_only=True)
class BudgetTotal(Amounts):
    """The sum of some budget lines: a row of a budget table.

    ``key`` holds the grouping values (empty for a grand total), ``level`` the
    depth in a nested table (0 for the grand total).  The pagu or the
    realization of a total is NOT_STATED when that of any of its lines is:
    a sum with an unknown term is unknown, never the sum of the rest.

    Examples
    --------
    >>> lines = [BudgetLine(year=2023, spending_type=t, pagu=p, realization=r)
    ...          for t, p, r in [("51", 100, 90), ("52", 50, 50)]]
    >>> grand = total(lines)
    >>> grand.pagu, grand.realization, grand.remainder, grand.label
    (150, 140, 10, 'Total')
    """

    key: tuple[Any, ...] = ()
    pagu: int | NotStated
    realization: int | NotStated
    blokir: int = 0
    lines: int
    level: int = 0

    @property
    def label(self) -> str:
        """The row heading: the last grouping value in Indonesian, or "Total"."""
        if not self.key:
            return "Total"
        last = self.key[-1]
        if isinstance(last, SpendingType | ApbdSpendingType | ApbdSpendingGroup):
            return last.indonesian
        return "–" if last is None else str(last)


Grouping = str | Sequence[str] | Callable[[BudgetLine], Hashable]


def _key_function(by: Grouping) -> Callable[[BudgetLine], tuple[Any, ...]]:
    if callable(by):
        function = by
        return lambda line: (function(line),)
    if not isinstance(by, str | Sequence):
        raise InvalidTypeError(
            "group by a classification's name, a list of names or a function of a line",
            field="by", value=by, fix="group by " + ", ".join(_CLASSIFICATIONS))
    names = (by,) if isinstance(by, str) else tuple(by)
    unknown = [n for n in names if not isinstance(n, str) or n not in _CLASSIFICATIONS]
    if unknown or not names:
        raise InvalidValueError(
            "unknown classification", field="by", value=by,
            fix="group by " + ", ".join(_CLASSIFICATIONS) + " (or a function of a line)",
        )
    return lambda line: tuple(getattr(line, n) for n in names)


def _lines(lines: Iterable[BudgetLine]) -> list[BudgetLine]:
    """The lines as a list, refusing anything that is not a BudgetLine."""
    out = list(lines)
    for i, line in enumerate(out):
        if not isinstance(line, BudgetLine):
            raise InvalidTypeError(f"expected a BudgetLine, not {type(line).__name__}",
                                   field=f"lines[{i}]", value=line,
                                   fix="build lines with kinerja.BudgetLine(...)")
    return out


def _stated_sum(amounts: Iterable[int | NotStated]) -> int | NotStated:
    """The exact sum, or NOT_STATED when any term is not stated."""
    values = list(amounts)
    if any(isinstance(v, NotStated) for v in values):
        return NOT_STATED
    return sum(v for v in values if isinstance(v, int))


def _sum(lines: Sequence[BudgetLine], key: tuple[Any, ...] = (), level: int = 0) -> BudgetTotal:
    # Python ints: exact sums at any size (no int64 overflow for a ministry's totals).
    return BudgetTotal(
        key=key,
        pagu=_stated_sum(line.pagu for line in lines),
        realization=_stated_sum(line.realization for line in lines),
        blokir=sum(line.blokir or 0 for line in lines),
        lines=len(lines),
        level=level,
    )


def total(lines: Iterable[BudgetLine]) -> BudgetTotal:
    """Return the grand total of *lines* (pagu, realization, blokir; remainder, absorption).

    Examples
    --------
    >>> total([BudgetLine(year=2023, pagu=570_750_000, realization=570_644_250),
    ...        BudgetLine(year=2023, pagu=3_530_082_000, realization=3_529_557_791)]).realization
    4100202041
    """
    return _sum(_lines(lines))


def totals(lines: Iterable[BudgetLine], by: Grouping) -> dict[tuple[Any, ...], BudgetTotal]:
    """Return the totals of *lines* grouped by one or more classifications.

    Parameters
    ----------
    lines : iterable of BudgetLine
    by : str, sequence of str, or callable
        ``"spending_type"``, ``("program", "activity")``, ... (any of year,
        program, activity, output, account, spending_type, spending_group
        (the APBD kelompok: belanja operasi, modal, tidak terduga, transfer),
        indicator), or a function of a line.  Lines without a value for a classification are
        grouped under ``None``.

    Returns
    -------
    dict
        Grouping values (a tuple) → :class:`BudgetTotal`, in order of first
        appearance.  A key is a tuple for one classification too
        (``(SpendingType.BARANG,)``), so that code reads keys the same way
        whether it groups by one classification or by several; unpack it
        (``for (kind,), group in totals(lines, "spending_type").items()``).

    Examples
    --------
    >>> lines = [BudgetLine(year=2023, account="521211", pagu=60, realization=59),
    ...          BudgetLine(year=2023, account="511111", pagu=100, realization=100),
    ...          BudgetLine(year=2023, account="521811", pagu=40, realization=40)]
    >>> {key[0].value: t.realization for key, t in totals(lines, by="spending_type").items()}
    {'52': 99, '51': 100}
    """
    key_of = _key_function(by)
    groups: dict[tuple[Any, ...], list[BudgetLine]] = {}
    for line in _lines(lines):
        groups.setdefault(key_of(line), []).append(line)
    return {key: _sum(group, key, level=len(key)) for key, group in groups.items()}


def subtotals(lines: Iterable[BudgetLine], by: Sequence[str]) -> list[BudgetTotal]:
    """Return a nested table: the grand total, then each group's subtotal, depth first.

    With ``by=("program", "activity", "spending_type")`` the rows are the
    grand total (level 0), each program (level 1) followed by its activities
    (level 2), each followed by its spending types (level 3).

    Examples
    --------
    >>> lines = [BudgetLine(year=2023, program="P", activity=a, spending_type=t, pagu=p,
    ...                     realization=p) for a, t, p in [("A", "51", 10), ("A", "52", 5),
    ...                                                    ("B", "52", 7)]]
    >>> [(row.level, row.label, row.pagu) for row in subtotals(lines, ("program", "activity"))]
    [(0, 'Total', 22), (1, 'P', 22), (2, 'A', 15), (2, 'B', 7)]
    """
    names = tuple(by)
    _key_function(names)  # validates the names
    rows_of = list(lines)
    table = [_sum(rows_of)]

    def descend(group: list[BudgetLine], prefix: tuple[Any, ...]) -> None:
        depth = len(prefix)
        if depth == len(names):
            return
        children = totals(group, names[depth])
        for (value,), _ in children.items():
            members = [line for line in group if getattr(line, names[depth]) == value]
            table.append(_sum(members, (*prefix, value), level=depth + 1))
            descend(members, (*prefix, value))

    descend(rows_of, ())
    return table


@checked
@attrs.frozen(kw_only=True)
class YearComparison:
    """One row of a year-over-year budget table (Tabel 3.22 style).

    ``before`` and ``after`` are the totals of the earlier and the later year
    (``None`` when the group has no line that year).

    Examples
    --------
    >>> import kinerja
    >>> rows = kinerja.compare_years(kinerja.example_report().budget["spending_type"],
    ...                              (2022, 2023))
    >>> rows[-1].label, rows[-1].realization_change
    ('Total', -780342883)
    """

    key: tuple[Any, ...]
    years: tuple[int, int]
    before: BudgetTotal | None
    after: BudgetTotal | None

    @property
    def label(self) -> str:
        """The row heading."""
        present = self.after or self.before
        assert present is not None
        return present.label

    def _change(self, name: str) -> int | NotStated:
        after = getattr(self.after, name) if self.after else 0
        before = getattr(self.before, name) if self.before else 0
        if isinstance(after, NotStated) or isinstance(before, NotStated):
            return NOT_STATED
        change: int = after - before
        return change

    @property
    def pagu_change(self) -> int | NotStated:
        """Pagu of the later year minus pagu of the earlier year (Rupiah)."""
        return self._change("pagu")

    @property
    def realization_change(self) -> int | NotStated:
        """Spending of the later year minus spending of the earlier year (Rupiah)."""
        return self._change("realization")

    @property
    def absorption_change(self) -> Decimal | NotApplicable | NotStated:
        """Change in absorption, in percentage points; NOT_APPLICABLE (NOT_STATED) if either is."""
        if self.before is None or self.after is None:
            return NOT_APPLICABLE
        a, b = self.before.absorption, self.after.absorption
        if isinstance(a, NotStated) or isinstance(b, NotStated):
            return NOT_STATED
        if isinstance(a, NotApplicable) or isinstance(b, NotApplicable):
            return NOT_APPLICABLE
        with exact():
            return b - a


def compare_years(
    lines: Iterable[BudgetLine], years: tuple[int, int], by: Grouping = "spending_type"
) -> list[YearComparison]:
    """Compare two years' lines group by group, with a total row last.

    Examples
    --------
    >>> lines = [BudgetLine(year=y, spending_type="51", pagu=p, realization=r)
    ...          for y, p, r in [(2022, 100, 90), (2023, 120, 120)]]
    >>> rows = compare_years(lines, (2022, 2023))
    >>> [(row.label, row.pagu_change, row.absorption_change) for row in rows]
    [('Belanja Pegawai', 20, Decimal('10')), ('Total', 20, Decimal('10'))]
    """
    if not isinstance(years, tuple | list) or len(years) != 2:
        raise InvalidValueError("compare exactly two years", field="years", value=years,
                                fix="pass years=(2022, 2023)")
    first, second = years
    if first == second:
        raise InvalidValueError("compare two different years", field="years", value=years,
                                fix="pass two different years, e.g. years=(2022, 2023)")
    chosen = [line for line in _lines(lines) if line.year in years]
    before = totals([line for line in chosen if line.year == first], by)
    after = totals([line for line in chosen if line.year == second], by)
    keys = list(dict.fromkeys([*before, *after]))
    rows = [YearComparison(key=k, years=years, before=before.get(k), after=after.get(k))
            for k in keys]
    rows.append(YearComparison(
        key=(), years=years,
        before=total(line for line in chosen if line.year == first),
        after=total(line for line in chosen if line.year == second),
    ))
    return rows
