"""Closed intervals of quantities with units, and the arithmetic the checker needs.

A claim rarely states an exact number: "more than 100,000" is [100000, inf), "50 to 100 times"
is [50, 100], "1.22 million" is whatever rounds to it. Working with intervals instead of points
lets relations ("a kilogram holds 500,000 lethal doses") and comparisons respect what the text
actually asserts. Units go through the shared pint registry, so "1 kg / 2 mg" comes out as the
plain number 500,000 and adding milligrams to grams converts first.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from factcheck._pint import pint
from factcheck.units import parse_unit, ureg

if TYPE_CHECKING:  # pragma: no cover - only for type hints
    from factcheck.model import Claim

INF = math.inf


def _mul(x: float, y: float) -> float:
    # 0 * inf is nan in IEEE arithmetic; for bounds it must be 0 (a zero width stays zero).
    if x == 0 or y == 0:
        return 0.0
    return x * y


@lru_cache(maxsize=1024)
def _combined(left: str, right: str, op: str) -> tuple[float, str]:
    """The unit of a product or quotient of two unit strings, simplified (cached: the checker
    multiplies the same units many times over)."""
    a, b = parse_unit(left), parse_unit(right)
    return _unit_factor(a * b if op == "*" else a / b)


@lru_cache(maxsize=1024)
def _conversion(source: str, target: str) -> float:
    """How many ``target`` one ``source`` is; DimensionalityError if they do not convert."""
    return float(ureg.Quantity(1.0, parse_unit(source)).to(parse_unit(target)).magnitude)


def _unit_factor(unit: pint.Unit) -> tuple[float, str]:
    """Simplify a product unit: "kilogram / milligram" is the number 1e6, "count" stays count."""
    quantity = ureg.Quantity(1.0, unit)
    if quantity.dimensionless:
        names = set(unit._units)
        # A bare count (or count-like unit) stays a count, so the result still reads as one.
        if len(names) == 1 and dict(unit._units)[next(iter(names))] == 1:
            return 1.0, str(unit)
        return float(quantity.to("dimensionless").magnitude), "dimensionless"
    reduced = quantity.to_reduced_units()
    return float(reduced.magnitude), str(reduced.units)


@dataclass(frozen=True)
class Interval:
    """The closed interval [low, high] in ``unit`` (a unit string pint parses; ``count`` for
    counts). Unbounded sides are ``-inf`` / ``inf``."""

    low: float
    high: float
    unit: str = "dimensionless"

    def __post_init__(self) -> None:
        if math.isnan(self.low) or math.isnan(self.high):
            raise ValueError("an interval bound cannot be NaN")
        if self.low > self.high:
            raise ValueError(f"empty interval [{self.low}, {self.high}]")

    # -- construction ---------------------------------------------------------------------

    @classmethod
    def point(cls, value: float, unit: str = "dimensionless") -> Interval:
        return cls(float(value), float(value), unit)

    @classmethod
    def unbounded(cls, unit: str = "dimensionless") -> Interval:
        return cls(-INF, INF, unit)

    @classmethod
    def from_claim(cls, claim: Claim) -> Interval:
        """What the claim asserts: its low/high (null = unbounded on that side), or its point
        value when it gives neither bound."""
        if claim.low is None and claim.high is None:
            if claim.value is None:
                return cls.unbounded(claim.unit)
            return cls.point(claim.value, claim.unit)
        low = -INF if claim.low is None else float(claim.low)
        high = INF if claim.high is None else float(claim.high)
        return cls(low, high, claim.unit)

    # -- queries --------------------------------------------------------------------------

    @property
    def is_point(self) -> bool:
        return self.low == self.high

    @property
    def midpoint(self) -> float:
        if math.isinf(self.low) or math.isinf(self.high):
            return self.high if math.isinf(self.low) else self.low
        return (self.low + self.high) / 2

    def to(self, unit: str) -> Interval:
        """The same interval expressed in another unit of the same dimension."""
        if unit == self.unit:
            return self
        try:
            factor = _conversion(self.unit, unit)
        except pint.errors.DimensionalityError as exc:
            raise ValueError(f"cannot convert {self.unit} to {unit}") from exc
        low, high = _mul(self.low, factor), _mul(self.high, factor)
        return Interval(min(low, high), max(low, high), unit)

    def contains(self, value: float) -> bool:
        return self.low <= value <= self.high

    def overlaps(self, other: Interval) -> bool:
        other = other.to(self.unit)
        return self.low <= other.high and other.low <= self.high

    def widen(self, absolute: float = 0.0, relative: float = 0.0) -> Interval:
        """Grow both sides by an absolute margin (in this unit) and a share of each bound."""
        low = self.low - absolute - abs(_mul(self.low, relative))
        high = self.high + absolute + abs(_mul(self.high, relative))
        return Interval(low, high, self.unit)

    # -- arithmetic -----------------------------------------------------------------------

    def __neg__(self) -> Interval:
        return Interval(-self.high, -self.low, self.unit)

    def __add__(self, other: Interval) -> Interval:
        other = other.to(self.unit)
        return Interval(self.low + other.low, self.high + other.high, self.unit)

    def __sub__(self, other: Interval) -> Interval:
        other = other.to(self.unit)
        return Interval(self.low - other.high, self.high - other.low, self.unit)

    def __mul__(self, other: Interval) -> Interval:
        factor, unit = _combined(self.unit, other.unit, "*")
        products = [_mul(a, b) for a in (self.low, self.high) for b in (other.low, other.high)]
        low, high = _mul(min(products), factor), _mul(max(products), factor)
        return Interval(low, high, unit)

    def __truediv__(self, other: Interval) -> Interval:
        factor, unit = _combined(self.unit, other.unit, "/")
        reciprocal = _reciprocal(other.low, other.high)
        if reciprocal is None:
            return Interval.unbounded(unit)
        products = [_mul(a, b) for a in (self.low, self.high) for b in reciprocal]
        low, high = _mul(min(products), factor), _mul(max(products), factor)
        return Interval(low, high, unit)

    def __str__(self) -> str:
        if self.is_point:
            return f"{self.low:g} {self.unit}"
        return f"[{self.low:g}, {self.high:g}] {self.unit}"


def _reciprocal(low: float, high: float) -> tuple[float, float] | None:
    """1 / [low, high]; None when the result is the whole line (zero strictly inside, or the
    interval is exactly zero). A zero bound makes that side unbounded."""
    if low < 0 < high or (low == 0 and high == 0):
        return None
    if low == 0:
        return (1 / high, INF)
    if high == 0:
        return (-INF, 1 / low)
    return (1 / high, 1 / low)
