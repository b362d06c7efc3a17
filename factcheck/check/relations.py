"""The catalog's relations between measures, evaluated with units and interval arithmetic.

For each relation, every measure it uses takes its values from the claims matched to it
(across all documents) or, when no claim speaks of it, from the reference rows that hold for
any period. Each combination that involves at least one claim is evaluated; a relation that
cannot hold for any values the texts allow is a relation-mismatch. The number of combinations
is capped, so a corpus with many claims of one measure cannot blow up the check.
"""

from __future__ import annotations

import itertools
import re
from collections import defaultdict

from ..catalog import Catalog, Relation
from ..model import Claim, Finding
from ..references import ReferenceSet
from ..relations import evaluate, holds
from .against_references import reference_interval
from .compare import AGREE, FAR, compare, factor_between
from .evidence import claim_evidence, describe_interval
from .findings import claim_ref, in_text, where

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
        (claim_evidence(c).interval, c, f"“{c.surface}” ({where(c)})")
        for c in by_measure.get(measure_id, [])
    ]


def _timeless(measure_id: str, catalog: Catalog, references: ReferenceSet) -> bool:
    """A measure whose reference figures hold for any period (a lethal dose, a price)."""
    measure = catalog.get(measure_id)
    ref_id = (measure.reference or measure.id) if measure else measure_id
    return all(ref.period is None for ref in references.series(ref_id))


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
    """The relation over the claims of each document, completed from another document that
    speaks of the measures it lacks, or from the reference data.

    Values are taken together from as few documents as possible: a document's own figures
    first, so that a finding names the two drafts that disagree rather than every mixture.
    """
    measures = sorted(relation.measures)
    by_doc: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for m in measures:
        for option in _claim_options(m, by_measure):
            by_doc[option[1].doc][m].append(option)
    findings = []
    seen: set[frozenset[str]] = set()
    for doc, own in by_doc.items():
        missing = [m for m in measures if m not in own]
        fillers: list[dict[str, list]] = [{}]
        if missing:
            fillers += [
                {m: theirs[m] for m in missing}
                for other, theirs in by_doc.items()
                if other != doc and all(m in theirs for m in missing)
            ]
        for filler in fillers:
            pools = {**own, **filler}
            present = [m for m in measures if m in pools]
            combos = itertools.product(*(pools[m] for m in present))
            for combo in itertools.islice(combos, MAX_COMBINATIONS):
                key = frozenset(option[1].id for option in combo)
                if key in seen:
                    continue
                seen.add(key)
                finding = _check_combination(
                    relation, measures, dict(zip(present, combo, strict=True)), catalog, references
                )
                if finding is not None:
                    findings.append(finding)
    return findings


def _check_combination(
    relation, measures, chosen: dict, catalog: Catalog, references: ReferenceSet
):
    """One combination of claims: same period, the rest from references, then evaluated."""
    periods = {option[1].period for option in chosen.values()}
    if len(periods) > 1:
        return None  # figures of different years say nothing about each other
    period = next(iter(periods))
    if period is None and not all(_timeless(m, catalog, references) for m in measures):
        return None  # yearly figures with no year named cannot be set against each other
    for m in measures:
        if m not in chosen:
            option = _reference_option(m, period, catalog, references)
            if option is None:
                return None
            chosen[m] = option
    return _evaluate(relation, measures, chosen, catalog)


def _side_text(side: str, chosen: dict, catalog: Catalog) -> str:
    """One side of a relation in words: each measure replaced by the value used for it, so
    "street_value / pills" reads "“$20 million” (a.md:3) / “one million” (a.md:3)"."""
    measure = catalog.get(side)
    if measure is not None and side in chosen:
        return f"the {in_text(measure.label)}, {chosen[side][2]},"
    return _MEASURE_ID_RE.sub(
        lambda m: chosen[m.group(0)][2] if m.group(0) in chosen else m.group(0), side
    )


_MEASURE_ID_RE = re.compile(r"[A-Za-z_][\w-]*(?:\.[A-Za-z_][\w-]*)+")


def _evaluate(
    relation: Relation, measures: list[str], chosen: dict, catalog: Catalog
) -> Finding | None:
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
    left, right = (side.strip() for side in relation.expr.split(relation.parsed.op, 1))
    return Finding(
        rule="relation-mismatch",
        severity="error" if comparison.verdict == FAR else "warning",
        message=(
            f"{_side_text(left, chosen, catalog)} is {describe_interval(lhs)}, but "
            f"{_side_text(right, chosen, catalog)} gives {describe_interval(rhs)}{by} "
            f"(relation {relation.id})"
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
