"""Normalization before comparison: units through pint, rates to one time base, money to one
year's dollars through the CPI. A small catalog and reference set of the test's own."""

from __future__ import annotations

import json

import pytest

from factcheck.catalog import load_catalog
from factcheck.check import check_claims
from factcheck.load import load_text
from factcheck.pipeline import extract_claims
from factcheck.references import load_references

CATALOG = """\
version: 1
defaults: {tolerance: 5%, place: US}
measures:
  - id: x.revenue
    label: Smuggling revenue
    unit: USD / year
    terms: {all: ['smuggl']}
  - id: x.program_cost
    label: Program cost
    unit: USD
    terms: {all: ['program']}
  - id: x.dose
    label: A dose
    unit: milligram
    terms: {all: ['\\bdose']}
"""

ROWS = """\
measure,place,period,value,unit,status,source
x.program_cost,US,2016,150000000000,USD,final,test figure
us.cpi_u.annual_average,US,2016,240.007,index,final,BLS CPI-U
us.cpi_u.annual_average,US,2025,321.943,index,final,BLS CPI-U
"""


@pytest.fixture(scope="module")
def setup(tmp_path_factory):
    root = tmp_path_factory.mktemp("project")
    (root / "claims.yaml").write_text(CATALOG)
    refs = root / "references"
    refs.mkdir()
    (refs / "figures.csv").write_text(ROWS)
    fields = [{"name": n, "type": "number" if n == "value" else "string"}
              for n in ("measure", "place", "period", "value", "unit", "status", "source")]  # fmt: skip
    package = {"name": "t", "resources": [{"name": "figures", "path": "figures.csv",
                                           "schema": {"fields": fields}}]}  # fmt: skip
    (refs / "datapackage.json").write_text(json.dumps(package))
    return load_catalog(root / "claims.yaml"), load_references(refs)


def findings(setup, *drafts: str):
    catalog, references = setup
    claims = []
    for i, text in enumerate(drafts):
        claims += extract_claims(load_text(text, f"d{i}.md", "markdown"), catalog)
    return [f for f in check_claims(claims, catalog, references) if f.severity != "info"], claims


def test_rates_are_compared_on_one_time_base(setup):
    problems, claims = findings(
        setup, "Smugglers earn $36 million a day.", "Smugglers earn $13 billion a year."
    )
    assert {c.unit for c in claims} == {"USD / day", "USD / year"}
    assert problems == []
    problems, _ = findings(
        setup, "Smugglers earn $1 million a day.", "Smugglers earn $13 billion a year."
    )
    assert [f.rule for f in problems] == ["contradiction"]


def test_units_of_mass_are_converted(setup):
    assert findings(setup, "A dose is 2 milligrams.", "A dose is 2,000 micrograms.")[0] == []
    problems, _ = findings(setup, "A dose is 2 milligrams.", "A dose is 20,000 micrograms.")
    assert [f.rule for f in problems] == ["contradiction"]


def test_money_in_another_years_dollars_goes_through_the_cpi(setup):
    catalog, references = setup
    claims = extract_claims(
        load_text(
            "The program cost about $200 billion in 2025 dollars in 2016.", "d.md", "markdown"
        ),
        catalog,
    )
    [claim] = claims
    assert (claim.currency_year, claim.period) == (2025, "2016")
    [finding] = check_claims(claims, catalog, references)
    assert finding.rule == "verified"  # 200 bn of 2025 is about 149 bn of 2016
    assert any("CPI-U" in step for step in finding.explanation)
    # Without the conversion the same figure is a third too high.
    claims = extract_claims(
        load_text("The program cost about $200 billion in 2016.", "d.md", "markdown"), catalog
    )
    assert check_claims(claims, catalog, references)[0].rule == "reference-mismatch"
