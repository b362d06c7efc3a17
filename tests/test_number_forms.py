"""Every way English writes a number, read as a claim with its value, interval and unit.

Table-driven: each case is a sentence written for this file (never copied from a corpus), the
surface the claim must have, and its value, low, high and unit. A sentence holds one quantity
and must give exactly one claim. Part of the table is generated: cardinals written out by
num2words, digit strings with each kind of thousands separator, and every fraction p/q with
q <= 12 as a slash and as words. NOT_QUANTITIES lists sentences whose numbers are not
quantities (identifiers, dates, markers, names, idioms) and must give no claim at all.
"""

from __future__ import annotations

import random

import pytest
from num2words import num2words

from factcheck.extract import extract_document
from factcheck.model import Document

INF = None  # an open side of an interval


def claims_of(text: str):
    return extract_document(Document(path="t.txt", text=text, body=text))


def _case(text, surface, value, unit="count", low="=", high="="):
    """A row: low and high default to the value (an exact claim)."""
    return (
        text,
        surface,
        value,
        value if low == "=" else low,
        value if high == "=" else high,
        unit,
    )


WRITTEN = [
    # digits
    _case("Officials counted 1,234 arrests.", "1,234", 1234),
    _case("Officials counted 1,234,567 arrests.", "1,234,567", 1234567),
    _case("The index stood at 12.75 that week.", "12.75", 12.75),
    _case("The levy is .075 of each sale.", ".075", 0.075),
    _case("A share of .5 was kept back.", ".5", 0.5),
    _case("They paid $.50 for each.", "$.50", 0.5, "USD"),
    _case("The sample held 0.25 of the total.", "0.25", 0.25),
    _case("Agents logged 1\u2009234\u2009567 crossings.", "1\u2009234\u2009567", 1234567),
    _case("Agents logged 1\u202f234\u202f567 crossings.", "1\u202f234\u202f567", 1234567),
    _case("Agents logged 1\u00a0234 crossings.", "1\u00a0234", 1234),
    _case("Agents logged 1 234 567 crossings.", "1 234 567", 1234567),
    _case("Agents logged 12 500 crossings.", "12 500", 12500),
    _case("Agents logged 1'234'567 crossings.", "1'234'567", 1234567),
    _case("Agents logged 1’234 crossings.", "1’234", 1234),
    _case("Agents logged 3\u2009500.5 tonnes.", "3\u2009500.5 tonnes", 3500.5, "metric_ton"),
    _case("The district counted 4,56,789 voters.", "4,56,789", 456789),
    _case("The district counted 12,34,56,789 voters.", "12,34,56,789", 123456789),
    # scales after digits
    _case("The port handled 1.5 million containers.", "1.5 million", 1.5e6),
    _case("The port handled 2 billion tons.", "2 billion tons", 2e9, "metric_ton"),
    _case("The fund lent 3 thousand loans.", "3 thousand", 3000),
    _case("The fund lent 4 hundred loans.", "4 hundred", 400),
    _case("The firm sold 12M units.", "12M", 12e6),
    _case("The firm sold 2.5M units.", "2.5M", 2.5e6),
    _case("The firm was valued at 3.4b dollars.", "3.4b dollars", 3.4e9, "USD"),
    _case("The deal was worth $5m in cash.", "$5m", 5e6, "USD"),
    _case("The deal was worth $5 m in cash.", "$5 m", 5e6, "USD"),
    _case("The deal was worth £3m in cash.", "£3m", 3e6, "GBP"),
    _case("The deal was worth $2B in cash.", "$2B", 2e9, "USD"),
    _case("Exports came to 7 bln last spring.", "7 bln", 7e9),
    _case("Exports came to 7bn last spring.", "7bn", 7e9),
    _case("Exports came to 13 bn pesos.", "13 bn pesos", 13e9, "MXN"),
    _case("Debt rose to 2 tn last spring.", "2 tn", 2e12),
    _case("Debt rose to 2 tln last spring.", "2 tln", 2e12),
    _case("Sales reached 5 mln units.", "5 mln", 5e6),
    _case("Sales reached 5 mn units.", "5 mn", 5e6),
    _case("The club has 10k members.", "10k", 10e3),
    _case("The club raised $10K for the school.", "$10K", 10e3, "USD"),
    _case("Shops hired 2.5m people.", "2.5m", 2.5e6),
    _case("The wall is 5 m high.", "5 m", 5, "meter"),
    _case("The wall is 5m high.", "5m", 5, "meter"),
    _case("The program reached 12 lakh homes.", "12 lakh", 1.2e6),
    _case("The program cost 3 crore rupees.", "3 crore", 3e7),
    _case("The budget was 1.5 lakh crore rupees.", "1.5 lakh crore", 1.5e12),
    # units glued to digits
    _case("Each vial held 45ml of solution.", "45ml", 45, "milliliter"),
    _case("The ship carried 200t of grain.", "200t", 200, "metric_ton"),
    _case("The camp lies 30km from town.", "30km", 30, "kilometer"),
    _case("Each pill held 2mg of the drug.", "2mg", 2, "milligram"),
    _case("The parcel weighed 10kg on arrival.", "10kg", 10, "kilogram"),
    _case("The sample was 5g of powder.", "5g", 5, "gram"),
    _case("The bag held 12oz of powder.", "12oz", 12, "ounce"),
    _case("The bag held 3lbs of powder.", "3lbs", 3, "pound"),
    _case("The board was 4 3/4 inches thick.", "4 3/4 inches", 4.75, "inch"),
    _case("The board was 4-3/4 inches thick.", "4-3/4 inches", 4.75, "inch"),
    _case("The trail is 1½ miles long.", "1½ miles", 1.5, "mile"),
    _case("The trail is 2 ¼ miles long.", "2 ¼ miles", 2.25, "mile"),
    _case("The trail is ½ mile long.", "½ mile", 0.5, "mile"),
    _case("The trail is half a mile long.", "half a mile", 0.5, "mile"),
    _case("The walk took half an hour.", "half an hour", 0.5, "hour"),
    _case("The unit worked for a quarter of a century.", "a quarter of a century", 25, "year"),
    _case("The unit worked for half a century.", "half a century", 50, "year"),
    # number words
    _case("Seventeen officers resigned.", "Seventeen", 17),
    _case("The town lost sixty-three homes.", "sixty-three", 63),
    _case("The town lost eighty homes.", "eighty", 80),
    _case("The debt stands at twenty-one trillion.", "twenty-one trillion", 21e12),
    _case("They found one hundred and forty-two boats.", "one hundred and forty-two", 142),
    _case("They found one hundred forty-two boats.", "one hundred forty-two", 142),
    _case("They found a hundred and ten boats.", "a hundred and ten", 110),
    _case("They found a hundred boats.", "a hundred", 100),
    _case("They found a thousand boats.", "a thousand", 1000),
    _case("They found a million boats.", "a million", 1e6),
    _case("They found twenty-five hundred boats.", "twenty-five hundred", 2500),
    _case("They found two thousand and seven boats.", "two thousand and seven", 2007),
    _case(
        "They found three million, two hundred thousand boats.",
        "three million, two hundred thousand",
        3.2e6,
    ),  # fmt: skip
    _case(
        "They found nine hundred ninety-nine thousand boats.",
        "nine hundred ninety-nine thousand",
        999e3,
    ),  # fmt: skip
    _case("They found one and a half tons.", "one and a half tons", 1.5, "metric_ton"),
    _case("They found two and a half million boats.", "two and a half million", 2.5e6),
    _case(
        "They found two and three quarters tons.", "two and three quarters tons", 2.75, "metric_ton"
    ),  # fmt: skip
    _case("They found one and one-half tons.", "one and one-half tons", 1.5, "metric_ton"),
    _case("They found a dozen boats.", "a dozen", 12),
    _case("They found two dozen boats.", "two dozen", 24),
    _case("They found half a dozen boats.", "half a dozen", 6),
    _case("They found a half dozen boats.", "a half dozen", 6),
    _case("They found three lakh boats.", "three lakh", 3e5),
    _case("They found twelve hundred boats.", "twelve hundred", 1200),
    _case("The state has zero clinics.", "zero", 0),
    # fractions scaling scales
    _case("They raised half a million dollars.", "half a million dollars", 5e5, "USD"),
    _case("They raised a half million dollars.", "a half million dollars", 5e5, "USD"),
    _case("They mailed a quarter million letters.", "a quarter million", 2.5e5),
    _case("They mailed a quarter of a million letters.", "a quarter of a million", 2.5e5),
    _case("They mailed two thirds of a million letters.", "two thirds of a million", 2e6 / 3),
    _case(
        "They mailed three quarters of a billion letters.", "three quarters of a billion", 7.5e8
    ),  # fmt: skip
    _case("They mailed ¾ million letters.", "¾ million", 7.5e5),
    # fractions as shares
    _case("A quarter of voters stayed home.", "A quarter", 25, "percent"),
    _case(
        "Nearly a third of voters stayed home.",
        "Nearly a third",
        100 / 3,
        "percent",
        low=30,
        high=100 / 3,
    ),  # fmt: skip
    _case("Three fifths of voters stayed home.", "Three fifths", 60, "percent"),
    _case("Two-thirds of voters stayed home.", "Two-thirds", 200 / 3, "percent"),
    _case("The tally was one-eighth.", "one-eighth", 12.5, "percent"),
    _case("The tally was a quarter.", "a quarter", 25, "percent"),
    _case("Only half of voters stayed home.", "half", 50, "percent"),
    _case("One and a half percent stayed home.", "One and a half percent", 1.5, "percent"),
    _case("About 1/4 of voters stayed home.", "About 1/4", 25, "percent", low=23.75, high=26.25),
    _case(
        "Roughly 2/3 of voters stayed home.",
        "Roughly 2/3",
        200 / 3,
        "percent",
        low=200 / 3 * 0.95,
        high=200 / 3 * 1.05,
    ),  # fmt: skip
    _case("Exactly ¼ of voters stayed home.", "¼", 25, "percent"),
    _case(
        "Some ⅔ of voters stayed home.",
        "Some ⅔",
        200 / 3,
        "percent",
        low=200 / 3 * 0.95,
        high=200 / 3 * 1.05,
    ),  # fmt: skip
    _case("The rule covers 3⁄8 of the land.", "3⁄8", 37.5, "percent"),
    # shares
    _case("One in three adults agreed.", "One in three", 100 / 3, "percent"),
    _case("About 1 in 4 adults agreed.", "About 1 in 4", 25, "percent", low=23.75, high=26.25),
    _case("Three out of four adults agreed.", "Three out of four", 75, "percent"),
    _case(
        "Three out of four hundred adults agreed.", "Three out of four hundred", 0.75, "percent"
    ),  # fmt: skip
    _case("Six out of 10 adults agreed.", "Six out of 10", 60, "percent"),
    _case("One in a hundred adults agreed.", "One in a hundred", 1, "percent"),
    _case("One in a million adults agreed.", "One in a million", 1e-4, "percent"),
    _case("Nine in ten adults agreed.", "Nine in ten", 90, "percent"),
    _case("Only 3 in 1,000 adults agreed.", "3 in 1,000", 0.3, "percent"),
    # money
    _case("The ticket cost 5 dollars 20 cents.", "5 dollars 20 cents", 5.2, "USD"),
    _case("The ticket cost 5 dollars and 20 cents.", "5 dollars and 20 cents", 5.2, "USD"),
    _case(
        "The ticket cost two dollars and fifty cents.", "two dollars and fifty cents", 2.5, "USD"
    ),  # fmt: skip
    _case("The ticket cost $5 and 20 cents.", "$5 and 20 cents", 5.2, "USD"),
    _case("The ticket cost 50 cents.", "50 cents", 0.5, "USD"),
    _case("The ticket cost €30.", "€30", 30, "EUR"),
    _case("The ticket cost US$ 12.", "US$ 12", 12, "USD"),
    _case("The budget is $16.7 billion.", "$16.7 billion", 16.7e9, "USD"),
    _case("The budget is 1.22 million dollars.", "1.22 million dollars", 1.22e6, "USD"),
    # ranges and bounds
    _case(
        "It cost 2000 - 3000 dollars.", "2000 - 3000 dollars", 2500, "USD", low=2000, high=3000
    ),  # fmt: skip
    _case("Crews worked 30 through 60 shifts.", "30 through 60", 45, low=30, high=60),
    _case("Crews worked 30 thru 60 shifts.", "30 thru 60", 45, low=30, high=60),
    _case("Crews worked between 5 and 10 shifts.", "between 5 and 10", 7.5, low=5, high=10),
    _case("Crews worked from 5 to 10 shifts.", "from 5 to 10", 7.5, low=5, high=10),
    _case("Crews worked 5–10 shifts.", "5–10", 7.5, low=5, high=10),
    _case("Crews worked 5 – 10 shifts.", "5 – 10", 7.5, low=5, high=10),
    _case("Crews worked 5-10 shifts.", "5-10", 7.5, low=5, high=10),
    _case("Crews worked five to ten shifts.", "five to ten", 7.5, low=5, high=10),
    _case("Crews worked five or six shifts.", "five or six", 5.5, low=5, high=6),
    _case("Rates were 5 to 10 percent.", "5 to 10 percent", 7.5, "percent", low=5, high=10),
    _case(
        "Costs ran 1 to 3 million dollars.", "1 to 3 million dollars", 2e6, "USD", low=1e6, high=3e6
    ),  # fmt: skip
    _case(
        "The fee was above 200 and below 400 dollars.",
        "above 200 and below 400 dollars",
        300,
        "USD",
        low=200,
        high=400,
    ),  # fmt: skip
    _case(
        "Turnout was above 200 and below 400 people.",
        "above 200 and below 400",
        300,
        low=200,
        high=400,
    ),  # fmt: skip
    _case(
        "Turnout was more than 5 but less than 10 percent.",
        "more than 5 but less than 10 percent",
        7.5,
        "percent",
        low=5,
        high=10,
    ),  # fmt: skip
    _case(
        "Turnout was at least $5 and at most $9.",
        "at least $5 and at most $9",
        7,
        "USD",
        low=5,
        high=9,
    ),  # fmt: skip
    # qualifiers on the new forms
    _case(
        "More than 1\u2009234 crossings were logged.", "More than 1\u2009234", 1234, high=None
    ),  # fmt: skip
    _case("Fewer than seventeen officers resigned.", "Fewer than seventeen", 17, low=None),
    _case(
        "At least a quarter million letters came.", "At least a quarter million", 2.5e5, high=None
    ),  # fmt: skip
    _case(
        "Up to half a million dollars was lost.",
        "Up to half a million dollars",
        5e5,
        "USD",
        low=None,
    ),  # fmt: skip
    _case("Nearly 12M units were sold.", "Nearly 12M", 12e6, low=10.8e6),
    # changes from one level to another stay two levels
    _case("Output was 40 percent of the target.", "40 percent", 40, "percent"),
    # ranks and runs
    _case("It is the number one cause of death.", "number one", 1, "dimensionless"),
    _case("Ohio is second to Kentucky on the list.", "second to", 2, "dimensionless"),
    _case("Ohio ranks second only to Kentucky.", "second only to", 2, "dimensionless"),
    _case(
        "Life expectancy fell for the second year in a row.", "second year in a row", 2, "year"
    ),  # fmt: skip
    _case("Prices rose for a third consecutive month.", "third consecutive month", 3, "month"),
    _case("The city is the fifth-largest port.", "fifth-largest", 5, "dimensionless"),
    _case("The region ranks 22nd in the world.", "22nd in the world", 22, "dimensionless"),
    # a span of time that is the sentence's only number is what it asserts
    _case("Deaths have risen over the past 2 decades.", "2 decades", 20, "year"),
    _case("For the last four years, the unit has grown.", "four years", 4, "year"),
    _case("In the past 2 years, deaths tripled.", "tripled", 3, "dimensionless"),
    # qualifiers written after the number
    _case("Deaths passed 107,000-plus that year.", "107,000-plus", 107000, high=None),
    _case("The unit has 40-odd agents.", "40-odd", 40, low=38, high=42),
    # rates written with a slash
    _case("Guards earn $15/hour at the port.", "$15/hour", 15, "USD / hour"),
    # a count after a name is still a count
    _case("In Texas 500 people died.", "500", 500),
    _case("The DEA seized 500 pounds.", "500 pounds", 500, "pound"),
    _case("Over 500 people came.", "Over 500", 500, high=None),
    # multipliers
    _case("It was one-and-a-half times larger.", "one-and-a-half times", 1.5, "dimensionless"),
    _case("The dose is fifty times stronger.", "fifty times", 50, "dimensionless"),
    _case("The drug is twice as strong.", "twice", 2, "dimensionless"),
]


def _cardinal_cases() -> list[tuple]:
    rng = random.Random(10)
    numbers = [0, 2, 7, 11, 19, 20, 21, 99, 100, 101, 110, 999, 1000, 1001, 1010, 1100, 1999,
               10_000, 12_345, 100_000, 100_001, 999_999, 10**6, 10**6 + 1, 2_500_000,
               10**9, 10**12, 21 * 10**12, 10**15]  # fmt: skip
    numbers += [rng.randrange(2, 10**4) for _ in range(25)]
    numbers += [rng.randrange(10**4, 10**15) for _ in range(25)]
    cases = []
    for n in numbers:
        words = num2words(n)
        for written in dict.fromkeys([words, words.replace(" and ", " ")]):
            cases.append(_case(f"Officials counted {written} arrests.", written, n))
    return cases


def _separator_cases() -> list[tuple]:
    rng = random.Random(11)
    cases = []
    for n in [rng.randrange(1000, 10**9) for _ in range(12)] + [1000, 10_000, 999_999]:
        groups = f"{n:,}".split(",")
        for sep in (",", "\u2009", "\u202f", "\u00a0", "'", " "):
            written = sep.join(groups)
            cases.append(_case(f"Officials counted {written} arrests.", written, n))
    return cases


def _fraction_cases() -> list[tuple]:
    words_for = {2: ("half", "halves"), 4: ("quarter", "quarters")}
    cases = []
    for q in range(2, 13):
        for p in range(1, q):
            share = 100 * p / q
            cases.append(_case(f"Exactly {p}/{q} of the voters came.", f"{p}/{q}", share,
                               "percent"))  # fmt: skip
            one, many = words_for.get(q, (num2words(q, to="ordinal"),) * 2)
            many = many if q in words_for else one + "s"
            numerator = num2words(p)
            written = f"{numerator}-{one}" if p == 1 else f"{numerator} {many}"
            cases.append(_case(f"Exactly {written} of the voters came.", written, share,
                               "percent"))  # fmt: skip
    return cases


CASES = WRITTEN + _cardinal_cases() + _separator_cases() + _fraction_cases()


@pytest.mark.parametrize("text, surface, value, low, high, unit", CASES)
def test_a_number_form_reads_as_one_claim(text, surface, value, low, high, unit):
    claims = claims_of(text)
    assert len(claims) == 1, [(c.surface, c.value, c.unit) for c in claims]
    (claim,) = claims
    assert claim.surface == surface
    assert claim.unit == unit
    assert claim.value == pytest.approx(value, rel=1e-9)
    for got, want in ((claim.low, low), (claim.high, high)):
        assert (got is None) == (want is None), (claim.low, claim.high)
        if want is not None:
            assert got == pytest.approx(want, rel=1e-9)


def test_the_table_is_large_enough():
    assert len(CASES) >= 400
    assert len(NOT_QUANTITIES) >= 100


def test_a_change_from_one_level_to_another_gives_two_levels():
    claims = claims_of("The rate rose 14%, from 28.3 to 32.4 per 100,000.")
    assert [c.value for c in claims] == [14, 28.3, 32.4]
    claims = claims_of("Deaths rose by 4.9% (from 8.2 to 8.6) last year.")
    assert [c.value for c in claims] == [4.9, 8.2, 8.6]
    claims = claims_of("Deaths rose by 1.9% (10.4 to 10.6) last year.")
    assert [c.value for c in claims] == [1.9, 10.4, 10.6]
    # Without a change it is a range of estimates.
    (claim,) = claims_of("Estimates range from 10 to 20 percent.")
    assert (claim.low, claim.high, claim.unit) == (10, 20, "percent")


def test_a_calibre_typed_without_a_space_keeps_the_count():
    (claim,) = claims_of("Police found 6.50 caliber rifles in the truck.")
    assert (claim.surface, claim.value) == ("6", 6)


NOT_QUANTITIES = [
    # list numbering and citation markers
    "(1) The committee finds that the program works.",
    "(14) Cartels operate across the border.",
    "- (3) the Gulf group;",
    "The harm comes from—(1)toxic chemicals;(2)a disease organism; or(3)radiation.",
    "Deaths rose over many years (1–4).",
    "Deaths rose over many years (1,2).",
    "Deaths rose over many years (3).",
    "Deaths rose over many years [12].",
    "The agency reported it in 2016.1 Later reports agreed.",
    "Most deaths involved fentanyl.2,3,4",
    "Ana Ruiz, PhD1,2; Luis Gómez, MSPH1",
    "12. The final finding of the panel.",
    "3) the last item of the list",
    # years, dates and times
    "It happened in 2021.",
    "The law took effect in fiscal year 2022.",
    "The meeting was on January 20, 2025.",
    "The office opened on 3 March 2019.",
    "The session ended on March 3.",
    "Done at the town hall this ninth day of May, in the year two thousand twenty-two, and "
    "of the founding of the town the one hundred and eighty-second.",
    "In the year two thousand the rules changed.",
    "The hearing began at 4:15 on Monday.",
    "The hearing began at 1:57 P.M. EDT.",
    "The hearing began at 4 p.m. on Monday.",
    "The hearing began at 9am on Monday.",
    "The hearing began at 7 o'clock sharp.",
    "The call ended at half past four.",
    "A couple of years ago, a father wrote to us.",
    "Two years ago the rules changed.",
    "A few months ago the rules changed.",
    "Ten days ago the rules changed.",
    "The 1990s were calmer.",
    "Back in the '90s the rules changed.",
    "After 9/11 the budget grew.",
    "The store is open 24/7 all year.",
    "The letter is dated 3/4/2021.",
    "The rules changed on 3/4 that year.",
    # statutes, sections, identifiers
    "The group is listed under 8 U.S.C. 1189 as a threat.",
    "Support is barred by section 2339B of title 18.",
    "See 10 U.S.C. § 2808 for the rules.",
    "The case is cited at 21 C.F.R. 1308 in full.",
    "The president signed Executive Order 14157 on a Monday.",
    "The senator filed S. 1048 that week.",
    "The House passed H.R. 22 that week.",
    "Under Public Law 117 the rule applies.",
    "The report R41576 describes it.",
    "As shown in Figure 3, the trend is clear.",
    "Table 2 lists the states.",
    "See page 12 for details.",
    "The court reviewed Case 18 again.",
    "Goal 2 sets out the plan.",
    "Phase 3 starts next spring.",
    "The draft is version 4 of the text.",
    "Part III looks at responses, see page 12.",
    "Operation 7 began at dawn.",
    "Chapter 11 covers the rest.",
    "Call (202) 555-0143 for details.",
    "Read more at https://example.org/2024/10/report-123.",
    "Write to help@example.org about form 7.",
    "A fully loaded Boeing 757–200 crashed in the test.",
    "Call 1-800-555-0143 for details.",
    "The 69th Session of the assembly met.",
    "The nation marked its 200th anniversary.",
    "The first volume set out the causes.",
    "His second term began in the spring.",
    "The 19th century saw the first laws.",
    "It was the third report on the subject.",
    "They hired a third party to audit the books.",
    "Another team studied use, and a third on treatment.",
    "The first time they met was in the spring.",
    # names with digits
    "The COVID-19 pandemic changed everything.",
    "The NARCOS Act of 2023 was introduced.",
    "Analogues such as 4-fluorofentanyl appeared.",
    "Analogues such as 3-methylfentanyl appeared.",
    "Leaders of the G7 met in the spring.",
    "The Group of Seven met in the spring.",
    "The doctrine of Three Warfares was adopted.",
    "The Seven Pillars of Wisdom is a long book.",
    "The F-35 program ran late.",
    "The H5N1 strain spread.",
    "Carriers rolled out 5G in the city.",
    "Form 1260H lists the firms.",
    "See item 2b of the list.",
    "Smugglers move .50 caliber rifles.",
    "Analysts cited the Fortune 500 list.",
    "It is an S&P 500 company.",
    "Shares of the 3M company fell.",
    "The Big Four audit firms agreed.",
    "The crew of Apollo 11 landed safely.",
    "The pair split the pot 50-50 in the end.",
    "The group was named the Class of 2020.",
    # descriptors
    "The rate was higher than for any other 5-year age group.",
    "Data are shown in 10-year age bands.",
    "The previous five years combined saw fewer seizures.",
    "More was seized in the last two years than ever before.",
    # idioms and words that are not counts
    "The half-life of the drug is short.",
    "It was a one-sided debate.",
    "They chose to double down on the plan.",
    "They are doubling down on the plan.",
    "The rise was in double-digit territory.",
    "It was a one-off payment.",
    "It is a two-way street.",
    "They waged a three dimensional war and a two-pronged campaign.",
    "One study found otherwise.",
    "One of the officers resigned.",
    "It was one too many for the team.",
    "They counted one, two, three and stopped.",
    "Few people came to the hearing.",
    "Many people came, and several stayed.",
    "A quarter to five the hall emptied.",
    "The second quarter was slow.",
    "She won a second time.",
    "They took a second look at the plan.",
]


@pytest.mark.parametrize("text", NOT_QUANTITIES)
def test_a_number_that_is_not_a_quantity_gives_no_claim(text):
    assert [(c.surface, c.value) for c in claims_of(text)] == []
