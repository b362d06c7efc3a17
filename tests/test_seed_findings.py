"""The findings on the seed corpus, against the hand-written list in expected_findings.yaml."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
import yaml

from factcheck.catalog import default_catalog_path, load_catalog
from factcheck.pipeline import run_check
from factcheck.references import load_references

HERE = Path(__file__).resolve().parent
SEEDS = HERE.parent.parent / "shared" / "seeds"
pytestmark = pytest.mark.skipif(
    not SEEDS.is_dir(), reason="the seed corpus (../shared/seeds) is absent"
)


def _place(claim: dict) -> str:
    return f"{Path(claim['doc']).stem}:{claim['line']}"


@pytest.fixture(scope="module")
def report():
    seeds = sorted(str(p) for p in SEEDS.glob("0*.txt"))
    return run_check(seeds, load_catalog(default_catalog_path()), load_references())


@pytest.fixture(scope="module")
def expected():
    return yaml.safe_load((HERE / "expected_findings.yaml").read_text(encoding="utf-8"))


def _signature(rule: str, severity: str, places) -> tuple:
    return (rule, severity, tuple(sorted(Counter(places).items())))


def test_findings_are_exactly_the_expected_ones(report, expected):
    got = Counter(
        _signature(f.rule, f.severity, [_place(c) for c in f.claims])
        for f in report.findings
        if f.severity != "info"
    )
    want = Counter(_signature(e["rule"], e["severity"], e["claims"]) for e in expected["findings"])
    assert got - want == Counter(), "unexpected findings"
    assert want - got == Counter(), "expected findings missing"


def test_the_fentanyl_figure_points_at_the_all_drug_total(report):
    finding = next(f for f in report.findings if f.rule == "reference-mismatch")
    assert "all drugs" in finding.message and "106,699" in finding.message
    assert finding.reference["value"] == 70601


def test_the_pill_prices_differ_by_a_factor_of_40(report):
    finding = next(f for f in report.findings if f.rule == "relation-mismatch")
    assert "factor of 40" in finding.message


def test_traps_are_not_flagged(report, expected):
    for trap in expected["must_not_flag"]:
        places = set(trap["claims"])
        for f in report.findings:
            if f.severity == "info":
                continue
            involved = {_place(c) for c in f.claims}
            assert not (len(places) > 1 and places <= involved), trap["reason"]
            if len(places) == 1:
                assert not (
                    f.rule == "contradiction"
                    and places & involved
                    and len(involved) > 1
                    and "highest" not in f.message
                ), trap["reason"]
