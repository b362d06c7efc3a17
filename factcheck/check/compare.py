"""Comparing two intervals under a tolerance: the verdict and the relative difference."""

from __future__ import annotations

import math
from dataclasses import dataclass

from ..catalog import Tolerance
from ..interval import Interval

# Verdicts, from agreeing to contradicting. "near" is a difference larger than the tolerance
# but within twice it: worth a warning, not an error.
AGREE, NEAR, FAR = "agree", "near", "far"


@dataclass(frozen=True)
class Comparison:
    verdict: str
    gap: float  # distance between the intervals, in their unit (0 when they overlap)
    difference: float | None  # relative: the gap over the size of the reference side
    allowed: float  # the tolerance, in the same unit as gap


def compare(claimed: Interval, expected: Interval, tolerance: Tolerance) -> Comparison:
    """Whether ``claimed`` is consistent with ``expected`` (both in the same unit).

    The gap is the distance between the two intervals (0 when they overlap). It is compared
    with the tolerance taken on the expected side: a relative tolerance is a share of the
    expected value's nearest finite bound, an absolute one is used as it is.
    """
    claimed = claimed.to(expected.unit)
    gap, base = separation(claimed.low, claimed.high, expected.low, expected.high)
    if not gap:
        base = expected.midpoint
    if math.isinf(base):
        base = claimed.midpoint
    allowed = tolerance.margin(base, expected.unit) if not math.isinf(base) else 0.0
    difference = gap / abs(base) if base and not math.isinf(base) else None
    if gap <= allowed:
        verdict = AGREE
    elif gap <= 2 * allowed:
        verdict = NEAR
    else:
        verdict = FAR
    return Comparison(verdict, gap, difference, allowed)


def separation(low: float, high: float, e_low: float, e_high: float) -> tuple[float, float]:
    """(gap, base) between a claimed [low, high] and an expected [e_low, e_high] in one unit:
    the distance between them and the expected bound it is measured from; (0.0, nan) when
    they meet. Plain floats, so that a million same-unit claims are compared without objects."""
    if low > e_high:
        return low - e_high, e_high
    if e_low > high:
        return e_low - high, e_low
    return 0.0, math.nan


def agrees(
    low: float, high: float, e_low: float, e_high: float, unit: str, tolerance: Tolerance
) -> bool:
    """Whether ``compare`` would say AGREE for these bounds, both in ``unit``."""
    gap, base = separation(low, high, e_low, e_high)
    return not gap or gap <= tolerance.margin(base, unit)


def factor_between(a: Interval, b: Interval) -> float | None:
    """How many times larger the larger midpoint is than the smaller (None if undefined)."""
    x, y = a.midpoint, b.to(a.unit).midpoint
    if not x or not y or math.isinf(x) or math.isinf(y) or (x < 0) != (y < 0):
        return None
    return max(x, y) / min(x, y)
