"""The text's own arithmetic (factcheck/check/arithmetic): changes against their endpoints,
parts against totals, shares against counts, rates against what they restate, multiples and
comparisons, and a whole carried to the next sentence.

The sentences are this project's own, across four subjects (public health, school budgets,
transport, company results): planted slips of every family, as many true statements, and
traps where the words do not say which figures are the parts, the total or the endpoints (those
must not be checked at all).
"""

from __future__ import annotations

import json
import random
import re
import time
from collections import Counter

import pytest

from factcheck import rules
from factcheck.catalog import default_catalog_path, load_catalog
from factcheck.check import check_claims
from factcheck.check.arithmetic import check_arithmetic
from factcheck.cli import main as cli_main
from factcheck.load import load_text
from factcheck.model import Claim
from factcheck.pipeline import extract_claims
from factcheck.references import load_references

CHANGE, PARTS, SHARE, RATE, COMPARE = (
    "arithmetic-change",
    "arithmetic-parts",
    "arithmetic-share",
    "arithmetic-rate",
    "arithmetic-comparison",
)
OK = "verified"  # true, and the check says so (arithmetic-verified, info)
QUIET = "quiet"  # true, and nothing to check: no arithmetic finding of any severity wanted
HEALTH, SCHOOLS, TRANSPORT, COMPANY = "public health", "school budgets", "transport", "company"

# (subject, text, expected): a rule id for a slip (reported as an error, or a warning where
# the expected id ends in "?", a points/percent confusion), OK or QUIET for a true statement.
CASES: list[tuple[str, str, str]] = [
    # --- 1. stated change against its endpoints
    (HEALTH, "Hospital admissions for asthma rose 25 percent, from 1,640 to 2,050.", OK),
    (HEALTH, "Measles cases fell 30 percent last year, from 4,200 to 3,360.", CHANGE),
    (HEALTH, "The number of flu deaths in the county doubled, from 57 to 114.", OK),
    (HEALTH, "The backlog of referrals tripled, from 1,400 to 3,500.", CHANGE),
    (HEALTH, "Vaccination coverage rose 6 percentage points, from 81% to 87%.", OK),
    (HEALTH, "Smoking among adults fell 4 percent, from 20% to 16%.", CHANGE + "?"),
    (HEALTH, "Infant deaths dropped by a quarter, from 64 to 56.", CHANGE),
    (SCHOOLS, "Spending on school meals grew 8 percent to $4.32 million from $4 million.", OK),
    (SCHOOLS, "The transport budget was cut by half, from $3.2 million to $2.1 million.", CHANGE),
    (SCHOOLS, "Enrolment in evening classes was halved, from 1,240 to 620.", OK),
    (SCHOOLS, "Teacher vacancies rose from 310 to 420, an increase of 45 percent.", CHANGE),
    (SCHOOLS, "Class sizes fell from 31 to 27 pupils, a drop of 4.", OK),
    (SCHOOLS, "Library visits climbed by 900, from 4,100 to 4,800.", CHANGE),
    (TRANSPORT, "Daily trips on the new route saw a ten-fold increase, from 2,300 to 23,000.", OK),
    (TRANSPORT, "Cycle commuting grew 150 percent, from 4,000 to 8,000 riders.", CHANGE),
    (TRANSPORT, "Rail delays fell 12 percent, from 2,500 in 2022 to 2,200 in 2023.", OK),
    (TRANSPORT, "Road deaths rose to 1,710 from 1,550, a rise of 20 percent.", CHANGE),
    (TRANSPORT, "Traffic injuries fell from 9,800 to 10,400 over the year.", CHANGE),
    (COMPANY, "Revenue climbed 18 percent, from $50 million to $59 million.", OK),
    (COMPANY, "Operating profit slumped 40 percent, from $12.5 million to $9.5 million.", CHANGE),
    (COMPANY, "The company's margin rose 2 points, from 11% to 13%.", OK),
    (COMPANY, "The gross margin widened 10 points, from 40% to 44%.", CHANGE + "?"),
    (COMPANY, "Headcount was cut by a third, from 900 to 600.", OK),
    (COMPANY, "Sales rose 10 percent to $220 million, from $200 million.", OK),
    # --- 2. parts against their total
    (HEALTH, "Of the 60 patients enrolled in the trial, 31 were men and 27 were women.", PARTS),
    (HEALTH, "Of the 248 new cases, 131 were in children and the other 117 in adults.", OK),
    (
        HEALTH,
        "The hospital received 412 complaints: 190 about waiting times, 150 about staff "
        "and 92 about food.",
        PARTS,
    ),  # fmt: skip
    (
        HEALTH,
        "Of the 1,020 people screened, 612 tested negative and the remaining 408 were "
        "referred for a second test.",
        OK,
    ),  # fmt: skip
    (
        SCHOOLS,
        "The district will spend $4.1 million on salaries and $1.3 million on buildings, "
        "$5.9 million in all.",
        PARTS,
    ),  # fmt: skip
    (SCHOOLS, "The grant totals $750,000: $500,000 for laptops and $250,000 for training.", OK),
    (
        SCHOOLS,
        "Of the school's budget, 62 percent goes on staff, 18 percent on buildings and "
        "the remaining 25 percent on materials.",
        PARTS,
    ),  # fmt: skip
    (SCHOOLS, "Of the 540 pupils, 270 are boys and 270 are girls.", OK),
    (TRANSPORT, "A total of 900 buses run in the city: 520 diesel and 430 electric.", PARTS),
    (
        TRANSPORT,
        "The airport handled 12 million passengers in all, 7 million on domestic "
        "flights and 5 million on international ones.",
        OK,
    ),  # fmt: skip
    (TRANSPORT, "The ferry carried 210 cars and 95 vans, 315 vehicles in total.", PARTS),
    (
        COMPANY,
        "Sales were $80 million in Europe and $45 million in Asia, $125 million combined.",
        OK,
    ),  # fmt: skip
    (COMPANY, "Of the firm's 1,240 employees, 712 work full-time and 480 part-time.", PARTS),
    (COMPANY, "Of the 40 stores, 46 reported a loss.", PARTS),
    # --- 3. shares against counts
    (HEALTH, "In the survey, 45 of the 150 clinics, nearly a third, reported shortages.", OK),
    (HEALTH, "Only 18 of the 120 wards, about a quarter, met the target.", SHARE),
    (HEALTH, "Two in five adults, or 40 percent, had a check-up.", OK),
    (HEALTH, "One in four children, or 30 percent, missed a vaccine dose.", SHARE),
    (HEALTH, "Of the 2,400 deaths, 1,560 (65%) were linked to heart disease.", OK),
    (HEALTH, "The ward treated 820 patients, including 410 (60%) over the age of 70.", SHARE),
    (SCHOOLS, "A pass rate of 92 percent, 1,104 of 1,200 pupils, was the best in years.", OK),
    (SCHOOLS, "Some 312 of the 1,300 teachers, roughly a third, plan to retire.", SHARE),
    (SCHOOLS, "Three in four schools, or 75 percent, have a library.", OK),
    (TRANSPORT, "Of the 80 trains that ran, 52 (58%) arrived on time.", SHARE),
    (TRANSPORT, "On the ring road, 3 in 10 drivers, or 40 percent, were speeding.", SHARE),
    (COMPANY, "Women hold 14 of the 40 board seats, or 35 percent.", OK),
    (COMPANY, "The company sold 1,150 of its 5,000 shops, nearly half.", SHARE),
    # --- 4. rates against what they restate
    (HEALTH, "The helpline answers 36,500 calls a year, about 100 a day.", OK),
    (HEALTH, "Ambulances attend 146,000 emergencies a year, or 500 a day.", RATE),
    (HEALTH, "The clinic has 12 nurses for 96 patients, one nurse for every 8 patients.", OK),
    (HEALTH, "The ward has 14 doctors for 210 patients, one doctor for every 12 patients.", RATE),
    (SCHOOLS, "The district spends $6 million on 3,000 pupils, or $2,000 per pupil.", OK),
    (
        SCHOOLS,
        "The county spent $9.6 million on meals for 4,000 pupils, or $3,000 per pupil.",
        RATE,
    ),  # fmt: skip
    (SCHOOLS, "The school buys 52,000 sheets of paper a year, about 1,000 a week.", OK),
    (
        SCHOOLS,
        "Schools lose $2 million a week to vandalism, or roughly $150 million a year.",
        RATE,
    ),  # fmt: skip
    (TRANSPORT, "The metro carries 1.46 million riders a day, or about 533 million a year.", OK),
    (TRANSPORT, "The tunnel handles 73,000 vehicles a day, some 36 million a year.", RATE),
    (TRANSPORT, "The airline burns $1.2 million of fuel a day, or $438 million a year.", OK),
    (COMPANY, "The firm earns $3 million a month, or $48 million a year.", RATE),
    (COMPANY, "The bakery sells 8,400 loaves a week, about 1,200 a day.", OK),
    (COMPANY, "The firm paid $4.8 million to its 60 employees, or $95,000 per employee.", RATE),
    # --- 5. multiples and comparisons
    (HEALTH, "The county's rate is 31, double the regional average of 22.", COMPARE),
    (HEALTH, "Emergency visits reached 4,800, twice the 2,400 seen a decade ago.", OK),
    (
        HEALTH,
        "The hospital has 300 beds, three times as many as the 120 at the old site.",
        COMPARE,
    ),  # fmt: skip
    (
        SCHOOLS,
        "The new school cost $18 million, more than the $21 million spent on the old one.",
        COMPARE,
    ),  # fmt: skip
    (SCHOOLS, "The district has 12,500 pupils, 1.5 times as many as the 8,300 next door.", OK),
    (
        SCHOOLS,
        "Spending per pupil is $9,000, half the $15,000 spent in private schools.",
        COMPARE,
    ),  # fmt: skip
    (
        TRANSPORT,
        "The new line carries 90,000 passengers a day, three times more than the 30,000 "
        "of the old one.",
        OK,
    ),  # fmt: skip
    (TRANSPORT, "Fares rose to $2.80, up from $3.10.", COMPARE),
    (TRANSPORT, "Trucks made 14,000 trips, fewer than the 12,500 made by vans.", COMPARE),
    (
        COMPANY,
        "Profit reached $42 million, four times the $14 million of the year before.",
        COMPARE,
    ),  # fmt: skip
    (COMPANY, "Sales of 60,000 units were three times more than the 15,000 sold in 2015.", OK),
    (COMPANY, "The firm's 250 staff are double the 125 it employed in 2020.", OK),
    # --- 6. a whole in one sentence, its parts or shares in the next
    (
        HEALTH,
        "The trust employs 4,000 nurses. Of these, 2,600 work full-time and 1,600 work part-time.",
        PARTS,
    ),  # fmt: skip
    (
        SCHOOLS,
        "The county has 1,200 schools. Of them, 40 percent (480 schools) have solar panels.",
        OK,
    ),
    (COMPANY, "The firm opened 250 stores. Of these, 30 percent (90 stores) are abroad.", SHARE),
    (
        TRANSPORT,
        "The council ran 600 buses. Of these, 240 were electric and the remaining 360 "
        "ran on diesel.",
        OK,
    ),  # fmt: skip
    (SCHOOLS, "The district has 1,200 pupils. 480 of them, or 30 percent, walk to school.", SHARE),
    (SCHOOLS, "The district has 1,250 pupils. 500 of them, or 40 percent, walk to school.", OK),
    (COMPANY, "The firm has 900 staff. 500 of them work in Ohio and 300 in Texas.", QUIET),
    # --- traps: true, and the words do not make it arithmetic to check
    (HEALTH, "Admissions rose 25 percent; from 2020 to 2022 they went from 800 to 1,100.", QUIET),
    (
        HEALTH,
        "Deaths rose 5 percent in the city, while in the suburbs they went from 300 to 400.",
        QUIET,
    ),  # fmt: skip
    (HEALTH, "Of the 60 patients, 40 had diabetes and 35 had high blood pressure.", QUIET),
    (HEALTH, "The hospital treated 1,200 patients in 2023, 300 more than in 2022.", QUIET),
    (SCHOOLS, "Of the 150 schools, 45 closed and 200 teachers lost their jobs.", QUIET),
    (SCHOOLS, "Of the 30 schools inspected, 12 were rated good, 9 adequate and 3 poor.", QUIET),
    (
        SCHOOLS,
        "The city spent $4 million on schools in 2021 and $7 million in 2022, compared "
        "with $9 million in 2020.",
        QUIET,
    ),  # fmt: skip
    (
        SCHOOLS,
        "Exam entries doubled over the decade, and from 2015 to 2020 rose from 40,000 to 60,000.",
        QUIET,
    ),  # fmt: skip
    (TRANSPORT, "The line carries 36,500 passengers a year and runs 120 trains a day.", QUIET),
    (
        TRANSPORT,
        "In February the operator made $14 million a day. In 2021 it made $13 billion.",
        QUIET,
    ),  # fmt: skip
    (TRANSPORT, "The new engine is 50 times cleaner than the old one and 3 times quieter.", QUIET),
    (
        TRANSPORT,
        "Ridership grew from 1.2 million to 1.5 million, with 300,000 new passes sold.",
        QUIET,
    ),  # fmt: skip
    (COMPANY, "The firm has 900 employees in all, 500 in Ohio and 300 in Texas.", OK),
    (
        COMPANY,
        "Turnout at the meeting was 60 percent, and 55 percent backed the plan while the "
        "remaining 45 percent opposed it.",
        OK,
    ),  # fmt: skip
    (COMPANY, "Prices rose 3 percent, up from 2 percent a year earlier.", QUIET),
    (COMPANY, "Costs were $5 million, twice as high as analysts expected.", QUIET),
    (COMPANY, "Unemployment fell from 5.2% to 4.9%, the lowest in 20 years.", QUIET),
]


@pytest.fixture(scope="module")
def catalog():
    return load_catalog(default_catalog_path())


@pytest.fixture(scope="module")
def references():
    return load_references()


def arithmetic(text: str, catalog, references=None, path: str = "draft.md"):
    """The arithmetic findings of a draft, through the whole check stage."""
    claims = extract_claims(load_text(text, path, "markdown"), catalog)
    findings = check_claims(claims, catalog, references or load_references())
    return [f for f in findings if rules.get(f.rule).family == "arithmetic"]


def _problems(findings):
    return [f for f in findings if f.severity != "info"]


@pytest.mark.parametrize(("subject", "text", "expected"), CASES, ids=[c[1][:50] for c in CASES])
def test_each_sentence(subject, text, expected, catalog, references):
    found = arithmetic(text, catalog, references)
    problems = _problems(found)
    if expected == QUIET:
        assert not problems, [f.message for f in problems]
    elif expected == OK:
        assert not problems, [f.message for f in problems]
        assert any(f.rule == "arithmetic-verified" for f in found), "nothing was verified"
    else:
        rule = expected.rstrip("?")
        severity = "warning" if expected.endswith("?") else "error"
        assert [(f.rule, f.severity) for f in problems] == [(rule, severity)], [
            f.message for f in problems
        ]


def test_the_set_covers_every_family_and_subject():
    slips = [c for c in CASES if c[2] not in (OK, QUIET)]
    true = [c for c in CASES if c[2] in (OK, QUIET)]
    assert len(CASES) >= 80
    assert len(true) >= len(slips)
    assert {c[0] for c in CASES} == {HEALTH, SCHOOLS, TRANSPORT, COMPANY}
    assert {c[2].rstrip("?") for c in slips} == {CHANGE, PARTS, SHARE, RATE, COMPARE}
    for subject in (HEALTH, SCHOOLS, TRANSPORT, COMPANY):
        assert sum(1 for c in slips if c[0] == subject) >= 5


def test_all_together_in_one_document(catalog, references):
    # One paragraph per case: no sentence borrows another's figures.
    text = "\n\n".join(c[1] for c in CASES) + "\n"
    found = _problems(arithmetic(text, catalog, references))
    wanted = Counter(c[2].rstrip("?") for c in CASES if c[2] not in (OK, QUIET))
    assert Counter(f.rule for f in found) == wanted


def test_a_custom_catalog_and_none_at_all(tmp_path, catalog):
    # No catalog measure is needed: a catalog of nothing gives the same findings.
    empty = tmp_path / "empty.yaml"
    empty.write_text("version: 1\nmeasures: []\n", encoding="utf-8")
    bare = load_catalog(empty)
    text = "Measles cases fell 30 percent last year, from 4,200 to 3,360.\n"
    with_default = [(f.rule, f.message) for f in arithmetic(text, catalog)]
    with_none = [(f.rule, f.message) for f in arithmetic(text, bare)]
    assert with_default == with_none and with_none[0][0] == CHANGE


def test_the_evidence_shows_figures_computation_and_tolerance(catalog, references):
    [finding] = _problems(
        arithmetic("Measles cases fell 30 percent last year, from 4,200 to 3,360.", catalog)
    )
    assert finding.severity == "error"
    assert [c["surface"] for c in finding.claims] == ["30 percent", "4,200", "3,360"]
    steps = "\n".join(finding.explanation)
    assert "3,360 / 4,200" in steps and "-20.0%" in steps  # the computation
    assert "rounding" in steps and "tolerance" in steps
    assert "rounding" in finding.tolerance
    assert finding.expected.startswith("-20.0%")


def test_explain_json_and_sarif_carry_it(tmp_path, capsys):
    draft = tmp_path / "draft.md"
    draft.write_text("Revenue climbed 18 percent, from $50 million to $65 million.\n", "utf-8")
    assert cli_main(["check", "--format", "json", str(draft)]) == 1
    report = json.loads(capsys.readouterr().out)
    [finding] = [f for f in report["findings"] if f["rule"] == CHANGE]
    assert finding["explanation"] and finding["expected"] and finding["tolerance"]
    assert cli_main(["check", "--explain", finding["id"], str(draft)]) == 1
    out = capsys.readouterr().out
    assert "65 million / 50 million" in out and "tolerance" in out and "$50 million" in out
    assert cli_main(["check", "--format", "sarif", str(draft)]) == 1
    sarif = json.loads(capsys.readouterr().out)
    run = sarif["runs"][0]
    assert CHANGE in {r["id"] for r in run["tool"]["driver"]["rules"]}
    assert any(r["ruleId"] == CHANGE for r in run["results"])


def test_verified_arithmetic_is_info_shown_with_verbose(tmp_path, capsys):
    draft = tmp_path / "draft.md"
    draft.write_text("Revenue climbed 18 percent, from $50 million to $59 million.\n", "utf-8")
    assert cli_main(["check", str(draft)]) == 0
    assert "arithmetic-verified" not in capsys.readouterr().out
    assert cli_main(["check", "-v", str(draft)]) == 0
    assert "arithmetic-verified" in capsys.readouterr().out


def test_inline_suppression_and_selection(catalog, references):
    text = "<!-- factcheck: ignore[arithmetic] -->\nMeasles cases fell 30 percent, from 4,200 to 3,360.\n"
    assert not _problems(arithmetic(text, catalog, references))
    claims = extract_claims(load_text("Cases fell 30 percent, from 4,200 to 3,360.\n", "d.md",
                                      "markdown"), catalog)  # fmt: skip
    picked = check_claims(claims, catalog, load_references(), rules.select(None, ["arithmetic"]))
    assert not [f for f in picked if f.rule.startswith("arithmetic")]


def test_a_paragraph_break_stops_a_whole_from_reaching_the_next_sentence(catalog):
    first, second = (
        "The trust employs 4,000 nurses.",
        "Of these, 2,600 work full-time and 1,600 part-time.",
    )
    assert _problems(arithmetic(f"{first} {second}\n", catalog))
    assert not _problems(arithmetic(f"{first}\n\n{second}\n", catalog))


# A page of true statements in the ways reports and news write them, one paragraph each: no
# error or warning, and the arithmetic the checks can read is verified.
TRUE_PROSE = [
    "The council approved a $12.4 million budget for 2024, up from $11.9 million last year, with $3 million set aside for repairs.",
    "Enrollment dropped to 8,412 students this fall from 8,730 a year ago, a decline of 318.",
    "About 1 in 5 residents, or roughly 20 percent, lives below the poverty line.",
    "The state recorded 1,204 road deaths in 2022, the most since 2007, when 1,318 people died.",
    "Of the district's 54 schools, 12 are more than 60 years old and 9 need new roofs.",
    "Average fares climbed 7 percent to $2.14, while ridership fell 3 percent to 41 million trips.",
    "The hospital employs 2,300 people, including 640 nurses and 210 doctors.",
    "Operating income was $88 million, compared with $102 million a year earlier, a 14 percent drop.",
    "Measles vaccination rates fell from 95% in 2019 to 91% in 2023, a drop of 4 percentage points.",
    "The company cut 1,100 jobs, about 6 percent of its workforce of 18,000.",
    "Cases of whooping cough rose more than fivefold, from 120 to 650.",
    "Sales in Asia grew by a fifth, to $1.2 billion.",
    "Of the 3,500 applicants, 1,050 were admitted, an acceptance rate of 30 percent.",
    "The bridge carries 140,000 vehicles a day, or about 51 million a year.",
    "Net profit more than doubled to $640 million from $290 million.",
    "Waiting lists grew by 40% over two years, to 7.6 million people.",
    "The firm's 12 stores in Ohio and 8 in Indiana bring its total to 20.",
    "Just 3 percent of the 1.2 million passengers complained, about 36,000 people.",
    "Spending on mental health rose from $1.1 billion to $1.4 billion, a 27% increase.",
    "Teachers' pay rose 5 percent, from $52,000 to $54,600.",
    "The trial enrolled 600 people; 300 received the vaccine and 300 a placebo.",
    "Some 48 of the 50 states reported cases, all but two.",
    "The airline flew 210 million passengers, 9% more than the 193 million it carried in 2019.",
    "Revenue per employee was $410,000, against an industry average of $380,000.",
    "Deaths among young adults rose from 5,200 to 6,100 in a decade, while deaths among the elderly fell 8 percent.",
    "The metro system has 472 stations and 6 of them closed for repairs this year, about 1 percent.",
    "Of 1,000 adults surveyed, 62% backed the plan and 31% opposed it; the rest were unsure.",
    "Average class size is 24, four more than the state's target of 20.",
    "Insulin costs about $99 a month, or $1,188 a year.",
    "The county had 410 homicides last year, a rate of 21 per 100,000 residents.",
    "The number of electric buses tripled in three years to 1,500.",
    "The factory produced 52,000 cars, up from 40,000, an increase of 30%.",
    "Of every dollar spent, 64 cents went to salaries and 36 cents to everything else.",
    "The outbreak sickened 85 people, 12 of whom were hospitalized.",
    "Ticket sales reached 2.3 million, nearly twice the 1.2 million sold the year before.",
    "The share of students passing rose from 58% to 63%, the fifth straight annual gain.",
    "About 40 percent of the 250 buses, some 100 vehicles, are more than ten years old.",
    "The index rose 2.5 points, from 101.2 to 103.7.",
    "Women hold 14 of the 40 seats, 20 percent more than in 2019.",
    "Some 45 of the 150 schools, 12 percent of the state's total, will close.",
    "The hotline gets 200 calls a day, or 10 an hour at peak times.",
    "The plant builds 1,000 cars a working day, or 250,000 a year.",
    "Deaths rose 10 percent last year, and the rate went from 12 to 14.",
    "Inflation fell to 3.1% in January from 3.4% in December, down 0.3 percentage points.",
    "Revenue was $40 million, more than the $35 million forecast by analysts but less than last year's $50 million.",
    "In all, 12 people died: 5 in 2020, 4 in 2021 and 3 in 2022.",
    "In all, 300 were injured, 40 seriously and 20 critically.",
    "The plan costs $11 million in all, of which $4 million is for roads.",
    "Sales were $40 million, half of them online.",
    "The population will double from 2 million to 4 million by 2050.",
]


def test_a_page_of_true_prose(catalog, references):
    found = arithmetic("\n\n".join(TRUE_PROSE) + "\n", catalog, references)
    assert not _problems(found), [f.message for f in _problems(found)]
    assert sum(1 for f in found if f.rule == "arithmetic-verified") >= 24


def test_a_year_ago_dates_a_figure_and_is_no_rate(catalog):
    text = "Enrollment fell to 8,412 this fall from 8,730 a year ago.\n"
    claims = extract_claims(load_text(text, "d.md", "markdown"), catalog)
    assert [(c.surface, c.kind, c.unit) for c in claims][-1] == ("8,730", "count", "count")


ODD_NUMBERS = ["0", "-5", "0.0", "1", "more than 40", "nearly 0", "about 3", "-12%", "0%", "100%",
               "zero", "0.5", "1,000,000,000,000", "hundreds", "a few", "50 to 60",
               "between 3 and 4", "under 2", "at least 7 percent"]  # fmt: skip


def test_odd_figures_in_every_structure_never_break_the_check(catalog):
    # The sentences above with some figures swapped for zeros, negatives, open and vague
    # ones: whatever the reader makes of them, the check finishes and its findings are
    # strict JSON with finite numbers.
    rng = random.Random(11)
    texts = [c[1] for c in CASES] + TRUE_PROSE
    for _ in range(400):
        text = re.sub(
            r"\d[\d,.]*",
            lambda m: rng.choice(ODD_NUMBERS) if rng.random() < 0.4 else m.group(),
            rng.choice(texts),
        )
        claims = extract_claims(load_text(text, "d.md", "markdown"), catalog)
        for finding in check_arithmetic(claims):
            json.dumps(finding.to_dict(), allow_nan=False)
            assert finding.severity in ("error", "warning", "info")


def test_time_grows_linearly_with_claims():
    # CPU time of the check on n and 4n sentences of three figures: about 4 times (not 16).
    def claims(n: int) -> list[Claim]:
        out = []
        for i in range(n):
            sentence = "Admissions rose 25 percent, from 800 to 1,000."
            for offset, surface, value, kind, unit in ((16, "25 percent", 25, "change", "percent"),
                                                       (33, "800", 800, "count", "count"),
                                                       (40, "1,000", 1000, "count", "count")):  # fmt: skip
                out.append(Claim(doc="d.md", start=i * 100 + offset, end=i * 100 + offset + 3,
                                 line=i + 1, column=offset + 1, end_line=i + 1,
                                 end_column=offset + 4, surface=surface, sentence=sentence,
                                 value=value, low=value, high=value, unit=unit,
                                 qualifier="exact", kind=kind, resolution=1.0,
                                 sentence_offset=offset, sentence_start=i * 100))  # fmt: skip
        return out

    def cpu(n: int) -> float:
        batch = claims(n)
        start = time.process_time()
        check_arithmetic(batch)
        return time.process_time() - start

    small, large = cpu(500), cpu(2000)
    assert large < 10 * max(small, 0.01)
