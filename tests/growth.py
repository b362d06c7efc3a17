"""Linear time asserted as a growth ratio, never as a wall-clock limit.

A shared, loaded machine slows every run alike, so an absolute limit ("under 5 seconds")
fails there while the code is fine. What matters is how the time grows: ``growth`` times the
same work on an input ``FACTOR`` times larger, in CPU time of this process (other processes
do not count), best of two; linear time gives about ``FACTOR``, quadratic ``FACTOR`` squared.
Tests assert the ratio is under ``LIMIT``. Timings below ``FLOOR`` are timer noise and count
as ``FLOOR``.

``cut_off`` stops a runaway (a quadratic case takes minutes) after a generous amount of CPU
time rather than hang the suite; it is a guard, not the measure.
"""

from __future__ import annotations

import contextlib
import signal
import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest

FACTOR = 4
LIMIT = 10.0  # linear time gives about 4, quadratic 16: room for a loaded machine's noise
FLOOR = 0.005  # seconds of CPU time below which a timing is noise
GUARD = 120.0  # seconds of CPU time after which a case is cut off


def cpu_seconds(work: Callable[[], Any], repeat: int = 2) -> float:
    """The least CPU time of ``repeat`` runs of ``work``."""
    best = float("inf")
    for _ in range(repeat):
        t0 = time.process_time()
        work()
        best = min(best, time.process_time() - t0)
    return best


def growth(make: Callable[[int], Any], work: Callable[[Any], Any], n: int) -> float:
    """How many times longer ``work`` takes on ``make(FACTOR * n)`` than on ``make(n)``."""
    small, large = make(n), make(FACTOR * n)
    with cut_off():
        t_small = cpu_seconds(lambda: work(small))
        t_large = cpu_seconds(lambda: work(large))
    return max(t_large, FLOOR) / max(t_small, FLOOR)


class _Runaway(Exception):
    pass


@contextlib.contextmanager
def cut_off(seconds: float = GUARD) -> Iterator[None]:
    """Fail the test once the block has used ``seconds`` of CPU time (SIGPROF, where there
    is one)."""
    if not hasattr(signal, "setitimer"):  # no SIGPROF (Windows): no guard
        yield
        return

    def on_signal(signum, frame):
        raise _Runaway

    previous = signal.signal(signal.SIGPROF, on_signal)
    signal.setitimer(signal.ITIMER_PROF, seconds)
    try:
        yield
    except _Runaway:
        pytest.fail(f"still running after {seconds:.0f} s of CPU time (cut off)")
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, previous)
