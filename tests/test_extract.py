"""Extraction on sentences written for these tests (never copied from the seeds)."""

from __future__ import annotations

import pytest

from factcheck.extract import extract_document
from factcheck.model import Document


def claims_of(text: str, date: str | None = None):
    doc = Document(path="t.md", text=text, body=text, date=date)
    return extract_document(doc)


def one(text: str, date: str | None = None):
    found = claims_of(text, date)
    assert len(found) == 1, [(c.surface, c.kind) for c in found]
    return found[0]


@pytest.mark.parametrize(
    "text, surface, value, unit, qualifier, kind",
    [
        ("Officials counted 1,234 arrests.", "1,234", 1234, "count", "exact", "count"),
        (
            "The agency seized 12.5 kilograms.",
            "12.5 kilograms",
            12.5,
            "kilogram",
            "exact",
            "measurement",
        ),
        (
            "A dose of two milligrams may kill.",
            "two milligrams",
            2,
            "milligram",
            "exact",
            "measurement",
        ),
        ("Fifty officers were sent.", "Fifty", 50, "count", "exact", "count"),
        ("They held a hundred hearings.", "a hundred", 100, "count", "exact", "count"),
        ("Eleven states agreed.", "Eleven", 11, "count", "exact", "count"),
        ("It took a dozen raids.", "a dozen", 12, "count", "exact", "count"),
        (
            "Only one and a half tons arrived.",
            "one and a half tons",
            1.5,
            "metric_ton",
            "exact",
            "measurement",
        ),
        (
            "Costs reached 1.22 million dollars.",
            "1.22 million dollars",
            1.22e6,
            "USD",
            "exact",
            "money",
        ),
        ("The budget is $16.7 billion.", "$16.7 billion", 16.7e9, "USD", "exact", "money"),
        ("Revenue hit 13 bn pesos.", "13 bn pesos", 13e9, "MXN", "exact", "money"),
        ("About 27 percent agreed.", "About 27 percent", 27, "percent", "about", "percent"),
        ("Some 70% agreed.", "Some 70%", 70, "percent", "about", "percent"),
        ("Only 53 per cent agreed.", "53 per cent", 53, "percent", "exact", "percent"),
        (
            "Support slipped 3 percentage points.",
            "3 percentage points",
            3,
            "percentage_point",
            "exact",
            "change",
        ),
        (
            "It is fifty times more potent.",
            "fifty times",
            50,
            "dimensionless",
            "exact",
            "multiplier",
        ),
        ("It is 50x stronger.", "50x", 50, "dimensionless", "exact", "multiplier"),
        ("Prices tripled.", "tripled", 3, "dimensionless", "exact", "change"),
        ("Seizures doubled.", "doubled", 2, "dimensionless", "exact", "change"),
        ("A ten-fold increase followed.", "ten-fold", 10, "dimensionless", "exact", "change"),
        (
            "Deaths exceeded more than 100,000.",
            "more than 100,000",
            100000,
            "count",
            "more_than",
            "count",
        ),
        ("We found at least 40 sites.", "at least 40", 40, "count", "at_least", "count"),
        ("We found fewer than 40 sites.", "fewer than 40", 40, "count", "less_than", "count"),
        ("It costs up to $3 million.", "up to $3 million", 3e6, "USD", "at_most", "money"),
        ("It killed nearly 200,000 people.", "nearly 200,000", 200000, "count", "nearly", "count"),
        ("It killed roughly 9,000 people.", "roughly 9,000", 9000, "count", "about", "count"),
        ("Half of the pills were fake.", "Half", 50, "percent", "exact", "percent"),
        ("A third of the pills were fake.", "A third", 100 / 3, "percent", "exact", "percent"),
        ("Two-thirds of voters agreed.", "Two-thirds", 200 / 3, "percent", "exact", "percent"),
        ("Six out of 10 pills were lethal.", "Six out of 10", 60, "percent", "exact", "percent"),
        ("The route is 170 miles long.", "170 miles", 170, "mile", "exact", "measurement"),
        (
            "The gang is the fifth-largest employer.",
            "fifth-largest",
            5,
            "dimensionless",
            "exact",
            "rank",
        ),
        ("The war lasted 20 years.", "20 years", 20, "year", "exact", "duration"),
    ],
)
def test_reading_numbers(text, surface, value, unit, qualifier, kind):
    claim = one(text)
    assert claim.surface == surface
    assert claim.value == pytest.approx(value)
    assert (claim.unit, claim.qualifier, claim.kind) == (unit, qualifier, kind)


def test_more_than_is_open_above():
    claim = one("There were more than 100,000 deaths in 2021.")
    assert (claim.low, claim.high) == (100000, None)
    assert claim.period == "2021"
    assert claim.noun == "deaths"


def test_nearly_is_below_the_number():
    claim = one("Nearly 200,000 people died.")
    assert claim.high == 200000 and claim.low < 200000


def test_ranges():
    claim = one("It is 50 to 100 times stronger than morphine.")
    assert (claim.low, claim.high, claim.qualifier, claim.kind) == (50, 100, "range", "multiplier")
    claim = one("Between 350–370 recruits join.")
    assert (claim.low, claim.high) == (350, 370)
    claim = one("The cartel earns between $1 million and $3 million a day.")
    assert (claim.low, claim.high, claim.unit, claim.kind) == (1e6, 3e6, "USD / day", "rate")
    assert claim.surface == "between $1 million and $3 million a day"


@pytest.mark.parametrize(
    "text, value, low, high",
    [("The dispute ran for 2-3 decades.", 25, 20, 30),
     ("Its half-life is 1.5-2 centuries.", 175, 150, 200),
     # A fuzzed PDF's line (campaign input 3,077,225): a fraction to a year, in decades.
     ("Members rose to some two-thirds-2030 decade in Texas.", 10153.33, 6.67, 20300)],
)  # fmt: skip
def test_a_range_of_decades_is_an_interval_of_years(text, value, low, high):
    # The value was scaled to years and the interval left in decades, outside it.
    claim = one(text)
    assert claim.unit == "year" and claim.qualifier == "range"
    assert (claim.value, claim.low, claim.high) == pytest.approx((value, low, high), rel=1e-3)
    assert claim.low <= claim.value <= claim.high


def test_vague_magnitudes_are_intervals():
    claim = one("Hundreds of thousands of people died.")
    assert (claim.qualifier, claim.value) == ("vague", None)
    assert claim.low == 200_000 and claim.high >= 900_000
    claim = one("Tens of thousands of guns crossed.")
    assert (claim.low, claim.qualifier) == (20_000, "vague")
    claim = one("Cartels earn billions of dollars.")
    assert (claim.unit, claim.kind, claim.low) == ("USD", "money", 2e9)
    claim = one("Even a few milligrams can kill.")
    assert (claim.unit, claim.low, claim.high) == ("milligram", 2, 5)


def test_rates():
    claim = one("The rate was 25.6 per 100,000 people.")
    assert (claim.unit, claim.kind, claim.value) == ("per_100k", "rate", 25.6)
    claim = one("Smugglers earn $1 million a day.")
    assert (claim.unit, claim.kind) == ("USD / day", "rate")
    claim = one("Some 360 recruits join every week.")
    assert (claim.unit, claim.kind) == ("count / week", "rate")


def test_changes_carry_periods_and_direction():
    claims = claims_of(
        "Deaths fell to 80,000 in 2024. That was a 27 percent decline from the prior year."
    )
    change = claims[-1]
    assert change.kind == "change"
    assert change.change == pytest.approx(-0.27)
    assert (change.from_period, change.to_period, change.period) == ("2023", "2024", "2023/2024")
    claim = one("Seizures tripled from 2016 to 2020.")
    assert (claim.factor, claim.from_period, claim.to_period) == (3.0, "2016", "2020")


def test_from_to_pairs_carry_the_change():
    claims = claims_of("Deaths rose from 50,000 in 2019 to 75,000 in 2021.")
    assert [c.value for c in claims] == [50000, 75000]
    assert claims[1].change == pytest.approx(0.5)
    assert (claims[1].from_period, claims[1].to_period) == ("2019", "2021")


def test_money_in_a_given_years_dollars():
    claim = one("The program cost about $200 billion in 2025 dollars.")
    assert claim.currency_year == 2025


@pytest.mark.parametrize(
    "text, period",
    [
        ("In 2021, 500 officers quit.", "2021"),
        ("Officers quit, 500 of them, during 2019.", "2019"),
        ("Arrests reached 500 during the 2010s.", "2010/2019"),
        ("Arrests reached 500 in FY2023.", "FY2023"),  # a fiscal year is not 2023
        ("Seizures rose to 500 in fiscal year 2021.", "FY2021"),
        ("In the twelve months ending in April 2024, 500 officers quit.", "2023-05/2024-04"),
        ("Arrests reached 500 between 2016 and 2020.", "2016/2020"),
    ],
)
def test_periods(text, period):
    found = [c for c in claims_of(text) if c.value == 500]
    assert found and found[0].period == period


def test_relative_periods_use_the_document_date():
    claim = one("Over the past decade, 900 labs were closed.", date="2025-07-02")
    assert claim.period == "2015/2025"
    claim = one("Last year 900 labs were closed.", date="2025-07-02")
    assert claim.period == "2024"


@pytest.mark.parametrize(
    "text",
    [
        "The president signed Executive Order 14157 on a Monday.",
        "See 10 U.S.C. § 2808 for the rules.",
        "The report R41576 describes it.",
        "The COVID-19 pandemic changed everything.",
        "After 9/11 the budget grew.",
        "As shown in Figure 3, the trend is clear.",
        "The meeting was on January 20, 2025.",
        "It happened in 2021.",
        "The first volume set out the causes.",
        "One study found otherwise.",
        "Read more at https://example.org/2024/10/report-123.",
        "Call (202) 555-0143 for details.",
        "Operation 7 began at dawn.",
        "Part III looks at responses, see page 12.",
    ],
)
def test_not_claims(text):
    assert claims_of(text) == []


def test_ages_and_ranks():
    claim = one("It is the leading killer of adults ages 18–44.")
    assert (claim.kind, claim.low, claim.high) == ("age", 18, 44)
    claim = one("The country spends the 22nd most in the world.")
    assert claim.kind == "rank" and claim.value == 22


def test_places():
    claim = one("About 79,000 Americans died.")
    assert claim.place == "US"
    claim = one("In Mexico, 30,000 people were killed.")
    assert claim.place == "MX"


def test_named_periods_defined_by_the_document():
    text = (
        "Governor Ana María Ruiz (2010–2016) promised reform. "
        "During Ruiz's final year, 4,000 officers were hired. "
        "Over Ruiz's tenure, 9,000 officers were hired. "
        "Under AMR's administration, 12,000 arrests were made."
    )
    by_value = {c.value: c.period for c in claims_of(text)}
    assert by_value[4000] == "2016"
    assert by_value[9000] == "2010/2016"
    assert by_value[12000] == "2010/2016"


def test_now_and_the_next_decade_use_the_document_date():
    assert one("The coalition now counts 150 members.", date="2025-04").period == "2025"
    assert one("Some 900 labs may open over the next decade.", date="2025-04").period == "2025/2035"


def test_since_with_words_between():
    claim = one("Murders have doubled since the reform of the police in 2006.", date="2024-01")
    assert claim.period == "2006/2024"


def test_without_a_stated_date_the_latest_full_date_stands_in():
    text = "Over the last decade, 900 labs closed. Sources: report of March 2023."
    assert claims_of(text)[0].period == "2013/2023"


def test_a_level_after_a_change_stands_at_its_end():
    claims = claims_of(
        "After a 39 percent increase between 2023 and 2024, the budget is $16.7 billion."
    )
    assert [c.period for c in claims] == ["2023/2024", "2024"]


def test_titles_and_calibers_are_not_counts():
    assert claims_of("The doctrine of Three Warfares was adopted.") == []
    assert claims_of("Smugglers move .50 caliber rifles.") == []


def test_surface_leaves_out_markup_inside_the_span():
    from factcheck.load import load_text

    doc = load_text("<p>In 2022, about <b>120,000</b> people died.</p>", "x.html", "html")
    [claim] = extract_document(doc)
    assert claim.surface == "120,000" and claim.qualifier == "about"
    assert doc.text[claim.start :].startswith(claim.surface)


def test_number_words_in_compound_adjectives_are_not_counts():
    assert claims_of("They waged a three dimensional war and a two-pronged campaign.") == []


def test_a_change_over_twelve_months_compares_with_the_twelve_before():
    claim = one("Deaths saw a 10 percent reduction over the twelve months ending in April 2024.")
    assert claim.period == "2023-05/2024-04"
    assert (claim.from_period, claim.to_period) == ("2022-05/2023-04", "2023-05/2024-04")
    assert claim.change == pytest.approx(-0.10)


def test_a_time_in_another_clause_belongs_to_that_clause():
    claims = claims_of(
        "Officials say 74 percent of guns are smuggled, and 2.5 million guns crossed during the 2010s."
    )
    assert [c.period for c in claims] == [None, "2010/2019"]


def test_ages_take_no_period_from_elsewhere_in_the_sentence():
    claims = claims_of("In 2024, overdoses were the leading cause of death for people ages 18–44.")
    assert claims[0].kind == "age" and claims[0].period is None


def test_that_year_refers_back():
    claims = claims_of("Seizures reached 700 in 2022, and arrests came to 900 that year.")
    assert [c.period for c in claims] == ["2022", "2022"]


def test_up_by_is_a_change_and_a_while_clause_shares_the_time():
    claims = claims_of(
        "Arrests have risen by 70 percent since 2021, while seizures are up by 40 percent.",
        date="2025-07",
    )
    assert [c.kind for c in claims] == ["change", "change"]
    assert [c.period for c in claims] == ["2021/2025", "2021/2025"]
    assert claims_of("Prices are up to 40 percent higher.")[0].kind == "percent"


def test_a_qualified_span_of_time_is_a_duration():
    claim = one("The crisis lasted nearly a decade.")
    assert (claim.surface, claim.value, claim.unit, claim.qualifier) == (
        "nearly a decade",
        10,
        "year",
        "nearly",
    )
    assert claims_of("A decade ago it began.") == []


def test_a_change_over_the_previous_term():
    text = (
        "Mayor Ana Ruiz (2018–2024) presided. Police made nearly 200,000 arrests during Ruiz's "
        "tenure, a rise of more than 25 percent against the preceding six-year term."
    )
    arrests, change, duration = claims_of(text)
    assert arrests.period == "2018/2024"
    assert (change.from_period, change.to_period, change.period) == (
        "2012/2018",
        "2018/2024",
        "2012/2024",
    )
    assert change.change == pytest.approx(0.25)
    assert (duration.kind, duration.period) == ("duration", "2012/2018")


def test_a_sentence_carries_on_over_a_footnote_block():
    from factcheck.load import load_text

    text = (
        "In 2025 the mayor signed an order of great consequence for the city, directing the\n\n"
        "---\n\n<sup>4</sup> A note about the order, 2019.\n\n"
        "Police Department to hire 300 officers.\n"
    )
    [claim] = extract_document(load_text(text, "x.md", "markdown"))
    assert claim.value == 300 and claim.period == "2025"
    assert claim.sentence.startswith("In 2025 the mayor")


def test_named_periods_from_the_catalog():
    known = [
        (("Ana Ruiz", "Ruiz"), ("2024-10/2030-09",)),
        (("Bo Lind", "Lind"), ("2017/2021", "2025/2029")),
    ]
    text = (
        "The Ruiz administration in its first four months closed 644 labs. "
        "During Lind's first term, 170 miles of fence were built. "
        "Lind's six-year plan aside, Ruiz's tenure saw 900 arrests."
    )
    doc = Document(path="t.md", text=text, body=text, date="2025-07")
    by_surface = {c.surface: c.period for c in extract_document(doc, named_periods=known)}
    assert by_surface["644"] == "2024-10/2025-01"
    assert by_surface["170 miles"] == "2017/2021"
    assert by_surface["900"] == "2024-10/2030-09"


def test_a_run_on_sentence_is_cut_at_clauses():
    from factcheck.extract.sentences import MAX_SENTENCE, split_sentences

    body = "the ferry carried 1,234 riders in 2021; " * 200
    pieces = list(split_sentences(body))
    assert len(pieces) > 1 and all(p.end - p.start <= MAX_SENTENCE for p in pieces)
    assert all(body[p.end - 2 : p.end] == "; " for p in pieces[:-1])
    assert "".join(body[p.start : p.end] for p in pieces) == body.rstrip()


def test_a_factor_word_after_a_dash_is_not_a_range_end():
    claims = claims_of("Seizures 0–tripled in a year.")  # raised AttributeError before the fix
    assert [(c.surface, c.qualifier) for c in claims] == [("0", "exact"), ("tripled", "exact")]


@pytest.mark.parametrize(
    ("text", "surface", "period"),
    [
        ("In 2022, the clinic saw 4,100 patients, a 12% increase from the 2021 total.", "12%",
         "2021/2022"),
        ("Ridership in 2023 was 8.1 million, a 6 percent rise over the 2022 figure.",
         "6 percent", "2022/2023"),
        ("In 2020 the county spent $3 million, a 9% drop compared with 2018.", "9%",
         "2018/2020"),
        # No later year to run to: the baseline's year alone, as before.
        ("Costs saw a 5% increase over 2019.", "5%", "2019"),
        # A baseline later than the clause's year is no span.
        ("In 2018, admissions showed a 4% decline from the 2019 peak.", "4%", "2019"),
        ("Fares rose 3% from 2020 to 2021.", "3%", "2020/2021"),
    ],
)  # fmt: skip
def test_a_change_measured_from_a_years_figure_runs_to_the_clauses_year(text, surface, period):
    claim = next(c for c in claims_of(text) if c.surface == surface)
    assert claim.period == period


def test_a_change_since_a_year_is_a_span_not_a_baseline():
    # Found by the fuzz campaign: "since 2015" in a dated document resolves to 2015/2024, and
    # the baseline rule ("from ... 2015") added the clause's year to it: the period
    # "2015/2024/2021" then raised ValueError when split into its two ends.
    claims = claims_of("In 2021, pills tripled from a low base since 2015.", date="2024-05-01")
    claim = next(c for c in claims if c.surface == "tripled")
    assert claim.period == "2015/2024"
    assert (claim.from_period, claim.to_period) == ("2015", "2024")
