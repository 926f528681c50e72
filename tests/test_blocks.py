"""Robust blocks: a blocked call reuses block-sized scratch buffers; its figures stay the same."""

import threading

import numpy as np
import pytest

import kinerja
from kinerja import batch
from kinerja.core import _ops, _scratch
from kinerja.core._scratch import adopt, scratch, watch, where

ROWS = 512  # a block in these tests (the library's is 65,536: the mechanism is the same)


def _national(blocks, seed=3):
    """The columns of the synthetic national set, cut to *blocks* blocks of ROWS rows."""
    ind = batch.synthetic_national(seed=seed, satkers=blocks * ROWS // 10 + 1).indicators
    n = blocks * ROWS
    return (ind.realization[:n], ind.target[:n], ind.target_high[:n], ind.polarity[:n],
            ind.cap[:n])


def _achievements(columns):
    r, t, high, polarity, cap = columns
    return batch.achievements(r, t, target_high=high, polarity=polarity, cap=cap,
                              nan="missing", with_raw=True)


def _blocked(function, rows=ROWS, *, fresh=True):
    """function() computed in blocks of *rows* rows, and the pools it used.

    *fresh*: without the buffers an earlier call left to this thread.
    """
    saved = _ops.BLOCK_ROWS
    _ops.BLOCK_ROWS = rows
    if fresh:
        _scratch.release()
    try:
        with watch() as pools:
            result = function()
    finally:
        _ops.BLOCK_ROWS = saved
    return result, pools


def _same(a, b):
    """Bit for bit the same figures, and the same mask."""
    return (np.ma.getdata(a).view(np.uint64) == np.ma.getdata(b).view(np.uint64)).all() \
        and (np.ma.getmaskarray(a) == np.ma.getmaskarray(b)).all()


# --- the mechanism is used ---------------------------------------------------------------

def test_a_blocked_call_makes_its_buffers_once_and_reuses_them_in_every_block():
    """National mix: the buffers made do not grow with the number of blocks; each is lent often."""
    (_, _), few = _blocked(lambda: _achievements(_national(8)))
    (_, _), many = _blocked(lambda: _achievements(_national(32)))
    assert len(few) == len(many) == 1  # one pool per blocked call
    assert many[0].made == few[0].made  # bounded by one block's temporaries, not the blocks
    assert many[0].made <= 16  # 9 today: 5 of float64, 4 of bool
    assert many[0].lent >= 32 * 15  # every block's temporaries came from the pool
    assert many[0].lent > 8 * many[0].made


def test_the_next_call_reuses_the_buffers_of_the_last():
    """A second blocked call in the same thread makes no buffer: the first call's are kept."""
    columns = _national(8)
    _, first = _blocked(lambda: _achievements(columns))
    _, second = _blocked(lambda: _achievements(columns), fresh=False)
    assert first[0].made > 0
    assert second[0].made == 0
    assert second[0].lent == first[0].lent


def test_the_buffers_kept_are_bounded(monkeypatch):
    """Past KEPT_BYTES, a thread keeps no more buffers between calls."""
    monkeypatch.setattr(_scratch, "KEPT_BYTES", ROWS * 8)  # one float64 block
    columns = _national(8)
    _blocked(lambda: _achievements(columns))
    _, second = _blocked(lambda: _achievements(columns), fresh=False)
    _, fresh = _blocked(lambda: _achievements(columns))
    assert second[0].made == fresh[0].made - 1


def test_a_blocked_absorption_reuses_its_buffers():
    """Rounded absorptions of 32 blocks: a handful of buffers, lent in every block."""
    rng = np.random.default_rng(4)
    pagu = rng.integers(10**8, 10**13, 32 * ROWS)
    spent = pagu - rng.integers(0, 10**8, 32 * ROWS)
    _, pools = _blocked(lambda: batch.absorptions(spent, pagu, places=2))
    assert len(pools) == 1
    assert pools[0].made <= 6
    assert pools[0].lent >= 32 * 4


def test_a_short_call_uses_no_pool():
    """Two blocks or fewer: computed at once, no pool made (nothing to reuse)."""
    r, t = np.full(2 * ROWS, 75.0), np.full(2 * ROWS, 60.0)
    result, pools = _blocked(lambda: batch.achievements(r, t))
    assert pools == []
    assert type(result) is np.ndarray


# --- the figures do not change -----------------------------------------------------------

@pytest.mark.parametrize("seed", [3, 11])
def test_blocked_figures_are_bit_identical_to_one_unblocked_run(seed):
    """National mix (ranges, caps, missing rows, both polarities): raw and capped, bit for bit."""
    columns = _national(24, seed)
    raw, capped = _achievements(columns)  # 24 × 512 rows: one block of the library's size
    (raw_b, capped_b), pools = _blocked(lambda: _achievements(columns))
    assert pools
    assert pools[0].lent > 0
    assert _same(raw, raw_b)
    assert _same(capped, capped_b)
    assert type(capped_b) is np.ma.MaskedArray
    assert np.ma.getmaskarray(capped_b).any()


@pytest.mark.parametrize("places", [None, 0, 2, 4])
def test_blocked_absorptions_are_bit_identical_to_one_unblocked_run(places):
    """Absorptions, unrounded and rounded, int64 and integral float columns: bit for bit."""
    rng = np.random.default_rng(5)
    pagu = rng.integers(1, 10**15, 20 * ROWS)
    spent = (pagu * rng.uniform(0, 1.05, pagu.size)).astype(np.int64)
    for column in (spent, spent.astype(np.float64) // 1000 * 1000):
        plain = batch.absorptions(column, pagu, places=places)
        blocked, pools = _blocked(lambda c=column: batch.absorptions(c, pagu, places=places))
        assert pools[0].lent > 0
        assert _same(plain, blocked)


def test_an_error_in_a_block_is_located_in_the_whole_column():
    """A negative value in the 7th block: the same error as unblocked, its position whole."""
    r = np.full(10 * ROWS, 50.0)
    r[6 * ROWS + 3] = -1.0
    with pytest.raises(kinerja.InvalidValueError, match=rf"at {6 * ROWS + 3}\b"):
        _blocked(lambda: batch.achievements(r, 60.0))


def test_threads_have_their_own_pools():
    """Four threads computing blocked achievements at once each get the unblocked figures."""
    columns = [_national(12, seed) for seed in (1, 2, 3, 4)]
    expected = [_achievements(c)[1] for c in columns]
    results = [None] * 4
    saved = _ops.BLOCK_ROWS
    _ops.BLOCK_ROWS = ROWS

    def work(i):
        for _ in range(3):
            results[i] = _achievements(columns[i])[1]

    try:
        threads = [threading.Thread(target=work, args=(i,)) for i in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        _ops.BLOCK_ROWS = saved
    assert all(_same(a, b) for a, b in zip(expected, results, strict=True))


# --- the pool itself ---------------------------------------------------------------------

def test_a_buffer_in_use_is_never_lent_again():
    """A temporary still referred to keeps its buffer; once dropped, the buffer is reused."""
    with scratch() as pool:
        r = adopt(np.arange(8.0))
        first = r * 2
        second = r * 3  # first is alive: a new buffer
        assert not np.shares_memory(first, second)
        assert first.tolist() == [2.0 * i for i in range(8)]
        kept = first[2:]  # a view keeps the buffer alive too
        del first
        third = r * 4
        assert not np.shares_memory(kept, third)
        del kept
        fourth = r * 5  # the first buffer is free again
        assert pool.made == 3
        assert fourth.tolist() == [5.0 * i for i in range(8)]
        assert second.tolist() == [3.0 * i for i in range(8)]


def test_multiple_outputs_get_distinct_buffers():
    """Divmod in a pool: its quotient and remainder are two buffers, both right."""
    with scratch():
        quotient, remainder = np.divmod(adopt(np.arange(10, 20)), 3)
        assert not np.shares_memory(quotient, remainder)
        assert quotient.tolist() == [i // 3 for i in range(10, 20)]
        assert remainder.tolist() == [i % 3 for i in range(10, 20)]


def test_outside_a_pool_scratch_arrays_behave_as_ndarrays():
    """No pool: adopt is the identity, and the pool's helpers are numpy's."""
    a = np.arange(4.0)
    assert adopt(a) is a
    assert _scratch.active() is None
    with scratch():
        b = adopt(a)
    assert (b * 2).tolist() == [0.0, 2.0, 4.0, 6.0]
    assert type(b * 2) is np.ndarray
    assert type(where(a > 1, a, 0.0)) is np.ndarray


def test_masked_arrays_keep_their_mask_in_a_pool():
    """A masked operand is numpy's business: the pool stays out, the mask stays."""
    with scratch():
        m = np.ma.MaskedArray([1.0, 2.0, 3.0], mask=[False, True, False])
        total = adopt(np.arange(3.0)) + m
        assert np.ma.getmaskarray(total).tolist() == [False, True, False]


@pytest.mark.parametrize("share", [0.0, 0.3, 0.5, 1.0])
@pytest.mark.parametrize("kinds", ["arrays", "scalar true", "scalar false", "mixed dtypes",
                                   "ints", "bools"])
def test_where_picks_bit_for_bit_what_numpy_picks(share, kinds):
    """NaN, -0.0 and infinities, scalars, other dtypes, any mix of True: numpy.where's bits."""
    rng = np.random.default_rng(9)
    condition = rng.random(1000) < share
    a = rng.normal(size=1000)
    b = rng.normal(size=1000)
    a[:4], b[:4] = [np.nan, -0.0, np.inf, -np.inf], [-0.0, np.nan, 1.0, -np.inf]
    args = {"arrays": (a, b), "scalar true": (100.0, b), "scalar false": (a, 1),
            "mixed dtypes": (a, b.astype(np.float32)),
            "ints": (np.arange(1000), np.arange(1000) * -7),
            "bools": (a > 0, b > 0)}[kinds]
    expected = np.where(condition, *args)
    with scratch():
        got = where(adopt(condition), *(adopt(x) if isinstance(x, np.ndarray) else x
                                        for x in args))
        assert got.dtype == expected.dtype
        assert got.tobytes() == expected.tobytes()


def test_without_reference_counts_no_pool_is_used_and_figures_stay(monkeypatch):
    """Where "free" cannot be told (no refcounts, free threading): no buffer lent, same bits."""
    columns = _national(8)
    expected = _achievements(columns)[1]
    _scratch._prepare()
    monkeypatch.setattr(_scratch, "_FREE", None)
    result, pools = _blocked(lambda: _achievements(columns))
    assert pools[0].lent == 0
    assert _same(expected, result[1])


def test_broadcasting_zero_d_and_mismatched_shapes_behave_as_numpy():
    """In a pool: a broadcast result is right, 0-d gives numpy's scalar, a mismatch its error."""
    with scratch():
        column = adopt(np.arange(3.0))
        table = column + adopt(np.arange(2.0).reshape(2, 1) * 10)
        assert table.tolist() == [[0.0, 1.0, 2.0], [10.0, 11.0, 12.0]]
        assert type(adopt(np.arange(3.0))[0] * 2) is np.float64
        with pytest.raises(ValueError, match="broadcast"):
            column + adopt(np.arange(4.0))
