"""Whether work grows linearly with its input, told apart from quadratic growth on a busy machine.

`timings(run, small, large)` times `run(small)` and `run(large)` in CPU
seconds, the best of a few tries each (one try can be slowed by the machine).
Linear work grows about as the size (`large / small`), quadratic work as its
square, so `linear_bound` puts the line halfway between the two on a log
scale: noise of a factor of about two passes, a quadratic cost fails by as
much again.
"""

from __future__ import annotations

import time
from collections.abc import Callable

FLOOR = 0.01  # CPU seconds: a shorter small run is counted as this long


def best_seconds(run: Callable[[], object], tries: int = 3) -> float:
    """The shortest CPU time of `tries` calls of `run`."""
    best = float("inf")
    for _ in range(tries):
        start = time.process_time()
        run()
        best = min(best, time.process_time() - start)
    return best


def timings(run: Callable[[int], object], small: int, large: int, tries: int = 3) -> tuple[float, float]:
    """Best CPU seconds of `run(small)` (at least FLOOR) and of `run(large)`, of `tries` each."""
    return max(best_seconds(lambda: run(small), tries), FLOOR), best_seconds(lambda: run(large), tries)


def linear_bound(small: int, large: int) -> float:
    """The growth above which work is taken for worse than linear: (large / small) ** 1.5."""
    return (large / small) ** 1.5
