"""Judging a stated figure against what the text's other figures imply, and the finding that
says so.

Both sides are intervals: the stated one after its qualifier and rounding, the implied one by
interval arithmetic over the other figures' intervals (so the rounding of every figure counts,
as statcheck counts it). They agree when they meet: no further tolerance is added, since any
figure the text's rounding allows is already in them. A gap of at most 1% of the computed
value is a near miss (a warning); beyond it, an error.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from ...interval import Interval
from ...model import Finding
from ..compare import AGREE, FAR, Comparison, separation
from ..compare import NEAR as NEAR_MISS
from ..evidence import fmt
from ..findings import claim_ref
from .figures import Figure

NEAR = 0.01  # a gap up to this share of the computed value is a warning, not an error
TOLERANCE_TEXT = (
    "the rounding of every figure and the qualifiers' intervals; a gap within 1% is a warning"
)
VERIFIED = "arithmetic-verified"


def verdict(stated: Interval, implied: Interval) -> Comparison:
    """AGREE when the intervals meet, NEAR when they miss by at most 1% of the computed value,
    else FAR (``allowed`` is that 1%)."""
    implied = implied.to(stated.unit) if implied.unit != stated.unit else implied
    gap, base = separation(stated.low, stated.high, implied.low, implied.high)
    scale = max(abs(implied.low), abs(implied.high)) if not gap else abs(base)
    if math.isinf(scale):
        scale = abs(stated.midpoint) if not math.isinf(stated.midpoint) else 0.0
    allowed = NEAR * scale
    difference = gap / scale if scale else None
    if gap <= 1e-9 * max(scale, 1.0):
        return Comparison(AGREE, 0.0, difference, allowed)
    return Comparison(NEAR_MISS if gap <= allowed else FAR, gap, difference, allowed)


@dataclass
class Check:
    """One piece of arithmetic: a stated interval against an implied one."""

    rule: str
    stated: Interval
    implied: Interval
    figures: list[Figure]  # the stated figure first (where the finding stands), then the others
    computation: str  # "1,000 / 800 = 1.25"
    message_wrong: str
    message_right: str
    comparison: Comparison | None = None
    # How the two intervals are worded in the reasoning (a factor as a percent change, ...).
    show: Callable[[float], str] | None = None
    show_gap: Callable[[float], str] | None = None

    def judge(self) -> Comparison:
        if self.comparison is None:
            self.comparison = verdict(self.stated, self.implied)
        return self.comparison

    @property
    def agrees(self) -> bool:
        return self.judge().verdict == AGREE


def judged(check: Check, expected: str, severity: str | None = None) -> Finding:
    """The finding for a check: verified (info) when it agrees, else the check's rule, an
    error when far off, a warning when near (or when ``severity`` says so)."""
    comparison = check.judge()
    agrees = comparison.verdict == AGREE
    if agrees:
        rule, level, message = VERIFIED, "info", check.message_right
    else:
        rule, message = check.rule, check.message_wrong
        level = severity or ("error" if comparison.verdict == FAR else "warning")
    return Finding(
        rule=rule,
        severity=level,
        message=message,
        claims=[claim_ref(f.claim) for f in check.figures],
        expected=expected,
        actual=check.figures[0].claim.surface,
        difference=_relative(check.stated, check.implied),
        tolerance=TOLERANCE_TEXT,
        explanation=explain(check),
    )


def explain(check: Check) -> list[str]:
    comparison = check.judge()
    gap = check.show_gap or fmt
    steps = [step for f in check.figures for step in f.steps()]
    steps.append(f"the text's figures give {check.computation}")
    steps.append(
        f"stated {describe(check.stated, check.show)} against computed "
        f"{describe(check.implied, check.show)}; "
        f"they {'meet' if not comparison.gap else f'miss by {gap(comparison.gap)}'}; "
        f"tolerance: {TOLERANCE_TEXT} (1% here is {gap(comparison.allowed)})"
    )
    return steps


def describe(interval: Interval, show: Callable[[float], str] | None = None) -> str:
    unit = {"percent": "%", "percentage_point": " points", "dimensionless": "", "count": ""}.get(
        interval.unit, f" {interval.unit}"
    )
    if show is not None:
        unit = ""
    show = show or fmt
    low, high = interval.low, interval.high
    if low == high:
        return f"{show(low)}{unit}"
    if math.isinf(high):
        return f"at least {show(low)}{unit}"
    if math.isinf(low):
        return f"at most {show(high)}{unit}"
    return f"{show(low)}{unit} to {show(high)}{unit}"


def _relative(stated: Interval, implied: Interval) -> float | None:
    """The stated midpoint against the computed one, signed (0.5 for half as much again)."""
    a, b = (
        stated.midpoint,
        implied.to(stated.unit).midpoint if stated.unit != implied.unit else (implied.midpoint),
    )
    if not b or math.isinf(a) or math.isinf(b):
        return None
    return (a - b) / abs(b)


def ratio(a: Figure, b: Figure) -> Interval | None:
    """a / b over both intervals, for figures that are not negative (None when b may be
    zero); "more than 19,000" of 42,000 is at least 19,000 / 42,500."""
    if b.low <= 0 or a.low < 0:
        return None
    low = 0.0 if math.isinf(b.high) else a.low / b.high
    return Interval(low, a.high / b.low)


def total(figures: list[Figure], unit: str) -> Interval:
    """The sum of figures' intervals, in ``unit``."""
    low = high = 0.0
    for f in figures:
        interval = Interval(f.low, f.high, f.unit).to(unit)
        low += interval.low
        high += interval.high
    return Interval(low, high, unit)


def amount(value: float, unit: str) -> str:
    """A computed figure in the unit of the figures it came from: "$5.4 million", "44%"."""
    base = unit.split("/")[0].strip()
    if base == "USD":
        return f"-${fmt(-value)}" if value < 0 else f"${fmt(value)}"
    if base == "percent":
        return f"{fmt(value)}%"
    return fmt(value)


def rounded(low: float, high: float, show=fmt, unit: str = "") -> str:
    """ " (1.18 to 1.32 with rounding)" after a computed value, or nothing when the figures
    were exact."""
    if low == high:
        return ""
    return f" ({show(low)}{unit} to {show(high)}{unit} with rounding)"


def pct(x: float) -> str:
    if math.isinf(x):
        return "unbounded"
    return f"{x:+.1%}"
