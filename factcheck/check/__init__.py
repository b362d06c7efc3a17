"""The check stage: Claim[] -> Finding[].

Five checks, each a group-by over the claims (never all pairs): against reference data,
against each other, stated changes, the catalog's relations, and the text's own arithmetic
(sentence by sentence, with no catalog or reference needed). Suppressions, from the
catalog or inline in a draft, are applied last, so a suppressed claim still serves as evidence
for others but no finding about it is reported.
"""

from __future__ import annotations

import gc
from collections.abc import Collection

from .. import rules as registry
from ..catalog import Catalog
from ..inline import suppresses
from ..model import Claim, Finding, in_claim_order
from ..references import ReferenceSet
from .against_claims import check_levels, check_other_groups
from .against_references import check_subject
from .arithmetic import check_arithmetic
from .changes import check_changes
from .relations import check_relations
from .subjects import index_claims

SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


def check_claims(
    claims: list[Claim],
    catalog: Catalog,
    references: ReferenceSet,
    rules: Collection[str] | None = None,
    focus: Collection[str] = (),
) -> list[Finding]:
    """Every finding about the claims, the most severe first, then by place; only of the
    ``rules`` given (rule ids of the registry, see ``rules.select``), or of all.

    ``focus`` names documents checked against the others (a hook's changed drafts): their
    claims come after the others' in the order, so that a finding compares a changed claim
    with one already there and is about the changed one."""
    # The checks allocate a few objects per claim and no reference cycles; with a million
    # claims, the cyclic collector re-scanning them all dominates the run. Pause it.
    collecting = gc.isenabled()
    gc.disable()
    try:
        # One order, whatever order the files came in (nearly free: usually sorted already).
        return _check(in_claim_order(claims, focus), catalog, references, rules, focus)
    finally:
        if collecting:
            gc.enable()


def _check(
    claims: list[Claim],
    catalog: Catalog,
    references: ReferenceSet,
    selected: Collection[str] | None,
    focus: Collection[str] = (),
) -> list[Finding]:
    subjects = index_claims(claims, catalog)  # one walk over the claims for four checks
    # A measure's level claims subject by subject: against the reference, then against each
    # other while they are still in the processor's cache (the groups' claims lie all over
    # memory, and fetching them twice was a large part of checking a million claims). The
    # findings are those of check_against_references followed by check_against_claims: in a
    # subject, the claims a reference verified are the ones the others are held to.
    against_references: list[Finding] = []
    against_claims: list[Finding] = []
    per_measure: dict = {}
    for key, group in subjects.levels.items():
        found = check_subject(key, group, catalog, references)
        against_references += found
        verified = {id(f.first_claim()) for f in found if f.rule == "verified"}
        against_claims += check_levels(group, catalog, verified, focus, per_measure)
    # No claim of a change or of no measure is checked against a reference: none is verified.
    against_claims += check_other_groups(subjects, catalog, set(), focus, per_measure)
    findings = (
        against_references
        + against_claims
        + check_changes(claims, catalog, references, subjects)
        + check_relations(claims, catalog, references, subjects)
        + check_arithmetic(claims)
    )
    del subjects
    for finding in findings:
        registry.get(finding.rule)  # every rule a check reports is registered (KeyError if not)
    # Echoes are dropped before suppressions and the selection: silencing or ignoring a
    # reference-mismatch must not bring back the relation findings that only repeated it.
    kept = _drop_echoes(findings)
    kept = _without_suppressed(kept, claims, catalog)
    if selected is not None:
        kept = [f for f in kept if f.rule in selected]
    return _in_report_order(kept)


def _in_report_order(findings: list[Finding]) -> list[Finding]:
    """The findings, the most severe first, then by place (document, line, column), rule and
    id; each once, the first of those with one id. Sorted document by document within a
    severity, so that the sort keys are made for one document's findings at a time. Findings
    with one id (the same rule, claims and reference, so the same place) are then next to
    each other, and only the ids of the severities before the last are kept in a set."""
    parts: dict[str, dict[str, list[Finding]]] = {severity: {} for severity in SEVERITY_ORDER}
    for finding in findings:
        by_doc = parts[finding.severity]
        doc = finding.primary_place()[0]
        found = by_doc.get(doc)
        if found is None:
            by_doc[doc] = [finding]
        else:
            found.append(finding)
    ordered: list[Finding] = []
    earlier: set[str] = set()  # the ids of the more severe findings
    for severity in sorted(SEVERITY_ORDER, key=SEVERITY_ORDER.__getitem__):
        by_doc = parts.pop(severity)
        for doc in sorted(by_doc):
            group = by_doc.pop(doc)
            group.sort(key=lambda f: (*f.primary_place(), f.rule, f.id))
            previous = None
            for finding in group:
                finding_id = finding.id
                if finding_id != previous and finding_id not in earlier:
                    ordered.append(finding)
                    previous = finding_id
            if parts:  # a less severe part follows
                earlier.update(f.id for f in group)
    return ordered


def _without_suppressed(
    findings: list[Finding], claims: list[Claim], catalog: Catalog
) -> list[Finding]:
    """The findings none of whose claims is suppressed, inline or by the catalog."""
    inline = {claim.id: claim for claim in claims if claim.suppressed}
    if not catalog.suppressions and not inline:
        return findings  # the common case, and a million claims make it worth knowing
    by_id = {claim.id: claim for claim in claims}

    def suppressed(finding: Finding) -> bool:
        for claim_id in finding.claim_ids():
            claim = by_id.get(claim_id)
            if claim is None:
                continue
            if claim_id in inline and suppresses(claim, finding.rule):
                return True
            if catalog.suppression_for(claim, finding.rule) is not None:
                return True
        return False

    return [f for f in findings if not suppressed(f)]


def _drop_echoes(findings: list[Finding]) -> list[Finding]:
    """A relation that fails only because its claims are already off their reference repeats
    those findings in other words: keep the reference mismatches, which say more."""
    mismatched = {f.claim_ids()[0] for f in findings if f.rule == "reference-mismatch"}
    return [
        f
        for f in findings
        if not (f.rule == "relation-mismatch" and mismatched.issuperset(f.claim_ids()))
    ]
