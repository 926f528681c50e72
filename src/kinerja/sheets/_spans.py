"""The tree of a budget export's rows, worked out over whole columns.

An export lists its budget as a tree in sheet order: each coded row (program,
kegiatan, KRO, RO, komponen, sub-komponen, akun; its *rank* 0–6, from the
shape of its code) opens a span that the next row of the same or a higher
level (a lower or equal rank) closes; rows without a code under an akun are
its detail rows.  Every question the reader asks of the tree is answered here
with numpy over the rows' ranks, not by walking them one at a time:

* which program, kegiatan and RO each akun row falls under (its budget line's
  classification);
* which coded rows repeat the codes above them (the same path twice);
* the sums of the akun rows in each span (and of the detail rows under each
  akun), to compare with the subtotals the sheet prints.

Ranks: 0–6 the code levels (:data:`~kinerja.sheets._levels.LEVELS`),
:data:`DETAIL` a row without a code, :data:`TOTAL` the total row (the last).
Docs page *Spreadsheets* (``docs/sheets.md``).
"""

from __future__ import annotations

from typing import Any

from kinerja.core._numpy import np

__all__ = ["AKUN", "DETAIL", "TOTAL", "Sums", "exact_sum", "first_of_path", "open_at", "parents",
           "span_sums"]

AKUN, DETAIL, TOTAL = 6, 7, 8
_NONE: Any = None  # compared with an object array, element by element


def _last(mask: Any) -> Any:
    """For each row, the index of the last row *before* it where *mask* holds (-1: none)."""
    found = np.maximum.accumulate(np.where(mask, np.arange(len(mask)), -1))
    return np.concatenate(([-1], found[:-1]))[:len(mask)]  # none before the first row


def open_at(ranks: Any, rank: int) -> Any:
    """For each row, the row of *rank* whose span it is in (-1: none is open).

    A row of rank *rank* stays open until a row of the same or a higher level.

    >>> open_at(np.array([0, 1, 6, 1, 6]), 1).tolist()
    [-1, -1, 1, 1, 3]
    """
    last = _last(ranks <= rank)
    found = np.where(last >= 0, ranks[np.maximum(last, 0)] == rank, False)
    return np.where(found, last, -1)


def parents(ranks: Any) -> Any:
    """For each coded row, the row directly above it in the tree (-1: a top row).

    It is the last coded row before it of a higher level (a lower rank).

    >>> parents(np.array([0, 1, 6, 7, 6, 1, 6])).tolist()
    [-1, 0, 1, -1, 1, 0, 5]
    """
    above = np.full(len(ranks), -1)
    for rank in range(1, AKUN + 1):
        rows = ranks == rank
        if rows.any():
            above[rows] = _last(ranks < rank)[rows]
    return above


def first_of_path(ranks: Any, codes: list[str | None]) -> Any:
    """For each row, the first row with the same path of codes (itself unless it repeats one).

    Two coded rows have the same path when their codes and the codes of all
    the rows above them are the same: the second one repeats the first.

    >>> ranks = np.array([0, 1, 6, 6, 1, 6, 7])
    >>> codes = ["013.05.WA", "5976", "521211", "521211", "5976", "521211", None]
    >>> first_of_path(ranks, codes).tolist()       # rows 3 and 4–5 repeat rows 2 and 1–2
    [0, 1, 2, 2, 1, 2, 6]
    """
    count = len(ranks)
    number = {code: i for i, code in enumerate(dict.fromkeys(codes))}
    code_ids = np.fromiter((number[code] for code in codes), dtype=np.int64, count=count)
    above = parents(ranks)
    path = np.full(count, -1, dtype=np.int64)
    first = np.arange(count)
    given = 0
    for rank in range(AKUN + 1):
        rows = np.flatnonzero(ranks == rank)
        if not rows.size:
            continue
        parent = above[rows]
        parent_path = np.where(parent >= 0, path[np.maximum(parent, 0)], -1)
        keys = (parent_path + 1) * len(number) + code_ids[rows]
        _, index, inverse = np.unique(keys, return_index=True, return_inverse=True)
        path[rows] = given + inverse
        first[rows] = rows[index[inverse]]
        given += len(index)
    return first


class Sums:
    """What each coded row's subtotal should be, and where its span closes.

    ``pagu`` and ``realization`` are object arrays (a Python int, or ``None``
    where nothing beneath gives an amount: missing is not 0); ``closes`` is
    the index of the row that closes the span (the number of rows when the
    data ends first).
    """

    __slots__ = ("closes", "pagu", "realization")

    def __init__(self, pagu: Any, realization: Any, closes: Any) -> None:
        self.pagu, self.realization, self.closes = pagu, realization, closes


def span_sums(ranks: Any, pagu: Any, pagu_given: Any, realization: Any,
              realization_given: Any) -> Sums:
    """The sums beneath every coded row, to compare with the subtotals the sheet prints.

    A row above the akun level sums the akun rows in its span (each akun row
    gives both amounts: the reader refuses one that does not); an akun row
    sums its detail rows, each amount over the rows that give it.

    >>> ranks = np.array([4, 6, 7, 7, 6, 8])
    >>> pagu = np.array([30, 10, 4, 6, 20, 30])
    >>> sums = span_sums(ranks, pagu, np.array([1, 1, 1, 1, 1, 1], bool),
    ...                  pagu, np.array([1, 1, 0, 0, 1, 1], bool))
    >>> sums.pagu.tolist(), sums.realization.tolist(), sums.closes.tolist()
    ([30, 10, None, None, None, None], [30, None, None, None, None, None], [5, 4, 6, 6, 5, 6])
    """
    count = len(ranks)
    akun = ranks == AKUN
    expected = {"pagu": np.full(count, None, dtype=object),
                "realization": np.full(count, None, dtype=object)}
    closes = np.full(count, count)
    for rank in range(AKUN + 1):
        rows = np.flatnonzero(ranks == rank)
        if rows.size:
            ends = np.flatnonzero((ranks <= rank) | (ranks == TOTAL))
            after = np.searchsorted(ends, rows, side="right")
            closes[rows] = np.where(after < len(ends), ends[np.minimum(after, len(ends) - 1)],
                                    count)
    coded = np.flatnonzero(ranks < AKUN)
    owner = _last(ranks <= AKUN)
    detail = (ranks == DETAIL) & (owner >= 0)
    detail &= np.where(owner >= 0, ranks[np.maximum(owner, 0)] == AKUN, False)
    for field, values, given in (("pagu", pagu, pagu_given),
                                 ("realization", realization, realization_given)):
        values = _summable(values)
        # the akun rows of each span above the akun level
        running = np.concatenate(([0], np.cumsum(np.where(akun, values, 0))))
        counted = np.concatenate(([0], np.cumsum(akun)))
        ends, starts = closes[coded], coded + 1
        some = counted[ends] - counted[starts] > 0
        expected[field][coded[some]] = (running[ends] - running[starts])[some]
        # the detail rows of each akun row (those that give the amount)
        adds = detail & given
        owners = owner[adds]
        if owners.size:
            sums = np.zeros(count, dtype=values.dtype)
            np.add.at(sums, owners, values[adds])
            have = np.unique(owners)
            expected[field][have] = sums[have]
    for sums_of in expected.values():  # Python ints, as the sheet's amounts are read
        given_rows = np.flatnonzero(np.not_equal(sums_of, _NONE))
        sums_of[given_rows] = [int(v) for v in sums_of[given_rows].tolist()]
    return Sums(expected["pagu"], expected["realization"], closes)


def exact_sum(values: Any) -> int:
    """The sum of an array of whole Rupiah, exactly (in Python ints where int64 could overflow).

    >>> exact_sum(np.array([2**62, 2**62])), exact_sum(np.array([], dtype=np.int64))
    (9223372036854775808, 0)
    """
    return int(_summable(values).sum())


def _summable(values: Any) -> Any:
    """*values* as int64 when no sum of them can leave int64, else as Python ints."""
    if values.dtype == object:
        return values
    top = int(np.abs(values).max()) if len(values) else 0
    return values if top * max(len(values), 1) < 2**62 else values.astype(object)
