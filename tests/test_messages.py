"""Findings say their numbers the way an editor computes them: the figure as written against
the reference, signed, and as a factor when the gap is large; the interval arithmetic stays
in the explanation. The summary's time includes start-up."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from factcheck.catalog import default_catalog_path, load_catalog
from factcheck.check import check_claims
from factcheck.load import load_text
from factcheck.pipeline import extract_claims
from factcheck.references import load_references
from factcheck.wording import difference_short, difference_words, relative_difference


@pytest.fixture(scope="module")
def checked():
    catalog, references = load_catalog(default_catalog_path()), load_references()

    def run(text: str):
        claims = extract_claims(load_text(text, "d.md", "markdown"), catalog)
        return [
            f for f in check_claims(claims, catalog, references) if f.rule == "reference-mismatch"
        ]

    return run


def test_above_the_reference_by_what_the_text_states(checked):
    # 100,000 against 70,601 is 41.6% above; the rounded interval's edge (95,000) is not what
    # an editor compares.
    [finding] = checked("In 2021, more than 100,000 Americans died of fentanyl overdoses.")
    assert "is 41.6% above the reference 70,601" in finding.message
    assert finding.difference == pytest.approx(100_000 / 70_601 - 1)
    assert any("gap between the claim and the reference" in s for s in finding.explanation)


def test_below_the_reference_is_said_below_and_negative(checked):
    [finding] = checked("In 2021, some 42,000 Americans died of fentanyl overdoses.")
    assert "is 40.5% below the reference 70,601" in finding.message
    assert finding.difference == pytest.approx(42_000 / 70_601 - 1)


def test_a_large_gap_is_a_factor_and_the_reference_has_its_unit(checked):
    [above] = checked("A lethal dose of fentanyl is 80 milligrams.")
    assert "is 40 times the reference 2 milligrams" in above.message
    [below] = checked("A lethal dose of fentanyl is 0.05 milligrams.")
    assert "is 1/40 of the reference 2 milligrams" in below.message
    assert below.difference == pytest.approx(-0.975)


def test_a_figure_under_a_tenth_of_the_reference_is_a_share_below_it(checked):
    # 40,000 against 106,699 is 62.5% below, what an editor computes; "1/2.67 of" is not.
    [finding] = checked("In 2021, overdose deaths from all drugs came to 40,000 in the US.")
    assert "is 62.5% below the reference 106,699" in finding.message


def test_a_claim_verified_by_a_bound_says_the_bound():
    # The reference says only "over 7,000": the claim agrees with that, not with 7,000.
    catalog, references = load_catalog(default_catalog_path()), load_references()
    text = "An estimated 33,000 American soldiers died in the post-9/11 wars."
    claims = extract_claims(load_text(text, "d.md", "markdown"), catalog)
    [finding] = [f for f in check_claims(claims, catalog, references) if f.rule == "verified"]
    assert "agrees with over 7,000 for" in finding.message, finding.message


def test_the_wording_helpers():
    assert relative_difference(100, 0) is None and relative_difference(None, 3) is None
    assert difference_words(0.416) == "41.6% above" and difference_short(0.416) == "+41.6%"
    assert difference_words(-0.3) == "30.0% below" and difference_short(-0.3) == "-30.0%"
    assert difference_words(1599.0) == "1,600 times" and difference_short(-0.5) == "-50.0%"
    assert difference_words(-0.625) == "62.5% below" and difference_short(-0.95) == "1/20"
    assert difference_short(None) is None and difference_words(None) == "different from"


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads the start from /proc")
def test_the_summary_time_counts_from_the_start_of_the_process(tmp_path):
    (tmp_path / "d.md").write_text("Overdose deaths from all drugs came to 107,941 in 2022.\n")
    # Start-up made slow on purpose, before factcheck's own code runs.
    script = textwrap.dedent("""
        import sys, time
        time.sleep(0.6)
        sys.argv = ["factcheck", "check", "--no-cache", "--format", "json", "d.md"]
        from factcheck.cli import main
        sys.exit(main())
    """)
    result = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, capture_output=True,
                            text=True, timeout=120)  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["summary"]["elapsed_seconds"] >= 0.6


def test_a_daily_rate_is_compared_as_a_year_of_it(checked):
    # 300 a day is 109,575 in a year (pint's year of 365.25 days): 55.2% above 70,601.
    [finding] = checked("In 2021, about 300 Americans died of fentanyl overdoses every day.")
    assert "is 55.2% above the reference 70,601" in finding.message
