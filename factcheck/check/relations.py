"""The catalog's relations between measures, evaluated with units and interval arithmetic.

Claims are first grouped by period (figures of different years say nothing about each other),
then, within each measure, into clusters of claims that agree with one another: ten drafts
that all say "$20 million" are one value, not ten. The relation is evaluated once per
combination of clusters, with the measures no claim speaks of taken from the reference data;
a combination for which the relation cannot hold is a relation-mismatch. Disagreements inside
a cluster's measure are the claim-against-claim check's business, so this costs O(n log n)
in the number of claims, however many documents repeat a figure.

A finding names one claim per measure, taken from as few documents as possible (a document's
own figures together), and lists the other claims of the same clusters after them.
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter
from dataclasses import dataclass, field

from ..catalog import Catalog, Relation
from ..interval import Interval
from ..model import Claim, Finding
from ..references import ReferenceSet
from ..relations import evaluate, holds
from ..wording import relative_difference
from .against_references import reference_interval
from .compare import AGREE, FAR, agrees, compare, factor_between
from .evidence import claim_bounds, claim_evidence, describe_interval
from .findings import claim_ref, in_text, where
from .subjects import Subjects, index_claims

MAX_COMBINATIONS = 64  # cluster combinations evaluated per relation and period
MAX_LISTED = 8  # further claims of a cluster named in a finding


@dataclass
class _Value:
    """One value a measure takes in a combination: a cluster of agreeing claims, or a
    reference figure."""

    interval: Interval
    label: str
    claims: list[Claim] = field(default_factory=list)  # by document, line and column
    # Each document of its claims, with the first of them there (in the claims' order).
    first_in: dict[str, Claim] = field(init=False)

    def __post_init__(self) -> None:
        self.first_in = {}
        for claim in self.claims:
            self.first_in.setdefault(claim.doc, claim)


def check_relations(
    claims: list[Claim],
    catalog: Catalog,
    references: ReferenceSet,
    subjects: Subjects | None = None,
) -> list[Finding]:
    """Every relation of the catalog, per period (``subjects``: the claims already grouped,
    see check.subjects)."""
    if subjects is None:
        subjects = index_claims(claims, catalog)
    wanted = {m for relation in catalog.relations for m in relation.measures}
    by_period: dict[str | None, dict[str, list[Claim]]] = subjects.by_period_and_measure(wanted)
    findings = []
    clusters: dict[tuple, list[_Value]] = {}  # by (measure, period): a measure may be in many
    for relation in catalog.relations:
        for period, by_measure in by_period.items():
            findings.extend(_check(relation, period, by_measure, catalog, references, clusters))
    return findings


def _check(
    relation: Relation,
    period,
    by_measure,
    catalog: Catalog,
    references: ReferenceSet,
    clusters: dict[tuple, list[_Value]],
):
    measures = sorted(relation.measures)
    if not any(by_measure.get(m) for m in measures):
        return []
    if period is None and not all(_timeless(m, catalog, references) for m in measures):
        return []  # yearly figures with no year named cannot be set against each other
    options: list[list[_Value]] = []
    for m in measures:
        if by_measure.get(m):
            if (m, period) not in clusters:
                clusters[(m, period)] = _clusters(by_measure[m], catalog)
            options.append(clusters[(m, period)])
        else:
            reference = _reference_value(m, period, catalog, references)
            if reference is None:
                return []
            options.append([reference])
    findings = []
    for combo in itertools.islice(itertools.product(*options), MAX_COMBINATIONS):
        chosen = dict(zip(measures, combo, strict=True))
        finding = _evaluate(relation, measures, chosen, catalog)
        if finding is not None:
            # Its words (2 KB, most of a relation finding) made again when a report reads them.
            findings.append(finding.word_later(_evaluate, relation, measures, chosen, catalog))
    return findings


def _clusters(claims: list[Claim], catalog: Catalog) -> list[_Value]:
    """Claims of one measure and period, grouped into runs that agree with their first member.

    Sorted by value, one pass: a claim that does not agree with the current cluster's first
    claim (under the measure's tolerance) starts the next cluster.
    """
    tolerance = catalog.tolerance_for(claims[0].measure)
    # Each claim's bounds as floats (evidence.claim_bounds, what claim_evidence's interval
    # holds), sorted by the interval's midpoint; Interval objects only for the clusters' heads.
    ordered = sorted(((claim_bounds(c), c) for c in claims), key=lambda pair: _midpoint(*pair[0]))
    clusters: list[list[Claim]] = []
    heads: list[Interval] = []
    for (low, high), claim in ordered:
        if clusters:
            head = heads[-1]
            if claim.unit == head.unit:
                if agrees(low, high, head.low, head.high, head.unit, tolerance):
                    clusters[-1].append(claim)
                    continue
            else:
                try:
                    interval = Interval(low, high, claim.unit)
                    if compare(interval, head, tolerance).verdict == AGREE:
                        clusters[-1].append(claim)
                        continue
                except ValueError:
                    pass
        clusters.append([claim])
        heads.append(Interval(low, high, claim.unit))
    values = []
    for members, head in zip(clusters, heads, strict=True):
        members.sort(key=lambda c: (c.doc, c.line, c.column))
        values.append(_Value(head, "", members))
    return values


def _midpoint(low: float, high: float) -> float:
    """Interval.midpoint of [low, high], on floats."""
    if math.isinf(low) or math.isinf(high):
        return high if math.isinf(low) else low
    return (low + high) / 2


def _timeless(measure_id: str, catalog: Catalog, references: ReferenceSet) -> bool:
    """A measure whose reference figures hold for any period (a lethal dose, a price)."""
    measure = catalog.get(measure_id)
    ref_id = (measure.reference or measure.id) if measure else measure_id
    return all(ref.period is None for ref in references.series(ref_id))


def _reference_value(
    measure_id: str, period: str | None, catalog: Catalog, references: ReferenceSet
) -> _Value | None:
    """The best reference figure of a measure for a period (or one that holds for any)."""
    measure = catalog.get(measure_id)
    ref_id = (measure.reference or measure.id) if measure else measure_id
    place = measure.place if measure else None
    for ref in references.lookup(ref_id, place, period):
        when = ref.period or "any period"
        return _Value(
            reference_interval(ref), f"reference {ref.value:g} {ref.unit} ({when}, {ref.status})"
        )
    return None


def _representatives(chosen: dict[str, _Value]) -> dict[str, Claim]:
    """One claim per measure, from as few documents as possible: the document that speaks of
    the most measures of the combination first."""
    docs = Counter(doc for v in chosen.values() for doc in v.first_in)
    picked = {}
    for measure, value in chosen.items():
        if value.claims:
            # The claim that is first by (-docs, doc, line, column) is the first one (by line
            # and column) of the document that is first by (-docs, doc).
            doc = min(value.first_in, key=lambda d: (-docs[d], d))
            picked[measure] = value.first_in[doc]
    return picked


def _side_text(side: str, labels: dict[str, str], catalog: Catalog) -> str:
    """One side of a relation in words: each measure replaced by the value used for it, so
    "street_value / pills" reads "“$20 million” (a.md:3) / “one million” (a.md:3)"."""
    measure = catalog.get(side)
    if measure is not None and side in labels:
        return f"the {in_text(measure.label)}, {labels[side]},"
    return _MEASURE_ID_RE.sub(lambda m: labels.get(m.group(0), m.group(0)), side)


_MEASURE_ID_RE = re.compile(r"[A-Za-z_][\w-]*(?:\.[A-Za-z_][\w-]*)+")


def _evaluate(
    relation: Relation,
    measures: list[str],
    chosen: dict[str, _Value],
    catalog: Catalog,
) -> Finding | None:
    """The finding for one combination of values, or None when the relation holds."""
    picked = _representatives(chosen)
    values, labels = {}, {}
    for m in measures:
        if m in picked:
            values[m] = claim_evidence(picked[m]).interval
            labels[m] = f"“{picked[m].surface}” ({where(picked[m])})"
        else:
            values[m], labels[m] = chosen[m].interval, chosen[m].label
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
    left, right = (side.strip() for side in relation.expr.split(relation.parsed.op, 1))
    primary = [picked[m] for m in measures if m in picked]
    others = [c for m in measures for c in chosen[m].claims[:MAX_LISTED] if c is not picked.get(m)]
    explanation = [f"relation: {relation.expr}"]
    explanation += [f"{m} = {labels[m]}" for m in measures]
    explanation.append(f"left side {describe_interval(lhs)}, right side {describe_interval(rhs)}")
    if others:
        explanation.append("the same figures stand at " + ", ".join(where(c) for c in others))
    return Finding(
        rule="relation-mismatch",
        severity="error" if comparison.verdict == FAR else "warning",
        message=(
            f"{_side_text(left, labels, catalog)} is {describe_interval(lhs)}, but "
            f"{_side_text(right, labels, catalog)} gives {describe_interval(rhs)}{by} "
            f"(relation {relation.id})"
        ),
        claims=[claim_ref(c) for c in primary + others],
        expected=describe_interval(rhs),
        actual=describe_interval(lhs),
        difference=relative_difference(lhs.midpoint, rhs.midpoint),
        tolerance=str(relation.tolerance),
        explanation=explanation,
    )
