"""A read-only sequence whose items are made when first read.

For results with many items that users may never look at one by one (the
hundred thousand akun rows of a budget export): the reader checks every
value at once and keeps them as columns; each item object is made from them
when first read, then kept.  Docs page *Performance* (``docs/performance.md``).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Sequence
from typing import Any, TypeVar, overload

__all__ = ["OnDemand"]

T = TypeVar("T")


class OnDemand(Sequence[T]):
    """A sequence of *count* items, item ``i`` made by ``make(i)`` when first read, then kept.

    ``len``, indexing, slicing (a tuple), iteration, ``==`` and ``hash`` behave
    as a tuple's; a pickled copy is a tuple.

    >>> squares = OnDemand(3, lambda i: i * i, name="squares")
    >>> len(squares), squares[-1], squares[:2], squares == (0, 1, 4), squares == [0, 1, 4]
    (3, 4, (0, 1), True, False)
    >>> squares
    OnDemand(3 squares)
    """

    __slots__ = ("_count", "_lock", "_made", "_make", "_name")

    def __init__(self, count: int, make: Callable[[int], T], *, name: str = "items") -> None:
        self._count, self._make, self._name = count, make, name
        self._made: list[T | None] = [None] * count
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return self._count

    def _item(self, index: int) -> T:
        """Item *index* (0 ≤ index < len), made once (one object, whichever thread reads it)."""
        item = self._made[index]
        if item is None:
            made = self._make(index)
            with self._lock:  # two threads that made it at once keep the first one's
                item = self._made[index]
                if item is None:
                    item = self._made[index] = made
        return item

    @overload
    def __getitem__(self, index: int) -> T: ...
    @overload
    def __getitem__(self, index: slice) -> tuple[T, ...]: ...

    def __getitem__(self, index: int | slice) -> T | tuple[T, ...]:
        if isinstance(index, slice):
            return tuple(map(self._item, range(*index.indices(self._count))))
        return self._item(range(self._count)[index])

    def __iter__(self) -> Iterator[T]:
        return map(self._item, range(self._count))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, tuple | OnDemand):  # as a tuple: a list is not equal
            return NotImplemented
        return len(other) == self._count and all(
            a == b for a, b in zip(self, other, strict=True))

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __reduce__(self) -> tuple[Any, ...]:
        return (tuple, (tuple(self),))

    def __repr__(self) -> str:
        return f"OnDemand({self._count} {self._name})"
