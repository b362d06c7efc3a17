"""Tables and figure lists: each value is read with its own row, column, caption and heading.

The drafts in tests/data/tables/ give correct official figures (those of references/) in
Markdown pipe tables, HTML tables (with a caption, with row headers, with a "Table 3." line),
years as rows and as columns, and bulleted or numbered "year: figure" lists in Markdown,
HTML and plain text. On each, every value must be attributed to the measure and period its
labels give (the reference data are the oracle: the value is the official figure of that
measure and period), nothing may be raised, and one wrong value must raise exactly one
finding, at that value, with its period and measure.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.catalog import default_catalog_path, load_catalog
from factcheck.load import load_file, load_text
from factcheck.pipeline import extract_file, run_check
from factcheck.references import load_references

DATA = Path(__file__).resolve().parent / "data" / "tables"
DRAFTS = sorted(DATA.iterdir())

# One value per draft made wrong: (draft, line, the correct figure, a wrong one, measure, period).
WRONG = [
    ("md_synthetic_years_rows.md", 10, "70,601", "76,601",
     "us.overdose_deaths.synthetic_opioids", "2021"),
    ("md_drugs_years_columns.md", 8, "19,447", "29,447", "us.overdose_deaths.cocaine", "2020"),
    ("md_rates.md", 8, "17.8", "19.8", "us.overdose_deaths.synthetic_opioids.rate", "2020"),
    ("md_years_rows_multi.md", 7, "80,411", "90,411", "us.overdose_deaths.any_opioid", "2021"),
    ("md_list_colon.md", 6, "91,799", "97,799", "us.overdose_deaths.all_drugs", "2020"),
    ("md_list_dash.md", 5, "73,838", "83,838", "us.overdose_deaths.synthetic_opioids", "2022"),
    ("md_list_labels.md", 7, "34,022", "24,022", "us.overdose_deaths.psychostimulants", "2022"),
    ("txt_list.txt", 7, "32.4", "35.4", "us.overdose_deaths.all_drugs.rate", "2021"),
    ("html_caption.html", 16, "107,941", "117,941", "us.overdose_deaths.all_drugs", "2022"),
    ("html_row_headers.html", 9, "31.3", "33.3", "us.overdose_deaths.all_drugs.rate", "2023"),
    ("html_list.html", 9, "24,486", "21,486", "us.overdose_deaths.cocaine", "2021"),
    ("html_table_caption_line.html", 8, "14,996", "11,996", "us.overdose_deaths.heroin", "2018"),
]  # fmt: skip


@pytest.fixture(scope="module")
def catalog():
    return load_catalog(default_catalog_path())


@pytest.fixture(scope="module")
def references():
    return load_references()


def _values(path: Path) -> list[tuple[int, int]]:
    """(line, column) of every value of the draft's tables and figure lists."""
    doc = load_file(path)
    return [doc.position(cell.start) for block in doc.blocks for cell in block.cells]


def test_there_are_drafts_of_every_kind():
    names = {p.name for p in DRAFTS}
    assert len(names) >= 10
    assert {p.suffix for p in DRAFTS} >= {".md", ".html", ".txt"}
    assert names == {w[0] for w in WRONG}


@pytest.mark.parametrize("path", DRAFTS, ids=lambda p: p.name)
def test_each_value_takes_the_measure_and_period_of_its_labels(path, catalog, references):
    claims = {(c.line, c.column): c for c in extract_file(path, catalog)}
    values = _values(path)
    assert len(values) >= 4
    for place in values:
        claim = claims[place]
        official = {(r.measure, r.period) for r in references if r.value == claim.value}
        assert official, f"{claim.surface} is no official figure"
        assert (claim.measure, claim.period) in official, (claim.surface, claim.attribution)


@pytest.mark.parametrize("path", DRAFTS, ids=lambda p: p.name)
def test_correct_figures_raise_nothing_and_are_verified(path, catalog, references):
    report = run_check([str(path)], catalog, references)
    raised = [f for f in report.findings if f.severity != "info"]
    assert raised == [], [f.message for f in raised]
    verified = {(c["line"], c["column"]) for f in report.findings if f.rule == "verified"
                for c in f.claims}  # fmt: skip
    assert set(_values(path)) <= verified


@pytest.mark.parametrize("wrong", WRONG, ids=lambda w: w[0])
def test_one_wrong_value_is_flagged_at_that_value(wrong, tmp_path, catalog, references):
    name, line, right, bad, measure, period = wrong
    lines = (DATA / name).read_text(encoding="utf-8").split("\n")
    assert lines[line - 1].count(right) == 1
    column = lines[line - 1].index(right) + 1
    lines[line - 1] = lines[line - 1].replace(right, bad)
    draft = tmp_path / name
    draft.write_text("\n".join(lines), encoding="utf-8")
    report = run_check([str(draft)], catalog, references)
    raised = [f for f in report.findings if f.severity != "info"]
    assert len(raised) == 1, [f.message for f in raised]
    finding = raised[0]
    assert (finding.claims[0]["line"], finding.claims[0]["column"]) == (line, column)
    assert finding.claims[0]["surface"] == bad
    assert finding.measure == measure
    assert finding.reference["period"] == period


def test_a_value_never_takes_the_next_rows_year(catalog):
    doc = load_text(
        "Deaths involving synthetic opioids:\n\n- 2020: 56,516\n- 2021: 70,601\n",
        "d.md",
        "markdown",
    )
    from factcheck.pipeline import extract_claims

    periods = [c.period for c in extract_claims(doc, catalog)]
    assert periods == ["2020", "2021"]


def test_the_claim_points_at_the_cell_and_reads_its_labels(catalog):
    text = "## Heroin deaths\n\n| Year | Deaths |\n|---|---|\n| 2019 | 14,019 |\n"
    from factcheck.pipeline import extract_claims

    (claim,) = extract_claims(load_text(text, "d.md", "markdown"), catalog)
    assert (claim.line, claim.column, claim.surface) == (5, 10, "14,019")
    assert claim.sentence == "Heroin deaths, Deaths, Year, 2019: 14,019"
    assert claim.sentence[claim.sentence_offset :].startswith("14,019")


def test_header_units(catalog):
    from factcheck.pipeline import extract_claims

    text = (
        "| Year | Share of deaths (%) | Deaths (thousands) | Rate per 100,000 |\n"
        "|---|---|---|---|\n| 2021 | 66.2 | 70.6 | 21.8 |\n"
    )
    claims = extract_claims(load_text(text, "d.md", "markdown"), catalog)
    assert [(c.unit, c.value) for c in claims] == [
        ("percent", 66.2), ("count", 70_600), ("per_100k", 21.8)
    ]  # fmt: skip


def test_prose_lists_and_layout_tables_stay_prose(catalog):
    from factcheck.pipeline import extract_claims

    prose_list = (
        "Key points:\n\n"
        "- In 2021, more than 70,000 people died of overdoses involving synthetic opioids.\n"
        "- Deaths rose in 2022 in most states, and the rate reached 32.6 per 100,000.\n"
    )
    doc = load_text(prose_list, "d.md", "markdown")
    assert doc.blocks == []
    layout = (
        "<table><tr><td>"
        + "In 2021, 106,699 people died of drug overdoses. " * 8
        + "</td></tr></table>"
    )
    doc = load_text(layout, "d.html", "html")
    assert doc.blocks == []
    claims = extract_claims(doc, catalog)
    assert claims and all(c.period == "2021" for c in claims)


def test_fiscal_years_money_and_mass_in_headers(catalog):
    from factcheck.pipeline import extract_claims

    text = (
        "## Seizures at ports of entry\n\n"
        "| Fiscal year | Powder (lb) | Spending ($ millions) |\n|---|---|---|\n"
        "| 2023 | 27,000 | 12.5 |\n"
    )
    claims = extract_claims(load_text(text, "d.md", "markdown"), catalog)
    assert [(c.period, c.unit, c.value) for c in claims] == [
        ("FY2023", "pound", 27_000), ("FY2023", "USD", 12_500_000)
    ]  # fmt: skip


def test_a_heading_titles_only_the_table_or_list_right_below_it():
    text = (
        "## Fentanyl seizures by the DEA\n\n| Year | Pills |\n|---|---|\n| 2023 | 79 million |\n\n"
        "- Pills from one kilogram: 500,000\n"
    )
    doc = load_text(text, "d.md", "markdown")
    table, item = doc.blocks
    assert [doc.body[a:b] for a, b in table.cells[0].context] == ["Fentanyl seizures by the DEA"]
    assert item.cells[0].context == ()  # the table stands between: the heading is not its title


def test_a_footnote_marker_after_a_value_is_its_citation(catalog):
    from factcheck.pipeline import extract_claims

    text = (
        "Deaths rose in 2021.\n\n| Year | Overdose deaths |\n|---|---|\n"
        "| 2021 | 106,699[^1] |\n| 2022[^2] | 107,941 |\n\n[^1]: Final.\n[^2]: Also final.\n"
    )
    claims = extract_claims(load_text(text, "d.md", "markdown"), catalog)
    assert [(c.surface, c.citation) for c in claims] == [("106,699", "1"), ("107,941", None)]
