"""Block-sized scratch buffers: the temporaries of a blocked computation, reused block after block.

:func:`kinerja.core._ops.blockwise` runs a formula block by block over long
columns.  Each block's temporaries (``r * 100``, then ``/ t``, a ``where``)
would be fresh arrays of the block's size (512 KiB for 65,536 float64 rows),
and allocators may hand such sizes back to the system as soon as they are
freed: glibc's malloc does so for every block above 128 KiB when
``MALLOC_TRIM_THRESHOLD_`` is set, and then each temporary is mapped, faulted
in page by page and unmapped again.  A :class:`Scratch` pool keeps them.

While a pool is active (:func:`scratch`: one pool per blocked call, held in a
:class:`~contextvars.ContextVar`, so threads do not share it), the converted
inputs of a block are *scratch arrays* (:func:`adopt`: views of an ndarray
subclass), and numpy hands every ufunc on them (the formula's operators,
``np.fmin``, comparisons) to the subclass's ``__array_ufunc__``, which
computes into a free buffer of the pool: the same ufunc on the same dtypes
numpy itself resolves, so the results are bit-identical.  Conditions are
pooled too: freed booleans of 64 KiB would otherwise make glibc shrink and
grow its heap between blocks under the same setting.  A buffer is free when
nothing refers to it any more (its reference count is back to the pool's
own): a temporary the formula has dropped is reused at once, by the next
operation of the same block or of the next block, as malloc would reuse it,
and a live one never is.  The formulas stay written once for scalars and
arrays: they never see the pool.  Docs page *Performance*, section "Robust
blocks".

>>> import numpy as np
>>> release()  # no buffers kept from an earlier call
>>> with scratch() as pool:
...     r = adopt(np.arange(4.0))
...     for _ in range(3):
...         share = r * 100 / 4
>>> share.tolist(), pool.made, pool.lent
([0.0, 25.0, 50.0, 75.0], 3, 6)

Six temporaries, three buffers: ``r * 100`` is dropped after the division,
so its buffer serves the next ``r * 100``.  A thread keeps its last call's
buffers for the next call (:data:`KEPT_BYTES` at most; :func:`release` drops
them), as malloc would keep freed memory by default.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

from kinerja.core._numpy import np

if TYPE_CHECKING:
    import numpy.typing as npt

__all__ = ["KEPT_BYTES", "Scratch", "active", "adopt", "astype", "empty", "release", "scratch",
           "watch", "where"]

#: The pool of the blocked computation running in this thread (or task), if any.
_ACTIVE: ContextVar[Scratch | None] = ContextVar("kinerja_scratch", default=None)

#: Lists that collect the pools as they close (see :func:`watch`): for tests and benchmarks.
_WATCHERS: list[list[Scratch]] = []

#: Output dtypes of ufunc calls, by ufunc and input kinds (numpy's own resolution, cached).
_RESOLVED: dict[tuple[Any, ...], tuple[Any, ...] | None] = {}

_refcount = getattr(sys, "getrefcount", None)

# Made on the first pool (numpy is loaded by then): the subclass, numpy's array types and
# the reference counts of a buffer that only its pool holds (None: no pooling here).
_KIND: list[Any] = []
_FREE: tuple[int, int] | None = None
_ndarray: Any = None
_generic: Any = None
#: numpy's functions of the hot paths, bound once (``np.x`` goes through the lazy door).
_N: Any = SimpleNamespace()
_BOUND = ("bitwise_xor", "bool_", "broadcast_shapes", "copyto", "count_nonzero", "dtype",
          "empty", "multiply", "putmask", "result_type", "shape", "uint64", "where")


class Scratch:
    """A pool of scratch buffers for one blocked call.

    Attributes
    ----------
    made : int
        Buffers allocated by this call (each once, when no free one fitted).
    lent : int
        Buffers handed out; ``lent / made`` is how often each was reused.
    """

    def __init__(self, buffers: dict[Any, list[tuple[Any, Any]]] | None = None) -> None:
        self.made = 0
        self.lent = 0
        # dtype -> [(flat buffer, its scratch-array view)]
        self.buffers: dict[Any, list[tuple[Any, Any]]] = {} if buffers is None else buffers

    def take(self, shape: tuple[int, ...], dtype: Any) -> tuple[Any, Any]:
        """Return ``(buffer, view)``: a buffer nothing else refers to, and its scratch view.

        A buffer of the block's size serves the shorter last block too (a view
        of its start).  The caller holds the buffer or the view (not just the
        pair) before it takes another, or the same buffer would be lent twice.
        """
        size = 1
        for extent in shape:
            size *= extent
        buffers = self.buffers.get(dtype)
        if buffers is None:
            buffers = self.buffers[dtype] = []
        for pair in buffers:
            if pair[0].size >= size and _counts(pair) == _FREE:  # held by the pool alone
                self.lent += 1
                if pair[0].shape == shape:
                    return pair
                part = pair[0][:size].reshape(shape)  # its base is the buffer: held
                return part, part.view(_KIND[0])
        pair = _pair(size, dtype)
        buffers.append(pair)
        self.made += 1
        self.lent += 1
        return pair if pair[0].shape == shape else (pair[0].reshape(shape),
                                                    pair[1].reshape(shape))


def _pair(size: int, dtype: Any) -> tuple[Any, Any]:
    return _pair_of(_N.empty(size, dtype=dtype), _KIND[0])


def _pair_of(buffer: Any, kind: Any) -> tuple[Any, Any]:
    return buffer, buffer.view(kind)


def _counts(pair: tuple[Any, Any]) -> tuple[int, int]:
    """The reference counts of a pool's view and buffer (the same expression, always)."""
    return _refcount(pair[1]), _refcount(pair[0])  # type: ignore[misc]


def _array_ufunc(self: Any, ufunc: Any, method: str, *inputs: Any, **kwargs: Any) -> Any:
    """``__array_ufunc__`` of scratch arrays: numbers into the active pool's free buffers."""
    kind = _KIND[0]
    plain = [x.view(_ndarray) if type(x) is kind else x for x in inputs]
    pool = _ACTIVE.get()
    if method == "__call__" and not kwargs and pool is not None:
        dtypes = _result_dtypes(ufunc, plain)
        if dtypes is not None:
            shape = _shape(plain)
            if not shape:  # 0-d (numpy gives a scalar), or numpy's own broadcast error
                return ufunc(*plain)
            if ufunc.nout == 1:
                buffer, view = pool.take(shape, dtypes[0])
                ufunc(*plain, out=buffer)
                return view
            buffers, views = [], []
            for dtype in dtypes:  # each buffer is held before the next is taken
                buffer, view = pool.take(shape, dtype)
                buffers.append(buffer)
                views.append(view)
            ufunc(*plain, out=tuple(buffers))
            return tuple(views)
    elif kwargs:
        if "out" in kwargs:
            kwargs["out"] = tuple(_plain(x) for x in kwargs["out"])
        if "where" in kwargs:
            kwargs["where"] = _plain(kwargs["where"])
    return getattr(ufunc, method)(*plain, **kwargs)


def _shape(inputs: list[Any]) -> tuple[int, ...] | None:
    """The inputs' broadcast shape; None if they do not broadcast."""
    shape = None
    for x in inputs:
        if type(x) is _ndarray:
            if shape is None:
                shape = x.shape
            elif x.shape != shape:
                try:
                    return _N.broadcast_shapes(*(_N.shape(y) for y in inputs))  # type: ignore[no-any-return]
                except ValueError:
                    return None
    return shape


def _any(self: Any, *args: Any, **kwargs: Any) -> Any:
    return self.view(_ndarray).any(*args, **kwargs)


def _all(self: Any, *args: Any, **kwargs: Any) -> Any:
    return self.view(_ndarray).all(*args, **kwargs)


def _plain(value: Any) -> Any:
    return value.view(_ndarray) if _KIND and type(value) is _KIND[0] else value


def _result_dtypes(ufunc: Any, inputs: list[Any]) -> tuple[Any, ...] | None:
    """The output dtypes numpy gives ``ufunc(*inputs)``; None where the pool stays out.

    The pool takes booleans and numbers; it leaves to numpy masked arrays and
    other subclasses, objects, and anything numpy resolves per value or refuses.
    """
    # A plain array or numpy scalar by its dtype; anything else (a masked array, an
    # object) by its type, which keeps the pool out (numpy decides as usual).
    kinds = tuple([x.dtype if type(x) is _ndarray or isinstance(x, _generic) else type(x)
                   for x in inputs])
    key = (ufunc, kinds)
    try:
        return _RESOLVED[key]
    except KeyError:
        pass
    dtypes: tuple[Any, ...] | None = None
    if all(k in (int, float, bool) or isinstance(k, np.dtype) for k in kinds):
        try:
            resolved = ufunc.resolve_dtypes((*kinds, *([None] * ufunc.nout)))
        except (TypeError, ValueError):  # numpy would raise, or decide per value
            resolved = None
        if resolved is not None and all(d.kind in "biuf" for d in resolved):
            dtypes = tuple(resolved[ufunc.nin:])
    if len(_RESOLVED) < 1024:
        _RESOLVED[key] = dtypes
    return dtypes


def _prepare() -> None:
    """Make the scratch-array class and measure a free buffer's reference counts, once."""
    if not _KIND:
        with _PREPARING:
            if not _KIND:
                _make_kind()


_PREPARING = threading.Lock()


def _make_kind() -> None:
    global _FREE, _ndarray, _generic
    _ndarray, _generic = np.ndarray, np.generic
    for name in _BOUND:
        setattr(_N, name, getattr(np, name))
    kind = type("ScratchArray", (np.ndarray,), {
        "__array_ufunc__": _array_ufunc, "__module__": __name__,
        "any": _any, "all": _all,
        "__doc__": "An ndarray whose ufuncs write numbers into the active pool's buffers."})
    # Reference counts tell "free" exactly where the GIL serialises them (not in a
    # free-threaded build, whose counts other threads update lazily): elsewhere, no pool.
    if _refcount is not None and getattr(sys, "_is_gil_enabled", lambda: True)():
        held = [_pair_of(np.empty(1), kind)]
        _FREE = _counts(held[0])
    _KIND.append(kind)


@contextmanager
def scratch() -> Iterator[Scratch]:
    """Make a pool the active one inside the ``with`` block (none without refcounts).

    The pool starts with the buffers the thread's previous blocked call left
    (at most :data:`KEPT_BYTES`), so that a series of calls does not map and
    fault in its buffers again each time, and leaves its own for the next.
    """
    _prepare()
    kept = getattr(_KEPT, "buffers", None)
    _KEPT.buffers = None  # a pool inside this one (none today) would start empty
    pool = Scratch(kept)
    token = _ACTIVE.set(pool if _FREE is not None else None)
    try:
        yield pool
    finally:
        _ACTIVE.reset(token)
        _KEPT.buffers = _kept(pool.buffers)
        for seen in _WATCHERS:
            seen.append(pool)


#: The most bytes of buffers a thread keeps between blocked calls (a few blocks' worth).
KEPT_BYTES = 32 << 20

#: Per thread, the buffers its last blocked call left.
_KEPT = threading.local()


def release() -> None:
    """Drop the buffers this thread keeps between blocked calls (the next call makes its own)."""
    _KEPT.buffers = None


def _kept(buffers: dict[Any, list[tuple[Any, Any]]]) -> dict[Any, list[tuple[Any, Any]]]:
    """The largest buffers of each dtype, up to :data:`KEPT_BYTES` in all."""
    total = 0
    kept: dict[Any, list[tuple[Any, Any]]] = {}
    for dtype, pairs in buffers.items():
        kept[dtype] = []
        for pair in sorted(pairs, key=lambda p: -p[0].nbytes):
            if total + pair[0].nbytes <= KEPT_BYTES:
                kept[dtype].append(pair)
                total += pair[0].nbytes
    return kept


def active() -> Scratch | None:
    """The pool of the blocked computation running now, if any."""
    return _ACTIVE.get()


def adopt(array: Any) -> Any:
    """*array* as a scratch-array view while a pool is active (its ufuncs then use the pool).

    Anything else (no pool, a masked array, not an array) is returned as is.
    """
    if _ACTIVE.get() is None or type(array) is not _ndarray:
        return array
    return array.view(_KIND[0])


def empty(shape: tuple[int, ...], dtype: Any) -> npt.NDArray[Any]:
    """``np.empty(shape, dtype)``: a free buffer of the active pool when there is one.

    A plain ndarray, for ``out=`` arguments; :func:`adopt` it to let the
    formula's operators use the pool too.
    """
    pool = _ACTIVE.get()
    if pool is None:
        return np.empty(shape, dtype=dtype)
    buffer: npt.NDArray[Any] = pool.take(tuple(shape), _N.dtype(dtype))[0]
    return buffer


def astype(array: Any, dtype: Any) -> npt.NDArray[Any]:
    """``array.astype(dtype, copy=False)``, into a free buffer of the active pool if any."""
    dtype = np.dtype(dtype)
    pool = _ACTIVE.get()
    if array.dtype == dtype or pool is None:
        same: npt.NDArray[Any] = array.astype(dtype, copy=False)
        return same
    buffer: npt.NDArray[Any] = pool.take(array.shape, dtype)[0]
    _N.copyto(buffer, array, casting="unsafe")  # astype's casting
    return buffer


def where(condition: Any, if_true: Any, if_false: Any) -> Any:
    """``np.where(condition, if_true, if_false)``, into a pool buffer when one is active.

    Bit for bit the elements :func:`numpy.where` picks (a selection copies
    values, NaN and -0.0 included), in the dtype numpy gives them.  Between
    two arrays of 8-byte numbers the selection is branch-free,
    ``b ^ ((a ^ b) · condition)`` on their bits, which costs the same for any
    mix of True and False (:func:`numpy.where` slows down several times on a
    mask that alternates unpredictably); an all-True or all-False condition
    is one copy.
    """
    pool = _ACTIVE.get()
    if pool is None:
        return np.where(condition, if_true, if_false)
    shape = _N.broadcast_shapes(_N.shape(condition), _N.shape(if_true), _N.shape(if_false))
    dtype = _N.result_type(if_true, if_false)
    if dtype.kind not in "biuf" or not shape:
        return _N.where(condition, if_true, if_false)
    buffer, view = pool.take(shape, dtype)
    condition, if_true, if_false = _plain(condition), _plain(if_true), _plain(if_false)
    full = _N.shape(condition) == shape and condition.dtype == _N.bool_
    count = _N.count_nonzero(condition) if full else -1
    if full and (count == 0 or count == condition.size):
        _N.copyto(buffer, if_true if count else if_false)
    elif full and dtype.itemsize == 8 and _same(if_true, dtype, shape) \
            and _same(if_false, dtype, shape):
        bits, false_bits = buffer.view(_N.uint64), if_false.view(_N.uint64)
        _N.bitwise_xor(if_true.view(_N.uint64), false_bits, out=bits)
        _N.multiply(bits, condition, out=bits)
        _N.bitwise_xor(bits, false_bits, out=bits)
    elif full and not _N.shape(if_true):  # one value where the condition holds
        _N.copyto(buffer, if_false)
        _N.putmask(buffer, condition, if_true)
    else:
        _N.copyto(buffer, if_false)
        _N.copyto(buffer, if_true, where=condition)
    return view


def _same(value: Any, dtype: Any, shape: tuple[int, ...]) -> bool:
    """An array of this dtype and shape (whose bits can be selected as they are)."""
    return isinstance(value, _ndarray) and value.dtype == dtype and value.shape == shape


@contextmanager
def watch() -> Iterator[list[Scratch]]:
    """Collect the pools that close inside the ``with`` block (a hook for tests and benchmarks).

    >>> with watch() as pools, scratch():
    ...     pass
    >>> len(pools)
    1
    """
    seen: list[Scratch] = []
    _WATCHERS.append(seen)
    try:
        yield seen
    finally:
        _WATCHERS.remove(seen)
