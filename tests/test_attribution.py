"""What a number counts: the classes of misattribution real prose shows, in our own words.

Each class has traps (a number the default catalog must not attribute to a measure of its
kind, and about which `check` must raise nothing) and, where the class has them, true
statements (attributed to the right measure and period, and not flagged). The figures are the
official ones of references/, so a true statement that were attributed wrongly, or compared
with the wrong year, would raise a finding.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.catalog import default_catalog_path, load_catalog
from factcheck.pipeline import extract_file, run_check
from factcheck.references import load_references


@pytest.fixture(scope="module")
def catalog():
    return load_catalog(default_catalog_path())


@pytest.fixture(scope="module")
def references():
    return load_references()


def _claims(tmp_path: Path, catalog, text: str, as_of: str | None = None):
    path = tmp_path / "draft.md"
    path.write_text(text + "\n", encoding="utf-8")
    return extract_file(path, catalog, as_of=as_of)


def _alarms(tmp_path: Path, catalog, references, text: str, as_of: str | None = None):
    path = tmp_path / "draft.md"
    path.write_text(text + "\n", encoding="utf-8")
    report = run_check([str(path)], catalog, references, as_of=as_of)
    return [f for f in report.findings if f.severity in ("error", "warning")]


def _claim(claims, surface: str):
    found = [c for c in claims if surface in c.surface]
    assert found, (surface, [c.surface for c in claims])
    return found[0]


def _assert_trap(tmp_path, catalog, references, text, surface, not_measure=None):
    claim = _claim(_claims(tmp_path, catalog, text), surface)
    if not_measure is None:
        assert claim.measure is None, (text, claim.measure, claim.attribution)
    else:
        assert claim.measure != not_measure, (text, claim.attribution)
    assert not _alarms(tmp_path, catalog, references, text), text


# -- the counted thing is not of the measure's kind -----------------------------------------

KIND_TRAPS = [
    ("Fentanyl overdose deaths have now fallen for nine consecutive months.", "nine"),
    ("The national plan against the overdose epidemic rests on three pillars.", "three"),
    ("The fentanyl task force now works in 41 cities across the country.", "41"),
    ("Overdose deaths from fentanyl were traced to 12 cartels working the border.", "12"),
    ("Deaths from fentanyl overdoses climbed for six straight years.", "six"),
    ("The overdose prevention act has 4 sections on treatment for fentanyl users.", "4"),
]


@pytest.mark.parametrize("text, surface", KIND_TRAPS)
def test_a_count_of_another_kind_of_thing_is_not_a_death_toll(
    tmp_path, catalog, references, text, surface
):
    _assert_trap(tmp_path, catalog, references, text, surface)


# -- hypothetical or capacity amounts -------------------------------------------------------

HYPOTHETICAL_TRAPS = [
    ("Agents seized enough fentanyl to kill 2 billion people.", "2 billion"),
    ("Had the trend held, 150,000 Americans would have died of overdoses in 2023.", "150,000"),
    ("Experts warn that fentanyl could kill 200,000 people a year by 2030.", "200,000"),
    ("If nothing changes, fentanyl deaths might reach 120,000 in 2024.", "120,000"),
    ("One shared pill can kill 3 people when fentanyl is in it.", "3"),
    ("The load held enough fentanyl to kill everyone in the state 10 times over.", "10 times"),
]


@pytest.mark.parametrize("text, surface", HYPOTHETICAL_TRAPS)
def test_a_hypothetical_or_a_capacity_is_not_a_count_of_what_happened(
    tmp_path, catalog, references, text, surface
):
    _assert_trap(tmp_path, catalog, references, text, surface)


# -- a subset of the measure's population ----------------------------------------------------

SUBSET_TRAPS = [
    ("Eleven teenagers in one county died after taking fake pills laced with fentanyl in 2022.",
     "Eleven"),
    ("In Ohio, 4,200 people died of fentanyl overdoses in 2021.", "4,200"),
    ("Among adults aged 25 to 34, 18,000 overdose deaths involved fentanyl in 2021.", "18,000"),
    ("Fentanyl deaths among adolescents rose 94 percent from 2019 to 2021.", "94 percent"),
    ("In rural counties, 9,000 people died of drug overdoses in 2022.", "9,000"),
    ("Overdose deaths among women reached 30,000 in 2021.", "30,000"),
]  # fmt: skip


@pytest.mark.parametrize("text, surface", SUBSET_TRAPS)
def test_part_of_the_population_is_not_the_national_figure(
    tmp_path, catalog, references, text, surface
):
    _assert_trap(tmp_path, catalog, references, text, surface)


# -- a span that is not the measure's --------------------------------------------------------

SPAN_TRAPS = [
    ("Since 2019, more than 300,000 Americans have died of overdoses involving fentanyl.",
     "300,000"),
    ("Between 2019 and 2021, 280,000 people died of drug overdoses.", "280,000"),
    ("Over the past five years, 400,000 Americans died of drug overdoses.", "400,000"),
    ("During 2015–2020, 350,000 deaths were caused by drug overdoses.", "350,000"),
    ("In total, 500,000 people have died of drug overdoses since records began.", "500,000"),
]  # fmt: skip


@pytest.mark.parametrize("text, surface", SPAN_TRAPS)
def test_a_total_over_several_years_is_not_one_years_count(
    tmp_path, catalog, references, text, surface
):
    _assert_trap(tmp_path, catalog, references, text, surface)


def test_a_fiscal_year_and_a_twelve_month_window_are_their_own_periods(
    tmp_path, catalog, references
):
    # Compared with the calendar year, both would be errors (105,007 deaths in 2023).
    text = "In FY2023, 150,000 people died of drug overdoses."
    claim = _claim(_claims(tmp_path, catalog, text), "150,000")
    assert claim.period == "FY2023"
    assert not _alarms(tmp_path, catalog, references, text)
    text = "In the 12 months ending in September 2023, 113,900 people died of drug overdoses."
    claim = _claim(_claims(tmp_path, catalog, text), "113,900")
    assert claim.period == "2022-10/2023-09"
    assert claim.measure == "us.overdose_deaths.all_drugs"
    assert not _alarms(tmp_path, catalog, references, text)


# -- another agency, product or substance ----------------------------------------------------

OTHER_TRAPS = [
    ("In 2023, Customs and Border Protection seized 27,000 pounds of fentanyl.", "27,000",
     "fentanyl.seizures.powder"),
    ("Border Patrol agents seized 1,500 pounds of fentanyl in 2022.", "1,500",
     "fentanyl.seizures.powder"),
    ("In 2023, the DEA seized 80 million pills, and local police seized 12,000 pounds of "
     "fentanyl.", "12,000", "fentanyl.seizures.powder"),
    ("Sufentanil is roughly 500 times more potent than morphine.", "500",
     "fentanyl.potency_vs_morphine"),
    ("Carfentanil is about 10,000 times stronger than morphine.", "10,000",
     "fentanyl.potency_vs_morphine"),
    ("Blood tests found fentanyl at 20 ng/mL in the victims, a lethal level.", "20",
     "fentanyl.lethal_dose"),
]  # fmt: skip


@pytest.mark.parametrize("text, surface, measure", OTHER_TRAPS)
def test_another_agency_or_substance_is_not_the_measures(
    tmp_path, catalog, references, text, surface, measure
):
    _assert_trap(tmp_path, catalog, references, text, surface, not_measure=measure)


def test_the_deas_own_seizure_is_its_measure(tmp_path, catalog, references):
    text = "In 2023, the Drug Enforcement Administration seized 12,000 pounds of fentanyl powder."
    claim = _claim(_claims(tmp_path, catalog, text), "12,000")
    assert claim.measure == "fentanyl.seizures.powder"
    assert not _alarms(tmp_path, catalog, references, text)


# -- parts and totals in one sentence --------------------------------------------------------

PARTS_AND_TOTALS = [
    ("Of the 105,007 people who died of an overdose in 2023, 72,776 had taken synthetic "
     "opioids.", [("105,007", "us.overdose_deaths.all_drugs", "2023"),
                  ("72,776", "us.overdose_deaths.synthetic_opioids", "2023")]),
    ("In 2021, 106,699 people died of drug overdoses, including 70,601 whose deaths involved "
     "synthetic opioids.", [("106,699", "us.overdose_deaths.all_drugs", "2021"),
                            ("70,601", "us.overdose_deaths.synthetic_opioids", "2021")]),
    ("Synthetic opioids were involved in 73,838 of the 107,941 overdose deaths recorded in "
     "2022.", [("107,941", "us.overdose_deaths.all_drugs", "2022")]),
    ("About two-thirds of the 106,699 drug overdose deaths in 2021 involved fentanyl.",
     [("106,699", "us.overdose_deaths.all_drugs", "2021")]),
    ("Drug overdoses killed 107,941 Americans in 2022; fentanyl and drugs like it took 73,838 "
     "of those lives.", [("107,941", "us.overdose_deaths.all_drugs", "2022"),
                         ("73,838", "us.overdose_deaths.synthetic_opioids", "2022")]),
]  # fmt: skip


@pytest.mark.parametrize("text, expected", PARTS_AND_TOTALS)
def test_a_total_given_beside_its_part_is_the_total(tmp_path, catalog, references, text, expected):
    claims = _claims(tmp_path, catalog, text)
    for surface, measure, period in expected:
        claim = _claim(claims, surface)
        assert (claim.measure, claim.period) == (measure, period), (text, claim.attribution)
    assert not _alarms(tmp_path, catalog, references, text), text


# -- a total and a price ---------------------------------------------------------------------

PRICE_TRAPS = [
    ("The 80 kg shipment of fentanyl was valued at $2 million.", "$2 million"),
    ("Police found 5,000 fentanyl pills worth $100,000 on the street.", "$100,000"),
    ("A 10-kilogram load of fentanyl sells for $500,000 on the street.", "$500,000"),
    ("The 2,000 counterfeit fentanyl pills were priced at $30,000 in all.", "$30,000"),
    ("Agents valued the 3 kilograms of fentanyl at $90,000 wholesale.", "$90,000"),
]


@pytest.mark.parametrize("text, surface", PRICE_TRAPS)
def test_the_price_of_a_whole_load_is_not_a_unit_price(
    tmp_path, catalog, references, text, surface
):
    _assert_trap(tmp_path, catalog, references, text, surface)


# -- numbers inside names --------------------------------------------------------------------

NAME_TRAPS = [
    "Chemists found 4-fluorofentanyl in the seized powder.",
    "During COVID-19, fentanyl overdose deaths rose.",
    "Prosecutors charged the fentanyl traffickers under Title 18.",
    "Leaders of the G7 discussed fentanyl deaths at their summit.",
    "Goal 2 of the strategy is to cut fentanyl deaths.",
]


@pytest.mark.parametrize("text", NAME_TRAPS)
def test_a_number_inside_a_name_is_no_quantity(tmp_path, catalog, references, text):
    assert not [c for c in _claims(tmp_path, catalog, text) if c.measure], text
    assert not _alarms(tmp_path, catalog, references, text), text


# -- references back -------------------------------------------------------------------------

BACK = [
    ("In 2022, 107,941 people died of drug overdoses in the United States. Around 73,000 of "
     "these deaths involved fentanyl.", "73,000", "us.overdose_deaths.synthetic_opioids",
     "2022", None),
    ("In 2021 the overdose epidemic got worse. That year, 70,601 deaths involved synthetic "
     "opioids.", "70,601", "us.overdose_deaths.synthetic_opioids", "2021", None),
    ("Overdose deaths reached 107,941 in 2022, up from 106,699 the prior year.", "106,699",
     "us.overdose_deaths.all_drugs", "2021", None),
    ("Two years ago, 107,941 people died of drug overdoses.", "107,941",
     "us.overdose_deaths.all_drugs", "2022", "2024-06-01"),
    ("In 2023, drug overdoses killed 105,007 people. Of them, 72,776 had used synthetic "
     "opioids.", "72,776", "us.overdose_deaths.synthetic_opioids", "2023", None),
]  # fmt: skip


@pytest.mark.parametrize("text, surface, measure, period, as_of", BACK)
def test_a_reference_back_takes_its_year_from_the_sentence_it_points_to(
    tmp_path, catalog, references, text, surface, measure, period, as_of
):
    claim = _claim(_claims(tmp_path, catalog, text, as_of), surface)
    assert (claim.measure, claim.period) == (measure, period), claim.attribution
    assert not _alarms(tmp_path, catalog, references, text, as_of), text


def test_a_reference_back_finds_the_wrong_figure(tmp_path, catalog, references):
    text = "In 2021, 106,699 Americans died of overdoses. Of them, 100,000 involved fentanyl."
    alarms = _alarms(tmp_path, catalog, references, text)
    assert [(f.rule, f.claims[0]["line"]) for f in alarms] == [("reference-mismatch", 1)]
    assert "100,000" in alarms[0].message and "70,601" in alarms[0].message


def test_a_true_national_statement_is_attributed_and_verified(tmp_path, catalog, references):
    text = "In 2022, 73,838 Americans died of overdoses involving fentanyl."
    claim = _claim(_claims(tmp_path, catalog, text), "73,838")
    assert claim.measure == "us.overdose_deaths.synthetic_opioids"
    assert not _alarms(tmp_path, catalog, references, text)
