"""How a difference between two figures is said, the way an editor computes it: the claimed
figure against the one it is checked with, signed, and as a factor when it is large.

    relative_difference(100_000, 70_601) -> 0.416
    difference_words(0.416)  -> "41.6% above"      difference_short(0.416)  -> "+41.6%"
    difference_words(39.0)   -> "40 times"         difference_short(39.0)   -> "40 times"
    difference_words(-0.625) -> "62.5% below"      difference_short(-0.625) -> "-62.5%"
    difference_words(-0.975) -> "1/40 of"          difference_short(-0.975) -> "1/40"

The interval arithmetic behind a verdict (rounding, qualifiers, the tolerance, the gap) is
another matter, kept in a finding's explanation for --explain.
"""

from __future__ import annotations

import math

# From this ratio on, a difference reads better as a factor than a percentage: "40 times", not
# "+3,900%". Below the reference a percentage never passes 100%, and it reads well until the
# figure is a small part of the reference: "62.5% below", not "1/2.67 of"; "1/40 of", not
# "97.5% below".
FACTOR_FROM = 2.0
FRACTION_FROM = 0.1


def relative_difference(stated: float | None, expected: float | None) -> float | None:
    """(stated - expected) / |expected|, or None when it is not defined."""
    if stated is None or expected is None or not expected:
        return None
    if not (math.isfinite(stated) and math.isfinite(expected)):
        return None
    return (stated - expected) / abs(expected)


def _factor(relative: float) -> str | None:
    ratio = 1 + relative
    if ratio >= FACTOR_FROM:
        return f"{_number(ratio)} times"
    if 0 < ratio <= FRACTION_FROM:
        return f"1/{_number(1 / ratio)}"
    return None


def _number(factor: float) -> str:
    """Three significant digits, written out: 2.38, 40, 1,600 (never 1.6e+03)."""
    digits = max(0, 2 - math.floor(math.log10(factor)))
    text = f"{factor:,.{digits}f}"
    return text.rstrip("0").rstrip(".") if digits else text


def difference_words(relative: float | None) -> str:
    """The difference inside a sentence: "“X” is <this> the reference ..."."""
    if relative is None:
        return "different from"
    factor = _factor(relative)
    if factor is not None:
        return factor if factor.endswith("times") else f"{factor} of"
    if relative == 0:
        return "equal to"
    return f"{abs(relative):.1%} {'above' if relative > 0 else 'below'}"


def difference_short(relative: float | None) -> str | None:
    """The difference in a table cell: "+41.6%", "-29.9%", "40 times", "1/40"."""
    if relative is None:
        return None
    return _factor(relative) or f"{relative:+.1%}"
