"""Stated changes against the figures for both periods: "a 27 percent decline from the prior
year", "tripled from 2016 to 2020".

The change is turned into the value it implies for the later period (the earlier figure times
one plus the change) and that is compared with the later figure under the measure's
tolerance, so a change is held to the same standard as a level. Figures are paired within one
family of status (final with final, provisional with provisional): a change computed across
vintages is not what anyone published.
"""

from __future__ import annotations

import math

from ..catalog import Catalog
from ..interval import Interval
from ..model import Claim, Finding
from ..references import Reference, ReferenceSet
from ..wording import relative_difference
from .against_references import place_of, reference_interval
from .compare import AGREE, compare
from .evidence import fmt, rounding_margin
from .findings import claim_ref, quote, reference_ref, severity_for, shared
from .subjects import Subjects, index_claims


def change_interval(claim: Claim) -> Interval | None:
    """The relative change a change claim asserts, as an interval (-0.27 for "27% decline")."""
    if claim.factor is not None and claim.low is not None:
        low = claim.low - 1
        high = (claim.high - 1) if claim.high is not None else math.inf
        return Interval(low, high)
    if claim.change is None or claim.value in (None, 0) or claim.unit != "percent":
        return None
    sign = 1 if claim.change > 0 else -1
    margin = rounding_margin(claim)
    low = (claim.low if claim.low is not None else claim.value) - margin
    high = (claim.high if claim.high is not None else math.inf) + margin
    bounds = sorted((sign * low / 100, sign * high / 100))
    return Interval(bounds[0], bounds[1])


def _status_family(ref: Reference) -> str:
    return "provisional" if ref.status.startswith("provisional") else "final"


def check_changes(
    claims: list[Claim],
    catalog: Catalog,
    references: ReferenceSet,
    subjects: Subjects | None = None,
) -> list[Finding]:
    """Every stated change of a measure against the reference figures at both ends
    (``subjects``: the claims already grouped, see check.subjects)."""
    if subjects is None:
        subjects = index_claims(claims, catalog)
    findings = []
    for claim in subjects.changes:
        if not (claim.from_period and claim.to_period):
            continue
        measure = catalog.get(claim.measure)
        claimed = change_interval(claim)
        if measure is None or claimed is None:
            continue
        place = place_of(claim, catalog)
        ref_id = measure.reference or measure.id
        # Only figures of those very periods: a constant that holds for any period cannot
        # have changed.
        starts = [r for r in references.lookup(ref_id, place, claim.from_period) if r.period]
        ends = [r for r in references.lookup(ref_id, place, claim.to_period) if r.period]
        pairs = [(a, b) for a in starts for b in ends if _status_family(a) == _status_family(b)]
        if not pairs:
            continue
        results = []
        for start, end in pairs:
            implied = Interval(
                start.value * (1 + claimed.low), start.value * (1 + claimed.high), end.unit
            )
            results.append(
                (start, end, implied, compare(implied, reference_interval(end), measure.tolerance))
            )
        # The closest fit is the one to report (the tolerance may admit several).
        agreeing = sorted((r for r in results if r[3].verdict == AGREE), key=lambda r: r[3].gap)
        start, end, implied, comparison = agreeing[0] if agreeing else results[0]
        actual_change = (end.value - start.value) / start.value
        explanation = [
            f"the text asserts a change of {_pct(claimed.low)} to {_pct(claimed.high)} "
            f"from {claim.from_period} to {claim.to_period}",
            f"{claim.from_period}: {fmt(start.value)} ({start.status}, {start.location})",
            f"{claim.to_period}: {fmt(end.value)} ({end.status}, {end.location})",
            f"the figures give {_pct(actual_change)}; the claim implies {fmt(implied.low)} to "
            f"{fmt(implied.high)} for {claim.to_period}",
            f"tolerance {measure.tolerance} of the {claim.to_period} figure",
        ]
        common = {
            "claims": [claim_ref(claim)],
            "reference": reference_ref(end),
            "expected": f"{_pct(actual_change)} ({fmt(start.value)} → {fmt(end.value)}, {end.status})",
            "actual": claim.surface,
            "difference": relative_difference(implied.midpoint, end.value),
            "tolerance": shared(str(measure.tolerance)),
            "measure": measure.id,
            "explanation": explanation,
        }
        if agreeing:
            findings.append(Finding(rule="verified", severity="info",
                                    message=f"{quote(claim)} agrees with {_pct(actual_change)} "
                                    f"({claim.from_period} to {claim.to_period}, {end.status})",
                                    **common))  # fmt: skip
            continue
        findings.append(
            Finding(
                rule="change-mismatch",
                severity=severity_for(comparison.verdict, [end for _, end, _, _ in results]),
                message=(
                    f"{quote(claim)} from {claim.from_period} to {claim.to_period} does not fit "
                    f"the figures, which change by {_pct(actual_change)} "
                    f"({fmt(start.value)} → {fmt(end.value)}, {end.status})"
                ),
                **common,
            )
        )
    return findings


def _pct(change: float) -> str:
    if math.isinf(change):
        return "unbounded"
    return f"{change:+.1%}"
