"""The catalog's relations between measures, evaluated with units and interval arithmetic.

For each relation, every measure it uses takes its values from the claims matched to it
(across all documents) or, when no claim speaks of it, from the reference rows that hold for
any period. Each combination that involves at least one claim is evaluated; a relation that
cannot hold for any values the texts allow is a relation-mismatch. The number of combinations
is capped, so a corpus with many claims of one measure cannot blow up the check.
"""

from __future__ import annotations

import itertools
from collections import defaultdict

from ..catalog import Catalog, Relation
from ..model import Claim, Finding
from ..references import ReferenceSet
from ..relations import evaluate, holds
from .against_references import reference_interval
from .compare import AGREE, FAR, compare, factor_between
from .evidence import claim_evidence, describe_interval
from .findings import claim_ref, where

MAX_COMBINATIONS = 64


def check_relations(
    claims: list[Claim], catalog: Catalog, references: ReferenceSet
) -> list[Finding]:
    by_measure: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        if claim.measure and claim.kind != "change":
            by_measure[claim.measure].append(claim)
    findings = []
    for relation in catalog.relations:
        findings.extend(_check_relation(relation, by_measure, catalog, references))
    return findings


def _claim_options(measure_id: str, by_measure) -> list:
    return [
        (claim_evidence(c).interval, c, f"{c.surface} ({where(c)})")
        for c in by_measure.get(measure_id, [])
    ]


def _reference_option(
    measure_id: str, period: str | None, catalog: Catalog, references: ReferenceSet
):
    """The best reference value of a measure for a period (or one that holds for any)."""
    measure = catalog.get(measure_id)
    ref_id = (measure.reference or measure.id) if measure else measure_id
    place = measure.place if measure else None
    for ref in references.lookup(ref_id, place, period):
        return (
            reference_interval(ref),
            None,
            f"reference {ref.value:g} {ref.unit} ({ref.period or 'any period'}, {ref.status})",
        )
    return None


def _check_relation(relation: Relation, by_measure, catalog: Catalog, references: ReferenceSet):
    """Every combination of claims of one period, the other measures filled from references."""
    measures = sorted(relation.measures)
    with_claims = [m for m in measures if by_measure.get(m)]
    if not with_claims:
        return []
    findings = []
    claim_combos = itertools.product(*(_claim_options(m, by_measure) for m in with_claims))
    for claim_combo in itertools.islice(claim_combos, MAX_COMBINATIONS):
        periods = {c.period for _, c, _ in claim_combo}
        if len(periods) > 1:
            continue  # figures of different years say nothing about each other
        period = next(iter(periods))
        chosen = dict(zip(with_claims, claim_combo, strict=True))
        for m in measures:
            if m not in chosen:
                option = _reference_option(m, period, catalog, references)
                if option is None:
                    break
                chosen[m] = option
        else:
            finding = _evaluate(relation, measures, chosen)
            if finding is not None:
                findings.append(finding)
    return findings


def _evaluate(relation: Relation, measures: list[str], chosen: dict) -> Finding | None:
    """The finding for one combination of values, or None when the relation holds."""
    combo = [chosen[m] for m in measures]
    values = {m: interval for m, (interval, _, _) in zip(measures, combo, strict=True)}
    try:
        lhs, rhs = evaluate(relation.parsed, values)
        rhs = rhs.to(lhs.unit)
        comparison = compare(lhs, rhs, relation.tolerance)
    except (ValueError, KeyError):
        return None
    if comparison.verdict == AGREE:
        return None
    # An inequality holds when some values on each side satisfy it; only an equation needs
    # the two sides to meet.
    if relation.parsed.op != "==" and holds(relation.parsed, lhs, rhs):
        return None
    factor = factor_between(lhs, rhs)
    by = f"; they differ by a factor of {factor:,.3g}" if factor else ""
    used = "; ".join(f"{m} = {label}" for m, (_, _, label) in zip(measures, combo, strict=True))
    left = relation.expr.split(relation.parsed.op)[0].strip()
    return Finding(
        rule="relation-mismatch",
        severity="error" if comparison.verdict == FAR else "warning",
        message=(
            f"relation {relation.id} does not hold: {left} is {describe_interval(lhs)} "
            f"but the other side gives {describe_interval(rhs)}{by}"
        ),
        claims=[claim_ref(c) for _, c, _ in combo if c is not None],
        expected=describe_interval(rhs),
        actual=describe_interval(lhs),
        difference=comparison.difference,
        tolerance=str(relation.tolerance),
        explanation=[
            f"relation: {relation.expr}",
            f"values used: {used}",
            f"left side {describe_interval(lhs)}, right side {describe_interval(rhs)}",
        ],
    )
