"""What every benchmark script times with: the best of several runs (never a test)."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any


def best(function: Callable[[], Any], repeat: int) -> float:
    """The shortest of *repeat* timings of *function*, in seconds (time.perf_counter)."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return min(times)
