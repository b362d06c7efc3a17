"""The check stage on small drafts written for these tests, with the shipped catalog and data."""

from __future__ import annotations

import pytest

from factcheck.catalog import default_catalog_path, load_catalog
from factcheck.check import check_claims
from factcheck.load import load_text
from factcheck.pipeline import extract_claims
from factcheck.references import load_references


@pytest.fixture(scope="module")
def catalog():
    return load_catalog(default_catalog_path())


@pytest.fixture(scope="module")
def references():
    return load_references()


def run(catalog, references, *drafts: str, fmt: str = "markdown"):
    claims = []
    for i, text in enumerate(drafts):
        doc = load_text(text, f"draft{i}.md", fmt)
        claims.extend(extract_claims(doc, catalog))
    return claims, check_claims(claims, catalog, references)


def problems(findings, rule=None):
    return [f for f in findings if f.severity != "info" and (rule is None or f.rule == rule)]


def test_fentanyl_deaths_of_2021_against_the_reference(catalog, references):
    _, findings = run(
        catalog, references, "In 2021, more than 100,000 Americans died of fentanyl overdoses."
    )
    [finding] = problems(findings, "reference-mismatch")
    assert finding.severity == "error"
    assert finding.reference["value"] == 70601
    assert "all drugs" in finding.message  # it matches the all-drug total instead
    assert finding.tolerance and finding.difference > 0.3
    assert finding.explanation


def test_verified_claims_are_info(catalog, references):
    _, findings = run(
        catalog, references, "Overdose deaths from all drugs came to 107,941 in 2022."
    )
    assert not problems(findings)
    assert any(f.rule == "verified" for f in findings)


def test_rounding_keeps_a_rounded_figure_consistent(catalog, references):
    # 106,699 rounds to 107,000 within its thousand; no finding for the rounded figure.
    _, findings = run(catalog, references, "Drug overdoses killed about 107,000 people in 2021.")
    assert not problems(findings)


def test_claims_against_each_other_across_documents(catalog, references):
    first = "Mexico registered 33,287 homicides in 2022."
    second = "Mexico registered 45,000 homicides in 2022."
    _, findings = run(catalog, references, first, second)
    contradictions = problems(findings, "contradiction")
    assert contradictions
    docs = {c["doc"] for c in contradictions[0].claims}
    assert docs == {"draft0.md", "draft1.md"}


def test_a_stated_record_is_an_upper_bound(catalog, references):
    _, findings = run(
        catalog,
        references,
        "In 2021 more than 100,000 fentanyl overdose deaths were recorded. "
        "Fentanyl deaths in 2022 were the most ever recorded in the country: 73,654, up from "
        "56,516 in 2020.",
    )
    records = [f for f in problems(findings, "contradiction") if "highest" in f.message]
    assert records and records[0].severity == "error"


def test_traps_are_not_flagged(catalog, references):
    drafts = [
        "An estimated 33,000 American soldiers died in the wars after 2001.",
        "Some 33,000 people were killed in Mexico in 2022.",
        "Washington designated eight cartels as terrorist organizations.",
        "Six Mexican cartels are listed as terrorist groups.",
        "Fentanyl is fifty times as strong as heroin, and a hundred times as strong as morphine.",
        "Fentanyl is 50 to 100 times more potent than morphine.",
        "Just two milligrams of fentanyl can kill.",
        "Even a few milligrams of fentanyl can be lethal.",
    ]
    _, findings = run(catalog, references, *drafts)
    assert [f.message for f in problems(findings, "contradiction")] == []


def test_relation_street_value_against_price_per_pill(catalog, references):
    _, findings = run(
        catalog,
        references,
        "One kilogram of fentanyl makes one million counterfeit pills with a street value of about $20 million.",
        "On the street such a pill sells for 50 cents a pill.",
    )
    [finding] = problems(findings, "relation-mismatch")
    assert "factor of 40" in finding.message
    assert len(finding.claims) >= 2


def test_change_against_reference(catalog, references):
    _, findings = run(catalog, references, "Overdose deaths fell by 27 percent from 2023 to 2024.")
    assert not problems(findings)
    assert any(f.rule == "verified" and "2023" in f.message for f in findings)
    _, findings = run(catalog, references, "Overdose deaths fell by 60 percent from 2023 to 2024.")
    assert problems(findings, "change-mismatch")


def test_inline_suppression(catalog, references):
    text = "<!-- factcheck: ignore -->\nIn 2021, more than 100,000 Americans died of fentanyl overdoses.\n"
    _, findings = run(catalog, references, text)
    assert not problems(findings)


def test_units_are_normalized(catalog, references):
    _, findings = run(catalog, references, "A lethal dose of fentanyl is 2,000 micrograms.")
    assert not problems(findings)
    _, findings = run(catalog, references, "A lethal dose of fentanyl is 20 milligrams.")
    assert problems(findings, "reference-mismatch")


def test_claim_bounds_agree_with_the_evidence(catalog, references):
    from factcheck.check.evidence import claim_bounds, claim_evidence

    claims, _ = run(
        catalog,
        references,
        "More than 100,000 died in 2021. About 79,000 died in 2024. Nearly 200,000 left. "
        "Between 350 and 370 joined each week. Hundreds of thousands fled. 1.22 million moved.",
    )
    assert len(claims) >= 5
    for claim in claims:
        interval = claim_evidence(claim).interval
        assert claim_bounds(claim) == (interval.low, interval.high), claim.surface


LETHAL = "Overdoses involving synthetic opioids such as fentanyl"


@pytest.mark.parametrize(
    ("sentence", "flagged"),
    [
        (f"{LETHAL} kill about 250,000 Americans each year.", True),
        (f"{LETHAL} now claim roughly 1,000 lives a day.", True),
        (f"{LETHAL} kill some 500,000 people annually, by one estimate.", True),
        # Some year of the reference data fits: nothing to say.
        (f"{LETHAL} kill about 200 Americans a day.", False),
        (f"{LETHAL} kill about 70,000 Americans every year.", False),
        # No year in general: a total over years, or a year not given, is not compared.
        (f"{LETHAL} have killed 250,000 Americans.", False),
        (f"{LETHAL} killed 250,000 Americans, each year's toll higher than the last.", False),
    ],
)
def test_a_figure_for_any_year_that_no_year_of_the_data_fits(catalog, references, sentence,
                                                             flagged):  # fmt: skip
    _, findings = run(catalog, references, sentence)
    mismatches = problems(findings, "reference-mismatch")
    assert bool(mismatches) is flagged
    for finding in mismatches:
        assert finding.severity == "warning" and "fits no year" in finding.message
