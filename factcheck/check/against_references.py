"""Claims against reference data: same measure, place and period.

A claim agrees when its interval (after qualifier and rounding), widened by the measure's
tolerance, meets the reference value. When it does not, the finding says by how much, which
row of which dataset it was compared with, and, where a sibling measure's figure fits the
claim, which one: "100,000 fentanyl overdoses" that match all overdose deaths instead.
"""

from __future__ import annotations

import re

from ..catalog import Catalog, Measure
from ..extract.periods import last_year as year_of
from ..interval import Interval
from ..model import Claim, Finding, Recipe
from ..references import Reference, ReferenceSet
from ..units import parse_unit
from ..wording import difference_short, difference_words, relative_difference
from .compare import AGREE, compare
from .evidence import claim_evidence, describe_interval, fmt, normalized, stated_value
from .findings import (
    claim_ref,
    describe_reference,
    in_text,
    quote,
    reference_ref,
    reference_value,
    severity_for,
    shared,
)
from .subjects import SubjectKey, Subjects, index_claims


def check_against_references(
    claims: list[Claim],
    catalog: Catalog,
    references: ReferenceSet,
    subjects: Subjects | None = None,
) -> list[Finding]:
    """Every claim of a measure against the reference figures of its place and period
    (``subjects``: the claims already grouped, see check.subjects)."""
    if subjects is None:
        subjects = index_claims(claims, catalog)
    findings = []
    for key, group in subjects.levels.items():
        findings.extend(check_subject(key, group, catalog, references))
    return findings


def check_subject(
    key: SubjectKey, group: list[Claim], catalog: Catalog, references: ReferenceSet
) -> list[Finding]:
    """The claims of one (measure, place, period) against the reference figures for it."""
    measure_id, place, period = key
    measure = catalog.get(measure_id)
    if measure is None:
        return []
    refs = references.lookup(measure.reference or measure.id, place, period)
    what = _describe_measure(measure, place, period)
    findings = []
    subject = (measure, refs, catalog, references, place, what)
    recipe = Recipe((_check_claim, *subject))  # held once by the subject's findings
    for claim in group:
        # Made without the words a verified claim's finding would carry, which a check of
        # a million claims would spend most of its time on; worded when a report reads it.
        finding = _check_claim(claim, *subject, worded=False)
        findings.append(finding.word_later_by(recipe))
    return findings


def _describe_measure(measure: Measure, place: str | None, period: str | None) -> str:
    """ "overdose deaths, all drugs (US) (2021)": the place only when the label lacks it."""
    shown_place = place if place and f"({place})" not in measure.label else None
    where_when = ", ".join(b for b in (shown_place, period) if b)
    return in_text(measure.label) + (f" ({where_when})" if where_when else "")


def place_of(claim: Claim, catalog: Catalog) -> str | None:
    return claim.place or catalog.default_place


def reference_interval(ref: Reference) -> Interval:
    low = ref.low if ref.low is not None else ref.value
    high = ref.high if ref.high is not None else (ref.value if ref.low is None else float("inf"))
    return Interval(min(low, high), max(low, high), ref.unit)


def _check_claim(
    claim: Claim,
    measure: Measure,
    refs: list[Reference],
    catalog: Catalog,
    references: ReferenceSet,
    place: str | None,
    what: str,
    worded: bool = True,
) -> Finding:
    """The finding about one claim of a measure; ``worded=False``: without the message,
    explanation, expected and actual of a verified or unverifiable claim's finding (the
    finding is the same otherwise), for findings that Finding.word_later words."""
    if not refs:
        every_year = _against_every_year(claim, measure, references, place, what)
        if every_year is not None:
            return every_year
        return Finding(
            rule="unverifiable",
            severity="info",
            message=f"{quote(claim)}: no reference figure for {what}" if worded else "",
            claims=[claim_ref(claim)],
            measure=measure.id,
            actual=claim.surface if worded else None,
        )
    base = claim_evidence(claim)
    results = []
    for ref in refs:
        try:
            evidence = normalized(base, ref.unit, year_of(ref.period), references)
        except ValueError:
            continue
        results.append(
            (ref, evidence, compare(evidence.interval, reference_interval(ref), measure.tolerance))
        )
    if not results:
        return Finding(
            rule="unverifiable",
            severity="info",
            message=f"{quote(claim)}: its unit {claim.unit} does not convert to the reference's",
            claims=[claim_ref(claim)],
            measure=measure.id,
        )
    # Final figures supersede provisional ones: the verdict rests on them when there are any,
    # and a claim that fits only an earlier provisional release is worth a warning, not a pass.
    finals = [r for r in results if not r[0].status.startswith("provisional")] or results
    agreeing = [r for r in finals if r[2].verdict == AGREE]
    ref, evidence, comparison = (
        agreeing[0] if agreeing else results[0] if finals is results else finals[0]
    )
    provisional_fit = (
        [r for r in results if r not in finals and r[2].verdict == AGREE] if not agreeing else []
    )
    stated = stated_value(evidence)
    difference = relative_difference(stated, ref.value)
    common = {
        "claims": [claim_ref(claim)],
        "reference": reference_ref(ref),
        "difference": difference,
        "tolerance": shared(str(measure.tolerance)),
        "measure": measure.id,
    }
    if agreeing and not worded:  # its expected and actual are worded with the rest
        return Finding(rule="verified", severity="info", **common)
    common["expected"] = describe_reference(ref)
    common["actual"] = f"{claim.surface} → {describe_interval(evidence.interval)}"
    explanation = evidence.steps + [
        shared(
            f"reference: {describe_reference(ref)} from {ref.dataset} ({ref.location}): "
            f"{ref.source}"
        ),
        shared(f"tolerance {measure.tolerance} of the reference: ± {fmt(comparison.allowed)}"),
        f"gap between the claim and the reference: {fmt(comparison.gap)}"
        + (
            f" ({comparison.difference:.1%} of the reference side)" if comparison.difference else ""
        ),
    ]
    if difference is not None and stated is not None:
        explanation.append(f"as written, {fmt(stated)} is {difference_words(difference)} "
                           f"{fmt(ref.value)} ({difference_short(difference)})")  # fmt: skip
    common["explanation"] = explanation
    if agreeing:
        note = "" if ref.status == "final" else f" ({ref.status})"
        return Finding(
            rule="verified",
            severity="info",
            message=f"{quote(claim)} agrees with {reference_value(ref)}{note} for {what}",
            **common,
        )
    message = (
        f"{quote(claim)} is {difference_words(difference)} the reference "
        f"{describe_reference(ref)} for {what}, beyond the {measure.tolerance} tolerance"
    )
    if ref.status != "final":
        message += f"; the reference is {ref.status}"
    severity = severity_for(comparison.verdict, [r for r, _, _ in finals])
    if provisional_fit:
        early = provisional_fit[0][0]
        release = f", {early.vintage} release" if early.vintage else ""
        message += f"; it agrees with the provisional figure {fmt(early.value)}{release}"
        severity = "warning"
    instead = _sibling_matches(claim, measure, catalog, references, place)
    if instead:
        message += "; it matches " + " and ".join(instead) + " instead"
        explanation.append(
            "figures of related measures that the claim does match: " + "; ".join(instead)
        )
    return Finding(
        rule="reference-mismatch",
        severity=severity,
        message=message,
        **common,
    )


# "... each year", "a day", "annually": a figure stated for any year, not for one.
_EVERY_YEAR_RE = re.compile(
    r"\b(?:(?:each|every|per|a|an)\s+(?:year|day)|annually|yearly|daily)\b", re.IGNORECASE
)
_OWN_WORDS_END = re.compile(r"[,;:.!?]\s|\s[–—]\s")


def _says_every_year(claim: Claim) -> bool:
    """Whether the claim states a figure for a year (or day) in general: its unit is per year
    or per day, or its own words, up to the clause's next comma, say "each year"."""
    if claim.unit.endswith(("/ year", "/ day")):
        return True
    if claim.sentence_offset is None:
        return False
    start = claim.sentence_offset + len(claim.surface)
    window = claim.sentence[start : start + 90]
    cut = _OWN_WORDS_END.search(window)
    return _EVERY_YEAR_RE.search(window[: cut.start()] if cut else window) is not None


def _against_every_year(
    claim: Claim,
    measure: Measure,
    references: ReferenceSet,
    place: str | None,
    what: str,
) -> Finding | None:
    """A figure stated for any year ("kills hundreds of thousands each year") that no year of
    the reference data comes near, whichever year was meant: a warning against the nearest
    year's figure. None when some year fits, or the claim names no such general year."""
    if claim.period is not None or not _says_every_year(claim):
        return None
    best: dict[str, Reference] = {}
    for ref in references.series(measure.reference or measure.id):
        if ref.period and year_of(ref.period) is not None and ref.place in (place, None):
            best.setdefault(ref.period, ref)  # the series lists the best status first
    if len(best) < 2:
        return None  # one year's figure is no series to speak of every year against
    base = claim_evidence(claim)
    compared = []
    for ref in best.values():
        if ref.status.startswith("provisional"):
            continue
        try:
            evidence = normalized(base, ref.unit, year_of(ref.period), references)
        except ValueError:
            return None
        comparison = compare(evidence.interval, reference_interval(ref), measure.tolerance)
        if comparison.verdict == AGREE:
            return None
        compared.append((comparison.gap or 0.0, ref, evidence, comparison))
    if len(compared) < 2:
        return None
    gap, ref, evidence, comparison = min(compared, key=lambda item: item[0])
    years = sorted(year_of(r.period) for _, r, _, _ in compared)
    stated = stated_value(evidence)
    difference = relative_difference(stated, ref.value)
    explanation = evidence.steps + [
        f"a figure for any year: compared with every year of {ref.dataset} "
        f"({years[0]}–{years[-1]}, {len(compared)} years); none is within the tolerance",
        f"nearest: {describe_reference(ref)} from {ref.dataset} ({ref.location}): {ref.source}",
        f"tolerance {measure.tolerance} of the reference: ± {fmt(comparison.allowed)}",
        f"gap between the claim and the nearest reference: {fmt(comparison.gap)}",
    ]
    return Finding(
        rule="reference-mismatch",
        severity="warning",
        message=(
            f"{quote(claim)} fits no year of the reference data for {what} "
            f"({years[0]}–{years[-1]}): it is {difference_words(difference)} "
            f"{describe_reference(ref)}, the nearest, beyond the {measure.tolerance} tolerance"
        ),
        claims=[claim_ref(claim)],
        reference=reference_ref(ref),
        expected=describe_reference(ref),
        actual=f"{claim.surface} → {describe_interval(evidence.interval)}",
        difference=difference,
        tolerance=str(measure.tolerance),
        measure=measure.id,
        explanation=explanation,
    )


def _sibling_matches(
    claim: Claim,
    measure: Measure,
    catalog: Catalog,
    references: ReferenceSet,
    place: str | None,
) -> list[str]:
    """Related measures (same family of ids, same sort of unit) whose figure fits the claim."""
    family = measure.id.rsplit(".", 1)[0]
    try:
        dimensionality = parse_unit(measure.unit).dimensionality
    except ValueError:
        return []
    base = claim_evidence(claim)
    found = []
    for other in catalog.measures:
        if other.id == measure.id or other.id.rsplit(".", 1)[0] != family:
            continue
        if other.unit != measure.unit and parse_unit(other.unit).dimensionality != dimensionality:
            continue
        for ref in references.lookup(other.reference or other.id, place, claim.period)[:1]:
            try:
                evidence = normalized(base, ref.unit)
            except ValueError:
                continue
            verdict = compare(evidence.interval, reference_interval(ref), other.tolerance).verdict
            if verdict == AGREE:
                found.append(f"{in_text(other.label)} ({fmt(ref.value)}, {ref.status})")
    return found
