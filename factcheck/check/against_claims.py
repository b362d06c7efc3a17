"""Claims against each other, within a document and across documents.

Checking is a group-by, never all pairs: claims are grouped by what they are about (measure,
place, period; or, without a measure, the normalized counted noun, its sort of unit, place,
period and the frame the match stage read: sort, narrowing words, agent, substance), and each
claim of a group is compared with the group's first claim. A group of n
claims costs n comparisons.

"Highest ever" claims are checked across periods: a claim of the same measure and place in
another period that is larger than a stated record contradicts it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Hashable
from operator import attrgetter

from ..catalog import Catalog, Tolerance
from ..interval import Interval
from ..match import normalize_noun, unit_signature
from ..model import Claim, Finding, Recipe
from ..wording import relative_difference
from .changes import change_interval
from .compare import AGREE, FAR, compare
from .evidence import (
    Evidence,
    claim_bounds,
    claim_evidence,
    describe_interval,
    fmt,
    normalized,
    stated_value,
)
from .findings import claim_ref, in_text, quote, shared, where
from .subjects import Subjects, index_claims

_SKIP_KINDS = ("rank", "age", "duration")
_SKIP_KINDS_SET = frozenset(_SKIP_KINDS)


def comparable(claim: Claim) -> bool:
    """Whether a claim states a figure precise enough to hold another to."""
    return claim.value is not None and claim.qualifier != "vague" and claim.kind not in _SKIP_KINDS


_VALUE, _QUALIFIER, _KIND = (attrgetter(name) for name in ("value", "qualifier", "kind"))


def _comparable_ones(claims: list[Claim]) -> list[Claim]:
    """The claims that are ``comparable``; the list itself when all are, which three passes
    done in C (no Python call per claim) tell for nearly every group."""
    if (
        None not in map(_VALUE, claims)
        and "vague" not in map(_QUALIFIER, claims)
        and _SKIP_KINDS_SET.isdisjoint(map(_KIND, claims))
    ):
        return claims
    return [c for c in claims if comparable(c)]


def group_key(claim: Claim, catalog: Catalog) -> Hashable | None:
    """What a claim is about, for comparing it with others; None when too vague to compare."""
    if not comparable(claim):
        return None
    place = claim.place or catalog.default_place
    kind = "change" if claim.kind == "change" else "level"
    if claim.measure:
        return ("measure", claim.measure, place, claim.period, kind)
    if not claim.noun:
        return None
    noun = normalize_noun(claim.noun)
    # Without a measure, a noun alone is weak evidence that two numbers are about the same
    # thing: require a period, or a noun of two words or more ("cartel members").
    if not noun or (claim.period is None and len(noun.split()) < 2):
        return None
    try:
        signature = unit_signature(claim.unit)
    except ValueError:
        return None
    frame = claim.frame or {}
    if frame.get("hypothetical") or frame.get("part_of_total") or not frame.get("sort"):
        return None  # not a plain count of a known sort of thing: nothing to hold it to
    # Two numbers with one noun are about the same thing only when their frames agree too:
    # the same sort of thing, the same narrowing words, agent and substance.
    agreed = tuple((k, str(frame.get(k))) for k in ("sort", "subset", "cumulative", "agent",
                                                    "substance"))  # fmt: skip
    return ("noun", noun, signature, claim.kind, place, claim.period, agreed)


def check_against_claims(
    claims: list[Claim],
    catalog: Catalog,
    agrees_with_reference: set[str] | None = None,
    focus: Collection[str] = (),
    subjects: Subjects | None = None,
) -> list[Finding]:
    """Contradictions within each group of claims about one thing.

    ``agrees_with_reference`` holds the ids of claims a reference figure verified. A group is
    compared with such a claim when it has one, so that a contradiction stands at the claim
    that disagrees with the reference and cites the one that agrees, never the other way.

    ``focus`` names the documents a hook checks against the rest (the changed drafts): a
    group is then compared with a claim of the other documents, so that every finding stands
    at a changed draft; where the changed claim is the one the reference verified, the
    finding says the other draft is wrong, as a warning.

    ``subjects``: the claims already grouped by measure, place and period (check.subjects);
    a level claim of a measure is grouped by exactly that, so those groups are used as they
    are, less the claims too vague to compare."""
    # The claims themselves (their identities), not their ids: an id is a hash made when read.
    verified = (
        {id(claim) for claim in claims if claim.id in agrees_with_reference}
        if agrees_with_reference
        else set()
    )
    if subjects is None:
        subjects = index_claims(claims, catalog)
    per_measure: dict[str | None, tuple[Tolerance, str | None]] = {}
    findings: list[Finding] = []
    for group in subjects.levels.values():
        findings.extend(check_levels(group, catalog, verified, focus, per_measure))
    findings.extend(check_other_groups(subjects, catalog, verified, focus, per_measure))
    return findings


def check_levels(
    group: list[Claim],
    catalog: Catalog,
    verified: set[int],
    focus: Collection[str] = (),
    per_measure: dict | None = None,
) -> list[Finding]:
    """The level claims of one (measure, place, period) against each other (a group of
    check.subjects, less the claims too vague to compare). ``verified``: the claims a
    reference verified (at least those of this group), as their identities (``id(claim)``);
    ``per_measure``: a cache of each measure's tolerance and label, shared by the calls of
    one check."""
    if len(group) < 2:
        return []
    group = _comparable_ones(group)
    if len(group) < 2:
        return []
    tolerance, about = _tolerance_and_about(group, catalog, per_measure)
    return _check_group(group, tolerance, about, verified, focus)


def check_other_groups(
    subjects: Subjects,
    catalog: Catalog,
    verified: set[int],
    focus: Collection[str] = (),
    per_measure: dict | None = None,
) -> list[Finding]:
    """The claims of stated changes and the claims of no measure, each against the others
    about the same thing (group_key); stated records against the other periods."""
    by_key: dict[Hashable, list[Claim]] = defaultdict(list)
    for claims_of in (subjects.changes, subjects.unmeasured):
        for claim in claims_of:
            key = group_key(claim, catalog)
            if key is not None:
                by_key[key].append(claim)
    findings: list[Finding] = []
    for group in by_key.values():
        if len(group) >= 2:
            tolerance, about = _tolerance_and_about(group, catalog, per_measure)
            findings.extend(_check_group(group, tolerance, about, verified, focus))
    findings.extend(_check_records(subjects, catalog))
    return findings


def _tolerance_and_about(
    group: list[Claim], catalog: Catalog, per_measure: dict | None
) -> tuple[Tolerance, str]:
    """The tolerance of the group's measure, and how a finding names what it is about."""
    measure_id = group[0].measure
    known = None if per_measure is None else per_measure.get(measure_id)
    if known is None:
        measure = catalog.get(measure_id)
        label = None if measure is None else in_text(measure.label)
        known = (catalog.tolerance_for(measure_id), label)
        if per_measure is not None:
            per_measure[measure_id] = known
    tolerance, label = known
    return tolerance, f"“{group[0].noun}”" if label is None else label


def _check_group(
    group: list[Claim],
    tolerance: Tolerance,
    about: str,
    verified: set[int],
    focus: Collection[str] = (),
) -> list[Finding]:
    if group[0].kind == "change":
        return _check_changes(group, tolerance, about)
    candidates = ([c for c in group if c.doc not in focus] or group) if focus else group
    anchor = candidates[0]
    if verified:  # the first candidate a reference verified, looked for in C
        ids = list(map(id, candidates))
        first = next(filter(verified.__contains__, ids), None)
        if first is not None:
            anchor = candidates[ids.index(first)]
    # The anchor's bounds as floats; its evidence (objects and wording) only once a claim
    # disagrees, which few groups have.
    a_low, a_high = claim_bounds(anchor)
    a_unit, a_doc, a_sentence = anchor.unit, anchor.doc, anchor.sentence
    # The tolerance around the anchor's bounds (compare.agrees), worked out when first needed.
    low_margin = high_margin = None
    anchor_evidence = None
    recipe = None  # how the group's contradictions are worded when read, made with the first
    findings = []
    for claim, (low, high) in zip(group, map(claim_bounds, group), strict=True):
        if claim.unit == a_unit:
            # The common case, decided on floats before anything else is looked up: bounds
            # that meet agree whatever the tolerance, and bounds apart agree within it.
            if low > a_high:
                if high_margin is None:
                    high_margin = tolerance.margin(a_high, a_unit)
                if low - a_high <= high_margin:
                    continue
            elif a_low > high:
                if low_margin is None:
                    low_margin = tolerance.margin(a_low, a_unit)
                if a_low - high <= low_margin:
                    continue
            else:
                continue
        if claim is anchor or (id(claim) in verified and claim.doc not in focus):
            continue  # a claim the reference verified is evidence, never the one flagged
        if claim.doc == a_doc and claim.sentence == a_sentence:
            continue  # two numbers of one sentence are about different things
        try:
            evidence = normalized(claim_evidence(claim), anchor.unit)
        except ValueError:
            continue
        if anchor_evidence is None:
            anchor_evidence = claim_evidence(anchor)
        comparison = compare(evidence.interval, anchor_evidence.interval, tolerance)
        if comparison.verdict == AGREE:
            continue
        if recipe is None:
            recipe = Recipe((_contradiction_of, tolerance, about))
        finding = _contradiction(
            claim, evidence, anchor, anchor_evidence, comparison, tolerance, about
        ).word_later_by(recipe)
        if id(claim) in verified:
            # A hook's changed draft is right and the draft already there is not.
            finding.severity = "warning"
            finding.message = (
                f"{quote(claim)} agrees with the reference, but {quote(anchor)} at "
                f"{where(anchor)} says otherwise about {about}: "
                f"{describe_interval(anchor_evidence.interval)}"
            )
        findings.append(finding)
    return findings


def _check_changes(group: list[Claim], tolerance: Tolerance, about: str) -> list[Finding]:
    """Stated changes of one measure and span against each other, as the relative changes they
    assert ("doubled" is +100%, like "rose 100%"). The tolerance applies to the factor each
    change implies, as it would to the levels at both ends."""
    stated = [claim for claim in group if change_interval(claim) is not None]
    if len(stated) < 2:
        return []
    anchor = stated[0]
    recipe = Recipe((_change_contradiction, tolerance, about))  # words made when read
    findings = []
    for claim in stated[1:]:
        if claim.doc == anchor.doc and claim.sentence == anchor.sentence:
            continue
        finding = _change_contradiction(claim, anchor, tolerance, about)
        if finding is not None:
            findings.append(finding.word_later_by(recipe))
    return findings


def _change_contradiction(
    claim: Claim, anchor: Claim, tolerance: Tolerance, about: str
) -> Finding | None:
    """The contradiction between two stated changes, or None when they agree."""
    change, anchor_change = change_interval(claim), change_interval(anchor)
    assert change is not None and anchor_change is not None
    factor = Interval(1 + change.low, 1 + change.high)
    anchor_factor = Interval(1 + anchor_change.low, 1 + anchor_change.high)
    comparison = compare(factor, anchor_factor, tolerance)
    if comparison.verdict == AGREE:
        return None
    period = f" from {claim.from_period} to {claim.to_period}" if claim.from_period else ""
    return Finding(
        rule="contradiction",
        severity="error" if comparison.verdict == FAR else "warning",
        message=(
            f"{quote(claim)} contradicts {quote(anchor)} at {where(anchor)} about the "
            f"change of {about}{period}: {_change_text(change)} against "
            f"{_change_text(anchor_change)}"
        ),
        claims=[claim_ref(claim), claim_ref(anchor)],
        expected=f"{anchor.surface} ({where(anchor)})",
        actual=claim.surface,
        difference=comparison.difference,
        tolerance=shared(str(tolerance)),
        measure=claim.measure,
        explanation=[
            f"this claim asserts a change of {_change_text(change)}",
            f"the other claim ({where(anchor)}) asserts {_change_text(anchor_change)}",
            f"as factors: {describe_interval(factor)} against "
            f"{describe_interval(anchor_factor)}; tolerance {tolerance}: "
            f"± {fmt(comparison.allowed)}; gap {fmt(comparison.gap)}",
        ],
    )


def _change_text(change: Interval) -> str:
    def pct(x: float) -> str:
        return "unbounded" if x in (float("inf"), float("-inf")) else f"{x:+.1%}"

    if change.low == change.high:
        return pct(change.low)
    return f"{pct(change.low)} to {pct(change.high)}"


def _contradiction_of(claim: Claim, anchor: Claim, tolerance: Tolerance, about: str) -> Finding:
    """The contradiction _check_group found between a claim and its group's anchor, made
    again from the claims alone (to word it when a report reads it)."""
    evidence = normalized(claim_evidence(claim), anchor.unit)
    anchor_evidence = claim_evidence(anchor)
    comparison = compare(evidence.interval, anchor_evidence.interval, tolerance)
    return _contradiction(claim, evidence, anchor, anchor_evidence, comparison, tolerance, about)


def _contradiction(
    claim: Claim,
    evidence: Evidence,
    anchor: Claim,
    anchor_evidence: Evidence,
    comparison,
    tolerance: Tolerance,
    about: str,
) -> Finding:
    period = f" in {claim.period}" if claim.period else ""
    message = (
        f"{quote(claim)} contradicts {quote(anchor)} at {where(anchor)} about {about}{period}: "
        f"{describe_interval(evidence.interval)} against {describe_interval(anchor_evidence.interval)}"
    )
    # Without a measure, only the words say the two numbers are about the same thing: worth
    # a look, never an error.
    far = comparison.verdict == FAR and claim.measure is not None
    return Finding(
        rule="contradiction",
        severity="error" if far else "warning",
        message=message,
        claims=[claim_ref(claim), claim_ref(anchor)],
        expected=f"{anchor.surface} ({where(anchor)})",
        actual=claim.surface,
        difference=relative_difference(stated_value(evidence), anchor.value),
        tolerance=shared(str(tolerance)),
        measure=claim.measure,
        explanation=[f"this claim: {s}" for s in evidence.steps]
        + [f"the other claim ({where(anchor)}): {s}" for s in anchor_evidence.steps]
        + [f"tolerance {tolerance}: ± {fmt(comparison.allowed)}; gap {fmt(comparison.gap)}"],
    )


def _check_records(subjects: Subjects, catalog: Catalog) -> list[Finding]:
    """A value stated as the highest ever, against larger values of other periods."""
    by_measure = subjects.by_measure_and_place(subjects.records)
    findings = []
    for (measure, _place), group in by_measure.items():
        records = [c for c in group if c.extreme == "max"]
        if not records:
            continue
        tolerance = catalog.tolerance_for(measure)
        recipe = Recipe((_above_record, tolerance, measure))  # words made when read
        bounds = [claim_bounds(claim) for claim in group]
        for record in records:
            ceiling = claim_evidence(record).interval.high
            highest_allowed = ceiling + tolerance.margin(ceiling, record.unit)
            for claim, (low, _high) in zip(group, bounds, strict=True):
                if claim.period == record.period or claim.period is None:
                    continue  # the record itself, or a claim of its own period
                if claim.unit == record.unit and low <= highest_allowed:
                    continue  # the common case, on floats: the evidence's low is this low
                try:
                    evidence = normalized(claim_evidence(claim), record.unit)
                except ValueError:
                    continue
                if evidence.interval.low <= highest_allowed:
                    continue
                findings.append(
                    _above_record(claim, record, tolerance, measure).word_later_by(recipe)
                )
    return findings


def _above_record(claim: Claim, record: Claim, tolerance: Tolerance, measure: str) -> Finding:
    """The contradiction of a claim larger than the record another claim states."""
    record_evidence = claim_evidence(record)
    ceiling = record_evidence.interval.high
    evidence = normalized(claim_evidence(claim), record.unit)
    return Finding(
        rule="contradiction",
        severity="error",
        message=(
            f"{quote(claim)} ({claim.period}) is larger than {quote(record)} "
            f"({record.period}) that {where(record)} calls the highest ever"
        ),
        claims=[claim_ref(claim), claim_ref(record)],
        expected=f"at most {record.surface} (the stated record, {record.period})",
        actual=claim.surface,
        difference=(evidence.interval.low - ceiling) / ceiling if ceiling else None,
        tolerance=shared(str(tolerance)),
        measure=measure,
        explanation=evidence.steps
        + [f"the record ({where(record)}): {s}" for s in record_evidence.steps]
        + [f"a record is an upper bound for every other period of {measure}"],
    )
