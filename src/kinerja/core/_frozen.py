"""Read-only containers for the fields of frozen value classes.

kinerja's value classes are frozen (attrs ``frozen=True``); a plain ``dict``
field would still let a caller change a report's targets after it was
validated.  :class:`FrozenMap` is the mapping those fields hold: it reads
like a dict, compares equal to a dict with the same items, cannot be
changed, pickles, and hashes when its values do.  Array fields (the batch
path's columns and scores) are made read-only with :func:`read_only`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any, TypeVar

from kinerja.core._numpy import is_masked_array, np

__all__ = ["FrozenMap", "freeze", "read_only"]

K = TypeVar("K")
V = TypeVar("V")
A = TypeVar("A", bound="np.ndarray[Any, Any]")


class FrozenMap(Mapping[K, V]):
    """An immutable mapping: a dict that cannot change after it is built.

    >>> targets = FrozenMap({2023: 60, 2024: 70})
    >>> targets[2023], len(targets), targets == {2023: 60, 2024: 70}
    (60, 2, True)
    >>> targets[2025] = 80
    Traceback (most recent call last):
    ...
    TypeError: 'FrozenMap' object does not support item assignment
    >>> import pickle
    >>> pickle.loads(pickle.dumps(targets)) == targets, hash(targets) == hash(FrozenMap(targets))
    (True, True)
    """

    __slots__ = ("_data",)

    def __init__(self, items: Mapping[K, V] | Iterable[tuple[K, V]] = (), /) -> None:
        self._data: dict[K, V] = dict(items)

    def __getitem__(self, key: K) -> V:
        return self._data[key]

    def __iter__(self) -> Iterator[K]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def __contains__(self, key: object) -> bool:
        return key in self._data

    def __repr__(self) -> str:
        return f"FrozenMap({self._data!r})"

    def __eq__(self, other: object) -> bool:
        if isinstance(other, FrozenMap):
            return self._data == other._data
        if isinstance(other, Mapping):
            return self._data == dict(other.items())
        return NotImplemented

    def __hash__(self) -> int:
        return hash(frozenset(self._data.items()))

    def __reduce__(self) -> tuple[Any, ...]:
        return (FrozenMap, (self._data,))

    def __or__(self, other: Mapping[K, V]) -> FrozenMap[K, V]:
        return FrozenMap({**self._data, **other})


def freeze(items: Mapping[K, V] | Iterable[tuple[K, V]]) -> FrozenMap[K, V]:
    """Return *items* as a :class:`FrozenMap` (the same object when it already is one).

    >>> freeze({"a": 1})
    FrozenMap({'a': 1})
    """
    return items if isinstance(items, FrozenMap) else FrozenMap(items)


def read_only(array: A) -> A:
    """Return *array* itself, made read-only (with its mask, for a masked array).

    >>> column = read_only(np.array([1.0, 2.0]))
    >>> column[0] = 5.0
    Traceback (most recent call last):
    ...
    ValueError: assignment destination is read-only
    """
    array.flags.writeable = False
    if is_masked_array(array):
        np.ma.getmaskarray(array).flags.writeable = False
    return array
