"""The orders the check stage gives claims and findings, made document by document (to keep
memory down), are the orders of one sort over all of them."""

import random

from factcheck.check import SEVERITY_ORDER, _in_report_order
from factcheck.check.findings import claim_ref
from factcheck.model import Claim, Finding, claim_order, in_claim_order


def _claim(doc: str, start: int, surface: str = "12") -> Claim:
    return Claim(doc=doc, start=start, end=start + len(surface), line=1 + start // 40,
                 column=1 + start % 40, end_line=1 + start // 40, end_column=3 + start % 40,
                 surface=surface, sentence=f"{surface} tons", value=float(surface), low=None,
                 high=None, unit="count", qualifier="exact", kind="count", sentence_offset=0)  # fmt: skip


def _claims() -> list[Claim]:
    claims = [_claim(doc, start) for doc in ("b.md", "a.md", "c.md") for start in range(0, 400, 7)]
    claims += [_claim("a.md", 14, "120"), _claim("a.md", 14, "1")]  # the same start
    return claims


def test_claims_in_order_are_those_of_one_sort():
    claims = _claims()
    random.Random(3).shuffle(claims)
    assert in_claim_order(claims) == sorted(claims, key=claim_order)
    focus = {"a.md"}
    expected = sorted(claims, key=lambda c: (c.doc in focus, claim_order(c)))
    assert in_claim_order(claims, focus) == expected
    ordered = sorted(claims, key=claim_order)
    assert in_claim_order(ordered) is ordered  # already in order: the list itself
    i = next(i for i, c in enumerate(ordered) if (c.doc, c.start) == ("a.md", 14))
    swapped = ordered[:i] + [ordered[i + 1], ordered[i]] + ordered[i + 2 :]  # a tie, misordered
    assert in_claim_order(swapped) == ordered


def test_findings_in_report_order_are_those_of_one_sort_each_once():
    claims = _claims()
    rng = random.Random(5)
    findings = []
    for _ in range(300):
        picked = rng.sample(claims, rng.choice((1, 2)))
        rule = rng.choice(("contradiction", "verified", "relation-mismatch"))
        severity = rng.choice(tuple(SEVERITY_ORDER))
        findings.append(Finding(rule=rule, severity=severity, message="m",
                                claims=[claim_ref(c) for c in picked]))  # fmt: skip
    findings += findings[::7]  # the same findings again (one id each)
    rng.shuffle(findings)

    def one_sort(f: Finding) -> tuple:
        return (SEVERITY_ORDER[f.severity], *f.primary_place(), f.rule, f.id)

    expected, seen = [], set()
    for finding in sorted(findings, key=one_sort):
        if finding.id not in seen:
            seen.add(finding.id)
            expected.append(finding)
    assert len({f.id for f in findings}) < len(findings)  # there are findings met twice
    assert [id(f) for f in _in_report_order(findings)] == [id(f) for f in expected]
