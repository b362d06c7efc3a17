"""What a claim asserts, as an interval in a chosen unit, with the steps that got it there.

The tolerance model (README, "How tolerant the checks are") is applied here in three steps:

1. rounding: a number stands for every value that rounds to it, as in statcheck: "79,000"
   is [78,500, 79,500], "1.22 million" is [1,215,000, 1,225,000]. A round number such as
   "100,000" is taken to carry two significant digits (±5,000), not one (±50,000): the
   extractor sets the resolution so;
2. the qualifier's interval, from extraction: "more than 100,000" is [100,000, inf);
3. normalization to the unit it is compared in: pint conversion (mg and micrograms, a day
   and a year), and money moved to another year's dollars through the CPI-U.

The measure's tolerance is applied by ``compare``, when two intervals meet.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from ..interval import INF, Interval
from ..model import Claim
from ..references import ReferenceSet

CPI_MEASURE = "us.cpi_u.annual_average"


@dataclass
class Evidence:
    """A claim's interval in some unit, and how it was derived (for --explain).

    The steps are recorded as plain data and worded only when a finding asks for them: a
    million verified claims need their intervals, not a million explanations.
    """

    claim: Claim
    interval: Interval
    stated: Interval  # what the text asserts, before rounding
    margin: float = 0.0  # the rounding margin added to each bounded side
    conversions: list[tuple] = field(default_factory=list)  # (kind, detail, interval) records

    @property
    def steps(self) -> list[str]:
        steps = [f"the text asserts {describe_interval(self.stated)} ({self.claim.qualifier})"]
        if self.margin:
            rounded = _rounded(self.stated, self.margin)
            steps.append(
                f"any value that rounds to it: {describe_interval(rounded)} (± {fmt(self.margin)})"
            )
        for kind, detail, interval in self.conversions:
            if kind == "cpi":
                from_year, to_year, factor = detail
                steps.append(f"{from_year} dollars to {to_year} dollars by CPI-U (x {factor:.4f}): "
                             f"{describe_interval(interval)}")  # fmt: skip
            elif kind == "annual":
                source, _target = detail
                steps.append(f"a rate in {source} over a whole year: {describe_interval(interval)}")
            else:
                source, target = detail
                steps.append(f"converted {source} to {target}: {describe_interval(interval)}")
        return steps


# Figures rounding does not widen (rounding_margin): a figure stated as approximate already
# says how loose it is, and a count of a few things is exact.
_UNROUNDED_QUALIFIERS = frozenset(("about", "vague"))
_UNROUNDED_SMALL_KINDS = frozenset(("count", "rank", "age"))


def rounding_margin(claim: Claim) -> float:
    """Half the place value of the last digit written (0 when rounding does not apply)."""
    if claim.qualifier in _UNROUNDED_QUALIFIERS or claim.resolution is None or claim.value is None:
        return 0.0
    resolution = claim.resolution
    if claim.kind in _UNROUNDED_SMALL_KINDS and resolution <= 1:
        return 0.0  # "eight cartels" is eight: counts of a few things are not rounded
    return resolution / 2


def _rounded(interval: Interval, margin: float) -> Interval:
    """An open side stays open; a bounded side widens by half the last digit written."""
    low = interval.low if math.isinf(interval.low) else interval.low - margin
    high = interval.high if math.isinf(interval.high) else interval.high + margin
    return Interval(low, high, interval.unit)


def claim_evidence(claim: Claim) -> Evidence:
    """The claim's own interval, after its qualifier and rounding, in its own unit."""
    stated = Interval.from_claim(claim)
    margin = rounding_margin(claim)
    interval = Interval(*claim_bounds(claim), claim.unit) if margin else stated
    return Evidence(claim, interval, stated, margin)


def claim_bounds(claim: Claim) -> tuple[float, float]:
    """The (low, high) of claim_evidence(claim).interval, without building any object: the
    checks ask this of a million claims to find the few that disagree."""
    if claim.low is None and claim.high is None:
        if claim.value is None:
            return -math.inf, math.inf
        low = high = float(claim.value)
    else:
        low = -math.inf if claim.low is None else float(claim.low)
        high = math.inf if claim.high is None else float(claim.high)
    margin = rounding_margin(claim)
    return low - margin, high + margin  # infinite bounds stay infinite


def normalized(
    evidence: Evidence,
    unit: str,
    period_year: int | None = None,
    references: ReferenceSet | None = None,
) -> Evidence:
    """The evidence converted to ``unit`` (and, for money stated in another year's dollars,
    to the dollars of ``period_year``). Raises ValueError when the units do not convert."""
    interval, conversions = evidence.interval, list(evidence.conversions)
    claim = evidence.claim
    if (
        claim.currency_year
        and period_year
        and claim.currency_year != period_year
        and references is not None
    ):
        factor = cpi_factor(references, claim.currency_year, period_year)
        if factor is not None:
            interval = Interval(interval.low * factor, interval.high * factor, interval.unit)
            conversions.append(("cpi", (claim.currency_year, period_year, factor), interval))
    if interval.unit != unit:
        converted, kind = convert(interval, unit)
        conversions.append((kind, (interval.unit, unit), converted))
        interval = converted
    if interval is evidence.interval:
        return evidence
    return Evidence(claim, interval, evidence.stated, evidence.margin, conversions)


def stated_value(evidence: Evidence) -> float | None:
    """The figure the text writes (its value: "more than 100,000" is 100,000; a range its
    midpoint), through the same conversions as the evidence's interval: what an editor
    compares with the reference, before any rounding or qualifier widens it."""
    value = evidence.claim.value
    if value is None:
        return None
    unit = evidence.stated.unit
    for kind, detail, _interval in evidence.conversions:
        if kind == "cpi":
            value *= detail[2]
        elif kind == "annual":  # a rate brought to a year's total, as normalized() does
            value = Interval(value, value, unit).to(f"({detail[1]}) / year").low
            unit = detail[1]
        else:
            value = convert(Interval(value, value, unit), detail[1])[0].low
            unit = detail[1]
    return float(value)


def convert(interval: Interval, unit: str) -> tuple[Interval, str]:
    """The interval in ``unit``, and how it got there: "unit" (pint), or "annual" for a rate
    of a yearly count ("300 a day": the match stage attributes a rate only to a measure
    counted per year, so the rate is brought to a year's total). ValueError otherwise."""
    try:
        return interval.to(unit), "unit"
    except ValueError:
        per_year = interval.to(f"({unit}) / year")
        return Interval(per_year.low, per_year.high, unit), "annual"


def cpi_factor(references: ReferenceSet, from_year: int, to_year: int) -> float | None:
    """How many ``to_year`` dollars one ``from_year`` dollar is worth (CPI-U annual averages)."""
    start = references.lookup(CPI_MEASURE, "US", str(from_year))
    end = references.lookup(CPI_MEASURE, "US", str(to_year))
    if not start or not end:
        return None
    return end[0].value / start[0].value


def fmt(value: float) -> str:
    """A number as an editor writes it: 70,601; 1.22 million; 0.5; 27."""
    if math.isinf(value):
        return "∞" if value > 0 else "-∞"
    magnitude = abs(value)
    for size, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if magnitude >= size:
            return (
                f"{value / size:,.3g} {word}"
                if value % (size / 100)
                else f"{value / size:,g} {word}"
            )
    if float(value).is_integer():
        return f"{int(value):,}"
    if magnitude >= 100:
        return f"{value:,.0f}"
    return f"{value:.3g}"


def describe_interval(interval: Interval) -> str:
    unit = "" if interval.unit in ("count", "dimensionless") else f" {interval.unit}"
    if interval.low == interval.high:
        return f"{fmt(interval.low)}{unit}"
    if interval.high == INF:
        return f"at least {fmt(interval.low)}{unit}"
    if interval.low == -INF:
        return f"at most {fmt(interval.high)}{unit}"
    return f"{fmt(interval.low)} to {fmt(interval.high)}{unit}"
